/** A1 addresses for the WPS object model (0-based rows and columns in, as in the core's grids). */
import { a1 } from '../core/grid';

export function rangeAddress(b: { readonly top: number; readonly left: number; readonly rows: number; readonly cols: number }): string {
  const from = a1(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? from : `${from}:${a1(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

/**
 * Multi-area addresses of at most `limit` characters each: the object model takes a range address of at most
 * 255 characters (as Excel's `Range("…")` does), so longer lists of areas are split.
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
