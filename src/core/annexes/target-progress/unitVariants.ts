/** `units/variant`: one unit written two ways across the key-work annexes. */
import type { FindingSink } from '../../finding';
import type { Settings } from '../../settings';
import type { LivelihoodProjects } from '../livelihood-projects/read';
import type { TargetProgress } from './read';
import type { TaskDecomposition } from '../task-decomposition/read';
import { canonicalDistrictUnit, isGroupUnit } from '../../profiles/keywork/units';
import type { Rule } from '../types';

interface UnitMention {
  readonly written: string;
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * The same unit written two ways across the sheets (a long and a short form of the alias table, or
 * with and without the leading 区). Reported once per variant form, where it first appears.
 */
export function checkUnitVariants(
  targets: TargetProgress | undefined,
  livelihood: LivelihoodProjects | undefined,
  tasks: TaskDecomposition | undefined,
  settings: Settings,
  sink: FindingSink,
): void {
  const mentions: UnitMention[] = [];
  const add = (written: string, sheet: string, cell: string) => {
    const w = written.replace(/\s+/g, '');
    if (w === '' || isGroupUnit(w)) return;
    mentions.push({ written: w, key: canonicalDistrictUnit(w, settings.unitAliases).replace(/^区/, ''), sheet, cell });
  };
  for (const r of targets?.rows ?? []) for (const u of r.units) add(u, targets?.sheet ?? '', r.unitCell);
  for (const r of livelihood?.rows ?? []) if (r.unit !== '') add(r.unit, livelihood?.sheet ?? '', r.unitCell);
  for (const r of tasks?.rows ?? []) {
    for (const u of r.lead) add(u, tasks?.sheet ?? '', r.leadCell);
    for (const u of r.related) add(u, tasks?.sheet ?? '', r.relatedCell);
  }
  const byKey = new Map<string, UnitMention[]>();
  for (const m of mentions) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  for (const list of byKey.values()) {
    const forms = new Map<string, UnitMention[]>();
    for (const m of list) forms.set(m.written, [...(forms.get(m.written) ?? []), m]);
    if (forms.size < 2) continue;
    // The form used most often is the expected one; ties go to the first written.
    const ranked = [...forms.entries()].sort((a, b) => b[1].length - a[1].length);
    const [mainForm, mainMentions] = ranked[0] ?? ['', []];
    const main = mainMentions[0];
    if (!main) continue;
    for (const [form, ms] of ranked.slice(1)) {
      const first = ms[0];
      if (!first) continue;
      sink.add(
        'units/variant',
        { sheet: first.sheet, cell: first.cell },
        { otherSheet: main.sheet, otherCell: main.cell },
        { expected: mainForm, actual: form, related: [{ sheet: main.sheet, cell: main.cell }] },
      );
    }
  }
}

export const unitVariants: Rule = {
  id: 'unit-variants',
  kind: 'target-progress',
  needs: [],
  sheet: ({ records }) => records['target-progress']?.sheet ?? records['livelihood-projects']?.sheet ?? records['task-decomposition']?.sheet,
  run({ records, settings, sink }) {
    checkUnitVariants(records['target-progress'], records['livelihood-projects'], records['task-decomposition'], settings, sink);
  },
};
