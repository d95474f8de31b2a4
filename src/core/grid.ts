/**
 * The grid model: what every adapter (exceljs, Office.js) reads a sheet into.
 * Rows and columns are 0-based here; A1 addresses are produced only at the edges.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface ErrorValue {
  readonly error: string;
}

/** A cell's value as read: text, number, boolean, an Excel error, or empty. Dates arrive as serial numbers. */
export type CellValue = string | number | boolean | ErrorValue | null;

/** A merged area, 0-based inclusive. */
export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What was wrong with a sheet's XML: it ends before its elements do, an end tag does not match, a tag is malformed. */
export type XmlProblem = 'cut-off' | 'mismatched' | 'malformed';

/** Something on a sheet the reader could not read: each becomes a `read/…` finding on the sheet, never a silent gap. */
export type SheetReadProblem =
  /** The sheet's part is not in the file: nothing of the sheet was read. */
  | { readonly kind: 'part-missing'; readonly part: string }
  /** The sheet's XML is not well-formed from `position` (a 1-based byte offset): it was read only in part, or not at all. */
  | { readonly kind: 'bad-xml'; readonly part: string; readonly position: number; readonly problem: XmlProblem }
  /** The sheet's part could not be parsed: nothing of it was read. */
  | { readonly kind: 'unreadable'; readonly part: string }
  /** Cells that refer to shared text the file does not have: read as blank. `cells`: the first few. */
  | { readonly kind: 'shared-string-missing'; readonly count: number; readonly cells: readonly string[] }
  /** Cells addressed outside A1:XFD1048576: ignored. `cells`: the first few, as written. */
  | { readonly kind: 'outside-grid'; readonly count: number; readonly cells: readonly string[] };

export interface Grid {
  readonly name: string;
  /**
   * values[row][col]. Rows may be ragged, and sparse: a row holds the cells that have something, a stray
   * far cell does not fill the row up to it. Read a row with `cellsOf` (cost: the cells it holds), never by
   * scanning every column up to the widest row.
   */
  readonly values: readonly (readonly CellValue[])[];
  /** formulas[row][col]: the formula text without the leading `=`, or null. Optional. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** numberFormats[row][col]: Excel number format code, or null for General. Optional. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  readonly merges: readonly MergeArea[];
  readonly hidden?: boolean;
  /** A summary sheet we wrote earlier (tagged by the adapter): never audited as a source annex. */
  readonly generated?: boolean;
  /** What the reader could not read on this sheet (each becomes a finding). */
  readonly readProblems?: readonly SheetReadProblem[];
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → `B7`. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** `B7` → 0-based { row, col }; null when not an A1 address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  // The common form (`B7`: capitals, then digits) read as it stands; anything else (`$B$7`, ` b7 `) by the pattern.
  let i = 0;
  let col = 0;
  while (i < ref.length && i < 4) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i >= 1 && i <= 3 && ref.length - i >= 1 && ref.length - i <= 7) {
    let row = 0;
    let j = i;
    for (; j < ref.length; j++) {
      const c = ref.charCodeAt(j);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (j === ref.length) return { row: row - 1, col: col - 1 };
  }
  return parseA1ByPattern(ref);
}

function parseA1ByPattern(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The sheet of a reference such as `'汇总-研判统计'!$A$1` or `=Sheet1!$A$1`; null when there is none (`#REF!`). */
export function sheetOfReference(ref: string): string | null {
  const s = ref.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(s);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'#][^!]*)!/.exec(s);
  return plain?.[1] ?? null;
}

export function rangeA1(m: MergeArea): string {
  return `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}

export function rawValue(grid: Grid, row: number, col: number): CellValue {
  return grid.values[row]?.[col] ?? null;
}

export function formulaAt(grid: Grid, row: number, col: number): string | null {
  return grid.formulas?.[row]?.[col] ?? null;
}

export function numberFormatAt(grid: Grid, row: number, col: number): string | null {
  return grid.numberFormats?.[row]?.[col] ?? null;
}

/** Rows shorter than this are scanned by index; longer ones (a stray far cell) by the cells they hold. */
const SCAN_BY_INDEX = 64;

/**
 * The columns of a row that hold a value (not empty), ascending. Costs the cells the row holds, not the
 * row's length: a row with one cell at XFD costs what one cell costs.
 */
export function cellsOf(row: readonly CellValue[] | undefined): readonly number[] {
  if (!row || row.length === 0) return [];
  if (row.length <= SCAN_BY_INDEX) {
    const out: number[] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== undefined && v !== null) out.push(c);
    }
    return out;
  }
  const out: number[] = [];
  let sorted = true;
  // A sparse row enumerates only the cells it holds (array indexes come in ascending order in practice).
  for (const k in row) {
    const c = Number(k);
    if (!Number.isInteger(c) || c < 0) continue;
    const v = row[c];
    if (v === undefined || v === null) continue;
    if (out.length > 0 && c < (out[out.length - 1] ?? 0)) sorted = false;
    out.push(c);
  }
  return sorted ? out : out.sort((a, b) => a - b);
}

export function rowCount(grid: Grid): number {
  return grid.values.length;
}

export function columnCount(grid: Grid): number {
  let n = 0;
  for (const r of grid.values) if (r.length > n) n = r.length;
  return n;
}

/** The most cells one merged area may cover, and all indexed areas together, and still be indexed (hostile files merge whole sheets). */
const MAX_INDEXED_MERGE = 200_000;
const MAX_INDEXED_MERGE_CELLS = 1_000_000;

const NO_AREAS: readonly MergeArea[] = [];
/** Areas over a row up to which a lookup scans them (more: a column map of the row). */
const FEW_AREAS = 8;

/**
 * Index of merged areas: for any cell, the merged area that covers it (if any).
 * Built once per grid; lookups are O(1).
 */
export class MergeIndex {
  /**
   * Per row with more than a few areas, the area over each merged column (made when first asked): one array read
   * per lookup. A row with few areas is looked up in its list of areas (a long sheet merged row by row would
   * otherwise keep an array per row).
   */
  private readonly byRow: (MergeArea[] | undefined)[] = [];
  /** Per row, the indexed areas over it, in the grid's order (each area once per row it covers). */
  private readonly areasByRow: (MergeArea[] | undefined)[] = [];
  /** The areas indexed, in the grid's order (a set of them made only if `indexes` is asked). */
  private readonly indexedList: MergeArea[] = [];
  private indexed: Set<MergeArea> | null = null;
  /** The areas not indexed (absurd ones), in the grid's order. */
  readonly unindexed: readonly MergeArea[];
  private readonly width: number;

  constructor(grid: Grid) {
    let width = Math.max(columnCount(grid), 1);
    for (const m of grid.merges) width = Math.max(width, m.right + 1);
    this.width = width;
    let budget = MAX_INDEXED_MERGE_CELLS;
    const unindexed: MergeArea[] = [];
    for (const m of grid.merges) {
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells <= 0 || cells > MAX_INDEXED_MERGE || cells > budget) {
        unindexed.push(m);
        continue;
      }
      budget -= cells;
      this.indexedList.push(m);
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.areasByRow[r];
        // Lists made to their size (a row under two areas is common; pushing would give it room for many).
        if (!list) this.areasByRow[r] = [m];
        else if (list.length === 1) this.areasByRow[r] = [list[0] as MergeArea, m];
        else list.push(m);
      }
    }
    this.unindexed = unindexed;
  }

  /** The indexed areas over a row (an index instead of a scan of every merged area of the sheet). */
  areasInRow(row: number): readonly MergeArea[] {
    return this.areasByRow[row] ?? NO_AREAS;
  }

  /** Whether an area is indexed: absurd areas (hostile files) are not, and their cells read as their own. */
  indexes(m: MergeArea): boolean {
    this.indexed ??= new Set(this.indexedList);
    return this.indexed.has(m);
  }

  areaAt(row: number, col: number): MergeArea | undefined {
    if (col >= this.width || row < 0 || col < 0) return undefined;
    const areas = this.areasByRow[row];
    if (areas === undefined) return undefined;
    if (areas.length <= FEW_AREAS) {
      // The last area over the cell, in the grid's order (as a column map written area after area keeps it).
      for (let i = areas.length - 1; i >= 0; i--) {
        const m = areas[i] as MergeArea;
        if (m.left <= col && col <= m.right) return m;
      }
      return undefined;
    }
    let columns = this.byRow[row];
    if (columns === undefined) {
      columns = [];
      for (const m of areas) for (let c = m.left; c <= m.right; c++) columns[c] = m;
      this.byRow[row] = columns;
    }
    return columns[col];
  }

  /** The top-left cell of the merged area covering (row, col), or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.areaAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }
}

/** A read view of a grid that resolves merged cells to their master's value. */
export class GridView {
  readonly merges: MergeIndex;
  readonly rows: number;
  readonly cols: number;

  constructor(readonly grid: Grid) {
    this.merges = new MergeIndex(grid);
    this.rows = rowCount(grid);
    this.cols = columnCount(grid);
  }

  /** The value shown in the cell: a merged cell shows its master's value. */
  value(row: number, col: number): CellValue {
    const m = this.merges.areaAt(row, col);
    return m ? rawValue(this.grid, m.top, m.left) : rawValue(this.grid, row, col);
  }

  /** Address of the cell that really holds the value (the master of a merged area). */
  address(row: number, col: number): string {
    const m = this.merges.areaAt(row, col);
    return m ? a1(m.top, m.left) : a1(row, col);
  }

  isMergedContinuation(row: number, col: number): boolean {
    const m = this.merges.areaAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  formula(row: number, col: number): string | null {
    return formulaAt(this.grid, row, col);
  }

  numberFormat(row: number, col: number): string | null {
    return numberFormatAt(this.grid, row, col);
  }
}
