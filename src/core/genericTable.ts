/**
 * The checks every kind gets from its registry entry and the types its columns declare (issue 18, item 3):
 * required cells, values read by type (counts, percentages, dates), ranges, rows repeated by the kind's
 * unique key, and total and subtotal rows against the rows they sum. They run for every kind, a kind with a
 * parser and rules of its own included: where a rule of the kind already reported the same cell (or, for
 * duplicates and totals, the same row) in the same family, the generic finding is dropped, so a kind's own
 * wording wins and nothing is said twice — and a kind that loses a rule still gets the generic check.
 */
import { ADDITIVE_TYPES, BLANK_IS_A_VALUE, readCount, readDate, readMark, readPercent, roundTo, type ColumnType } from './columnTypes';
import { type CellLocation, type Finding, FindingSink } from './finding';
import { readCountCell } from './cells';
import { hasColumn } from './gate';
import { a1, parseA1 } from './grid';
import { type AnnexSpec, annexSpec } from './kinds';
import { duplicatesByKey } from './annexes/duplicates';
import { type CellRead, columnLabel, type ColumnSpec, type Table, type TableRow } from './table';
import { itemKey, labelKey, toHalfWidth } from './text';
import { canonicalUnit } from './units';
import { listParam } from './i18n/lists';
import { FINDINGS, type FindingCode } from './i18n/findings';
import type { Family } from './i18n/spec';

/** What a finding says of a place (its code's `family` in the catalogue; every `dup/…` is a duplicate). */
function familyOf(code: FindingCode): Family | undefined {
  return FINDINGS[code].family ?? (code.startsWith('dup/') ? 'duplicate' : undefined);
}

/** Duplicates and totals are compared by row (a kind's own rule may point at another cell of the row). */
function placeOf(f: Pick<Finding, 'sheet' | 'cell'>, family: Family): string {
  if (family === 'duplicate' || family === 'total') return `${family}|${f.sheet}|${parseA1(f.cell)?.row ?? f.cell}`;
  return `${family}|${f.sheet}|${f.cell}`;
}

/**
 * Runs the generic checks of every table into `sink`, after the kinds' own parsers and rules: a finding of the
 * same family already on that place wins.
 */
export function checkGenericTables(tables: Iterable<Table>, sink: FindingSink, year: number): void {
  const taken = new Set<string>();
  for (const f of sink.list()) {
    const family = familyOf(f.code);
    if (family) taken.add(placeOf(f, family));
  }
  for (const table of tables) {
    const local = new FindingSink();
    try {
      checkGenericTable(table, local, year);
    } catch {
      sink.add('engine/rule-failed', { sheet: table.sheet, cell: 'A1' }, { rule: 'registry-checks' });
      continue;
    }
    for (const f of local.list()) {
      const family = familyOf(f.code);
      if (family && taken.has(placeOf(f, family))) continue;
      sink.addFinding(f);
    }
  }
}

/** No aliases: one object, so the unit names resolved are remembered (canonicalUnit's cache is per alias table). */
const NO_ALIASES: Readonly<Record<string, string>> = {};

/** A unique-key part's comparison text, by the column's declared type (units by identity, names without decoration). */
function keyPart(col: ColumnSpec | undefined, row: TableRow, key: string): string {
  const multi = row.multi.get(key);
  let text: string;
  if (multi) {
    text = '';
    for (const r of multi) if (r.text !== '') text = text === '' ? r.text : `${text}\n${r.text}`;
  } else text = row.cells.get(key)?.text ?? '';
  if (text === '') return '';
  if (col?.type === 'unit') return canonicalUnit(labelKey(text), NO_ALIASES);
  if (col?.type === 'seq') return labelKey(text);
  return itemKey(text);
}

function readsOf(row: TableRow, key: string): readonly CellRead[] {
  const multi = row.multi.get(key);
  if (multi) return multi;
  const one = row.cells.get(key);
  return one ? [one] : [];
}

/** How a row is named in a finding: its unique key's text, or its row number. */
function displayOf(row: TableRow, unique: readonly string[]): string {
  const shown = unique.flatMap((k) => readsOf(row, k).map((c) => c.text.replace(/\s+/g, ' ')).filter((t) => t !== ''));
  return [...new Set(shown)].join(' / ');
}

/** One table's generic checks (exported for a kind's spec tests; the audit calls `checkGenericTables`). */
export function checkGenericTable(table: Table, sink: FindingSink, year = 2024, spec: AnnexSpec = annexSpec(table.spec.kind)): void {
  const sheet = table.sheet;
  const columnSpec = new Map(table.spec.columns.map((c) => [c.key, c] as const));
  const uniqueCols = spec.unique.map((k) => columnSpec.get(k));
  // A row's unique key, and the cell a finding on it names, made when asked (nothing kept per row across the checks).
  const keyOf = (r: TableRow): string => {
    let key = '';
    spec.unique.forEach((k, i) => {
      const part = keyPart(uniqueCols[i], r, k);
      key = i === 0 ? part : `${key}|${part}`;
    });
    return key;
  };
  // The cell a row is named by in a finding: its key cell, else the first of its unique columns it has.
  const nameKeys = [spec.keyCell, ...spec.unique];
  const atOf = (r: TableRow): CellRead | undefined => {
    for (const k of nameKeys) {
      const at = r.cells.get(k);
      if (at !== undefined) return at;
    }
    return undefined;
  };

  const typed = table.spec.columns.filter((c) => hasColumn(table, c.key) && table.header.columns.has(c.key));
  // Each cell read once per row (a table's cells are made when asked), into one array reused row after row.
  const reads: (CellRead | undefined)[] = new Array<CellRead | undefined>(typed.length);
  for (const r of table.dataRows) {
    let any = false;
    for (let j = 0; j < typed.length; j++) {
      const c = r.cells.get((typed[j] as ColumnSpec).key);
      reads[j] = c;
      if ((c?.text ?? '') !== '') any = true;
    }
    if (!any) continue;
    for (let j = 0; j < typed.length; j++) {
      const col = typed[j] as ColumnSpec;
      const read = reads[j];
      if (!read) continue;
      // A column placed on several grid columns (项目名称 + 子项目, 具体任务 + 目标值) is blank only when all are.
      const blank = col.multi ? readsOf(r, col.key).every((c) => c.text === '') : read.text === '';
      if (col.required && blank && !BLANK_IS_A_VALUE.has(col.type)) {
        const display = displayOf(r, spec.unique);
        const where = display !== '' ? display : { 'zh-CN': `第${r.row + 1}行`, 'en-US': `row ${r.row + 1}` };
        sink.add('cell/required', { sheet, cell: read.own }, { column: columnLabel(table, col.key), where });
        continue;
      }
      // A value merged down over several rows is checked once, on its own row.
      if (read.text === '' || read.sourceRow !== read.row || read.sourceCol !== read.col) continue;
      checkValue(table, col, read, year, sink);
    }
  }

  if (spec.unique.length > 0 && spec.unique.every((k) => hasColumn(table, k))) {
    // Rows with a cell to name them by (atOf's cells, asked whether they are there without reading them).
    const named = (r: TableRow): boolean => nameKeys.some((k) => r.cells.has(k));
    for (const { row, first } of duplicatesByKey(table.dataRows.filter(named), keyOf)) {
      const cell = atOf(row)?.own ?? '';
      const firstCell = atOf(first)?.own ?? '';
      sink.add('dup/row', { sheet, cell }, { key: displayOf(row, spec.unique), otherCell: firstCell }, { related: [{ sheet, cell: firstCell }] });
    }
  }

  checkTotals(table, typed, sink);

  // Another table below this one: where this one was ended, said once.
  const below = table.tableBelow;
  if (below) sink.add('structure/table-below', { sheet, cell: a1(below.row, below.col) }, { row: below.row + 1, text: below.text.slice(0, 30) });

  // Stray cells far from the table: not rows of it, said once with where they are.
  const stray = table.strayCells;
  if (stray.length > 0) {
    const shown = stray.slice(0, 5).map((c) => `${a1(c.row, c.col)}“${c.text.slice(0, 20)}”`);
    sink.add('structure/stray-cells', { sheet, cell: a1(stray[0]?.row ?? 0, stray[0]?.col ?? 0) }, { cells: listParam(stray.length > 5 ? [...shown, '…'] : shown) });
  }
}

/** One cell by its column's declared type. */
/** A finding's place on a cell read: its address made only when a finding is added there. */
class ReadAt implements CellLocation {
  constructor(
    readonly sheet: string,
    private readonly read: CellRead,
  ) {}

  get cell(): string {
    return this.read.own;
  }
}

function checkValue(table: Table, col: ColumnSpec, read: CellRead, year: number, sink: FindingSink): void {
  const sheet = table.sheet;
  const at = new ReadAt(sheet, read);
  const column = columnLabel(table, col.key);
  switch (col.type) {
    case 'count': {
      const r = readCount(read.value);
      if (r.kind === 'number' && r.how) {
        sink.add('cell/read-as', at, { column, value: String(r.value) }, { actual: r.text });
        if (!Number.isInteger(r.value) || r.value < 0) sink.add('cell/count-range', at, { column }, { actual: r.value });
        return;
      }
      const n = readCountCell(read, column, sheet, sink);
      if (n.value !== null && (!Number.isInteger(n.value) || n.value < 0)) sink.add('cell/count-range', at, { column }, { actual: n.value });
      return;
    }
    case 'percent': {
      const pos = { row: read.sourceRow, col: read.sourceCol };
      const p = readPercent(read.value, table.view.numberFormat(pos.row, pos.col));
      if (p.kind === 'error') sink.add('cell/excel-error', at, { column }, { actual: p.text });
      else if (p.kind === 'text' && !/\d/.test(toHalfWidth(p.text))) sink.add('cell/not-a-number', at, { column }, { actual: p.text.slice(0, 40) });
      else if (p.kind === 'percent' && p.percent < 0) sink.add('cell/percent-range', at, { column }, { actual: p.text });
      else if (p.kind === 'percent' && p.how) sink.add('cell/read-as', at, { column, value: `${p.shown}%` }, { actual: p.text });
      return;
    }
    case 'mark': {
      if (readMark(read.value) === 'unreadable') sink.add('cell/mark-unknown', at, { column }, { actual: read.text.slice(0, 40) });
      return;
    }
    case 'vocabulary': {
      const words = col.words;
      if (words && words.length > 0 && !words.some((w) => labelKey(w) === labelKey(read.text))) {
        sink.add('cell/word-unknown', at, { column, words: listParam(words) }, { actual: read.text.slice(0, 40) });
      }
      return;
    }
    case 'date': {
      const d = readDate(read.value, year);
      if (d.kind === 'invalid') sink.add('cell/invalid-date', at, { year: d.year ?? year }, { actual: d.text });
      else if (d.kind === 'error') sink.add('cell/excel-error', at, { column }, { actual: d.text });
      else if (d.kind === 'unreadable') sink.add('cell/not-a-date', at, { column }, { actual: d.text.slice(0, 40) });
      return;
    }
    default:
      return;
  }
}

/** Labels of rows that break a row above down (其中：…) rather than add to the total. */
const BREAKDOWN = /^(其中|含|包括|包含)/;

/** A count column's value in a row, by its declared type; undefined when it cannot be read as one. */
function amountOf(row: TableRow, key: string, type: ColumnType): number | null | undefined {
  const read = row.cells.get(key);
  if (!read || read.sourceRow !== read.row || read.sourceCol !== read.col) return read && read.text !== '' ? undefined : null;
  if (type === 'mark') {
    const m = readMark(read.value);
    if (m === 'unreadable') {
      const n = readCount(read.value);
      return n.kind === 'number' ? n.value : undefined;
    }
    return m === 'yes' ? 1 : 0;
  }
  const n = readCount(read.value);
  if (n.kind === 'blank') return null;
  return n.kind === 'number' ? n.value : undefined;
}

/**
 * The 合计 row against the data rows, and each subtotal against its group (the data rows since the last
 * subtotal, or those up to the next one when it heads its group), for every column declared a count.
 */
function checkTotals(table: Table, typed: readonly ColumnSpec[], sink: FindingSink): void {
  const additive = typed.filter((c) => ADDITIVE_TYPES.has(c.type));
  if (additive.length === 0) return;
  const labelKeyName = table.spec.labelColumn;
  const isBreakdown = (r: TableRow) => BREAKDOWN.test(labelKey(r.cells.get(labelKeyName)?.text ?? ''));
  const counted = table.rows.filter((r) => r.role === 'data' && !isBreakdown(r));
  const sum = (rows: readonly TableRow[], col: ColumnSpec): number | undefined => {
    let s = 0;
    for (const r of rows) {
      const v = amountOf(r, col.key, col.type);
      if (v === undefined) return undefined;
      s += v ?? 0;
    }
    return s;
  };
  const stated = (r: TableRow, col: ColumnSpec): { value: number; cell: string } | null => {
    const read = r.cells.get(col.key);
    if (!read) return null;
    const n = readCount(read.value);
    return n.kind === 'number' ? { value: n.value, cell: read.own } : null;
  };
  const same = (a: number, b: number) => Math.abs(roundTo(a, 6) - roundTo(b, 6)) < 1e-6;

  const total = table.totalRow;
  if (total && counted.length > 0) {
    for (const col of additive) {
      const s = stated(total, col);
      const expected = sum(counted, col);
      if (!s || expected === undefined || same(s.value, expected)) continue;
      sink.add('table/total-sum', { sheet: table.sheet, cell: s.cell }, { column: columnLabel(table, col.key) }, { expected: roundTo(expected, 6), actual: s.value });
    }
  }

  // Subtotals: the group above (since the last subtotal or total), or — a subtotal that heads its group — the one below.
  const rows = table.rows.filter((r) => r.role !== 'note');
  let from = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as TableRow;
    if (r.role === 'total') {
      from = i + 1;
      continue;
    }
    if (r.role !== 'subtotal') continue;
    const above = rows.slice(from, i).filter((x) => x.role === 'data' && !isBreakdown(x));
    let to = i + 1;
    while (to < rows.length && (rows[to] as TableRow).role === 'data') to++;
    const below = rows.slice(i + 1, to).filter((x) => !isBreakdown(x));
    from = i + 1;
    for (const col of additive) {
      const s = stated(r, col);
      if (!s) continue;
      const a = above.length > 0 ? sum(above, col) : undefined;
      const b = below.length > 0 ? sum(below, col) : undefined;
      if (a === undefined && b === undefined) continue;
      if ((a !== undefined && same(a, s.value)) || (b !== undefined && same(b, s.value))) continue;
      sink.add('table/subtotal-sum', { sheet: table.sheet, cell: s.cell }, { column: columnLabel(table, col.key) }, { expected: roundTo(a ?? b ?? 0, 6), actual: s.value });
    }
  }
}
