/** Profile A (激励事项研判): what spans its five annexes — the tally and the counties' key items recomputed from 附件3, the completion rates from 附件4. */
import type { RecordsByKind } from '../../annexes/records';
import type { Guard } from '../../guard';
import { checkEnabled } from '../../gate';
import type { Settings } from '../../settings';
import type { AnnexKind, Table } from '../../table';
import { deriveCountyItems, deriveTally, namedTwoWays } from './cross';
import { TALLY_COLUMNS, type TallyColumn } from '../../annexes/rating-tally/read';
import type { Rating } from '../../annexes/incentive-analysis/ratings';

export interface RecomputedTallyRow {
  readonly unit: string;
  readonly total: number;
  readonly veryLikely: number;
  readonly likely: number;
  readonly hard: number;
  readonly unlikely: number;
}

export interface RecomputedItemRating {
  readonly unit: string;
  readonly seq: string;
  readonly item: string;
  readonly rating: Rating | null;
  readonly byGuarantee: boolean;
  readonly sheet: string;
  readonly cell: string;
}

export interface RecomputedCounty {
  readonly county: string;
  readonly count: number;
  readonly items: readonly { readonly item: string; readonly rating: Rating; readonly via?: string }[];
  /** The 附件2 row's name when 附件2 writes this unit another way (paired by its items: `units/named-two-ways`). */
  readonly listedAs?: string;
}

export interface ItemCompletion {
  readonly unit: string;
  readonly item: string;
  readonly total: number;
  readonly done: number;
  readonly rate: number | null;
  /** done + undone = total was confirmed by the text (false: only total and done are stated). */
  readonly confirmed: boolean;
  readonly sheet: string;
  readonly cell: string;
}

export interface UnitCompletion {
  readonly unit: string;
  readonly items: number;
  readonly total: number;
  readonly done: number;
  /** Σdone ÷ Σtotal over the unit's items that state their counts. */
  readonly rate: number | null;
}

export interface IncentiveRecompute {
  /** 附件1 derived from 附件3, per lead unit, and the 合计 row. */
  readonly tally: readonly RecomputedTallyRow[];
  readonly tallyTotal: RecomputedTallyRow;
  readonly itemRatings: readonly RecomputedItemRating[];
  /** Each county's key items derived from 附件3. */
  readonly counties: readonly RecomputedCounty[];
  readonly completion: { readonly items: readonly ItemCompletion[]; readonly units: readonly UnitCompletion[] };
}

export function auditIncentive(
  records: RecordsByKind,
  tables: ReadonlyMap<AnnexKind, Table>,
  settings: Settings,
  guard: Guard,
): { recompute: IncentiveRecompute | null; missing: AnnexKind[] } {
  const ratingTally = records['rating-tally'];
  const unitKeyItems = records['unit-key-items'];
  const analysisParsed = records['incentive-analysis'];
  const progress = records['progress-report'];
  const analysisTable = tables.get('incentive-analysis');
  const keyTable = tables.get('unit-key-items');

  // Cross-sheet rules and the recompute run only on what was read with confidence: an analysis whose
  // ratings could not be read recomputes nothing (never "0" for every unit).
  // The cross-sheet rules run afterwards, from the rule registry (each kind's rules, src/core/annexes).
  const analysis = analysisParsed && checkEnabled(analysisTable, 'analysis-cross') ? analysisParsed : undefined;
  const missing: AnnexKind[] = [];
  if (!analysisTable && (ratingTally || unitKeyItems || progress)) missing.push('incentive-analysis');
  const known = unitKeyItems && checkEnabled(keyTable, 'keyitems-cross') ? new Set(unitKeyItems.rows.map((r) => r.unitKey)) : null;
  const derivedCounties = (analysis ? guard(analysis.sheet, 'derive-counties', () => deriveCountyItems(analysis, known, settings, null)) : undefined) ?? [];

  if (!analysis && !progress) return { recompute: null, missing };

  const tally = analysis
    ? deriveTally(analysis).map((d) => ({ unit: d.unit, total: d.total, ...d.counts }))
    : [];
  const sum = (k: 'total' | TallyColumn) => tally.reduce((a, r) => a + r[k], 0);
  const tallyTotal: RecomputedTallyRow = {
    unit: '合计',
    total: sum('total'),
    ...(Object.fromEntries(TALLY_COLUMNS.map((c) => [c, sum(c)])) as Record<TallyColumn, number>),
  };
  // Each unit is written the way the tally names it (its first spelling), so the summary's formulas,
  // which match units by text, group exactly as the engine does.
  const tallyName = new Map<string, string>();
  for (const i of analysis?.items ?? []) if (!tallyName.has(i.unitKey)) tallyName.set(i.unitKey, i.unit);
  const itemRatings = (analysis?.items ?? []).map((i) => ({
    unit: tallyName.get(i.unitKey) ?? i.unit,
    seq: i.seq,
    item: i.item,
    rating: i.derived.rating,
    byGuarantee: i.derived.byGuarantee,
    sheet: analysis?.sheet ?? '',
    cell: i.assessmentCell,
  }));
  // A unit 附件2 writes another way is compared with its 附件2 row, as crossKeyItems checks it.
  const twoWays = known && unitKeyItems ? namedTwoWays(unitKeyItems.rows, derivedCounties, known) : new Map<string, { row: { unitKey: string } }>();
  // Counties in 附件2's order first, then any others the assessments name.
  const order = unitKeyItems?.rows.map((r) => r.unitKey) ?? [];
  const at = (county: string): number => order.indexOf(twoWays.get(county)?.row.unitKey ?? county);
  const counties = [...derivedCounties]
    .sort((a, b) => {
      const ia = at(a.county);
      const ib = at(b.county);
      return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib);
    })
    .map((d) => ({
      county: d.county,
      count: d.items.length,
      items: d.items.map((ci) => ({ item: ci.item.item, rating: ci.rating, ...(ci.via !== undefined ? { via: ci.via } : {}) })),
      ...(twoWays.has(d.county) ? { listedAs: twoWays.get(d.county)?.row.unitKey } : {}),
    }));

  const progressName = new Map<string, string>();
  for (const p of progress?.items ?? []) if (!progressName.has(p.unitKey)) progressName.set(p.unitKey, p.unit);
  const items: ItemCompletion[] = [];
  for (const p of progress?.items ?? []) {
    if (!p.completion) continue;
    items.push({
      unit: progressName.get(p.unitKey) ?? p.unit,
      item: p.item,
      total: p.completion.total,
      done: p.completion.done,
      rate: p.completion.rate,
      confirmed: p.completion.confirmed,
      sheet: progress?.sheet ?? '',
      cell: p.progressCell,
    });
  }
  const unitMap = new Map<string, { unit: string; items: number; total: number; done: number }>();
  for (const p of progress?.items ?? []) {
    const u = unitMap.get(p.unitKey) ?? { unit: p.unit, items: 0, total: 0, done: 0 };
    u.items++;
    if (p.completion) {
      u.total += p.completion.total;
      u.done += p.completion.done;
    }
    unitMap.set(p.unitKey, u);
  }
  const units = [...unitMap.values()].map((u) => ({ ...u, rate: u.total > 0 ? u.done / u.total : null }));
  return { recompute: { tally, tallyTotal, itemRatings, counties, completion: { items, units } }, missing };
}
