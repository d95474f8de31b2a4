/** Cross-sheet rules of profile A: 附件1 vs 附件3, 附件2 vs 附件3 (both directions), 附件4 vs 附件3. */
import type { CellLocation, FindingSink } from '../../finding';
import type { IncentiveAnalysis, AnalysisItem } from '../../annexes/incentive-analysis/read';
import { isAtLeastLikely, type Rating } from '../../annexes/incentive-analysis/ratings';
import { TALLY_COLUMNS, TALLY_RATING,  type TallyColumn } from '../../annexes/rating-tally/read';
import { canonicalUnit, resolveCounty } from '../../units';
import { ownValue } from '../../text';
import type { Settings } from '../../settings';
import type { KeyItemsRow } from '../../annexes/unit-key-items/read';

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

/** At most this many related cells in one finding. */
export function limit(cells: CellLocation[]): CellLocation[] {
  return cells.slice(0, MAX_RELATED);
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
/** A name an assessment uses that is neither a known unit nor an alias: where, and as written. */
export interface UnknownName {
  readonly name: string;
  readonly unit: string;
  readonly cell: string;
}

export function deriveCountyItems(
  analysis: IncentiveAnalysis,
  knownUnits: ReadonlySet<string> | null,
  settings: Settings,
  sink: FindingSink | null,
  /** Where to put the names no known unit or alias matches (the caller reports them: crossKeyItems, once per name). */
  unknown?: UnknownName[],
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
        // A county without a 附件2 row is reported once by crossKeyItems (cross/key-unit-missing); another name, once
        // per name (units/unknown-unit), unless it turns out to be a 附件2 row written another way.
        if (!reportedUnknown.has(`${name}|${it.assessmentCell}`)) {
          reportedUnknown.add(`${name}|${it.assessmentCell}`);
          unknown?.push({ name, unit: pair.unit, cell: it.assessmentCell });
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

/** Items two lists share (a 附件2 row's listed items found among a 附件3 name's rated items). */
function shared(row: KeyItemsRow, d: DerivedCounty): number {
  let n = 0;
  for (const li of row.items) if (li.key !== '' && d.items.some((ci) => sameItem(li.key, ci.item.itemKey))) n++;
  return n;
}

/**
 * One unit written two ways (附件2 `州直单位`, 附件3 `州本级`): a 附件2 row whose name 附件3 never uses, and a name
 * 附件3 uses that 附件2 has no row for, whose items mostly agree — at least 3 items, and 60 % of the longer list —
 * each the other's only best match. Keyed by the 附件3 name.
 */
export function namedTwoWays(rows: readonly KeyItemsRow[], derived: readonly DerivedCounty[], known: ReadonlySet<string>): Map<string, { row: KeyItemsRow; shared: number }> {
  const names = new Set(derived.map((d) => d.county));
  const lone = rows.filter((r) => !names.has(r.unitKey) && r.items.length > 0);
  const others = derived.filter((d) => !known.has(d.county) && d.items.length > 0);
  const out = new Map<string, { row: KeyItemsRow; shared: number }>();
  if (lone.length === 0 || others.length === 0) return out;
  const score = lone.map((r) => others.map((d) => {
    const n = shared(r, d);
    const longer = Math.max(r.items.filter((li) => li.key !== '').length, d.items.length);
    return n >= 3 && n * 5 >= longer * 3 ? n : 0;
  }));
  const bestOf = (xs: readonly number[]): number => {
    const top = Math.max(...xs);
    return top > 0 && xs.indexOf(top) === xs.lastIndexOf(top) ? xs.indexOf(top) : -1;
  };
  lone.forEach((r, i) => {
    const row = score[i] as number[];
    const j = bestOf(row);
    if (j < 0 || bestOf(score.map((s) => s[j] as number)) !== i) return;
    out.set((others[j] as DerivedCounty).county, { row: r, shared: row[j] as number });
  });
  return out;
}
