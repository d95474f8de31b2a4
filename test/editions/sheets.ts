/**
 * Helpers for the edition variants (issue 10): a small table builder laid out the way offices lay
 * out annexes (title rows, one- or two-row header, an optional row of column numbers, merged group
 * cells, notes below), grid surgery on the samples (rename a header, insert a row or a column with
 * formulas following), and the assertions every variant shares.
 */
import type { Audit, Finding } from '../../src/core';
import type { CellValue, Grid, MergeArea } from '../../src/core/grid';
import { a1, columnLetter, parseA1 } from '../../src/core/grid';
import { cloneGrid } from '../helpers/grids';

// ── building a table ─────────────────────────────────────────────────────────

export interface Col {
  readonly key: string;
  /** Header text of the first header row (a group header spans the following columns whose `top` is null). */
  readonly top: string | null;
  /** Header text of the second header row, when the header has two rows. */
  readonly leaf?: string | null;
}

export type Row = Readonly<Record<string, CellValue>>;

export interface TableOptions {
  readonly name: string;
  readonly titles: readonly string[];
  readonly cols: readonly Col[];
  readonly rows: readonly Row[];
  /** A row `1 2 3 …` under the header (printed column numbers). */
  readonly numbersRow?: boolean;
  readonly notes?: readonly string[];
  /** Keys whose equal consecutive values are merged down (vertically merged group cells). */
  readonly mergeDown?: readonly string[];
  /** `mergeDown` of a key only within the same value of another key (序号 within 牵头单位). */
  readonly mergeWithin?: Readonly<Record<string, string>>;
  /** Number format per key for numeric cells. */
  readonly formats?: Readonly<Record<string, string>>;
}

export interface Table {
  readonly grid: Grid;
  /** A1 address of data row `i` (0-based) in column `key`. */
  ref(i: number, key: string): string;
  /** 1-based Excel row of data row `i`. */
  rowNo(i: number): number;
  letter(key: string): string;
  /** A1 address of the header cell of `key` (its leaf when two rows). */
  headerRef(key: string): string;
  readonly headerTop: number;
  readonly firstDataRow: number;
}

export function buildTable(o: TableOptions): Table {
  const width = o.cols.length;
  const last = columnLetter(width - 1);
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const formats: (string | null)[][] = [];
  const push = (row: CellValue[], fmt: (string | null)[] = []): void => {
    values.push(row);
    formats.push(fmt);
  };
  for (const t of o.titles) {
    push([t]);
    if (width > 1) merges.push(`A${values.length}:${last}${values.length}`);
  }
  const headerTop = values.length; // 0-based
  const twoRows = o.cols.some((c) => c.leaf !== undefined);
  push(o.cols.map((c) => c.top));
  if (twoRows) {
    push(o.cols.map((c) => c.leaf ?? null));
    const r1 = headerTop + 1;
    const r2 = headerTop + 2;
    for (let c = 0; c < width; c++) {
      const col = o.cols[c] as Col;
      if (col.top === null) continue;
      if ((col.leaf ?? null) === null) {
        merges.push(`${columnLetter(c)}${r1}:${columnLetter(c)}${r2}`);
        continue;
      }
      let end = c;
      while (end + 1 < width && (o.cols[end + 1] as Col).top === null && ((o.cols[end + 1] as Col).leaf ?? null) !== null) end++;
      if (end > c) merges.push(`${columnLetter(c)}${r1}:${columnLetter(end)}${r1}`);
    }
  }
  if (o.numbersRow) push(o.cols.map((_, i) => i + 1));
  const firstDataRow = values.length; // 0-based
  for (const r of o.rows) {
    push(
      o.cols.map((c) => r[c.key] ?? null),
      o.cols.map((c) => (typeof r[c.key] === 'number' ? (o.formats?.[c.key] ?? null) : null)),
    );
  }
  // Vertical merges of group columns: the continuation cells are blank, as Excel stores them.
  for (const key of o.mergeDown ?? []) {
    const c = o.cols.findIndex((x) => x.key === key);
    if (c < 0) continue;
    const within = o.mergeWithin?.[key];
    let start = 0;
    for (let i = 1; i <= o.rows.length; i++) {
      const prev = o.rows[start] as Row;
      const cur = o.rows[i];
      const same = cur !== undefined && cur[key] !== null && cur[key] !== undefined && cur[key] === prev[key] && (within === undefined || cur[within] === prev[within]);
      if (same) continue;
      if (i - 1 > start && prev[key] !== null && prev[key] !== undefined) {
        merges.push(`${columnLetter(c)}${firstDataRow + start + 1}:${columnLetter(c)}${firstDataRow + i}`);
        for (let k = start + 1; k < i; k++) (values[firstDataRow + k] as CellValue[])[c] = null;
      }
      start = i;
    }
  }
  for (const n of o.notes ?? []) {
    push([n]);
    if (width > 1) merges.push(`A${values.length}:${last}${values.length}`);
  }
  const grid: Grid = {
    name: o.name,
    values,
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: formats.map((f, i) => (values[i] as CellValue[]).map((_, c) => f[c] ?? null)),
    merges: merges.map(area),
  };
  const colIndex = (key: string): number => {
    const c = o.cols.findIndex((x) => x.key === key);
    if (c < 0) throw new Error(`no column ${key} in ${o.name}`);
    return c;
  };
  return {
    grid,
    ref: (i, key) => a1(firstDataRow + i, colIndex(key)),
    rowNo: (i) => firstDataRow + i + 1,
    letter: (key) => columnLetter(colIndex(key)),
    headerRef: (key) => a1(twoRows && (o.cols[colIndex(key)]?.leaf ?? null) !== null ? headerTop + 1 : headerTop, colIndex(key)),
    headerTop,
    firstDataRow,
  };
}

/** A 通报-like sheet: one paragraph per row in column A. */
export function proseSheet(name: string, paragraphs: readonly string[]): Grid {
  return { name, values: paragraphs.map((p) => [p]), merges: [] };
}

function area(ref: string): MergeArea {
  const [a, b] = ref.split(':');
  const p = parseA1(a ?? '');
  const q = parseA1(b ?? a ?? '');
  if (!p || !q) throw new Error(`bad range ${ref}`);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

// ── grid surgery on the samples ─────────────────────────────────────────────

/** Replace the text of every cell in the first `rows` rows whose text (whitespace removed) equals `from`. */
export function renameHeader(g: Grid, from: string, to: string | null, rows = 8): number {
  const key = (v: CellValue): string => (typeof v === 'string' ? v.replace(/\s+/g, '') : '');
  let n = 0;
  for (let r = 0; r < Math.min(rows, g.values.length); r++) {
    const row = g.values[r] as CellValue[];
    for (let c = 0; c < row.length; c++) {
      if (key(row[c] ?? null) === from.replace(/\s+/g, '')) {
        row[c] = to;
        n++;
      }
    }
  }
  if (n === 0) throw new Error(`header ${from} not found in ${g.name}`);
  return n;
}

/** Shift A1 references in a formula: rows ≥ `atRow` (1-based) move down by one. */
function shiftFormulaRows(f: string, atRow: number): string {
  return f.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (m, col: string, row: string) => (Number(row) >= atRow ? `${col}${Number(row) + 1}` : m));
}

/** Insert a row before 0-based `at`; merges, formulas and formats below move down. */
export function insertRow(src: Grid, at: number, values: readonly CellValue[]): Grid {
  const g = cloneGrid(src);
  const vs = g.values as CellValue[][];
  vs.splice(at, 0, [...values]);
  const fs = g.formulas as (string | null)[][] | undefined;
  if (fs) {
    while (fs.length < at) fs.push([]);
    fs.splice(at, 0, values.map(() => null));
    for (const r of fs) for (let c = 0; c < r.length; c++) if (r[c]) r[c] = shiftFormulaRows(r[c] as string, at + 1);
  }
  const nf = g.numberFormats as (string | null)[][] | undefined;
  if (nf) {
    while (nf.length < at) nf.push([]);
    nf.splice(at, 0, values.map(() => null));
  }
  const merges = g.merges.map((m) => (m.top >= at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m.bottom >= at ? { ...m, bottom: m.bottom + 1 } : m));
  return { ...g, values: vs, merges };
}

/** Shift a finding's A1 cell as `insertRow(at)` moves it. */
export function shiftedCell(cell: string, at: number): string {
  const p = parseA1(cell);
  if (!p) return cell;
  return p.row >= at ? a1(p.row + 1, p.col) : cell;
}

/** Insert a column before 0-based `at` holding `values` per row (rows beyond are blank); everything right of it moves. */
export function insertColumn(src: Grid, at: number, values: readonly CellValue[]): Grid {
  const g = cloneGrid(src);
  const shiftCol = (f: string): string =>
    f.replace(/(\$?)([A-Z]{1,3})(\$?\d+)/g, (m, d: string, col: string, rest: string) => {
      const p = parseA1(`${col}1`);
      return p && p.col >= at ? `${d}${columnLetter(p.col + 1)}${rest}` : m;
    });
  const vs = g.values as CellValue[][];
  vs.forEach((r, i) => {
    while (r.length < at) r.push(null);
    r.splice(at, 0, values[i] ?? null);
  });
  const fs = g.formulas as (string | null)[][] | undefined;
  fs?.forEach((r) => {
    while (r.length < at) r.push(null);
    r.splice(at, 0, null);
    for (let c = 0; c < r.length; c++) if (r[c]) r[c] = shiftCol(r[c] as string);
  });
  const nf = g.numberFormats as (string | null)[][] | undefined;
  nf?.forEach((r) => {
    while (r.length < at) r.push(null);
    r.splice(at, 0, null);
  });
  const merges = g.merges.map((m) => ({
    ...m,
    left: m.left >= at ? m.left + 1 : m.left,
    right: m.right >= at ? m.right + 1 : m.right,
  }));
  return { ...g, values: vs, merges };
}

export function shiftedColumn(cell: string, at: number): string {
  const p = parseA1(cell);
  if (!p) return cell;
  return p.col >= at ? a1(p.row, p.col + 1) : cell;
}

/** Replace `from` by `to` in every string cell. */
export function replaceText(g: Grid, from: string | RegExp, to: string): void {
  for (const row of g.values as CellValue[][]) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string') row[c] = v.split(from as string).join(to);
    }
  }
}

// ── assertions ──────────────────────────────────────────────────────────────

export type Expected = readonly (readonly [sheet: string, cell: string, code: string, severity: 'error' | 'warning' | 'info'])[];

export function brief(fs: readonly Finding[]): string[] {
  return fs.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`).sort();
}

export function lines(e: Expected): string[] {
  return e.map(([s, c, code, sev]) => `${s}!${c} ${code} ${sev}`).sort();
}

export function bySeverity(a: Audit, severity: 'error' | 'warning' | 'info'): string[] {
  return brief(a.findings.filter((f) => f.severity === severity));
}

/**
 * The variant's audit: exactly the expected errors, exactly the expected warnings, the expected
 * infos (when given), and never a rule that failed.
 */
export function expectFindings(a: Audit, expected: Expected, opts: { infos?: boolean } = {}): void {
  const want = (sev: string) => lines(expected.filter((e) => e[3] === sev));
  expect(a.findings.filter((f) => f.code === ('engine/rule-failed' as string))).toEqual([]);
  expect(bySeverity(a, 'error')).toEqual(want('error'));
  expect(bySeverity(a, 'warning')).toEqual(want('warning'));
  if (opts.infos !== false) expect(bySeverity(a, 'info')).toEqual(want('info'));
}

/** One-line baseline of an audit against what is expected: false error alarms and planted errors found. */
export function baseline(a: Audit, expected: Expected): string {
  const want = lines(expected);
  const got = brief(a.findings);
  const errors = a.findings.filter((f) => f.severity === 'error');
  const wantErr = lines(expected.filter((e) => e[3] === 'error'));
  const falseErr = brief(errors).filter((x) => !wantErr.includes(x)).length;
  const found = want.filter((x) => got.includes(x)).length;
  const foundErr = wantErr.filter((x) => got.includes(x)).length;
  return `errors ${errors.length} (false ${falseErr}), warnings ${a.counts.warning}, infos ${a.counts.info}; expected findings found ${found}/${want.length} (errors ${foundErr}/${wantErr.length})`;
}
