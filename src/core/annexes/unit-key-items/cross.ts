/** 附件2 vs the counties 附件3 names with 有可能 or better, both directions (`cross/key-*`, `units/*`). */
import { deriveCountyItems, limit, looksLikeCounty, sameItem, type DerivedCounty } from '../../profiles/incentive/cross';
import type { FindingSink } from '../../finding';
import type { IncentiveAnalysis } from '../incentive-analysis/read';
import type { UnitKeyItems } from './read';
import type { Settings } from '../../settings';
import type { Rule } from '../types';

function compareKeyItems(keyItems: UnitKeyItems, analysis: IncentiveAnalysis, settings: Settings, sink: FindingSink): DerivedCounty[] {
  const known = new Set(keyItems.rows.map((r) => r.unitKey));
  const derived = deriveCountyItems(analysis, known, settings, sink);
  const byCounty = new Map(derived.map((d) => [d.county, d] as const));
  const source = analysis.sheet;
  const sheet = keyItems.sheet;
  for (const d of derived) {
    if (known.has(d.county) || !looksLikeCounty(d.county) || d.items.length === 0) continue;
    sink.add('cross/key-unit-missing', { sheet, cell: keyItems.unitHeaderCell }, { unit: d.county, source }, {
      expected: d.items.length,
      related: limit(d.items.map((ci) => ({ sheet: source, cell: ci.item.assessmentCell }))),
    });
  }
  for (const row of keyItems.rows) {
    const d = byCounty.get(row.unitKey)?.items ?? [];
    for (const ci of d) {
      if (!row.items.some((li) => sameItem(li.key, ci.item.itemKey))) {
        sink.add('cross/key-item-missing', { sheet, cell: row.itemsCell }, { unit: row.unit, item: ci.item.item, rating: ci.rating, source }, {
          related: [{ sheet: source, cell: ci.item.assessmentCell }],
        });
      }
    }
    for (const li of row.items) {
      if (li.key === '') continue;
      if (!d.some((ci) => sameItem(li.key, ci.item.itemKey))) {
        const candidates = analysis.items.filter((i) => sameItem(li.key, i.itemKey));
        sink.add('cross/key-item-extra', { sheet, cell: row.itemsCell }, { unit: row.unit, item: li.name, source }, {
          related: limit(candidates.map((c) => ({ sheet: source, cell: c.assessmentCell }))),
        });
      }
    }
  }
  return derived;
}

export const crossKeyItems: Rule = {
  id: 'cross-key-items',
  kind: 'unit-key-items',
  needs: ['unit-key-items:keyitems-cross', 'incentive-analysis:analysis-cross'],
  run({ records, settings, sink }) {
    const unitKeyItems = records['unit-key-items']; const analysis = records['incentive-analysis'];
    if (unitKeyItems && analysis) compareKeyItems(unitKeyItems, analysis, settings, sink);
  },
};
