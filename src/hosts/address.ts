/**
 * A1 helpers the spreadsheet hosts share (Office.js in src/excel, the WPS object model in src/wps): 0-based rows
 * and columns in, as in the core's grids.
 */
import { a1, columnLetter, parseA1 } from '../core';

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rectA1(r: Rect): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

export function parseRect(ref: string): Rect | null {
  const [a, b] = ref.split(':');
  const p = a !== undefined ? parseA1(a) : null;
  const q = b !== undefined ? parseA1(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** A whole column, `C:C`. */
export function columnA1(col: number): string {
  const c = columnLetter(col);
  return `${c}:${c}`;
}

/** `'附件3'!A3`: a sheet-qualified reference, always quoted (Excel accepts quotes on any name). */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export { sheetOfReference } from '../core';

/**
 * Cells (A1) → rectangles covering exactly them: vertical runs per column, then runs with equal rows in
 * neighbouring columns joined. Fewer, larger areas keep multi-area addresses short.
 */
export function cellsToRects(cells: readonly string[]): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const ref of cells) {
    const p = parseA1(ref);
    if (!p) continue;
    const rows = byCol.get(p.col) ?? [];
    rows.push(p.row);
    byCol.set(p.col, rows);
  }
  const runs: Rect[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...new Set(byCol.get(col))].sort((x, y) => x - y);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r !== undefined && prev !== undefined && r === prev + 1) {
        prev = r;
        continue;
      }
      if (start !== undefined && prev !== undefined) runs.push({ top: start, bottom: prev, left: col, right: col });
      start = r;
      prev = r;
    }
  }
  // Join a run with the run of the same rows in the next column.
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const cur = open.get(key);
    if (cur && cur.right + 1 === run.left) cur.right = run.left;
    else {
      if (cur) out.push({ ...cur });
      open.set(key, { ...run });
    }
  }
  for (const r of open.values()) out.push({ ...r });
  return out.sort((x, y) => x.top - y.top || x.left - y.left);
}

/** A block (top-left and size) as one address: `B3`, or `B3:D9`. */
export function rangeAddress(b: { readonly top: number; readonly left: number; readonly rows: number; readonly cols: number }): string {
  const from = a1(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? from : `${from}:${a1(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

/**
 * Multi-area addresses of at most `limit` characters each: a range address of more than 255 characters is
 * refused (VBA's and WPS's `Range("…")`), so longer lists of areas are split.
 */
export function addressChunks(addresses: readonly string[], limit = 255): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur !== '' && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = '';
    }
    cur = cur === '' ? a : `${cur},${a}`;
  }
  if (cur !== '') out.push(cur);
  return out;
}
