/** Summary sheet plans for an audit, in the order they are added to the workbook. */
import type { Audit } from '../audit';
import type { Lang } from '../i18n/spec';
import { findingsPlan } from './findings';
import { completionPlan, countiesPlan, tallyPlan } from './incentive';
import { incentiveDraftPlan, type PreviousRound } from './incentiveDraft';
import { draftPlan, livelihoodPlan, targetsPlan } from './keywork';
import type { SheetPlan } from './types';
import { chartViews, type ChartView } from './charts';

export * from './types';
export { chartViews, type ChartView } from './charts';
export { highlightPlan } from './highlight';

/** `previous`: the version compared with (a 通报草稿 then says what changed since it). */
export function buildSummaryPlans(audit: Audit, lang: Lang = 'zh-CN', options: { previous?: PreviousRound } = {}): SheetPlan[] {
  const plans: (SheetPlan | null)[] = [];
  // Every profile the workbook holds gets its summaries (a workbook may hold annexes of both).
  if (audit.records.incentive) {
    const tally = tallyPlan(audit, lang);
    const counties = countiesPlan(audit, lang);
    plans.push(tally, counties, completionPlan(audit, lang), incentiveDraftPlan(audit, lang, tally, counties, options.previous));
  }
  if (audit.records.keywork) plans.push(targetsPlan(audit, lang), livelihoodPlan(audit, lang), draftPlan(audit, lang));
  plans.push(findingsPlan(audit, lang));
  return plans.filter((p): p is SheetPlan => p !== null);
}

/** The summary charts in both languages, as the pane draws them: from the same plans the hosts write. */
export function summaryChartViews(audit: Audit): Readonly<Record<Lang, readonly ChartView[]>> {
  return { 'zh-CN': chartViews(buildSummaryPlans(audit, 'zh-CN')), 'en-US': chartViews(buildSummaryPlans(audit, 'en-US')) };
}
