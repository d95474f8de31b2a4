/**
 * `keyitems/count` on 附件2: 项数 equals the number of items listed in 具体事项 (an item wrapped onto a second line is
 * one item). When 项数 is a formula counting the cell's lines (`LEN−LEN(SUBSTITUTE(…,CHAR(10),""))+1`), a note says
 * that is why it is off (`keyitems/count-by-lines`).
 */
import { parseA1 } from '../../grid';
import type { Rule } from '../types';

/** A formula that counts line breaks: CHAR(10) (or UNICHAR(10)) substituted away. */
const COUNTS_LINES = /SUBSTITUTE\([^)]*(?:UNI)?CHAR\(\s*10\s*\)/i;

export const keyItemsCount: Rule = {
  id: 'keyitems-count',
  kind: 'unit-key-items',
  needs: ['unit-key-items:keyitems-count'],
  run({ records, sink, tables }) {
    const k = records['unit-key-items'];
    if (!k) return;
    const view = tables.get('unit-key-items')?.view;
    for (const row of k.rows) {
      if (row.count.value === null || row.count.value === row.items.length) continue;
      const at = parseA1(row.count.cell);
      const formula = at && view ? view.formula(at.row, at.col) : null;
      const byLines = formula !== null && COUNTS_LINES.test(formula);
      // Lines after the last item may be items nobody numbered: a count that counts them is not wrong — unless it
      // is a formula counting lines, which counts a wrapped line whatever it is.
      const trailing = row.items[row.items.length - 1]?.trailing ?? 0;
      if (!byLines && row.count.value === row.items.length + trailing) continue;
      sink.add('keyitems/count', { sheet: k.sheet, cell: row.count.cell }, { unit: row.unit }, {
        expected: row.items.length,
        actual: row.count.value,
        related: [{ sheet: k.sheet, cell: row.itemsCell }],
      });
      if (byLines) sink.add('keyitems/count-by-lines', { sheet: k.sheet, cell: row.count.cell }, { unit: row.unit, formula: `=${formula ?? ''}` });
    }
  },
};
