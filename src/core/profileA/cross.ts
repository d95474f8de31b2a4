/** Cross-sheet rules of profile A: 附件1 vs 附件3, 附件2 vs 附件3 (both directions), 附件4 vs 附件3. */
import type { CellLocation, FindingSink } from '../finding';
import type { IncentiveAnalysis, AnalysisItem } from './analysis';
import type { UnitKeyItems } from './keyItems';
import type { ProgressReport, ProgressItem } from './progress';
import { isAtLeastLikely, type Rating } from './ratings';
import { TALLY_COLUMNS, TALLY_RATING, type RatingTally, type TallyColumn } from './tally';
import { canonicalUnit, resolveCounty } from '../units';
import { ownValue } from '../text';
import type { Settings } from '../settings';
import { listParam } from '../i18n/lists';

export interface DerivedUnitTally {
  readonly unit: string;
  readonly unitKey: string;
  readonly total: number;
  readonly counts: Readonly<Record<TallyColumn, number>>;
  readonly items: readonly AnalysisItem[];
}

/** 附件1 recomputed from 附件3: per lead unit in order of first appearance. */
export function deriveTally(analysis: IncentiveAnalysis): DerivedUnitTally[] {
  const byUnit = new Map<string, { unit: string; items: AnalysisItem[] }>();
  for (const it of analysis.items) {
    const entry = byUnit.get(it.unitKey) ?? { unit: it.unit, items: [] };
    entry.items.push(it);
    byUnit.set(it.unitKey, entry);
  }
  return [...byUnit.entries()].map(([unitKey, { unit, items }]) => {
    const counts = { veryLikely: 0, likely: 0, hard: 0, unlikely: 0 };
    for (const it of items) {
      const col = TALLY_COLUMNS.find((c) => TALLY_RATING[c] === it.derived.rating);
      if (col) counts[col]++;
    }
    return { unit, unitKey, total: items.length, counts, items };
  });
}

const MAX_RELATED = 30;

function limit(cells: CellLocation[]): CellLocation[] {
  return cells.slice(0, MAX_RELATED);
}

export function crossTally(tally: RatingTally, analysis: IncentiveAnalysis, sink: FindingSink): void {
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

export interface CountyItem {
  readonly item: AnalysisItem;
  readonly rating: Rating;
  /** The name the assessment used, when it was an alias (a park named for its county). */
  readonly via?: string;
}

export interface DerivedCounty {
  readonly county: string;
  readonly items: readonly CountyItem[];
}

/**
 * Each county's key items: the 附件3 items whose assessment names it with 有可能 or better.
 * Names are resolved against the known units (附件2's rows) and the explicit county alias table.
 */
export function deriveCountyItems(
  analysis: IncentiveAnalysis,
  knownUnits: ReadonlySet<string> | null,
  settings: Settings,
  sink: FindingSink | null,
): DerivedCounty[] {
  const byCounty = new Map<string, CountyItem[]>();
  const reportedUnknown = new Set<string>();
  for (const it of analysis.items) {
    // Counties already listed for this item (only an assessment naming several can repeat one).
    const seen = it.assessment.pairs.length > 1 ? new Set<string>() : null;
    for (const pair of it.assessment.pairs) {
      const canonical = canonicalUnit(pair.unit, settings.unitAliases);
      // 吉首 for 吉首市, 凤凰 for 凤凰县: the one known county it can only mean.
      const name = (knownUnits ? resolveCounty(canonical, knownUnits) : null) ?? canonical;
      let county = name;
      let via: string | undefined;
      const alias = ownValue(settings.countyAliases, name);
      if (alias !== undefined && !(knownUnits?.has(name) ?? false)) {
        county = alias;
        via = pair.unit;
        sink?.add('units/alias-applied', { sheet: analysis.sheet, cell: it.assessmentCell }, { alias: pair.unit, unit: alias });
      } else if (knownUnits && !knownUnits.has(name) && !looksLikeCounty(name)) {
        // A county without a 附件2 row is reported once by crossKeyItems (cross/key-unit-missing).
        if (!reportedUnknown.has(`${name}|${it.assessmentCell}`)) {
          reportedUnknown.add(`${name}|${it.assessmentCell}`);
          sink?.add('units/unknown-unit', { sheet: analysis.sheet, cell: it.assessmentCell }, { unit: pair.unit });
        }
      }
      if (!isAtLeastLikely(pair.rating) || seen?.has(county)) continue;
      seen?.add(county);
      const list = byCounty.get(county) ?? [];
      list.push({ item: it, rating: pair.rating, ...(via !== undefined ? { via } : {}) });
      byCounty.set(county, list);
    }
  }
  return [...byCounty.entries()].map(([county, items]) => ({ county, items }));
}

/** A county, city or district name (`古丈县`, `吉首市`), as opposed to an office or a park. */
export function looksLikeCounty(name: string): boolean {
  return /^[\u4e00-\u9fff]{1,6}(县|市|区)$/.test(name) && !/(高新区|开发区|园区|工业园|新区)$/.test(name);
}

/** Item names match when equal after normalisation, or when one contains the other (a shortened name). */
export function sameItem(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short);
}

export function crossKeyItems(keyItems: UnitKeyItems, analysis: IncentiveAnalysis, settings: Settings, sink: FindingSink): DerivedCounty[] {
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

/** Fewer items than this are scanned for a shortened name; more are indexed (a scan per item is quadratic in rows). */
const SCAN_ITEMS = 256;
/** Shortened names are at least this long (`sameItem`). */
const MIN_SHORT = 4;

/**
 * The items whose name `sameItem` matches with `key`, in the items' order: by a scan of a short list, else
 * through the exact-name index (names inside `key`) and an index of each name's four-character pieces (names
 * holding `key`). The same items as `items.filter((p) => sameItem(p.itemKey, key))`.
 */
function containmentIndex(items: readonly ProgressItem[], byKey: ReadonlyMap<string, readonly ProgressItem[]>): (key: string) => readonly ProgressItem[] {
  const scan = (key: string) => items.filter((p) => sameItem(p.itemKey, key));
  if (items.length < SCAN_ITEMS) return scan;
  const order = new Map<ProgressItem, number>();
  items.forEach((p, i) => order.set(p, i));
  let pieces: Map<string, ProgressItem[]> | null = null;
  const piecesOf = (): Map<string, ProgressItem[]> => {
    if (pieces) return pieces;
    pieces = new Map();
    for (const p of items) {
      const k = p.itemKey;
      const seen = new Set<string>();
      for (let i = 0; i + MIN_SHORT <= k.length; i++) {
        const piece = k.slice(i, i + MIN_SHORT);
        if (seen.has(piece)) continue;
        seen.add(piece);
        const list = pieces.get(piece);
        if (list) list.push(p);
        else pieces.set(piece, [p]);
      }
    }
    return pieces;
  };
  return (key: string): readonly ProgressItem[] => {
    if (key === '') return [];
    // Names inside the key (as long as it at most): each of its substrings of MIN_SHORT characters or more.
    const substrings = (key.length * (key.length + 1)) / 2;
    if (substrings > items.length) return scan(key);
    const found = new Set<ProgressItem>();
    for (const p of byKey.get(key) ?? []) found.add(p);
    for (let i = 0; i < key.length; i++) {
      for (let j = i + MIN_SHORT; j <= key.length; j++) {
        for (const p of byKey.get(key.slice(i, j)) ?? []) if (sameItem(p.itemKey, key)) found.add(p);
      }
    }
    // Names holding the key (longer than it): they hold its first piece.
    if (key.length >= MIN_SHORT) {
      for (const p of piecesOf().get(key.slice(0, MIN_SHORT)) ?? []) if (sameItem(p.itemKey, key)) found.add(p);
    }
    return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

export function crossProgress(progress: ProgressReport, analysis: IncentiveAnalysis, sink: FindingSink): void {
  const matched = new Set<ProgressItem>();
  const mismatched: { p: ProgressItem; it: AnalysisItem }[] = [];
  // Exact names through an index (linear in rows); the containment fallback only scans what is left.
  const byKey = new Map<string, ProgressItem[]>();
  for (const p of progress.items) {
    const list = byKey.get(p.itemKey);
    if (list) list.push(p);
    else byKey.set(p.itemKey, [p]);
  }
  const contains = containmentIndex(progress.items, byKey);
  for (const it of analysis.items) {
    const exact = (byKey.get(it.itemKey) ?? []).filter((p) => !matched.has(p));
    const candidates = exact.length > 0 ? exact : contains(it.itemKey).filter((p) => !matched.has(p));
    const p = candidates.find((c) => c.unitKey === it.unitKey) ?? candidates.find((c) => c.itemKey === it.itemKey) ?? candidates[0];
    if (!p) {
      sink.add('cross/progress-item-missing', { sheet: analysis.sheet, cell: it.itemCell }, { unit: it.unit, item: it.item, target: progress.sheet });
      continue;
    }
    matched.add(p);
    if (p.unitKey !== it.unitKey && p.unit !== '') mismatched.push({ p, it });
  }
  // Most matched items under another unit: the two annexes name their units differently. Said once.
  if (mismatched.length >= 3 && mismatched.length * 2 > matched.size) {
    const names = [...new Set(mismatched.map((m) => m.p.unit))];
    const sourceUnits = new Set(analysis.items.map((i) => i.unitKey));
    const MAX_NAMES = 10;
    sink.add('cross/units-unmatched', { sheet: progress.sheet, cell: mismatched[0]?.p.unitCell ?? 'A1' }, {
      source: progress.sheet,
      target: analysis.sheet,
      count: new Set(progress.items.map((i) => i.unitKey)).size,
      unmatched: names.filter((n) => !sourceUnits.has(mismatched.find((m) => m.p.unit === n)?.p.unitKey ?? '')).length,
      units: listParam(names, { max: MAX_NAMES }),
    }, { related: limit(mismatched.map((m) => ({ sheet: progress.sheet, cell: m.p.unitCell }))) });
  } else {
    for (const { p, it } of mismatched) {
      sink.add('cross/progress-unit-mismatch', { sheet: progress.sheet, cell: p.unitCell }, { item: p.item, source: analysis.sheet }, {
        expected: it.unit,
        actual: p.unit,
        related: [{ sheet: analysis.sheet, cell: it.unitCell }],
      });
    }
  }
  for (const p of progress.items) {
    if (matched.has(p) || p.itemKey === '') continue;
    sink.add('cross/progress-item-extra', { sheet: progress.sheet, cell: p.itemCell }, { item: p.item, source: analysis.sheet });
  }
}
