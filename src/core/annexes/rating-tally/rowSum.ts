/** `tally/row-sum` on 附件1: 总项数 = 很有可能 + 有可能 + 难度较大 + 不太可能 (blank rating cells are 0). */
import { TALLY_COLUMNS } from './read';
import type { Rule } from '../types';

export const tallyRowSum: Rule = {
  id: 'tally-row-sum',
  kind: 'rating-tally',
  needs: ['rating-tally:tally-row-sum'],
  run({ records, sink }) {
    const t = records['rating-tally'];
    if (!t) return;
    const sheet = t.sheet;
    for (const row of t.rows) {
      const parts = TALLY_COLUMNS.map((k) => row.counts[k]);
      // A word or an error where a count belongs is its own finding; the sum is not guessed.
      if (row.total.value === null || parts.some((p) => p.value === null && !p.blank)) continue;
      const sum = parts.reduce((a, p) => a + (p.value ?? 0), 0);
      if (sum === row.total.value) continue;
      sink.add('tally/row-sum', { sheet, cell: row.total.cell }, { unit: row.unit }, {
        expected: sum,
        actual: row.total.value,
        related: parts.map((p) => ({ sheet, cell: p.cell })).filter((c) => c.cell !== ''),
      });
    }
  },
};
