/** 附件1 研判统计表 (`rating-tally`): per lead unit, items by likelihood; 总项数 and the 合计 row. */
import { readCountCell, type NumberCell } from '../../cells';
import type { FindingSink } from '../../finding';
import { a1, parseA1, rangeA1 } from '../../grid';
import type { Table, TableRow } from '../../table';
import { columnLabel } from '../../table';
import { canonicalUnit } from '../../units';
import type { Settings } from '../../settings';
import { checkRow, placedFields, rowWhere } from '../../schemas';
import { checkEnabled } from '../../gate';
import type { Rating } from '../incentive-analysis/ratings';

declare module '../records' {
  interface KindRecords {
    'rating-tally': RatingTally;
  }
}

export const TALLY_COLUMNS = ['veryLikely', 'likely', 'hard', 'unlikely'] as const;
export type TallyColumn = (typeof TALLY_COLUMNS)[number];
export const TALLY_RATING: Record<TallyColumn, Rating> = {
  veryLikely: '很有可能',
  likely: '有可能',
  hard: '难度较大',
  unlikely: '不太可能',
};

export interface TallyRow {
  readonly unit: string;
  readonly unitKey: string;
  readonly row: number;
  readonly unitCell: string;
  readonly total: NumberCell;
  readonly counts: Readonly<Record<TallyColumn, NumberCell>>;
}

export interface RatingTally {
  readonly sheet: string;
  readonly rows: readonly TallyRow[];
  readonly totalRow?: { readonly row: number; readonly cells: Readonly<Record<'total' | TallyColumn, NumberCell>> };
}

/** Rows (0-based) a simple SUM/+ formula covers in one column; null when the formula is anything else. */
export function rowsCoveredByFormula(formula: string, col: number): Set<number> | null {
  const f = formula.replace(/\s+/g, '').toUpperCase();
  const body = /^SUM\((.*)\)$/.exec(f)?.[1] ?? (/^[A-Z$0-9:+,]+$/.test(f) ? f : null);
  if (body === null) return null;
  const rows = new Set<number>();
  for (const part of body.split(/[,+]/)) {
    if (part === '') continue;
    const [a, b] = part.split(':');
    const p = a ? parseA1(a) : null;
    const q = b ? parseA1(b) : p;
    if (!p || !q) return null;
    if (p.col !== col || q.col !== col) return null;
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) rows.add(r);
  }
  return rows;
}

export function parseRatingTally(table: Table, sink: FindingSink, settings: Settings): RatingTally {
  const sheet = table.sheet;
  const reportedMerges = new Set<string>();
  const read = (row: TableRow, key: string): NumberCell => {
    const cell = row.cells.get(key);
    if (cell?.merged) {
      // A count merged over several rows belongs to one row only: report it, count it on its own row.
      if (!reportedMerges.has(cell.addr)) {
        reportedMerges.add(cell.addr);
        const area = table.view.merges.areaAt(cell.row, cell.col);
        sink.add('structure/unexpected-merge', { sheet, cell: cell.addr }, { column: columnLabel(table, key), range: area ? rangeA1(area) : cell.addr });
      }
      if (cell.addr !== cell.own) return { value: null, blank: true, cell: cell.own };
    }
    return readCountCell(cell, columnLabel(table, key), sheet, sink);
  };
  const rows: TallyRow[] = [];
  for (const r of table.dataRows) {
    const unitRead = r.cells.get('unit');
    const unit = unitRead?.text ?? '';
    const total = read(r, 'total');
    const counts = {
      veryLikely: read(r, 'veryLikely'),
      likely: read(r, 'likely'),
      hard: read(r, 'hard'),
      unlikely: read(r, 'unlikely'),
    };
    checkRow(
      table,
      { unit, total: total.value ?? 0, veryLikely: counts.veryLikely.value ?? 0, likely: counts.likely.value ?? 0, hard: counts.hard.value ?? 0, unlikely: counts.unlikely.value ?? 0 },
      sheet,
      placedFields(table, {
        unit: { cell: unitRead?.addr ?? a1(r.row, 0), label: columnLabel(table, 'unit') },
        total: { cell: total.cell, label: columnLabel(table, 'total') },
        ...Object.fromEntries(TALLY_COLUMNS.map((k) => [k, { cell: counts[k].cell, label: columnLabel(table, k) }])),
      }),
      unit !== '' ? unit : rowWhere(r.row),
      sink,
    );
    if (unit === '' && total.value === null) continue;
    rows.push({ unit, unitKey: canonicalUnit(unit, settings.unitAliases), row: r.row, unitCell: unitRead?.addr ?? a1(r.row, 0), total, counts });
  }

  // The 合计 row's cells are read here (their number formats reported); the rule `tallyTotals` compares them.
  let totalRow: RatingTally['totalRow'];
  if (table.totalRow && checkEnabled(table, 'tally-total')) {
    const tr = table.totalRow;
    totalRow = { row: tr.row, cells: { total: read(tr, 'total'), veryLikely: read(tr, 'veryLikely'), likely: read(tr, 'likely'), hard: read(tr, 'hard'), unlikely: read(tr, 'unlikely') } };
  }
  return { sheet, rows, ...(totalRow ? { totalRow } : {}) };
}
