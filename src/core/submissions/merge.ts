/**
 * Consolidating per-unit submissions: the annex sheets of the same kind from several files become one
 * sheet in the official layout (the first file's title rows, header, 合计 row position and notes), every
 * data row keeping its source file in a `来源文件` column. Rows are matched by key (see `keys.ts`):
 * the same key from two files is a finding — identical rows are kept once (`merge/duplicate`),
 * different ones are both kept (`merge/conflict`) — never a silent overwrite.
 *
 * Pure: grids in, merged grids (with the origin of every cell, so an adapter can copy styles) and
 * findings out. The 合计 row is rebuilt with SUM formulas over the merged rows.
 */
import { detectKind } from '../detect';
import { uniqueSheetName } from '../workbookLimits';
import { type Finding, makeFinding } from '../finding';
import { a1, type CellValue, cellsOf, type Grid, GridView, type MergeArea } from '../grid';
import { type Settings } from '../settings';
import { type AnnexKind, readTable, type Table, type TableRow } from '../table';
import { annexSpec } from '../kinds';
import { cellText, labelKey, readNumber } from '../text';
import { rowKey } from './keys';
import { TEMPLATE_MARKER_NAME } from './marker';
import { listParam } from '../i18n/lists';

export const PROVENANCE_HEADER = '来源文件';

/** The column whose cell a duplicate or conflict finding points at (from the registry). */
const keyCellColumn = (kind: AnnexKind): string => annexSpec(kind).keyCell;

export interface MergeSource {
  /** How the file is named in the provenance column and in findings (usually its base name). */
  readonly file: string;
  readonly grids: readonly Grid[];
}

export interface CellOrigin {
  readonly source: number;
  readonly sheet: string;
  /** 0-based. */
  readonly row: number;
  readonly col: number;
}

export interface MergedSheet {
  readonly kind: AnnexKind;
  readonly grid: Grid;
  /** Where each written cell came from ([row][col]), for styles; null for cells we made. */
  readonly origins: readonly (readonly (CellOrigin | null)[])[];
  /** The source row of each output row (for row heights). */
  readonly rowOrigins: readonly (CellOrigin | null)[];
  /** The sheet whose layout (column widths, print setup) the merged sheet follows. */
  readonly layout: { readonly source: number; readonly sheet: string };
  /** 0-based column of `来源文件`; null for the 通报, which is not a table. */
  readonly provenanceCol: number | null;
  /** 0-based, inclusive. */
  readonly headerRows: readonly [number, number];
  /** Output rows (0-based) that came from each source, for tests and reports. */
  readonly rowsFrom: readonly number[];
}

export interface MergeResult {
  readonly sheets: readonly MergedSheet[];
  readonly findings: readonly Finding[];
}

interface Entry {
  readonly source: number;
  readonly grid: Grid;
  readonly view: GridView;
  readonly table: Table | null;
}

interface Out {
  values: CellValue[][];
  formulas: (string | null)[][];
  formats: (string | null)[][];
  origins: (CellOrigin | null)[][];
  rowOrigins: (CellOrigin | null)[];
  merges: MergeArea[];
}

function put(out: Out, r: number, c: number, v: CellValue, formula: string | null, format: string | null, origin: CellOrigin | null): void {
  for (const m of [out.values, out.formulas, out.formats, out.origins] as unknown[][][]) {
    while (m.length <= r) m.push([]);
  }
  const vr = out.values[r] as CellValue[];
  const fr = out.formulas[r] as (string | null)[];
  const nr = out.formats[r] as (string | null)[];
  const or = out.origins[r] as (CellOrigin | null)[];
  while (vr.length < c) {
    vr.push(null);
    fr.push(null);
    nr.push(null);
    or.push(null);
  }
  vr[c] = v;
  fr[c] = formula;
  nr[c] = format;
  or[c] = origin;
  while (out.rowOrigins.length <= r) out.rowOrigins.push(null);
}

/**
 * Copy a data row's own cells (values, not formulas: a formula in a data row refers to rows that moved)
 * to the merged sheet, column by column through the column map.
 */
function copyRow(out: Out, outRow: number, e: Entry, srcRow: number, cols: ReadonlyMap<number, number>): void {
  const origin = { source: e.source, sheet: e.grid.name, row: srcRow, col: -1 };
  for (const [src, dst] of cols) {
    put(out, outRow, dst, e.grid.values[srcRow]?.[src] ?? null, null, e.grid.numberFormats?.[srcRow]?.[src] ?? null, { ...origin, col: src });
  }
  out.rowOrigins[outRow] = origin;
}

function sheetLines(view: GridView, rows: readonly number[]): string[] {
  return rows.map((r) => {
    const parts: string[] = [];
    const values = view.grid.values[r];
    for (const c of cellsOf(values)) {
      const t = cellText(values?.[c] ?? null);
      if (t !== '') parts.push(t);
    }
    return parts.join(' ');
  });
}

function shorten(s: string, n = 40): string {
  const chars = [...s.replace(/\s*\n\s*/g, ' ')];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

/** Header label of a column (label keys of its header parts, joined). */
function columnLabelKey(table: Table, col: number): string {
  return (table.header.labels.get(col) ?? []).join('/');
}

function lastLabel(table: Table, col: number): string {
  return (table.header.labels.get(col) ?? []).slice(-1)[0] ?? '';
}

/** The table's columns: every column with header text, 0-based, in order. */
function tableColumns(table: Table): number[] {
  const cols: number[] = [];
  for (const [c, parts] of table.header.labels) if (parts.length > 0) cols.push(c);
  for (const list of table.header.columns.values()) for (const c of list) if (!cols.includes(c)) cols.push(c);
  return cols.sort((a, b) => a - b);
}

/** Which spec key a column belongs to, if any. */
function keyOfColumn(table: Table, col: number): string | null {
  for (const [key, cols] of table.header.columns) if (cols.includes(col)) return key;
  return null;
}

/** Source column → layout column. Unmatched source columns are returned separately. */
function mapColumns(layout: Table, layoutProv: number, src: Table): { map: Map<number, number>; unmatched: number[]; provenance: number | null } {
  const map = new Map<number, number>();
  const unmatched: number[] = [];
  let provenance: number | null = null;
  const layoutCols = tableColumns(layout);
  const used = new Set<number>();
  for (const c of tableColumns(src)) {
    if (lastLabel(src, c) === PROVENANCE_HEADER) {
      provenance = c;
      continue;
    }
    const key = keyOfColumn(src, c);
    let target: number | undefined;
    if (key !== null) {
      const spec = src.spec.columns.find((s) => s.key === key);
      const candidates = layout.header.columns.get(key) ?? [];
      if (spec?.multi) {
        target = candidates.find((lc) => !used.has(lc) && lastLabel(layout, lc) === lastLabel(src, c));
        if (target === undefined) {
          const ordinal = (src.header.columns.get(key) ?? []).indexOf(c);
          const byPosition = candidates[ordinal];
          // Same label family (e.g. 项目名称 twice): by position; a different year is not the same column.
          if (byPosition !== undefined && !used.has(byPosition) && !/^\d{4}/.test(lastLabel(src, c))) target = byPosition;
        }
      } else target = candidates.find((lc) => !used.has(lc));
    } else {
      target = layoutCols.find((lc) => !used.has(lc) && keyOfColumn(layout, lc) === null && columnLabelKey(layout, lc) === columnLabelKey(src, c));
    }
    if (target === undefined || target === layoutProv) unmatched.push(c);
    else {
      map.set(c, target);
      used.add(target);
    }
  }
  return { map, unmatched, provenance };
}

/** What a row says, column by column (filled-down values included), for telling duplicates from conflicts. */
function rowSignature(table: Table, row: TableRow): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of table.spec.columns) {
    const reads = spec.multi ? (row.multi.get(spec.key) ?? []) : [row.cells.get(spec.key)].filter((r) => r !== undefined);
    reads.forEach((r, i) => {
      if (r) out.set(`${spec.label}${reads.length > 1 ? `(${lastLabel(table, r.col) || i + 1})` : ''}`, labelKey(r.text));
    });
  }
  return out;
}

function differingColumns(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if ((a.get(k) ?? '') !== (b.get(k) ?? '')) out.push(k.replace(/\(.*\)$/, ''));
  return [...new Set(out)];
}

interface MergeContext {
  readonly sources: readonly MergeSource[];
  readonly settings: Settings;
  readonly findings: Finding[];
}

function mergeTableKind(ctx: MergeContext, kind: AnnexKind, entries: readonly Entry[], name: string): MergedSheet {
  const first = entries[0] as Entry;
  const L = first.table as Table;
  const out: Out = { values: [], formulas: [], formats: [], origins: [], rowOrigins: [], merges: [] };
  const headerTop = L.header.top;
  const headerBottom = L.header.bottom;
  const layoutCols = tableColumns(L);
  const existingProv = layoutCols.find((c) => lastLabel(L, c) === PROVENANCE_HEADER);
  const provCol = existingProv ?? Math.max(...layoutCols, ...[...L.header.columns.values()].flat()) + 1;

  // Title rows and header, as the first file has them.
  for (let r = 0; r <= headerBottom; r++) {
    const width = L.view.grid.values[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      if (c === provCol && r >= headerTop) continue;
      put(out, r, c, first.grid.values[r]?.[c] ?? null, first.grid.formulas?.[r]?.[c] ?? null, first.grid.numberFormats?.[r]?.[c] ?? null, { source: first.source, sheet: first.grid.name, row: r, col: c });
    }
    out.rowOrigins[r] = { source: first.source, sheet: first.grid.name, row: r, col: -1 };
  }
  for (const m of first.grid.merges) if (m.bottom <= headerBottom && !(m.left <= provCol && m.right >= provCol && m.top >= headerTop)) out.merges.push(m);
  const lastHeaderCol = layoutCols.filter((c) => c !== provCol).slice(-1)[0] ?? provCol - 1;
  put(out, headerTop, provCol, PROVENANCE_HEADER, null, null, { source: first.source, sheet: first.grid.name, row: headerTop, col: lastHeaderCol });
  for (let r = headerTop + 1; r <= headerBottom; r++) put(out, r, provCol, null, null, null, { source: first.source, sheet: first.grid.name, row: r, col: lastHeaderCol });
  if (headerBottom > headerTop) out.merges.push({ top: headerTop, left: provCol, bottom: headerBottom, right: provCol });

  // Where the first file has its 合计: above its data rows (or, with none, anywhere: then above).
  const totalAtTop = L.totalRow !== undefined && (L.firstDataRow < 0 || L.totalRow.row < L.firstDataRow);
  let cursor = headerBottom + 1;
  const totalOut = totalAtTop ? cursor++ : null;
  const firstData = cursor;

  const seen = new Map<string, { source: number; outRow: number; signature: Map<string, string>; cell: string }>();
  const rowsFrom: number[] = [];

  for (const e of entries) {
    const T = e.table as Table;
    const { map, unmatched, provenance } = mapColumns(L, provCol, T);
    const file = ctx.sources[e.source]?.file ?? '';
    const keyCol = (k: string) => map.get(T.header.columns.get(k)?.[0] ?? -1);
    const rows = T.rows.filter((r) => r.role !== 'total');
    for (const c of unmatched) {
      const count = rows.filter((r) => cellText(e.grid.values[r.row]?.[c] ?? null) !== '').length;
      if (count > 0) ctx.findings.push(makeFinding('merge/column-dropped', { sheet: name, cell: a1(headerTop, 0) }, { file, column: lastLabel(T, c) || a1(T.header.top, c), count }));
    }
    if (e !== first) {
      const mine = sheetLines(e.view, T.preamble.map((p) => p.row).filter((r, i, a) => a.indexOf(r) === i));
      const theirs = sheetLines(L.view, L.preamble.map((p) => p.row).filter((r, i, a) => a.indexOf(r) === i));
      const i = mine.findIndex((line, k) => line !== theirs[k]);
      if (i >= 0 || mine.length !== theirs.length) {
        const k = i >= 0 ? i : Math.min(mine.length, theirs.length);
        ctx.findings.push(makeFinding('merge/layout-differs', { sheet: name, cell: 'A1' }, { file, other: ctx.sources[first.source]?.file ?? '', part: { 'zh-CN': '表头上方的标题或说明', 'en-US': 'title or cut-off line above the header' } }, { expected: shorten(theirs[k] ?? ''), actual: shorten(mine[k] ?? '') }));
      }
      const notesMine = T.notesBelow.map((n) => n.text).join('\n');
      const notesTheirs = L.notesBelow.map((n) => n.text).join('\n');
      if (notesMine !== notesTheirs && notesMine !== '') {
        ctx.findings.push(makeFinding('merge/layout-differs', { sheet: name, cell: 'A1' }, { file, other: ctx.sources[first.source]?.file ?? '', part: { 'zh-CN': '表下注释', 'en-US': 'note below the table' } }, { expected: shorten(notesTheirs), actual: shorten(notesMine) }));
      }
    }

    // Which rows go in, and where.
    const outOf = new Map<number, number>();
    const kept: TableRow[] = [];
    for (const row of rows) {
      const k = row.role === 'data' ? rowKey(kind, row, ctx.settings) : null;
      const signature = rowSignature(T, row);
      const prev = k ? seen.get(k.key) : undefined;
      const col = keyCol(keyCellColumn(kind)) ?? 0;
      if (k && prev && prev.source !== e.source) {
        const diff = differingColumns(prev.signature, signature);
        if (diff.length === 0) {
          ctx.findings.push(makeFinding('merge/duplicate', { sheet: name, cell: prev.cell }, { key: k.display, file, other: ctx.sources[prev.source]?.file ?? '' }));
          continue;
        }
        const cell = a1(cursor, col);
        ctx.findings.push(makeFinding('merge/conflict', { sheet: name, cell }, { key: k.display, file, other: ctx.sources[prev.source]?.file ?? '', column: listParam(diff) }, { related: [{ sheet: name, cell: prev.cell }] }));
      }
      if (k && !prev) seen.set(k.key, { source: e.source, outRow: cursor, signature, cell: a1(cursor, col) });
      outOf.set(row.row, cursor);
      kept.push(row);
      rowsFrom.push(e.source);
      cursor++;
    }

    // Merged areas of the source that survive whole (all rows kept, consecutive, columns mapped in order).
    const carried = new Set<MergeArea>();
    for (const m of e.grid.merges) {
      if (m.top <= T.header.bottom) continue;
      const top = outOf.get(m.top);
      const left = map.get(m.left);
      if (top === undefined || left === undefined) continue;
      let ok = true;
      for (let r = m.top; r <= m.bottom && ok; r++) ok = outOf.get(r) === top + (r - m.top);
      for (let c = m.left; c <= m.right && ok; c++) ok = map.get(c) === left + (c - m.left);
      if (!ok) continue;
      carried.add(m);
      out.merges.push({ top, left, bottom: top + (m.bottom - m.top), right: left + (m.right - m.left) });
    }

    let prevSrcRow: number | null = null;
    for (const row of kept) {
      const outRow = outOf.get(row.row) as number;
      copyRow(out, outRow, e, row.row, map);
      // A group value that reached this row through a merge or fill-down the merged sheet does not keep:
      // write it out, so the row still says what it belongs to.
      for (const read of row.cells.values()) {
        const dst = map.get(read.col);
        if (dst === undefined || read.text === '' || read.addr === read.own) continue;
        const area = e.view.merges.areaAt(read.row, read.col);
        const keptByMerge = area !== undefined && carried.has(area);
        const keptByFill = read.filledDown && prevSrcRow !== null && outOf.get(prevSrcRow) === outRow - 1;
        if (!keptByMerge && !keptByFill) put(out, outRow, dst, read.value, null, null, out.origins[outRow]?.[dst] ?? null);
      }
      const provValue = provenance !== null ? (e.grid.values[row.row]?.[provenance] ?? file) : file;
      const lastMapped = [...map.keys()].sort((a, b) => b - a)[0] ?? 0;
      put(out, outRow, provCol, cellText(provValue) === '' ? file : provValue, null, null, { source: e.source, sheet: e.grid.name, row: row.row, col: lastMapped });
      prevSrcRow = row.row;
    }
  }
  const lastData = cursor - 1;

  // 合计: the layout's total row, rebuilt with SUM formulas over the merged rows.
  if (L.totalRow) {
    const tr = L.totalRow.row;
    const at = totalOut ?? cursor++;
    out.rowOrigins[at] = { source: first.source, sheet: first.grid.name, row: tr, col: -1 };
    const width = first.grid.values[tr]?.length ?? 0;
    const labelCol = L.header.columns.get(L.spec.labelColumn)?.[0];
    for (let c = 0; c < Math.max(width, provCol); c++) {
      const v = first.grid.values[tr]?.[c] ?? null;
      const f = first.grid.formulas?.[tr]?.[c] ?? null;
      const origin = { source: first.source, sheet: first.grid.name, row: tr, col: c };
      const numeric = f !== null || (c !== labelCol && (readNumber(v).kind === 'number' || readNumber(v).kind === 'text-number'));
      if (numeric && lastData >= firstData) {
        let sum = 0;
        for (let r = firstData; r <= lastData; r++) {
          const n = readNumber(out.values[r]?.[c] ?? null);
          if (n.kind === 'number' || n.kind === 'text-number') sum += n.value;
        }
        const letter = a1(0, c).replace(/\d+$/, '');
        put(out, at, c, sum, `SUM(${letter}${firstData + 1}:${letter}${lastData + 1})`, first.grid.numberFormats?.[tr]?.[c] ?? null, origin);
      } else put(out, at, c, v, null, first.grid.numberFormats?.[tr]?.[c] ?? null, origin);
    }
    for (const m of first.grid.merges) if (m.top === tr && m.bottom === tr) out.merges.push({ ...m, top: at, bottom: at });
  }

  // Notes below the table, from the first file.
  for (const n of [...new Set(L.notesBelow.map((x) => x.row))]) {
    const at = cursor++;
    const width = first.grid.values[n]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      put(out, at, c, first.grid.values[n]?.[c] ?? null, null, first.grid.numberFormats?.[n]?.[c] ?? null, { source: first.source, sheet: first.grid.name, row: n, col: c });
    }
    out.rowOrigins[at] = { source: first.source, sheet: first.grid.name, row: n, col: -1 };
    for (const m of first.grid.merges) if (m.top === n && m.bottom === n) out.merges.push({ ...m, top: at, bottom: at });
  }

  return finish(kind, name, out, first, provCol, [headerTop, headerBottom], rowsFrom);
}

function finish(kind: AnnexKind, name: string, out: Out, first: Entry, provCol: number | null, headerRows: readonly [number, number], rowsFrom: number[]): MergedSheet {
  const width = Math.max(0, ...out.values.map((r) => r.length));
  const pad = <T>(rows: T[][], fill: T) => rows.map((r) => [...r, ...Array<T>(Math.max(0, width - r.length)).fill(fill)]);
  for (let r = 0; r < out.values.length; r++) {
    out.values[r] ??= [];
    out.formulas[r] ??= [];
    out.formats[r] ??= [];
    out.origins[r] ??= [];
  }
  return {
    kind,
    grid: { name, values: pad(out.values, null), formulas: pad(out.formulas, null), numberFormats: pad(out.formats, null), merges: out.merges },
    origins: pad(out.origins, null),
    rowOrigins: out.rowOrigins,
    layout: { source: first.source, sheet: first.grid.name },
    provenanceCol: provCol,
    headerRows,
    rowsFrom,
  };
}

function copyWhole(kind: AnnexKind, name: string, e: Entry): MergedSheet {
  const out: Out = { values: [], formulas: [], formats: [], origins: [], rowOrigins: [], merges: [...e.grid.merges] };
  e.grid.values.forEach((row, r) => {
    out.rowOrigins[r] = { source: e.source, sheet: e.grid.name, row: r, col: -1 };
    row.forEach((v, c) => put(out, r, c, v, e.grid.formulas?.[r]?.[c] ?? null, e.grid.numberFormats?.[r]?.[c] ?? null, { source: e.source, sheet: e.grid.name, row: r, col: c }));
  });
  return finish(kind, name, out, e, null, [0, 0], []);
}

/** Merge the annex sheets of several submissions, kind by kind, in the order kinds first appear. */
export function mergeSubmissions(sources: readonly MergeSource[], settings: Settings): MergeResult {
  const ctx: MergeContext = { sources, settings, findings: [] };
  const byKind = new Map<AnnexKind, Entry[]>();
  const contributed = new Set<number>();
  sources.forEach((src, i) => {
    const taken = new Set<AnnexKind>();
    for (const grid of src.grids) {
      if (grid.hidden || grid.name === TEMPLATE_MARKER_NAME) continue;
      const view = new GridView(grid);
      const det = detectKind(grid, view);
      if (!det || taken.has(det.kind)) continue;
      if (det.spec && det.header && det.missingColumns.length === 0) {
        const table = readTable(grid, det.spec, det.header, view);
        taken.add(det.kind);
        byKind.set(det.kind, [...(byKind.get(det.kind) ?? []), { source: i, grid, view, table }]);
        if (table.dataRows.length > 0) contributed.add(i);
      } else if (det.kind === 'report-text') {
        taken.add(det.kind);
        byKind.set(det.kind, [...(byKind.get(det.kind) ?? []), { source: i, grid, view, table: null }]);
        contributed.add(i);
      }
    }
  });

  const sheets: MergedSheet[] = [];
  const names = new Set<string>();
  // The source's sheet name, made one Excel accepts and not yet used by another merged sheet.
  const uniqueName = (wanted: string) => {
    const name = uniqueSheetName(wanted, names);
    names.add(name);
    return name;
  };
  for (const [kind, entries] of byKind) {
    const first = entries[0];
    if (!first) continue;
    const name = uniqueName(first.grid.name);
    if (first.table) sheets.push(mergeTableKind(ctx, kind, entries, name));
    else {
      sheets.push(copyWhole(kind, name, first));
      const base = sheetLines(first.view, first.grid.values.map((_, r) => r)).join('\n');
      for (const e of entries.slice(1)) {
        const mine = sheetLines(e.view, e.grid.values.map((_, r) => r)).join('\n');
        if (mine === base) continue;
        const a = [...mine];
        const b = [...base];
        let p = 0;
        while (p < a.length && a[p] === b[p]) p++;
        ctx.findings.push(makeFinding('merge/layout-differs', { sheet: name, cell: 'A1' }, { file: sources[e.source]?.file ?? '', other: sources[first.source]?.file ?? '', part: { 'zh-CN': '通报', 'en-US': 'circular (通报)' } }, { expected: shorten(b.slice(p).join('')), actual: shorten(a.slice(p).join('')) }));
      }
    }
  }
  sources.forEach((src, i) => {
    if (!contributed.has(i)) ctx.findings.push(makeFinding('merge/source-empty', { sheet: sheets[0]?.grid.name ?? '', cell: 'A1' }, { file: src.file }));
  });
  return { sheets, findings: ctx.findings };
}
