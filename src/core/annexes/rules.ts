/** The rule registry and its runner. A new rule: a file here, one line in `RULES`, and its spec beside it (`<rule>.test.ts`). */
import type { Guard } from '../guard';
import { checkEnabled } from '../gate';
import type { AnnexKind } from '../table';
import { crossKeyItems } from './unit-key-items/cross';
import { crossProgress } from './progress-report/cross';
import { crossReport } from './report-text/cross';
import { crossTally } from './rating-tally/cross';
import { dupAnalysisItem } from './incentive-analysis/dup';
import { dupLiaison } from './liaison-log/dup';
import { dupLivelihood } from './livelihood-projects/dup';
import { dupProgressItem } from './progress-report/dup';
import { dupTarget } from './target-progress/dup';
import { dupTask } from './task-decomposition/dup';
import { keyItemsCount } from './unit-key-items/count';
import { keyItemsList } from './unit-key-items/list';
import { livelihoodRows } from './livelihood-projects/rows';
import { markerCount } from './incentive-analysis/markers';
import { repeatedPassage } from './progress-report/repeated';
import { tallyRowSum } from './rating-tally/rowSum';
import { tallyTotals } from './rating-tally/totals';
import type { Rule, RuleContext } from './types';
import { unitVariants } from './target-progress/unitVariants';

export type { Rule, RuleContext } from './types';
export { duplicatesByKey, type Duplicate } from './duplicates';

export const RULES: readonly Rule[] = [
  tallyRowSum,
  tallyTotals,
  crossTally,
  keyItemsCount,
  keyItemsList,
  crossKeyItems,
  markerCount,
  dupAnalysisItem,
  crossProgress,
  dupProgressItem,
  repeatedPassage,
  dupLiaison,
  livelihoodRows,
  crossReport,
  dupTarget,
  dupLivelihood,
  dupTask,
  unitVariants,
];

/** The sheet a rule reports on, when its annex is present. */
function sheetOf(ctx: Omit<RuleContext, 'enabled'>, kind: AnnexKind): string | undefined {
  if (kind === 'report-text') return ctx.keywork.report?.sheet;
  return ctx.tables.get(kind)?.sheet;
}

/**
 * Run every rule whose annex is present and whose checks have their columns, each on its own:
 * a rule that throws becomes one `engine/rule-failed` finding on its sheet.
 */
export function runRules(base: Omit<RuleContext, 'enabled'>, guard: Guard, rules: readonly Rule[] = RULES): void {
  const enabled = (kind: AnnexKind, checkId: string) => checkEnabled(base.tables.get(kind), checkId);
  const ctx: RuleContext = { ...base, enabled };
  for (const rule of rules) {
    const sheet = rule.sheet ? rule.sheet(ctx) : sheetOf(base, rule.kind);
    if (sheet === undefined) continue;
    const runs = rule.needs.every((need) => {
      const [kind, id] = need.split(':') as [AnnexKind, string];
      return enabled(kind, id);
    });
    if (runs) guard(sheet, rule.id, () => rule.run(ctx));
  }
}
