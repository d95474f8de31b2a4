/** 附件1 vs the tally recomputed from 附件3 (`cross/tally-*`). */
import { deriveTally, limit } from '../../profiles/incentive/cross';
import type { FindingSink } from '../../finding';
import type { IncentiveAnalysis, AnalysisItem } from '../incentive-analysis/read';
import { type Rating } from '../incentive-analysis/ratings';
import { TALLY_COLUMNS, TALLY_RATING, type RatingTally } from './read';
import { listParam } from '../../i18n/lists';
import { pairShortenings } from '../../units';
import type { Rule } from '../types';

function compareTally(tally: RatingTally, analysis: IncentiveAnalysis, sink: FindingSink): void {
  const derived = deriveTally(analysis);
  const byKey = new Map(derived.map((d) => [d.unitKey, d] as const));
  const source = analysis.sheet;
  const sheet = tally.sheet;
  const tallyKeys = new Set(tally.rows.map((r) => r.unitKey));
  // Units named two ways in the two annexes (short names in one, formal names in the other) are a reading
  // problem, not one error per unit: when most of 附件3's units have no row in 附件1, say so once.
  const unmatched = derived.filter((d) => !tallyKeys.has(d.unitKey));
  const mostlyUnmatched = derived.length >= 3 && unmatched.length * 2 > derived.length;
  if (mostlyUnmatched) {
    const MAX_NAMES = 10;
    sink.add('cross/units-unmatched', { sheet, cell: tally.rows[0]?.unitCell ?? 'A1' }, {
      source,
      target: sheet,
      count: derived.length,
      unmatched: unmatched.length,
      units: listParam(unmatched.map((d) => d.unit), { max: MAX_NAMES }),
    }, { related: limit(unmatched.map((d) => ({ sheet: source, cell: d.items[0]?.unitCell ?? '' })).filter((c) => c.cell !== '')) });
  }
  // One unit shortened in one annex (州市监局 for 州市场监管局): said once, then compared as the one unit it is.
  const shortened = mostlyUnmatched
    ? new Map<string, string>()
    : pairShortenings(tally.rows.filter((r) => !byKey.has(r.unitKey)).map((r) => r.unitKey), unmatched.map((d) => d.unitKey));
  for (const [rowKey, unitKey] of shortened) {
    const row = tally.rows.find((r) => r.unitKey === rowKey);
    const d = byKey.get(unitKey);
    if (!row || !d) continue;
    sink.add('units/shortened', { sheet, cell: row.unitCell }, { unit: row.unit, alias: d.unit, source }, {
      related: limit(d.items.map((i) => ({ sheet: source, cell: i.unitCell })).filter((c) => c.cell !== '')),
    });
    byKey.set(rowKey, d);
    tallyKeys.add(unitKey);
  }
  for (const row of tally.rows) {
    const d = byKey.get(row.unitKey);
    if (!d) {
      const stated = row.total.value ?? 0;
      if (stated > 0 && !mostlyUnmatched) sink.add('cross/tally-unit-extra', { sheet, cell: row.unitCell }, { unit: row.unit, source }, { actual: stated, expected: 0 });
      continue;
    }
    const compare = (stated: number | null, blank: boolean, expected: number, cell: string, column: string, items: readonly AnalysisItem[]): void => {
      // A column the header lacks (reported as structure/column-missing) is not compared.
      if (cell === '') return;
      const actual = stated ?? (blank ? 0 : null);
      if (actual === null || actual === expected) return;
      sink.add('cross/tally-mismatch', { sheet, cell }, { unit: row.unit, column, source }, {
        expected,
        actual,
        related: limit(items.map((i) => ({ sheet: source, cell: i.assessmentCell }))),
      });
    };
    compare(row.total.value, row.total.blank, d.total, row.total.cell, '总项数', d.items);
    for (const col of TALLY_COLUMNS) {
      const rating: Rating = TALLY_RATING[col];
      const c = row.counts[col];
      compare(c.value, c.blank, d.counts[col], c.cell, rating, d.items.filter((i) => i.derived.rating === rating));
    }
  }
  for (const d of derived) {
    if (tallyKeys.has(d.unitKey) || mostlyUnmatched) continue;
    const first = d.items[0];
    if (!first) continue;
    sink.add('cross/tally-unit-missing', { sheet: source, cell: first.unitCell }, { unit: d.unit, source, target: sheet }, { expected: d.total });
  }
}

export const crossTally: Rule = {
  id: 'cross-tally',
  kind: 'rating-tally',
  needs: ['rating-tally:tally-cross', 'incentive-analysis:analysis-cross'],
  run({ records, sink }) {
    const ratingTally = records['rating-tally']; const analysis = records['incentive-analysis'];
    if (ratingTally && analysis) compareTally(ratingTally, analysis, sink);
  },
};
