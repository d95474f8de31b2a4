/** The rule registry and its runner. A new rule: a file here, one line in `RULES`, and its spec beside it (`<rule>.test.ts`). */
import type { Guard } from '../guard';
import { checkEnabled } from '../gate';
import type { AnnexKind } from '../table';
import { crossKeyItems } from './crossKeyItems';
import { crossProgress } from './crossProgress';
import { crossReport } from './crossReport';
import { crossTally } from './crossTally';
import { dupAnalysisItem } from './dupAnalysisItem';
import { dupLiaison } from './dupLiaison';
import { dupLivelihood } from './dupLivelihood';
import { dupProgressItem } from './dupProgressItem';
import { dupTarget } from './dupTarget';
import { dupTask } from './dupTask';
import { keyItemsCount } from './keyItemsCount';
import { keyItemsList } from './keyItemsList';
import { livelihoodRows } from './livelihoodRows';
import { markerCount } from './markerCount';
import { repeatedPassage } from './repeatedPassage';
import { tallyRowSum } from './tallyRowSum';
import { tallyTotals } from './tallyTotals';
import type { Rule, RuleContext } from './types';
import { unitVariants } from './unitVariants';

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
