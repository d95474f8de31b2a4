/** 附件2's item lists: numbering without gaps or repeats (`keyitems/numbering`), no item twice (`keyitems/duplicate-item`). */
import { describeNumbering, numberingProblemsOf } from './read';
import type { Rule } from '../types';

export const keyItemsList: Rule = {
  id: 'keyitems-list',
  kind: 'unit-key-items',
  needs: ['unit-key-items:keyitems-list'],
  run({ records, sink }) {
    const k = records['unit-key-items'];
    if (!k) return;
    const sheet = k.sheet;
    for (const row of k.rows) {
      const problems = numberingProblemsOf(row.items);
      if (problems) sink.add('keyitems/numbering', { sheet, cell: row.itemsCell }, { unit: row.unit, detail: describeNumbering(problems) });
      const times = new Map<string, number>();
      for (const it of row.items) times.set(it.key, (times.get(it.key) ?? 0) + 1);
      for (const it of row.items) {
        const n = times.get(it.key) ?? 0;
        if (n < 2) continue;
        sink.add('keyitems/duplicate-item', { sheet, cell: row.itemsCell }, { unit: row.unit, item: it.name }, { actual: n });
        times.set(it.key, 0);
      }
    }
  },
};
