/** `dup/item` on 附件4: the same item twice under the same lead unit. */
import { duplicatesByKey } from '../duplicates';
import type { Rule } from '../types';

export const dupProgressItem: Rule = {
  id: 'dup-progress-item',
  kind: 'progress-report',
  needs: ['progress-report:progress-dup'],
  run({ records, sink }) {
    const p = records['progress-report'];
    if (!p) return;
    for (const { row, first } of duplicatesByKey(p.items, (i) => (i.itemKey === '' ? '' : `${i.unitKey}|${i.itemKey}`))) {
      sink.add('dup/item', { sheet: p.sheet, cell: row.itemCell }, { unit: row.unit, item: row.item, otherCell: first.itemCell }, { related: [{ sheet: p.sheet, cell: first.itemCell }] });
    }
  },
};
