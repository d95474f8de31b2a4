/** 附件1 研判统计表 (`rating-tally`): per lead unit, items by likelihood; 总项数 and the 合计 row. */
import { readCountCell, type NumberCell } from '../cells';
import type { FindingSink } from '../finding';
import { a1, columnLetter, parseA1, rangeA1 } from '../grid';
import type { Table, TableRow } from '../table';
import { columnLabel } from '../table';
import { canonicalUnit } from '../units';
import type { Settings } from '../settings';
import { issuesToFindings, placedFields, RatingTallyRowSchema, rowWhere } from './schemas';
import { checkEnabled } from '../gate';
import type { Rating } from './ratings';

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
  const rowSumOn = checkEnabled(table, 'tally-row-sum');
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
    issuesToFindings(
      RatingTallyRowSchema,
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

    // 总项数 = 很有可能 + 有可能 + 难度较大 + 不太可能 (blank rating cells are 0).
    const parts = TALLY_COLUMNS.map((k) => counts[k].value);
    if (rowSumOn && total.value !== null && parts.every((v, i) => v !== null || counts[TALLY_COLUMNS[i] as TallyColumn].blank)) {
      const sum = parts.reduce<number>((a, v) => a + (v ?? 0), 0);
      if (sum !== total.value) {
        sink.add('tally/row-sum', { sheet, cell: total.cell }, { unit }, {
          expected: sum,
          actual: total.value,
          related: TALLY_COLUMNS.map((k) => ({ sheet, cell: counts[k].cell })).filter((c) => c.cell !== ''),
        });
      }
    }
  }

  let totalRow: RatingTally['totalRow'];
  if (!checkEnabled(table, 'tally-total')) {
    // Without the unit column the 合计 row cannot be told from the others: nothing to compare.
  } else if (!table.totalRow) {
    sink.add('structure/total-row-missing', { sheet, cell: a1(table.header.bottom, table.header.columns.get('unit')?.[0] ?? 0) });
  } else {
    const tr = table.totalRow;
    const cells = { total: read(tr, 'total'), veryLikely: read(tr, 'veryLikely'), likely: read(tr, 'likely'), hard: read(tr, 'hard'), unlikely: read(tr, 'unlikely') };
    totalRow = { row: tr.row, cells };
    const keys = ['total', ...TALLY_COLUMNS] as const;
    const formulaKeys = keys.filter((k) => {
      const c = tr.cells.get(k);
      return c ? table.view.formula(c.row, c.col) !== null : false;
    });
    for (const k of keys) {
      const c = tr.cells.get(k);
      if (!c) continue;
      const column = columnLabel(table, k);
      const formula = table.view.formula(c.row, c.col);
      const dataRowIdx = rows.map((x) => x.row);
      if (formula !== null) {
        const covered = rowsCoveredByFormula(formula, c.col);
        if (covered && dataRowIdx.some((r) => !covered.has(r))) {
          const first = Math.min(...dataRowIdx) + 1;
          const last = Math.max(...dataRowIdx) + 1;
          const letter = columnLetter(c.col);
          sink.add('tally/total-formula-range', { sheet, cell: c.addr }, { column }, { expected: `SUM(${letter}${first}:${letter}${last})`, actual: formula });
        }
      } else if (formulaKeys.length > 0 && cells[k].value !== null) {
        sink.add('tally/total-typed-over-formula', { sheet, cell: c.addr }, { column }, { actual: cells[k].value ?? '' });
      }
      const stated = cells[k].value;
      if (stated === null) continue;
      const sum = rows.reduce((a, row) => a + ((k === 'total' ? row.total.value : row.counts[k].value) ?? 0), 0);
      if (sum !== stated) {
        sink.add('tally/column-total', { sheet, cell: c.addr }, { column }, { expected: sum, actual: stated });
      }
    }
  }
  return { sheet, rows, ...(totalRow ? { totalRow } : {}) };
}
