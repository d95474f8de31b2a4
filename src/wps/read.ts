/**
 * The WPS adapter's reader: the open workbook → the core's Grid[], exactly as the Office.js and xlsx adapters
 * read it (values, formulas without `=`, number formats, merged areas; dates stay serial numbers; errors become
 * `{ error }`; merged continuation cells and empty cells are null; rows end at their last cell; a sheet ends at
 * its last row with content).
 *
 * Bulk, never cell by cell over a range: per sheet `Value2` and `Formula` as 2-D arrays in blocks of rows, one
 * `NumberFormat` and one `MergeCells` of the content. Those two answer one value when every cell agrees and
 * something else when they differ; only then is the range halved, and halved again where it still differs, so the
 * calls grow with the number of format runs and merged areas, not with the cells.
 *
 * What real WPS does that the kind case hides:
 * - `UsedRange` also counts cells that carry only a format (a sheet formatted by whole columns reaches row 65,536).
 *   The content's extent is asked for first (`Cells.Find("*", …, xlPrevious)` by rows and by columns, where the
 *   build has it), and whatever is read is trimmed to the last row and column with content before formats and
 *   merges are read.
 * - The object model is synchronous: a large sheet holds the pane's thread. Between sheets and blocks the reader
 *   yields a macrotask (so the pane paints its progress), and past a time budget it stops with `timeout`.
 * - A mixed range's `NumberFormat` is `null` in most builds, but may be `''` or something else: a block's format
 *   counts as uniform only when it is a non-empty text equal to its first and last cells' formats.
 */
import { sheetOfReference, type Grid, type MergeArea, SHEET_TAG_PREFIX } from '../core';
import { assembleGrid } from '../hosts/grid';
import { WpsAdapterError, type WpsNote } from './errors';
import { isVisible, sheetsOf, type WpsFeature } from './host';
import { type WpsApplication, type WpsWorkbook, type WpsWorksheet, XL } from './model';
import { rangeAddress } from '../hosts/address';

/**
 * Error values as a COM bridge hands them over: the VT_ERROR SCODEs of Excel's CVErr values (0x800A07D0 + the
 * xlErr number). WPS may instead report the error's text (`#DIV/0!`), which toGridCell already reads.
 */
const ERROR_SCODES: ReadonlyMap<number, string> = new Map([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
]);

export function wpsValue(v: unknown): unknown {
  if (typeof v === 'number') return ERROR_SCODES.get(v) ?? v;
  if (v === undefined) return null;
  return v;
}

/** A scalar (one cell) or a 2-D array (several) → rows × cols. */
export function as2D(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row])) as unknown[][];
  if (rows === 1 && cols === 1) return [[v]];
  // One value for the whole range (a uniform NumberFormat): every cell has it.
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
}

interface Block {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** Columns first (a column's format runs down it: a header then data), then rows. */
function halves(b: Block): [Block, Block] {
  if (b.cols === 1) {
    const h = Math.floor(b.rows / 2);
    return [
      { top: b.top, left: b.left, rows: h, cols: b.cols },
      { top: b.top + h, left: b.left, rows: b.rows - h, cols: b.cols },
    ];
  }
  const h = Math.floor(b.cols / 2);
  return [
    { top: b.top, left: b.left, rows: b.rows, cols: h },
    { top: b.top, left: b.left + h, rows: b.rows, cols: b.cols - h },
  ];
}

/** A cell's own format, `''` read as General (a single cell is never mixed). */
function cellFormat(ws: WpsWorksheet, row: number, col: number): unknown {
  const nf = ws.Range(rangeAddress({ top: row, left: col, rows: 1, cols: 1 })).NumberFormat;
  return nf === '' ? 'General' : nf;
}

/**
 * True when a block's `NumberFormat` answer means "every cell has this format": a non-empty text that its first
 * and last cells also have. `null`, `''`, `undefined` or a text its corners disagree with mean mixed.
 */
function uniformFormat(ws: WpsWorksheet, block: Block, nf: unknown): nf is string {
  if (typeof nf !== 'string' || nf === '') return false;
  if (cellFormat(ws, block.top, block.left) !== nf) return false;
  return cellFormat(ws, block.top + block.rows - 1, block.left + block.cols - 1) === nf;
}

/** Number formats of a block: one read where the block agrees, halves where it does not. */
function readFormats(ws: WpsWorksheet, block: Block, out: unknown[][], origin: { top: number; left: number }): void {
  const single = block.rows * block.cols === 1;
  const raw = ws.Range(rangeAddress(block)).NumberFormat;
  const nf = single && raw === '' ? 'General' : raw;
  if (single || uniformFormat(ws, block, nf)) {
    for (let r = 0; r < block.rows; r++) {
      const row = out[block.top - origin.top + r] ?? [];
      for (let c = 0; c < block.cols; c++) row[block.left - origin.left + c] = nf;
      out[block.top - origin.top + r] = row;
    }
    return;
  }
  for (const half of halves(block)) readFormats(ws, half, out, origin);
}

/** Merged areas meeting a block: none where `MergeCells` is false; where it is true or mixed, halves, down to cells whose `MergeArea` names the area. */
function readMerges(ws: WpsWorksheet, block: Block, found: Map<string, MergeArea>, covered: (r: number, c: number) => boolean): void {
  const range = ws.Range(rangeAddress(block));
  const merged = range.MergeCells;
  if (merged === false) return;
  if (block.rows * block.cols === 1) {
    if (merged !== true || covered(block.top, block.left)) return;
    const area = range.MergeArea;
    if (!area) return;
    const m: MergeArea = { top: area.Row - 1, left: area.Column - 1, bottom: area.Row - 2 + area.Rows.Count, right: area.Column - 2 + area.Columns.Count };
    found.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    return;
  }
  if (merged === true) {
    // Every cell is merged: the area of the first cell not yet covered, until the block is covered.
    for (let r = block.top; r < block.top + block.rows; r++)
      for (let c = block.left; c < block.left + block.cols; c++) if (!covered(r, c)) readMerges(ws, { top: r, left: c, rows: 1, cols: 1 }, found, covered);
    return;
  }
  for (const half of halves(block)) readMerges(ws, half, found, covered);
}

export interface WpsReadOptions {
  readonly features: ReadonlySet<WpsFeature>;
  /** Recalculate a workbook in manual calculation mode before reading (default true). */
  readonly calculate?: boolean;
  /** Stop with `timeout` once reading has taken longer than this (default READ_BUDGET_MS). */
  readonly budgetMs?: number;
  /** Let the pane paint between sheets and blocks (default: a macrotask, `setTimeout(0)`). */
  readonly pause?: () => Promise<void>;
  /** The clock the budget is measured on (tests). */
  readonly now?: () => number;
  /** Each sheet as it is started: `done` of `total` read. */
  readonly onSheet?: (done: number, total: number, sheet: string) => void;
}

/** How long reading may hold WPS before it stops with a message: two minutes. */
export const READ_BUDGET_MS = 120_000;
/** Cells per `Value2`/`Formula` call: a block of rows of about this many cells. */
export const READ_BLOCK_CELLS = 50_000;

/** A macrotask: unlike `await Promise.resolve()`, it lets the webview paint and take clicks. */
export function paint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Yields to the pane, then stops with `timeout` once the budget is spent. */
export interface ReadClock {
  tick(): Promise<void>;
}

export function readClock(options: Pick<WpsReadOptions, 'budgetMs' | 'pause' | 'now'> = {}): ReadClock {
  const now = options.now ?? (() => Date.now());
  const pause = options.pause ?? paint;
  const budget = options.budgetMs ?? READ_BUDGET_MS;
  const start = now();
  return {
    async tick() {
      await pause();
      if (now() - start > budget) throw new WpsAdapterError('timeout', { seconds: Math.max(1, Math.round(budget / 1000)) });
    },
  };
}

const XL_FORMULAS = -4123;
const XL_PART = 2;
const XL_BY_ROWS = 1;
const XL_BY_COLUMNS = 2;
const XL_PREVIOUS = 2;

/**
 * The last row and column with content (0-based), by `Cells.Find("*")` backwards by rows and by columns; null
 * when the sheet has no content; undefined when this build cannot say (no `Find`, or it failed).
 */
export function contentEnd(ws: WpsWorksheet): { bottom: number; right: number } | null | undefined {
  try {
    const find = ws.Cells.Find;
    if (typeof find !== 'function') return undefined;
    const byRows = find.call(ws.Cells, '*', undefined, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_PREVIOUS);
    if (byRows === null || byRows === undefined) return null;
    const byCols = find.call(ws.Cells, '*', undefined, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_PREVIOUS);
    if (byCols === null || byCols === undefined) return null;
    return { bottom: byRows.Row - 1, right: byCols.Column - 1 };
  } catch {
    return undefined;
  }
}

export interface WpsWorkbookRead {
  readonly grids: Grid[];
  readonly notes: readonly WpsNote[];
}

const hasContent = (value: unknown, formula: unknown): boolean => {
  const v = wpsValue(value);
  return (v !== null && v !== '') || (typeof formula === 'string' && formula.length > 1 && formula.startsWith('='));
};

async function readSheet(ws: WpsWorksheet, features: ReadonlySet<WpsFeature>, clock: ReadClock): Promise<Grid> {
  const name = ws.Name;
  const hidden = !isVisible(ws);
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  let rows = used.Rows.Count;
  let cols = used.Columns.Count;
  // The used range may run far past the content (cells with only a format): cut it to the content first.
  const end = contentEnd(ws);
  if (end === null) rows = 0;
  else if (end !== undefined) {
    rows = Math.max(0, Math.min(rows, end.bottom - top + 1));
    cols = Math.max(0, Math.min(cols, end.right - left + 1));
  }
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const step = Math.max(1, Math.floor(READ_BLOCK_CELLS / Math.max(1, cols)));
  for (let r = 0; r < rows && cols > 0; r += step) {
    const n = Math.min(step, rows - r);
    const range = ws.Range(rangeAddress({ top: top + r, left, rows: n, cols }));
    values.push(...as2D(range.Value2, n, cols));
    formulas.push(...as2D(range.Formula, n, cols));
    if (r + n < rows) await clock.tick();
  }
  // Whatever was read is trimmed to the last row and column with content.
  let lastRow = -1;
  let lastCol = -1;
  for (let i = 0; i < values.length; i++)
    for (let c = 0; c < cols; c++)
      if (hasContent(values[i]?.[c], formulas[i]?.[c])) {
        lastRow = i;
        if (c > lastCol) lastCol = c;
      }
  rows = lastRow + 1;
  cols = lastCol + 1;
  const formats: unknown[][] = [];
  const found = new Map<string, MergeArea>();
  if (rows > 0 && cols > 0) {
    if (features.has('numberFormats')) readFormats(ws, { top, left, rows, cols }, formats, { top, left });
    if (features.has('mergedAreas')) {
      const covered = (r: number, c: number): boolean => [...found.values()].some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
      readMerges(ws, { top, left, rows, cols }, found, covered);
    }
  }

  return assembleGrid({ name, hidden, used: rows > 0 && cols > 0 ? { top, left, rows, cols } : null, values, formulas, formats, merges: found.values(), hostValue: wpsValue });
}

/** Sheets our earlier summaries live on (workbook names `AnnexAudit_<id>` → `='sheet'!$A$1`). */
export function taggedSheets(wb: WpsWorkbook): Map<string, { id: string; sheet: string }> {
  const out = new Map<string, { id: string; sheet: string }>();
  const names = wb.Names;
  if (!names) return out;
  for (let i = 1; i <= names.Count; i++) {
    const n = names.Item(i);
    if (!n.Name.startsWith(SHEET_TAG_PREFIX)) continue;
    const sheet = sheetOfReference(String(n.RefersTo ?? ''));
    if (sheet !== null) out.set(n.Name, { id: n.Name.slice(SHEET_TAG_PREFIX.length), sheet });
  }
  return out;
}

/**
 * Every worksheet (visible, hidden and very hidden) as a grid, in workbook order, and what the user should know.
 * Yields to the pane between sheets and blocks; rejects with `timeout` past the budget.
 */
export async function readWpsWorkbook(app: WpsApplication, wb: WpsWorkbook, options: WpsReadOptions): Promise<WpsWorkbookRead> {
  const clock = readClock(options);
  const notes: WpsNote[] = [];
  if (app.Calculation === XL.calculationManual && options.calculate !== false && typeof app.Calculate === 'function') {
    // Values would otherwise be the last calculation's results.
    app.Calculate();
    notes.push({ key: 'wps.note.manualCalc' });
  }
  if (!options.features.has('mergedAreas')) notes.push({ key: 'wps.note.mergedAreasUnsupported' });
  if (!options.features.has('numberFormats')) notes.push({ key: 'wps.note.numberFormatsUnsupported' });
  let generated = new Set<string>();
  try {
    generated = new Set([...taggedSheets(wb).values()].map((t) => t.sheet));
  } catch {
    /* names unreadable: our earlier summaries are read as ordinary sheets (the write says what failed) */
  }
  const sheets = sheetsOf(wb);
  const grids: Grid[] = [];
  for (const ws of sheets) {
    await clock.tick();
    options.onSheet?.(grids.length, sheets.length, ws.Name);
    const g = await readSheet(ws, options.features, clock);
    grids.push(generated.has(g.name) ? { ...g, generated: true } : g);
  }
  return { grids, notes };
}
