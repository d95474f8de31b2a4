/** `keyitems/count` on 附件2: 项数 equals the number of items listed in 具体事项. */
import type { Rule } from './types';

export const keyItemsCount: Rule = {
  id: 'keyitems-count',
  kind: 'unit-key-items',
  needs: ['unit-key-items:keyitems-count'],
  run({ incentive, sink }) {
    const k = incentive.unitKeyItems;
    if (!k) return;
    for (const row of k.rows) {
      if (row.count.value === null || row.count.value === row.items.length) continue;
      sink.add('keyitems/count', { sheet: k.sheet, cell: row.count.cell }, { unit: row.unit }, {
        expected: row.items.length,
        actual: row.count.value,
        related: [{ sheet: k.sheet, cell: row.itemsCell }],
      });
    }
  },
};
