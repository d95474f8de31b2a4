/** `dup/liaison` on 附件5: the same (county, item) twice. */
import { duplicatesByKey } from './duplicates';
import type { Rule } from './types';

export const dupLiaison: Rule = {
  id: 'dup-liaison',
  kind: 'liaison-log',
  needs: ['liaison-log:liaison-dup'],
  run({ incentive, sink }) {
    const l = incentive.liaison;
    if (!l) return;
    for (const { row, first } of duplicatesByKey(l.entries, (e) => (e.itemKey === '' ? '' : `${e.countyKey}|${e.itemKey}`))) {
      sink.add('dup/liaison', { sheet: l.sheet, cell: row.itemCell }, { unit: row.county, item: row.item, otherCell: first.itemCell }, { related: [{ sheet: l.sheet, cell: first.itemCell }] });
    }
  },
};
