/**
 * Reading a sheet's table the way staff lay it out: title rows, a 统计截止 line, note rows,
 * a one- to three-row (merged) header, vertically merged or filled-down group cells,
 * multi-line cells, a 合计 row, trailing blank rows. Columns are found by header text.
 */
import { a1, type CellValue, GridView, type Grid } from './grid';
import { cellText, isBlank, labelKey } from './text';

export type AnnexKind =
  | 'rating-tally'
  | 'unit-key-items'
  | 'incentive-analysis'
  | 'progress-report'
  | 'liaison-log'
  | 'report-text'
  | 'target-progress'
  | 'livelihood-projects'
  | 'task-decomposition';

export interface ColumnSpec {
  readonly key: string;
  /** The canonical header text, used in messages. */
  readonly label: string;
  /** Header label keys (see `labelKey`) that name this column exactly. */
  readonly names: readonly string[];
  /** Alternative: a pattern on the label key. */
  readonly pattern?: RegExp;
  readonly required?: boolean;
  /** A grouping column: merged down over its rows, or filled down (blank = same as above). */
  readonly group?: boolean;
  /** The group column that scopes this one's fill-down (序号 fills only within a 牵头单位). */
  readonly groupParent?: string;
  /** May match several columns (e.g. one per year). */
  readonly multi?: boolean;
}

export interface TableSpec {
  readonly kind: AnnexKind;
  /** Title patterns (on label keys of the rows above the header); they add to the detection score. */
  readonly titles: readonly RegExp[];
  readonly columns: readonly ColumnSpec[];
  /** The column whose text marks a 合计 row. */
  readonly labelColumn: string;
}

export interface HeaderMatch {
  /** 0-based first and last header row. */
  readonly top: number;
  readonly bottom: number;
  /** Column key → matched column indexes (several for `multi`). */
  readonly columns: ReadonlyMap<string, readonly number[]>;
  /** Column index → header label parts, top to bottom. */
  readonly labels: ReadonlyMap<number, readonly string[]>;
  readonly matchedRequired: number;
  readonly requiredCount: number;
  readonly matched: number;
}

export interface CellRead {
  /** Row and column (0-based) of the cell that holds the value (see `addr`). */
  readonly sourceRow: number;
  readonly sourceCol: number;
  readonly value: CellValue;
  readonly text: string;
  /** Where the value lives: the master of a merged area, or the row the value was filled down from. */
  readonly addr: string;
  /** This row's own cell. */
  readonly own: string;
  readonly row: number;
  readonly col: number;
  readonly merged: boolean;
  readonly filledDown: boolean;
}

/** A cell read whose A1 addresses are computed only when a rule asks (most cells never need one). */
class LazyCellRead implements CellRead {
  constructor(
    readonly value: CellValue,
    readonly text: string,
    readonly sourceRow: number,
    readonly sourceCol: number,
    readonly row: number,
    readonly col: number,
    readonly merged: boolean,
    readonly filledDown: boolean,
  ) {}

  get addr(): string {
    return a1(this.sourceRow, this.sourceCol);
  }

  get own(): string {
    return a1(this.row, this.col);
  }
}

export type RowRole = 'data' | 'total' | 'subtotal' | 'note';

export interface TableRow {
  readonly row: number;
  readonly role: RowRole;
  readonly cells: ReadonlyMap<string, CellRead>;
  /** For multi columns: every matched column's cell, in column order. */
  readonly multi: ReadonlyMap<string, readonly CellRead[]>;
}

export interface PreambleLine {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface Table {
  readonly spec: TableSpec;
  readonly sheet: string;
  readonly view: GridView;
  readonly header: HeaderMatch;
  /** Title, 统计截止 and note lines above the header. */
  readonly preamble: readonly PreambleLine[];
  readonly rows: readonly TableRow[];
  readonly dataRows: readonly TableRow[];
  readonly totalRow?: TableRow;
  readonly notesBelow: readonly PreambleLine[];
  /** 0-based; -1 when the table has no data rows. */
  readonly firstDataRow: number;
  readonly lastDataRow: number;
}

const MAX_HEADER_SCAN = 25;
const MAX_HEADER_DEPTH = 3;

function matchesSpec(col: ColumnSpec, label: string): boolean {
  if (label === '') return false;
  if (col.names.includes(label)) return true;
  return col.pattern ? col.pattern.test(label) : false;
}

const labelCache = new WeakMap<GridView, Map<string, Map<number, string[]>>>();

/** Header labels of each column for rows top..top+depth-1, merged cells resolved, repeats dropped. Cached per view. */
function headerLabels(view: GridView, top: number, depth: number): Map<number, string[]> {
  let perView = labelCache.get(view);
  if (!perView) {
    perView = new Map();
    labelCache.set(view, perView);
  }
  const key = `${top}:${depth}`;
  const cached = perView.get(key);
  if (cached) return cached;
  const out = new Map<number, string[]>();
  perView.set(key, out);
  for (let c = 0; c < view.cols; c++) {
    const parts: string[] = [];
    for (let r = top; r < top + depth && r < view.rows; r++) {
      const k = labelKey(cellText(view.value(r, c)));
      if (k !== '' && parts[parts.length - 1] !== k) parts.push(k);
    }
    out.set(c, parts);
  }
  return out;
}

export function matchHeader(view: GridView, spec: TableSpec, top: number, depth: number): HeaderMatch {
  const labels = headerLabels(view, top, depth);
  const columns = new Map<string, number[]>();
  const taken = new Set<number>();
  // Leaf labels first (the most specific header text), then any part.
  for (const pass of ['leaf', 'any'] as const) {
    for (const spec_ of spec.columns) {
      if (columns.has(spec_.key) && !spec_.multi) continue;
      for (let c = 0; c < view.cols; c++) {
        if (taken.has(c)) continue;
        const parts = labels.get(c) ?? [];
        const candidates = pass === 'leaf' ? parts.slice(-1) : parts;
        if (candidates.some((p) => matchesSpec(spec_, p))) {
          const list = columns.get(spec_.key) ?? [];
          list.push(c);
          columns.set(spec_.key, list);
          taken.add(c);
          if (!spec_.multi) break;
        }
      }
    }
  }
  const required = spec.columns.filter((c) => c.required);
  return {
    top,
    bottom: top + depth - 1,
    columns,
    labels,
    matchedRequired: required.filter((c) => columns.has(c.key)).length,
    requiredCount: required.length,
    matched: spec.columns.filter((c) => columns.has(c.key)).length,
  };
}

/** The best header for this spec within the first rows, or null when not even one column matches. */
export function findHeader(view: GridView, spec: TableSpec): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const limit = Math.min(view.rows, MAX_HEADER_SCAN);
  for (let top = 0; top < limit; top++) {
    for (let depth = 1; depth <= MAX_HEADER_DEPTH; depth++) {
      if (top + depth > view.rows) break;
      const m = matchHeader(view, spec, top, depth);
      if (m.matched === 0) continue;
      // More required columns, then more columns, then the shallowest header (a title row above
      // the header must not be swallowed into it).
      const depthBest = best ? best.bottom - best.top : Number.MAX_SAFE_INTEGER;
      if (
        best === null ||
        m.matchedRequired > best.matchedRequired ||
        (m.matchedRequired === best.matchedRequired && m.matched > best.matched) ||
        (m.matchedRequired === best.matchedRequired && m.matched === best.matched && depth - 1 < depthBest)
      ) {
        best = m;
      }
    }
  }
  if (best) {
    // A header cell merged down from a row above (`单位` over two header rows) belongs to the header.
    let top = best.top;
    for (;;) {
      const above = top - 1;
      if (above < 0) break;
      let spans = false;
      for (let c = 0; c < view.cols; c++) {
        const area = view.merges.areaAt(top, c);
        if (area && area.top <= above && area.right - area.left < view.cols - 1) spans = true;
      }
      if (!spans) break;
      top = above;
    }
    if (top !== best.top) best = matchHeader(view, spec, top, best.bottom - top + 1);
  }
  return best;
}

const TOTAL_LABELS = new Set(['合计', '总计', '总合计', '全州合计', '全市合计', '全区合计', '全县合计', '合计数']);
const SUBTOTAL_LABELS = new Set(['小计']);
const NOTE_START = /^(注|备注|说明|填表说明|数据来源|资料来源)[:：]?/;

function rowIsBlank(view: GridView, row: number): boolean {
  for (let c = 0; c < view.cols; c++) if (!isBlank(view.grid.values[row]?.[c] ?? null)) return false;
  return true;
}

function ownNonBlank(view: GridView, row: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let c = 0; c < view.cols; c++) {
    const t = cellText(view.grid.values[row]?.[c] ?? null);
    if (t !== '') out.push({ col: c, text: t });
  }
  return out;
}

/** Read the table of `spec` from a grid whose header was found. */
export function readTable(grid: Grid, spec: TableSpec, header: HeaderMatch, view = new GridView(grid)): Table {
  const preamble: PreambleLine[] = [];
  for (let r = 0; r < header.top; r++) {
    for (const { col, text } of ownNonBlank(view, r)) preamble.push({ row: r, col, text });
  }
  const tableCols = [...header.columns.values()].flat();
  const width = tableCols.length > 0 ? Math.max(...tableCols) - Math.min(...tableCols) + 1 : view.cols;

  let last = view.rows - 1;
  while (last > header.bottom && rowIsBlank(view, last)) last--;

  const rows: TableRow[] = [];
  const notesBelow: PreambleLine[] = [];
  const lastGroupValue = new Map<string, { read: CellRead; parentText: string }>();
  const labelCol = header.columns.get(spec.labelColumn)?.[0];

  for (let r = header.bottom + 1; r <= last; r++) {
    if (rowIsBlank(view, r)) continue;
    const own = ownNonBlank(view, r);
    const first = own[0];
    // A note row: one cell of text, starting like a note or merged across most of the table.
    if (own.length === 1 && first) {
      const area = view.merges.areaAt(r, first.col);
      const span = area ? area.right - area.left + 1 : 1;
      if (NOTE_START.test(labelKey(first.text)) || (span >= Math.max(2, Math.ceil(width * 0.6)) && width > 2)) {
        notesBelow.push({ row: r, col: first.col, text: first.text });
        continue;
      }
    }

    const label = labelCol !== undefined ? labelKey(cellText(view.value(r, labelCol))) : '';
    const role: RowRole = TOTAL_LABELS.has(label) ? 'total' : SUBTOTAL_LABELS.has(label) ? 'subtotal' : 'data';

    const cells = new Map<string, CellRead>();
    const multi = new Map<string, CellRead[]>();
    for (const col of spec.columns) {
      const idxs = header.columns.get(col.key);
      if (!idxs) continue;
      const reads: CellRead[] = [];
      for (const c of idxs) {
        const value = view.value(r, c);
        const area = view.merges.areaAt(r, c);
        const master = view.merges.masterOf(r, c);
        let read: CellRead = new LazyCellRead(value, cellText(value), master.row, master.col, r, c, area !== undefined && area.bottom > area.top, false);
        if (col.group && role === 'data') {
          const parentText = col.groupParent !== undefined ? (cells.get(col.groupParent)?.text ?? '') : '';
          const prev = lastGroupValue.get(col.key);
          if (read.text === '' && !read.merged && prev && prev.read.text !== '' && prev.parentText === parentText) {
            read = new LazyCellRead(prev.read.value, prev.read.text, prev.read.sourceRow, prev.read.sourceCol, r, c, false, true);
          }
          lastGroupValue.set(col.key, { read, parentText });
        }
        reads.push(read);
      }
      const firstRead = reads[0];
      if (firstRead) cells.set(col.key, firstRead);
      if (col.multi) multi.set(col.key, reads);
    }
    rows.push({ row: r, role, cells, multi });
  }

  const dataRows = rows.filter((x) => x.role === 'data');
  const totalRow = rows.find((x) => x.role === 'total');
  return {
    spec,
    sheet: grid.name,
    view,
    header,
    preamble,
    rows,
    dataRows,
    ...(totalRow ? { totalRow } : {}),
    notesBelow,
    firstDataRow: dataRows[0]?.row ?? -1,
    lastDataRow: dataRows[dataRows.length - 1]?.row ?? -1,
  };
}

export function columnLabel(table: Table, key: string): string {
  return table.spec.columns.find((c) => c.key === key)?.label ?? key;
}
