/**
 * Tables inside sheets (issue 18, item 1). Offices paste several annexes into one sheet — one under another,
 * side by side, each with its own title and header — and a sheet read as one table turns every later title,
 * header and text row into a "data row". Here a sheet is cut into its tables before anything is read:
 *
 *  - a table starts at a header that names every required column of some kind (a complete header; a partial
 *    one never cuts a sheet), found anywhere in the sheet, not only in its first rows;
 *  - it owns the title lines just above its header (附件2, its title, 统计截止…), and every row down to the next
 *    table's title; side by side, the columns up to the next table's first column;
 *  - the same kind's header written again right under its rows (a table copied from printed pages) does not
 *    start a table: the reader keeps it out of the data (`Table.repeatedHeaders`).
 *
 * Each table is given to the reader as a window on the sheet: the same sheet name, the same row and column
 * numbers, blank outside its range. Findings, marks and summaries therefore name real cells, and a sheet with
 * one table is read exactly as before.
 */
import { type CellValue, cellsOf, type Grid, GridView, type MergeArea } from './grid';
import { TABLE_SPECS } from './kinds';
import { findHeader, type HeaderMatch, mayPlaceAllRequired, ownNonBlank, type TableSpec } from './table';
import { cellText, isLabelSpace, labelKey } from './text';
import { SIGNATURE_START } from './vocab';

/** One table's window on its sheet (0-based, inclusive; `right` may be Infinity). */
export interface TableBlock {
  readonly grid: Grid;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

interface Hit {
  readonly spec: TableSpec;
  readonly header: HeaderMatch;
  readonly left: number;
  readonly right: number;
  readonly score: number;
}

/** Every header name of every kind, as label keys: a row with two of them may be a header. */
let headerNames: ReadonlySet<string> | null = null;
/** The first code unit of each of those names: a cell whose label starts otherwise names none. */
let headerStarts: ReadonlySet<number> = new Set();
function namesOfHeaders(): ReadonlySet<string> {
  if (headerNames) return headerNames;
  const s = new Set<string>();
  for (const spec of TABLE_SPECS) for (const c of spec.columns) for (const n of c.names) if (n.length >= 2) s.add(n);
  headerNames = s;
  headerStarts = new Set([...s].map((n) => n.charCodeAt(0)));
  return s;
}

/** The first code unit of `labelKey(v)`: its first character that is no space, full-width ASCII made half-width; -1 when none. */
function labelStart(v: string): number {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isLabelSpace(c)) continue;
    return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }
  return -1;
}

/** Header labels are short; a longer cell is data or prose. */
const MAX_LABEL = 24;
/** A column named by an exact synonym (on its own header or its group's). */
const EXACT_SCORE = 80;
/** Longest header name worth looking up (longer cells are data or prose). */
const MAX_NAME = 16;
/** How many title lines above a header may belong to it. */
const MAX_TITLE_ROWS = 8;

/** Rows that may be header rows: holding cells whose text is some kind's header name. */
function headerLikeRows(view: GridView): number[] {
  const names = namesOfHeaders();
  const memo = new Map<string, boolean>();
  const counts: number[] = [];
  for (let r = 0; r < view.rows; r++) {
    const row = view.grid.values[r];
    let n = 0;
    for (const c of cellsOf(row)) {
      const v = row?.[c];
      if (typeof v !== 'string' || v.length > MAX_NAME * 2) continue;
      // Most cells (data) start unlike any header name: no label made, nothing remembered.
      if (!headerStarts.has(labelStart(v))) continue;
      let hit = memo.get(v);
      if (hit === undefined) {
        const k = labelKey(v).replace(/\((项|个|条|家|人|次|万元|元|单位|√|✓)\)$/, '');
        hit = k.length <= MAX_NAME && names.has(k);
        if (memo.size < 50_000) memo.set(v, hit);
      }
      if (hit && ++n >= 2) break;
    }
    counts.push(n);
  }
  // Two names in one row, or one in each of two rows (a two-row header: 单位 over one row, 项数 under a group).
  const out: number[] = [];
  counts.forEach((n, r) => {
    if (n >= 2 || (n === 1 && ((counts[r + 1] ?? 0) >= 1 || (counts[r - 1] ?? 0) >= 1))) out.push(r);
  });
  return out;
}

/** Whether a column in (left, right) is blank in every row top..bottom (a merged label counts for all its columns). */
function blankColumnBetween(view: GridView, top: number, bottom: number, left: number, right: number): boolean {
  for (let c = left + 1; c < right; c++) {
    let blank = true;
    for (let r = top; r <= bottom && blank; r++) if (cellText(view.value(r, c)) !== '') blank = false;
    if (blank) return true;
  }
  return false;
}

/** The best complete header (every required column placed) over rows [from, from + scan), or null. */
function completeHeaderNear(view: GridView, from: number, scan: number): Hit | null {
  let best: Hit | null = null;
  for (const spec of TABLE_SPECS) {
    // Rows whose labels cannot name every required column hold no complete header: not searched.
    if (!mayPlaceAllRequired(view, spec, Math.max(0, from), scan)) continue;
    const header = findHeader(view, spec, undefined, Math.max(0, from), scan);
    if (!header || header.requiredCount < 2 || header.matchedRequired !== header.requiredCount) continue;
    const excludes = spec.excludes;
    if (excludes && [...header.labels.values()].some((parts) => parts.some((p) => excludes.test(p)))) continue;
    const placed = [...header.columns.values()].flat();
    if (placed.length < 2) continue;
    // A header, not a row of text that happens to hold the key terms: short labels, two of them named exactly.
    if (placed.some((c) => (header.labels.get(c) ?? []).some((p) => p.length > MAX_LABEL))) continue;
    if ([...(header.scores?.values() ?? [])].filter((v) => v >= EXACT_SCORE).length < 2) continue;
    const left = Math.min(...placed);
    const right = Math.max(...placed);
    // One header has no column blank in all its rows between its columns: such a gap is the spacer between two
    // tables side by side, and a "header" across it took a cell of one table's data for the other's label.
    if (blankColumnBetween(view, header.top, header.bottom, left, right)) continue;
    const score = header.matched * 10 + header.matchedRequired * 5;
    if (!best || score > best.score) best = { spec, header, left, right, score };
  }
  return best;
}

/**
 * Every complete header over rows [from, from + scan) within columns [left, right]: the best one, then those
 * left and right of it (tables side by side, of one kind or of several).
 */
function headersNear(grid: Grid, view: GridView, from: number, scan: number, left: number, right: number, depth: number): Hit[] {
  const v = left === 0 && right === Infinity ? view : new GridView(windowGrid(grid, 0, Math.min(view.rows - 1, Math.max(0, from) + scan + MAX_TITLE_ROWS), left, right));
  const best = completeHeaderNear(v, from, scan);
  if (!best) return [];
  if (depth >= 4) return [best];
  return [
    ...(best.left - 1 >= left ? headersNear(grid, view, from, scan, left, best.left - 1, depth + 1) : []),
    best,
    ...(best.right + 1 <= right ? headersNear(grid, view, from, scan, best.right + 1, right, depth + 1) : []),
  ];
}

/**
 * Runs of columns holding text in rows first..last, split where a column is blank in all of them: tables
 * side by side are usually kept apart by a spacer column.
 */
function columnRuns(view: GridView, first: number, last: number): [number, number][] {
  const cols = new Set<number>();
  for (let r = first; r <= last; r++) for (const { col } of ownNonBlank(view, r)) cols.add(col);
  // A header cell merged across columns shows its text in all of them.
  // The areas over those rows, by the row index (each once: at the first of the rows it covers), and the few
  // areas too large to index.
  const spread = (m: MergeArea) => {
    if (m.right - m.left > 200 || cellText(view.grid.values[m.top]?.[m.left] ?? null) === '') return;
    for (let c = m.left; c <= m.right; c++) cols.add(c);
  };
  for (let r = Math.max(0, first); r <= last; r++) for (const m of view.merges.areasInRow(r)) if (r === Math.max(first, m.top)) spread(m);
  for (const m of view.merges.unindexed) if (m.bottom >= first && m.top <= last) spread(m);
  const sorted = [...cols].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run && c === run[1] + 1) run[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** The complete headers of one cluster of header-like rows: per run of columns when each run holds one, else over the whole rows. */
function clusterHeaders(grid: Grid, view: GridView, first: number, last: number): Hit[] {
  const runs = columnRuns(view, first, last);
  if (runs.length >= 2) {
    const hits: Hit[] = [];
    runs.forEach(([left, right], k) => {
      const until = k + 1 < runs.length ? (runs[k + 1] as [number, number])[0] - 1 : Infinity;
      const v = new GridView(windowGrid(grid, 0, Math.min(view.rows - 1, last + MAX_TITLE_ROWS), left, Math.max(right, until)));
      const hit = completeHeaderNear(v, first - 2, last - first + 3);
      if (hit) hits.push(hit);
    });
    // One run with a header: the table of that run (a header over the whole rows would reach into its neighbour).
    if (hits.length >= 1) return hits;
  }
  return headersNear(grid, view, first - 2, last - first + 3, 0, Infinity, 0);
}


/** The first line of an annex's title block: 附件3, 附件 三, 附表2 … */
const ANNEX_LINE = /^附(件|表)\s*[0-9０-９一二三四五六七八九十]+/;
const NOTE = /^(注|备注|说明|填表说明|数据来源|资料来源)[:：]/;

/**
 * The first row of a table's title block: the short lines right above its header (附件3, the title, 统计截止,
 * a note on its marks), up to its 附件N line, a blank line above them, or a row of the table above.
 */
function titleStart(view: GridView, hit: Hit, floor: number, left: number, right: number): number {
  let start = hit.header.top;
  let sawTitle = false;
  for (let r = hit.header.top - 1; r >= floor && r >= hit.header.top - MAX_TITLE_ROWS; r--) {
    const own = ownNonBlank(view, r).filter((o) => o.col >= left && o.col <= right);
    if (own.length === 0) {
      if (start < hit.header.top) break;
      continue;
    }
    const first = labelKey(own[0]?.text ?? '');
    if (own.length > 2 || SIGNATURE_START.test(first)) break;
    // A note between a title and its header (注：●表示…) is the table's own; a note above the title is the
    // note under the table above.
    const note = NOTE.test(first);
    if (note && sawTitle) break;
    if (!note) sawTitle = true;
    start = r;
    if (ANNEX_LINE.test(first)) break;
  }
  return start;
}

/** Whether an 附件N line sits in the title rows above a header (a new annex, not its header written again). */
function annexLineAbove(view: GridView, hit: Hit, floor: number): boolean {
  for (let r = hit.header.top - 1; r >= floor && r >= hit.header.top - MAX_TITLE_ROWS; r--) {
    const own = ownNonBlank(view, r).filter((o) => o.col >= hit.left && o.col <= hit.right);
    if (own.length === 1 && ANNEX_LINE.test(labelKey(own[0]?.text ?? ''))) return true;
  }
  return false;
}

/**
 * Whether `later` is the header of `above` written again (a table copied from printed pages): the same kind
 * on the same columns, or rows whose cells are mostly `above`'s header text in the same columns (a repeated
 * header row alone may fit another kind better).
 */
function repeatsHeader(view: GridView, later: Hit, above: Hit): boolean {
  if (later.spec.kind === above.spec.kind && later.left === above.left && later.right === above.right) return true;
  for (let r = later.header.top; r <= later.header.bottom; r++) {
    const own = ownNonBlank(view, r);
    const same = own.filter(({ col, text }) => above.header.labels.get(col)?.includes(labelKey(text))).length;
    if (same >= 2 && same >= Math.ceil(own.length * 0.6)) return true;
  }
  return false;
}

const EMPTY: readonly CellValue[] = [];

function windowRows<T>(rows: readonly (readonly T[])[] | undefined, top: number, bottom: number, left: number, right: number): (readonly T[])[] | undefined {
  if (!rows) return undefined;
  const out: (readonly T[])[] = [];
  const whole = left === 0 && right === Infinity;
  for (let r = 0; r <= bottom && r < rows.length; r++) {
    const row = rows[r] ?? (EMPTY as readonly T[]);
    if (r < top) out.push(EMPTY as readonly T[]);
    else if (whole) out.push(row);
    else {
      const cut: T[] = [];
      for (const c of cellsOf(row as readonly CellValue[])) if (c >= left && c <= right) cut[c] = row[c] as T;
      out.push(cut);
    }
  }
  return out;
}

/** The sheet seen through one table's window: same name, same cell addresses, blank outside. */
export function windowGrid(grid: Grid, top: number, bottom: number, left: number, right: number): Grid {
  const merges: MergeArea[] = grid.merges.filter((m) => m.bottom >= top && m.top <= bottom && m.right >= left && m.left <= right);
  const formulas = windowRows(grid.formulas, top, bottom, left, right);
  const numberFormats = windowRows(grid.numberFormats, top, bottom, left, right);
  return {
    name: grid.name,
    values: windowRows(grid.values, top, bottom, left, right) ?? [],
    merges,
    ...(formulas ? { formulas } : {}),
    ...(numberFormats ? { numberFormats } : {}),
    ...(grid.hidden ? { hidden: true } : {}),
  };
}

/**
 * The tables of a sheet, each as a window on it; null when the sheet holds one table (or none): it is then
 * read whole, exactly as before.
 */
export function splitTables(grid: Grid, view = new GridView(grid)): TableBlock[] | null {
  const candidates = headerLikeRows(view);
  if (candidates.length < 2) return null;
  // Candidate rows close together are one header (two or three header rows): look once per cluster. The
  // headers of one cluster are side by side (a band); clusters follow each other down the sheet.
  const bands: Hit[][] = [];
  const seen = (h: Hit) => bands.some((b) => b.some((o) => o.header.top === h.header.top && o.left === h.left));
  let i = 0;
  while (i < candidates.length) {
    const first = candidates[i] as number;
    let last = first;
    while (i + 1 < candidates.length && (candidates[i + 1] as number) - last <= 2) last = candidates[++i] as number;
    i++;
    const band = clusterHeaders(grid, view, first, last).filter((h) => !seen(h));
    if (band.length > 0) bands.push(band.sort((a, b) => a.left - b.left));
  }

  // A header that repeats the table's above it (no title between) continues that table: the reader keeps its
  // rows out of the data.
  const all = bands.flat().sort((a, b) => a.header.top - b.header.top || a.left - b.left);
  const overlapsCols = (a: Hit, b: Hit) => a.left <= b.right && b.left <= a.right;
  const above = (h: Hit, list: readonly Hit[]) => list.filter((g) => g.header.bottom < h.header.top && overlapsCols(g, h));
  const hits: Hit[] = [];
  for (const h of all) {
    const over = above(h, hits);
    const p = over[over.length - 1];
    if (p && repeatsHeader(view, h, p) && !annexLineAbove(view, h, p.header.bottom + 1)) continue;
    hits.push(h);
  }
  if (hits.length < 2) return null;

  // Each table's window: down from its title to the next table below it, across to the tables beside it.
  const tops = hits.map((h) => {
    const over = above(h, hits);
    if (over.length === 0) return 0;
    return titleStart(view, h, Math.max(...over.map((g) => g.header.bottom + 1)), h.left, h.right);
  });
  const bottoms = hits.map((h) => {
    const below = hits.map((g, k) => [g, k] as const).filter(([g]) => g.header.top > h.header.bottom && overlapsCols(g, h));
    return below.length === 0 ? view.rows - 1 : Math.min(...below.map(([, k]) => tops[k] as number)) - 1;
  });
  const blocks: TableBlock[] = hits.map((h, k) => {
    const top = tops[k] as number;
    const bottom = bottoms[k] as number;
    const beside = hits.filter((_g, j) => j !== k && (tops[j] as number) <= bottom && (bottoms[j] as number) >= top);
    const leftOf = beside.filter((g) => g.right < h.left);
    const rightOf = beside.filter((g) => g.left > h.right);
    // A table owns the labelled columns just left of its first placed column (序号), up to the table beside it.
    const left = leftOf.length === 0 ? 0 : nextLeft(h, Math.max(...leftOf.map((g) => g.right)));
    const right = rightOf.length === 0 ? Infinity : Math.min(...rightOf.map((g) => nextLeft(g, h.right))) - 1;
    return { grid: windowGrid(grid, top, bottom, left, right), top, bottom, left, right };
  });
  return blocks;
}

/** The first column of a table to the right: its first placed column, widened over labelled columns left of it. */
function nextLeft(h: Hit, prevRight: number): number {
  let left = h.left;
  while (left - 1 > prevRight && (h.header.labels.get(left - 1)?.length ?? 0) > 0) left--;
  return left;
}


