/** Summary sheet plans for an audit, in the order they are added to the workbook. */
import type { Audit } from '../auditTypes';
import type { Lang } from '../i18n/spec';
import type { Profile } from '../kinds';
import { findingsPlan } from './findings';
import { completionPlan, countiesPlan, tallyPlan } from '../profiles/incentive/plans';
import { incentiveDraftPlan, type PreviousRound } from '../profiles/incentive/draft';
import { draftPlan } from '../profiles/keywork/plans';
import { KIND_MODULES } from '../annexes/index';
import { ANNEX_KINDS, KIND_PROFILE } from '../kinds';
import type { SheetPlan } from './types';
import { chartViews, type ChartView } from './charts';

export * from './types';
export { chartViews, type ChartView } from './charts';
export { highlightPlan } from './highlight';

type PlanOptions = { previous?: PreviousRound };

/**
 * Each profile's own summary sheets, those that span its kinds, added after its kinds' own (`plan` in
 * `annexes/<kind>/index.ts`): the 通报草稿 last, built on the tables before it.
 */
const PROFILE_PLANS: { readonly [P in Profile]: (audit: Audit, lang: Lang, options: PlanOptions) => (SheetPlan | null)[] } = {
  incentive(audit, lang, options) {
    const tally = tallyPlan(audit, lang);
    const counties = countiesPlan(audit, lang);
    return [tally, counties, completionPlan(audit, lang), incentiveDraftPlan(audit, lang, tally, counties, options.previous)];
  },
  keywork: (audit, lang) => [draftPlan(audit, lang)],
};

/** `previous`: the version compared with (a 通报草稿 then says what changed since it). */
export function buildSummaryPlans(audit: Audit, lang: Lang = 'zh-CN', options: PlanOptions = {}): SheetPlan[] {
  const plans: (SheetPlan | null)[] = [];
  // Every profile the workbook holds gets its summaries (a workbook may hold annexes of both), in registry order.
  for (const p of Object.keys(PROFILE_PLANS) as Profile[]) {
    if (!audit.profiles.includes(p)) continue;
    for (const k of ANNEX_KINDS) if (KIND_PROFILE[k] === p) plans.push(KIND_MODULES[k].plan?.(audit, lang) ?? null);
    plans.push(...PROFILE_PLANS[p](audit, lang, options));
  }
  plans.push(findingsPlan(audit, lang));
  return plans.filter((p): p is SheetPlan => p !== null);
}

/** The summary charts in both languages, as the pane draws them: from the same plans the hosts write. */
export function summaryChartViews(audit: Audit): Readonly<Record<Lang, readonly ChartView[]>> {
  return { 'zh-CN': chartViews(buildSummaryPlans(audit, 'zh-CN')), 'en-US': chartViews(buildSummaryPlans(audit, 'en-US')) };
}
