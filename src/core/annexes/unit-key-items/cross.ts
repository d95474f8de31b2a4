/** 附件2 vs the counties 附件3 names with 有可能 or better, both directions (`cross/key-*`, `units/*`). */
import { deriveCountyItems, limit, looksLikeCounty, namedTwoWays, sameItem, type DerivedCounty, type UnknownName } from '../../profiles/incentive/cross';
import type { FindingSink } from '../../finding';
import type { IncentiveAnalysis } from '../incentive-analysis/read';
import type { UnitKeyItems } from './read';
import type { Settings } from '../../settings';
import type { Rule } from '../types';

/** At least this many listed items for a unit 附件3 rates nothing for, before they are said once instead of one by one. */
const UNRATED_AT_ONCE = 3;

function compareKeyItems(keyItems: UnitKeyItems, analysis: IncentiveAnalysis, settings: Settings, sink: FindingSink): DerivedCounty[] {
  const known = new Set(keyItems.rows.map((r) => r.unitKey));
  const unknown: UnknownName[] = [];
  const derived = deriveCountyItems(analysis, known, settings, sink, unknown);
  const source = analysis.sheet;
  const sheet = keyItems.sheet;
  // A unit written one way here and another in 附件3 is said once, then checked as the one unit it is.
  const twoWays = namedTwoWays(keyItems.rows, derived, known);
  const byCounty = new Map(derived.map((d) => [d.county, d] as const));
  for (const [name, { row, shared: n }] of twoWays) {
    const d = byCounty.get(name);
    sink.add('units/named-two-ways', { sheet, cell: row.unitCell }, { unit: row.unit, alias: name, source, count: n }, {
      related: limit((d?.items ?? []).map((ci) => ({ sheet: source, cell: ci.item.assessmentCell }))),
    });
    if (d) byCounty.set(row.unitKey, d);
  }
  // A name no annex knows is said once, at its first assessment, with every assessment that uses it.
  const unknownByName = new Map<string, UnknownName[]>();
  for (const u of unknown) if (!twoWays.has(u.name)) unknownByName.set(u.name, [...(unknownByName.get(u.name) ?? []), u]);
  for (const uses of unknownByName.values()) {
    const first = uses[0] as UnknownName;
    sink.add('units/unknown-unit', { sheet: source, cell: first.cell }, { unit: first.unit, count: uses.length }, {
      ...(uses.length > 1 ? { related: limit(uses.map((u) => ({ sheet: source, cell: u.cell }))) } : {}),
    });
  }
  for (const d of derived) {
    if (known.has(d.county) || twoWays.has(d.county) || !looksLikeCounty(d.county) || d.items.length === 0) continue;
    sink.add('cross/key-unit-missing', { sheet, cell: keyItems.unitHeaderCell }, { unit: d.county, source }, {
      expected: d.items.length,
      related: limit(d.items.map((ci) => ({ sheet: source, cell: ci.item.assessmentCell }))),
    });
  }
  for (const row of keyItems.rows) {
    const rated = byCounty.get(row.unitKey);
    const d = rated?.items ?? [];
    for (const ci of d) {
      if (!row.items.some((li) => sameItem(li.key, ci.item.itemKey))) {
        sink.add('cross/key-item-missing', { sheet, cell: row.itemsCell }, { unit: row.unit, item: ci.item.item, rating: ci.rating, source }, {
          related: [{ sheet: source, cell: ci.item.assessmentCell }],
        });
      }
    }
    const listed = row.items.filter((li) => li.key !== '');
    // A unit 附件3 rates nothing for at all: its listed items are said once, not each on its own.
    if (!rated && listed.length >= UNRATED_AT_ONCE) {
      sink.add('cross/key-unit-unrated', { sheet, cell: row.itemsCell }, { unit: row.unit, source, count: listed.length }, {
        related: limit(listed.flatMap((li) => analysis.items.filter((i) => sameItem(li.key, i.itemKey)).map((c) => ({ sheet: source, cell: c.assessmentCell })))),
      });
      continue;
    }
    for (const li of listed) {
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
