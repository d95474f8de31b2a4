/**
 * The WPS adapter's reader: the open workbook → the core's Grid[], exactly as the Office.js and xlsx adapters
 * read it (values, formulas without `=`, number formats, merged areas; dates stay serial numbers; errors become
 * `{ error }`; merged continuation cells and empty cells are null; rows end at their last cell; a sheet ends at
 * its last row with content).
 *
 * Bulk, never cell by cell over a range: per sheet one `UsedRange.Value2` and one `UsedRange.Formula` (2-D arrays),
 * one `NumberFormat` and one `MergeCells` of the used range. Those two answer one value when every cell agrees and
 * `null` when they differ; only then is the range halved, and halved again where it still differs, so the calls
 * grow with the number of format runs and merged areas, not with the cells.
 */
import { sheetOfReference } from '../core/grid';
import type { CellValue, Grid, MergeArea } from '../core/grid';
import { SHEET_TAG_PREFIX } from '../core/plans/types';
import { toGridCell } from '../hosts/cells';
import { type WpsNote } from './errors';
import { isVisible, sheetsOf, type WpsFeature } from './host';
import { type WpsApplication, type WpsWorkbook, type WpsWorksheet, XL } from './model';
import { rangeAddress } from './address';

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

/** Number formats of a block: one read where the block agrees, halves where it does not. */
function readFormats(ws: WpsWorksheet, block: Block, out: unknown[][], origin: { top: number; left: number }): void {
  const nf = ws.Range(rangeAddress(block)).NumberFormat;
  if (typeof nf === 'string' || block.rows * block.cols === 1) {
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
}

export interface WpsWorkbookRead {
  readonly grids: Grid[];
  readonly notes: readonly WpsNote[];
}

function readSheet(ws: WpsWorksheet, features: ReadonlySet<WpsFeature>): Grid {
  const name = ws.Name;
  const hidden = !isVisible(ws);
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const values = as2D(used.Value2, rows, cols);
  const formulas = as2D(used.Formula, rows, cols);
  const formats: unknown[][] = [];
  if (features.has('numberFormats')) readFormats(ws, { top, left, rows, cols }, formats, { top, left });
  const found = new Map<string, MergeArea>();
  if (features.has('mergedAreas')) {
    const covered = (r: number, c: number): boolean => [...found.values()].some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
    readMerges(ws, { top, left, rows, cols }, found, covered);
  }

  const gv: CellValue[][] = [];
  const gf: (string | null)[][] = [];
  const gn: (string | null)[][] = [];
  for (let r = 0; r < top; r++) {
    gv.push([]);
    gf.push([]);
    gn.push([]);
  }
  for (let i = 0; i < rows; i++) {
    const vs: CellValue[] = [];
    const fs: (string | null)[] = [];
    const ns: (string | null)[] = [];
    for (let c = 0; c < left; c++) {
      vs.push(null);
      fs.push(null);
      ns.push(null);
    }
    for (let c = 0; c < cols; c++) {
      const cell = toGridCell(wpsValue(values[i]?.[c]), formulas[i]?.[c], formats[i]?.[c]);
      vs.push(cell.value);
      fs.push(cell.formula);
      ns.push(cell.numberFormat);
    }
    let end = vs.length;
    while (end > 0 && vs[end - 1] === null && fs[end - 1] === null) end--;
    gv.push(vs.slice(0, end));
    gf.push(fs.slice(0, end));
    gn.push(ns.slice(0, end));
  }
  // WPS's used range also covers cells with only a format: the sheet ends at its last row with content.
  while (gv.length > 0 && (gv[gv.length - 1]?.length ?? 0) === 0) {
    gv.pop();
    gf.pop();
    gn.pop();
  }
  const merges = [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  return { name, values: gv, formulas: gf, numberFormats: gn, merges, hidden };
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

/** Every worksheet (visible, hidden and very hidden) as a grid, in workbook order, and what the user should know. */
export function readWpsWorkbook(app: WpsApplication, wb: WpsWorkbook, options: WpsReadOptions): WpsWorkbookRead {
  const notes: WpsNote[] = [];
  if (app.Calculation === XL.calculationManual && options.calculate !== false && typeof app.Calculate === 'function') {
    // Values would otherwise be the last calculation's results.
    app.Calculate();
    notes.push({ key: 'wps.note.manualCalc' });
  }
  if (!options.features.has('mergedAreas')) notes.push({ key: 'wps.note.mergedAreasUnsupported' });
  if (!options.features.has('numberFormats')) notes.push({ key: 'wps.note.numberFormatsUnsupported' });
  const generated = new Set([...taggedSheets(wb).values()].map((t) => t.sheet));
  const grids = sheetsOf(wb).map((ws) => {
    const g = readSheet(ws, options.features);
    return generated.has(g.name) ? { ...g, generated: true } : g;
  });
  return { grids, notes };
}
