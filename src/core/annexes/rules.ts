/** The rule runner. A new rule: a file in its kind's folder, its spec beside it (`<rule>.test.ts`), and a place in the kind's `rules` (`annexes/<kind>/index.ts`). */
import type { Guard } from '../guard';
import { checkEnabled } from '../gate';
import type { AnnexKind } from '../table';
import { ANNEX_KINDS } from '../kinds';
import { KIND_MODULES } from './index';
import type { Rule, RuleContext } from './types';

export type { Rule, RuleContext } from './types';
export { duplicatesByKey, type Duplicate } from './duplicates';

/** Every kind's rules, in registry order (`annexes/<kind>/index.ts`). */
export const RULES: readonly Rule[] = ANNEX_KINDS.flatMap((k) => KIND_MODULES[k].rules);

/** The sheet a rule reports on, when its annex is present. */
function sheetOf(ctx: Omit<RuleContext, 'enabled'>, kind: AnnexKind): string | undefined {
  // A kind without a table (the 通报) reports on the sheet its records were read from.
  return ctx.tables.get(kind)?.sheet ?? (ctx.records[kind] as { readonly sheet?: string } | undefined)?.sheet;
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
