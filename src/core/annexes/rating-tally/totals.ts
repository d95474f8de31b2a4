/**
 * The 合计 row of 附件1: present (`structure/total-row-missing`); its SUM formulas cover every unit row
 * (`tally/total-formula-range`); no typed number among formulas (`tally/total-typed-over-formula`); each
 * 合计 equals the sum of the unit rows (`tally/column-total`).
 */
import { a1, columnLetter } from '../../grid';
import { rowsCoveredByFormula, TALLY_COLUMNS } from './read';
import { columnLabel } from '../../table';
import type { Rule } from '../types';

export const tallyTotals: Rule = {
  id: 'tally-totals',
  kind: 'rating-tally',
  needs: ['rating-tally:tally-total'],
  run({ records, tables, sink }) {
    const t = records['rating-tally'];
    const table = tables.get('rating-tally');
    if (!t || !table) return;
    const sheet = t.sheet;
    const tr = table.totalRow;
    if (!tr || !t.totalRow) {
      sink.add('structure/total-row-missing', { sheet, cell: a1(table.header.bottom, table.header.columns.get('unit')?.[0] ?? 0) });
      return;
    }
    const cells = t.totalRow.cells;
    const keys = ['total', ...TALLY_COLUMNS] as const;
    const formulaKeys = keys.filter((k) => {
      const c = tr.cells.get(k);
      return c ? table.view.formula(c.row, c.col) !== null : false;
    });
    const dataRows = t.rows.map((x) => x.row);
    for (const k of keys) {
      const c = tr.cells.get(k);
      if (!c) continue;
      const column = columnLabel(table, k);
      const formula = table.view.formula(c.row, c.col);
      if (formula !== null) {
        const covered = rowsCoveredByFormula(formula, c.col);
        if (covered && dataRows.some((r) => !covered.has(r))) {
          const letter = columnLetter(c.col);
          sink.add('tally/total-formula-range', { sheet, cell: c.addr }, { column }, {
            expected: `SUM(${letter}${Math.min(...dataRows) + 1}:${letter}${Math.max(...dataRows) + 1})`,
            actual: formula,
          });
        }
      } else if (formulaKeys.length > 0 && cells[k].value !== null) {
        sink.add('tally/total-typed-over-formula', { sheet, cell: c.addr }, { column }, { actual: cells[k].value ?? '' });
      }
      const stated = cells[k].value;
      if (stated === null) continue;
      const sum = t.rows.reduce((a, row) => a + ((k === 'total' ? row.total.value : row.counts[k].value) ?? 0), 0);
      if (sum !== stated) sink.add('tally/column-total', { sheet, cell: c.addr }, { column }, { expected: sum, actual: stated });
    }
  },
};
