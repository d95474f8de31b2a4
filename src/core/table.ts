/**
 * Reading a sheet's table the way staff lay it out: title rows, a 统计截止 line, note rows,
 * a one- to three-row (merged) header, vertically merged or filled-down group cells,
 * multi-line cells, a 合计 row, trailing blank rows. Columns are found by header text.
 */
import { a1, type CellValue, cellsOf, GridView, type Grid } from './grid';
import { cellText, isBlank, isLabelSpace, labelKey, parseChineseNumeral, readNumber } from './text';
import { ADDITIVE_TYPES, type ColumnType, readCount, readMark, readPercent } from './columnTypes';
import { perObject } from './memo';
import { NOTE_START, SIGNATURE_START } from './vocab';

/**
 * The kinds: each kind's `annexes/<kind>/spec.ts` adds its id here (`declare module '../../table'`), so a new kind
 * is declared in its own folder; `ANNEXES` (kinds.ts) must then hold its entry, or nothing compiles.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnnexKinds {}
export type AnnexKind = keyof AnnexKinds;

export interface ColumnSpec {
  readonly key: string;
  /** The canonical header text, used in messages. */
  readonly label: string;
  /**
   * What the column holds (src/core/columnTypes.ts): reading and the generic checks (required, type, range,
   * date, totals) derive from it for every kind.
   */
  readonly type: ColumnType;
  /** For a `vocabulary` column: the words it takes (a word outside them is noted, never an error by itself). */
  readonly words?: readonly string[];
  /** Header label keys (see `labelKey`) that name this column exactly. */
  readonly names: readonly string[];
  /** Alternative: a pattern on the label key. */
  readonly pattern?: RegExp;
  /**
   * Key terms: a header that contains one, with qualifiers around it (`重点事项（州直单位研判情况）`,
   * `向上对接情况`), names this column unless a better-fitting column claims it.
   */
  readonly terms?: readonly string[];
  /** Header text that never names this column even though it contains a term. */
  readonly notTerms?: RegExp;
  readonly required?: boolean;
  /**
   * Each row's cell must be filled when the column is placed, though the column itself may be absent (a required
   * column is filled too). Read by the kinds' own row checks (`checkRow`).
   */
  readonly filled?: boolean;
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
  /**
   * Another layout of a required column: the required column counts as present when at least
   * `min` of these columns are (the analysis table with one column per rating instead of one
   * assessment column).
   */
  readonly alternatives?: Readonly<Record<string, { readonly columns: readonly string[]; readonly min: number }>>;
  /** Header text (label keys) that another kind's table has and this one never does: a table with one is not this kind. */
  readonly excludes?: RegExp;
}

/** The user's own header names: header text (as written) → column key, for one kind. */
export type ColumnMapping = Readonly<Record<string, string>>;

export interface HeaderMatch {
  /** 0-based first and last header row. */
  readonly top: number;
  readonly bottom: number;
  /** Column key → matched column indexes (several for `multi`). */
  readonly columns: ReadonlyMap<string, readonly number[]>;
  /** Column key → how well its header named it (200 mapped by the user, 100 exact synonym … 60 key term). */
  readonly scores?: ReadonlyMap<string, number>;
  /** Column index → header label parts, top to bottom. */
  readonly labels: ReadonlyMap<number, readonly string[]>;
  readonly matchedRequired: number;
  readonly requiredCount: number;
  readonly matched: number;
  /** Keys of required columns not placed (an alternative layout counts as placed). */
  readonly missingRequired: readonly string[];
  /** Column keys placed through the user's column mapping. */
  readonly mapped: readonly string[];
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
  /** Cells read as no part of the table: far right of its columns, or alone far below its rows (also in notesBelow). */
  readonly strayCells: readonly PreambleLine[];
  /** The header row of another table found below this one after a blank row: where this table was ended. */
  readonly tableBelow?: PreambleLine;
  /** Rows below the header that write the header again (0-based): neither data nor notes. */
  readonly repeatedHeaders: readonly number[];
  /** 0-based; -1 when the table has no data rows. */
  readonly firstDataRow: number;
  readonly lastDataRow: number;
}

const MAX_HEADER_SCAN = 25;
const MAX_HEADER_DEPTH = 3;

/** How well a header names a column: exact synonym on the leaf header, on a group header, key term with qualifiers. */
const SCORE_MAPPED = 200;
const SCORE_EXACT = 100;
const SCORE_PATTERN = 95;
const SCORE_GROUP_EXACT = 80;
const SCORE_TERM = 60;
/** Below this a header does not name the column: the column is not placed. */
export const MIN_HEADER_SCORE = SCORE_TERM;

function exactName(col: ColumnSpec, label: string): boolean {
  if (label === '') return false;
  if (col.names.includes(label)) return true;
  return col.pattern ? col.pattern.test(label) : false;
}

/** A header label without a trailing unit or mark in brackets: `完成进度（%）` keeps its `%`, `项数（项）` → `项数`. */
function stripUnitSuffix(label: string): string {
  return label.replace(/\((项|个|条|家|人|次|万元|元|单位|√|✓)\)$/, '');
}

const scoreCache = new WeakMap<ColumnSpec, Map<string, number>>();

function scoresOf(col: ColumnSpec): Map<string, number> {
  let perCol = scoreCache.get(col);
  if (!perCol) {
    perCol = new Map();
    scoreCache.set(col, perCol);
  }
  return perCol;
}

/** The score of one column spec for the header parts (top to bottom) of one grid column (memoised: headers repeat across candidate header rows). */
export function headerScore(col: ColumnSpec, parts: readonly string[], key = parts.join('\u0001')): number {
  const perCol = scoresOf(col);
  const hit = perCol.get(key);
  if (hit !== undefined) return hit;
  const score = scoreOf(col, parts);
  if (perCol.size < 10_000) perCol.set(key, score);
  return score;
}

function scoreOf(col: ColumnSpec, parts: readonly string[]): number {
  const leaf = parts[parts.length - 1];
  if (leaf === undefined) return 0;
  const own = labelScores(col, leaf);
  if (own.exact > 0) return own.exact;
  for (let i = 0; i < parts.length - 1; i++) if (labelScores(col, parts[i] as string).named) return SCORE_GROUP_EXACT;
  return own.term;
}

/** What one label says of one column spec, whatever header rows it is combined with (memoised: a sheet's labels recur in every candidate header). */
interface LabelScores {
  /** The label names the column exactly: SCORE_EXACT or SCORE_PATTERN when it is the leaf, else 0. */
  readonly exact: number;
  /** `exactName(col, label)`: what a group header above the leaf needs. */
  readonly named: boolean;
  /** The key-term score as the leaf (0 when a term is excluded or absent). */
  readonly term: number;
}

const labelScoreCache = new WeakMap<ColumnSpec, Map<string, LabelScores>>();

function labelScores(col: ColumnSpec, label: string): LabelScores {
  let perCol = labelScoreCache.get(col);
  if (!perCol) {
    perCol = new Map();
    labelScoreCache.set(col, perCol);
  }
  const hit = perCol.get(label);
  if (hit) return hit;
  const bare = stripUnitSuffix(label);
  const named = exactName(col, label);
  const exact = named || exactName(col, bare) ? (col.names.includes(label) || col.names.includes(bare) ? SCORE_EXACT : SCORE_PATTERN) : 0;
  let term = 0;
  if (exact === 0 && !col.notTerms?.test(label)) {
    for (const t of col.terms ?? []) {
      if (t !== '' && label.includes(t)) term = Math.max(term, SCORE_TERM + Math.round((20 * t.length) / label.length));
    }
  }
  const out = { exact, named, term };
  if (perCol.size < 10_000) perCol.set(label, out);
  return out;
}

const labelCache = new WeakMap<GridView, Map<string, Map<number, string[]>>>();
/** The columns with header text, with their parts' memo key, per labels map (computed once). */
const labelledCache = new WeakMap<Map<number, string[]>, Labelled[]>();

/** A column with header text: its parts, their memo key, and what each part may name (see `fitOf`). */
interface Labelled {
  readonly col: number;
  readonly parts: string[];
  readonly key: string;
  readonly fits: LabelFit[];
}

/**
 * The columns that can show something in rows top..top+depth-1: the cells those rows hold, and the columns
 * of merged areas over them (a merged cell shows its master's text). Ascending; never every column of the
 * sheet's widest row.
 */
function headerColumns(view: GridView, top: number, depth: number): number[] {
  const cols = new Set<number>();
  const bottom = Math.min(top + depth, view.rows) - 1;
  for (let r = top; r <= bottom; r++) for (const c of cellsOf(view.grid.values[r])) cols.add(c);
  // The indexed merged areas over those rows, by the row index (never a scan of every area of a long sheet).
  for (let r = top; r <= bottom; r++) {
    for (const m of view.merges.areasInRow(r)) {
      if (cellText(view.grid.values[m.top]?.[m.left] ?? null) === '') continue;
      for (let c = m.left; c <= m.right; c++) cols.add(c);
    }
  }
  return [...cols].sort((a, b) => a - b);
}

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
  const labelled: Labelled[] = [];
  for (const c of headerColumns(view, top, depth)) {
    const parts: string[] = [];
    const partFits: LabelFit[] = [];
    for (let r = top; r < top + depth && r < view.rows; r++) {
      // labelKey(cellText(value)), memoised per text (a header's labels recur in every candidate position).
      const v = view.value(r, c);
      const text = typeof v === 'string' ? v : cellText(v);
      if (text === '') continue;
      const fit = fitOf(text);
      const k = fit.label;
      if (k !== '' && parts[parts.length - 1] !== k) {
        parts.push(k);
        partFits.push(fit);
      }
    }
    out.set(c, parts);
    if (parts.length > 0) labelled.push({ col: c, parts, key: parts.join('\u0001'), fits: partFits });
  }
  labelledCache.set(out, labelled);
  return out;
}

/** Which required columns are still missing once alternative layouts are counted. */
function missingRequiredKeys(spec: TableSpec, columns: ReadonlyMap<string, readonly number[]>): string[] {
  return spec.columns
    .filter((c) => c.required && !columns.has(c.key))
    .filter((c) => {
      const alt = spec.alternatives?.[c.key];
      return !alt || alt.columns.filter((k) => columns.has(k)).length < alt.min;
    })
    .map((c) => c.key);
}

/**
 * Place the spec's columns on the grid's columns: every (column spec, grid column) pair is scored,
 * and the best-scoring pairs are taken first, so a header is given to the column it names best
 * (`重点事项（州直单位研判情况）` goes to the assessment, not to the item). The user's mapping wins.
 */
export function matchHeader(view: GridView, spec: TableSpec, top: number, depth: number, mapping?: ColumnMapping): HeaderMatch {
  const labels = headerLabels(view, top, depth);
  const mapped = new Map<string, string>();
  for (const [text, key] of Object.entries(mapping ?? {})) {
    if (spec.columns.some((c) => c.key === key)) mapped.set(labelKey(text), key);
  }
  const candidates: { key: string; idx: number; col: number; score: number; multi: boolean }[] = [];
  const labelled = labelledCache.get(labels) ?? [];
  // Which of the spec's columns each header column's labels may name: a column spec none of them may name
  // scores below MIN_HEADER_SCORE there, and is not scored (-1: every column is scored).
  const slot = mapped.size > 0 ? -1 : slotOf(spec);
  const mayName = labelled.map((l) => {
    if (slot < 0) return -1;
    let m = 0;
    for (const fit of l.fits) m |= maskOf(spec, slot, fit);
    return m;
  });
  spec.columns.forEach((cs, idx) => {
    const perCol = scoresOf(cs);
    const bit = 1 << idx;
    labelled.forEach(({ col: c, parts, key }, li) => {
      if (((mayName[li] ?? -1) & bit) === 0) return;
      const userKey = mapped.size > 0 ? parts.map((p) => mapped.get(p)).find((k) => k !== undefined) : undefined;
      const score = userKey !== undefined ? (userKey === cs.key ? SCORE_MAPPED : 0) : (perCol.get(key) ?? headerScore(cs, parts, key));
      if (score >= MIN_HEADER_SCORE) candidates.push({ key: cs.key, idx, col: c, score, multi: cs.multi === true });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.idx - b.idx || a.col - b.col);
  const columns = new Map<string, number[]>();
  const scores = new Map<string, number>();
  const taken = new Set<number>();
  const userPlaced = new Set<string>();
  for (const cand of candidates) {
    if (taken.has(cand.col)) continue;
    const list = columns.get(cand.key);
    if (list && !cand.multi) continue;
    // A multi column takes further columns only at its best score (every year's column names it alike).
    if (list && cand.multi && cand.score < SCORE_GROUP_EXACT) continue;
    columns.set(cand.key, [...(list ?? []), cand.col].sort((x, y) => x - y));
    if (!scores.has(cand.key)) scores.set(cand.key, cand.score);
    taken.add(cand.col);
    if (cand.score === SCORE_MAPPED) userPlaced.add(cand.key);
  }
  const missingRequired = missingRequiredKeys(spec, columns);
  const requiredCount = spec.columns.filter((c) => c.required).length;
  return {
    top,
    bottom: top + depth - 1,
    columns,
    scores,
    labels,
    matchedRequired: requiredCount - missingRequired.length,
    requiredCount,
    matched: spec.columns.filter((c) => columns.has(c.key)).length,
    missingRequired,
    mapped: [...userPlaced],
  };
}

/** A row of column numbers under the header (`1 2 3 4 …`, `一 二 三`, `（1）（2）`): part of the header, never data. */
function isColumnNumberRow(view: GridView, row: number): boolean {
  const nums: number[] = [];
  const values = view.grid.values[row];
  for (const c of cellsOf(values)) {
    const t = labelKey(cellText(values?.[c] ?? null));
    if (t === '') continue;
    const m = /^[(]?(\d{1,2})[)]?$/.exec(t) ?? /^栏?(\d{1,2})栏?$/.exec(t);
    const n = m ? Number(m[1]) : parseChineseNumeral(t.replace(/^栏/, ''));
    if (n === null) return false;
    nums.push(n);
  }
  if (nums.length < 3 || nums[0] !== 1) return false;
  return nums.every((n, i) => i === 0 || n === (nums[i - 1] ?? 0) + 1);
}

/** The row below a header row holds sub-headers: text under a header cell merged across several columns. */
function isSubHeaderRow(view: GridView, row: number, bottom: number): boolean {
  let under = 0;
  const values = view.grid.values[row];
  for (const c of cellsOf(values)) {
    const v = values?.[c] ?? null;
    const t = cellText(v);
    if (t === '') continue;
    if (typeof v === 'number') return false;
    const area = view.merges.areaAt(bottom, c);
    if (area && area.right > area.left && area.bottom === bottom) under++;
  }
  return under >= 2;
}

/*
 * Pruning the header search (a search over a long sheet, as splitTables makes, looked at every row with every
 * kind). A header at rows top..bottom can place a column only where one of those rows shows a label that could
 * name it (`labelScores`: exact, named or by a key term). So the columns a row's labels could name, OR-ed over
 * the rows, bound how many columns (and required columns) a header there can place: a position that cannot beat
 * the best header found so far, or places nothing, is skipped without being matched. Exact: the same header is
 * found as by matching every position.
 */

/** Specs the pruning knows (bounded: specs made on the fly, as tests do, past this are searched unpruned). */
const MAX_PRUNED_SPECS = 64;
/** Columns a mask can hold. */
const MAX_MASK_COLUMNS = 30;
const specSlot = new WeakMap<TableSpec, number>();
let prunedSpecs = 0;
/** Every name, pattern and key term of the specs known: a label that none of them fits names no column of any. */
const anyName = new Set<string>();
const anyPattern: RegExp[] = [];
const anyTerm: string[] = [];
let anyTermRe: RegExp | null = null;
/** Bumped when a spec is added (a label's `none` is then looked at again). */
let vocabVersion = 0;

/** What one displayed label may name: per spec slot, a mask of the spec's columns (computed when first asked). */
interface LabelFit {
  readonly label: string;
  readonly bare: string;
  /** No name, pattern or term of any spec known at `version` fits the label. */
  none: boolean;
  version: number;
  readonly masks: number[];
}
/** Cell text (as read) → its fit; bounded, and started over when a spec is added. */
let fits = new Map<string, LabelFit>();
const MAX_FITS = 20_000;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The slot of a spec in the pruning tables, or -1 when it is searched unpruned. */
function slotOf(spec: TableSpec): number {
  const known = specSlot.get(spec);
  if (known !== undefined) return known;
  const ok =
    prunedSpecs < MAX_PRUNED_SPECS &&
    spec.columns.length <= MAX_MASK_COLUMNS &&
    spec.columns.every((c) => !c.pattern || (!c.pattern.global && !c.pattern.sticky));
  const slot = ok ? prunedSpecs++ : -1;
  specSlot.set(spec, slot);
  if (ok) {
    for (const c of spec.columns) {
      for (const n of c.names) anyName.add(n);
      if (c.pattern) anyPattern.push(c.pattern);
      for (const t of c.terms ?? []) if (t !== '') anyTerm.push(t);
    }
    anyTermRe = anyTerm.length > 0 ? new RegExp(anyTerm.map(escapeRe).join('|')) : null;
    vocabVersion++;
  }
  return slot;
}

function fitOf(text: string): LabelFit {
  const hit = fits.get(text);
  if (hit) return hit;
  const label = labelKey(text);
  const fit: LabelFit = { label, bare: stripUnitSuffix(label), none: false, version: -1, masks: [] };
  if (fits.size >= MAX_FITS) fits = new Map();
  fits.set(text, fit);
  return fit;
}

/** Whatever could make labelScores give a column anything: an exact name or pattern (of the label or of it without its unit), or a key term inside it. */
function fitsSomeSpec(label: string, bare: string): boolean {
  return anyName.has(label) || anyName.has(bare) || anyPattern.some((p) => p.test(label) || p.test(bare)) || (anyTermRe !== null && anyTermRe.test(label));
}

function maskOf(spec: TableSpec, slot: number, fit: LabelFit): number {
  if (fit.label === '') return 0;
  if (fit.version !== vocabVersion) {
    fit.none = !fitsSomeSpec(fit.label, fit.bare);
    fit.version = vocabVersion;
  }
  if (fit.none) return 0;
  let m = fit.masks[slot];
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < spec.columns.length; i++) if (mayName(spec.columns[i] as ColumnSpec, fit.label, fit.bare)) m |= 1 << i;
    fit.masks[slot] = m;
  }
  return m;
}

/**
 * Whether `labelScores(col, label)` gives the column anything (exact, named or by a key term), told without
 * making or remembering its scores (most labels met here are data, each met once).
 */
function mayName(col: ColumnSpec, label: string, bare: string): boolean {
  if (exactName(col, label) || exactName(col, bare)) return true;
  if (col.notTerms?.test(label)) return false;
  for (const t of col.terms ?? []) if (t !== '' && label.includes(t)) return true;
  return false;
}

/** The labels a row shows (its own cells' text, merged areas' masters' text), with how many columns show each. */
interface RowFits {
  readonly fits: readonly LabelFit[];
  /** The first and last column showing each label. */
  readonly lefts: readonly number[];
  readonly rights: readonly number[];
}
const NO_FITS: RowFits = { fits: [], lefts: [], rights: [] };
/** Per view: each row's labels; per spec: each row's mask and how many of its columns show a label the spec may take. */
const rowFits = new WeakMap<GridView, (RowFits | undefined)[]>();
interface RowFitTable {
  readonly masks: Int32Array;
  readonly columns: Int32Array;
  readonly lefts: Int32Array;
  readonly rights: Int32Array;
}
const rowMasks = new WeakMap<GridView, Map<TableSpec, RowFitTable>>();

/**
 * Drops what the header search remembered of a view (each candidate header's labels, each row's labels and masks):
 * a table keeps its view as long as the audit lives, and the search is over once its header is found.
 */
export function forgetHeaderSearch(view: GridView): void {
  labelCache.delete(view);
  rowFits.delete(view);
  rowMasks.delete(view);
}

function fitsOfRow(view: GridView, row: number): RowFits {
  let perView = rowFits.get(view);
  if (!perView) {
    perView = [];
    rowFits.set(view, perView);
  }
  const known = perView[row];
  if (known) return known;
  const fits: LabelFit[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  const add = (v: CellValue, left: number, right: number) => {
    const text = typeof v === 'string' ? v : cellText(v);
    if (text === '') return;
    fits.push(fitOf(text));
    lefts.push(left);
    rights.push(right);
  };
  const values = view.grid.values[row];
  // A cell under a merged area shows the area's text: counted with the area, once.
  for (const c of cellsOf(values)) if (!view.merges.areaAt(row, c)) add(values?.[c] ?? null, c, c);
  for (const m of view.merges.areasInRow(row)) add(view.grid.values[m.top]?.[m.left] ?? null, m.left, m.right);
  const out = fits.length === 0 ? NO_FITS : { fits, lefts, rights };
  perView[row] = out;
  return out;
}

/** Rows of a row table made for a search near the top (a sheet's kind is found there: the table lives as long as the view). */
const HEAD_TABLE_ROWS = 64;

/** The row table of one spec on one view, holding rows up to `last` at least (rows filled by `fillRowFit` when first asked). */
function rowFitTable(view: GridView, spec: TableSpec, last: number): RowFitTable {
  let perView = rowMasks.get(view);
  if (!perView) {
    perView = new Map();
    rowMasks.set(view, perView);
  }
  let known = perView.get(spec);
  if (!known || known.masks.length <= last) {
    const n = last < HEAD_TABLE_ROWS ? Math.min(view.rows, HEAD_TABLE_ROWS) : view.rows;
    const fresh = { masks: new Int32Array(n).fill(-1), columns: new Int32Array(n), lefts: new Int32Array(n), rights: new Int32Array(n) };
    if (known) {
      fresh.masks.set(known.masks);
      fresh.columns.set(known.columns);
      fresh.lefts.set(known.lefts);
      fresh.rights.set(known.rights);
    }
    known = fresh;
    perView.set(spec, known);
  }
  return known;
}

/**
 * The columns of `spec` that the labels of one row could name (`masks`), how many of the row's grid columns
 * show such a label (`columns`), and the first and last of them.
 */
function fillRowFit(view: GridView, spec: TableSpec, slot: number, table: RowFitTable, row: number): void {
  if ((table.masks[row] ?? 0) >= 0) return;
  let mask = 0;
  let columns = 0;
  let left = 0;
  let right = 0;
  const { fits, lefts, rights } = fitsOfRow(view, row);
  for (let i = 0; i < fits.length; i++) {
    const m = maskOf(spec, slot, fits[i] as LabelFit);
    if (m === 0) continue;
    const l = lefts[i] ?? 0;
    const r = rights[i] ?? 0;
    left = mask === 0 ? l : Math.min(left, l);
    right = mask === 0 ? r : Math.max(right, r);
    mask |= m;
    columns += r - l + 1;
  }
  table.masks[row] = mask;
  table.columns[row] = columns;
  table.lefts[row] = left;
  table.rights[row] = right;
}

function bitCount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Bounds for a header whose rows' labels could name the columns in `mask`, shown in `columns` grid columns:
 * the columns it can place (each on a grid column of its own), and the required columns (placed, or an
 * alternative layout of `min` placed columns).
 */
function boundsOf(spec: TableSpec, mask: number, columns: number): { matched: number; required: number } {
  let required = 0;
  let viaAlternative = 0;
  spec.columns.forEach((c, i) => {
    if (!c.required) return;
    const alt = spec.alternatives?.[c.key];
    let altPossible = false;
    if (alt && columns >= alt.min) {
      let n = 0;
      for (const k of alt.columns) {
        const j = spec.columns.findIndex((x) => x.key === k);
        if (j >= 0 && mask & (1 << j)) n++;
      }
      altPossible = n >= alt.min;
    }
    if (altPossible) viaAlternative++;
    if (altPossible || mask & (1 << i)) required++;
  });
  return { matched: Math.min(bitCount(mask), columns), required: Math.min(required, columns + viaAlternative) };
}

/**
 * Whether `findHeader(view, spec, undefined, from, scan)` can return a header that places every required column
 * (false: it returns null or a header missing one). Every row such a header can take is looked at: the rows
 * searched, the two sub-header rows below them, and the rows above that merged cells join to them.
 */
export function mayPlaceAllRequired(view: GridView, spec: TableSpec, from: number, scan: number): boolean {
  const slot = slotOf(spec);
  if (slot < 0) return true;
  const requiredCount = spec.columns.filter((c) => c.required).length;
  let first = from;
  for (;;) {
    const above = first - 1;
    if (above < 0) break;
    let spans = false;
    for (const area of view.merges.areasInRow(above)) if (area.bottom >= first && area.right - area.left < view.cols - 1) spans = true;
    if (!spans) break;
    first = above;
  }
  const last = Math.min(view.rows - 1, from + scan + MAX_HEADER_DEPTH);
  const table = rowFitTable(view, spec, last);
  let mask = 0;
  let columns = 0;
  let left = 0;
  let right = 0;
  for (let row = first; row <= last; row++) {
    fillRowFit(view, spec, slot, table, row);
    const rowMask = table.masks[row] ?? 0;
    if (rowMask === 0) continue;
    left = mask === 0 ? (table.lefts[row] ?? 0) : Math.min(left, table.lefts[row] ?? 0);
    right = mask === 0 ? (table.rights[row] ?? 0) : Math.max(right, table.rights[row] ?? 0);
    mask |= rowMask;
    columns += table.columns[row] ?? 0;
  }
  return boundsOf(spec, mask, Math.min(columns, right - left + 1)).required >= requiredCount;
}

/** The first row that holds anything (a table offset far from A1 starts there), or 0. */
export function firstNonBlankRow(view: GridView): number {
  for (let r = 0; r < view.rows; r++) if (!rowIsBlank(view, r)) return r;
  return 0;
}

/**
 * The best header for this spec within the first rows that hold something (from `from`, `scan` rows deep),
 * or null when not even one column matches.
 */
export function findHeader(view: GridView, spec: TableSpec, mapping?: ColumnMapping, from = firstNonBlankRow(view), scan = MAX_HEADER_SCAN): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const limit = Math.min(view.rows, from + scan);
  // The user's column names can place a column whatever its label: no pruning then.
  const mapsSpec = Object.values(mapping ?? {}).some((key) => spec.columns.some((c) => c.key === key));
  const slot = mapsSpec ? -1 : slotOf(spec);
  const bounds = new Map<number, { matched: number; required: number }>();
  const fitTable = slot >= 0 ? rowFitTable(view, spec, Math.min(view.rows - 1, limit + MAX_HEADER_DEPTH - 2)) : null;
  for (let top = from; top < limit; top++) {
    let mask = 0;
    let columns = 0;
    let left = 0;
    let right = 0;
    for (let depth = 1; depth <= MAX_HEADER_DEPTH; depth++) {
      if (top + depth > view.rows) break;
      // More required columns, then more columns, then the shallowest header (a title row above
      // the header must not be swallowed into it).
      const depthBest = best ? best.bottom - best.top : Number.MAX_SAFE_INTEGER;
      if (fitTable) {
        const row = top + depth - 1;
        fillRowFit(view, spec, slot, fitTable, row);
        const rowMask = fitTable.masks[row] ?? 0;
        if (rowMask !== 0) {
          left = mask === 0 ? (fitTable.lefts[row] ?? 0) : Math.min(left, fitTable.lefts[row] ?? 0);
          right = mask === 0 ? (fitTable.rights[row] ?? 0) : Math.max(right, fitTable.rights[row] ?? 0);
          mask |= rowMask;
          columns += fitTable.columns[row] ?? 0;
        }
        if (mask === 0) continue;
        // Grid columns showing a label the spec may take: no more than the rows show, nor than lie between the first and last.
        const shown = Math.min(columns, right - left + 1, 63);
        const boundKey = mask * 64 + shown;
        let b = bounds.get(boundKey);
        if (!b) {
          b = boundsOf(spec, mask, shown);
          bounds.set(boundKey, b);
        }
        if (best && (b.required < best.matchedRequired || (b.required === best.matchedRequired && (b.matched < best.matched || (b.matched === best.matched && depth - 1 >= depthBest))))) continue;
      }
      const m = matchHeader(view, spec, top, depth, mapping);
      if (m.matched === 0) continue;
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
      for (const area of view.merges.areasInRow(above)) {
        if (area.bottom >= top && area.right - area.left < view.cols - 1) spans = true;
      }
      if (!spans) break;
      top = above;
    }
    if (top !== best.top) best = matchHeader(view, spec, top, best.bottom - top + 1, mapping);
    // Sub-headers under a merged group header, and a row of column numbers, are header rows too.
    for (let guard = 0; guard < 2 && best.bottom + 1 < view.rows; guard++) {
      const next: number = best.bottom + 1;
      if (isColumnNumberRow(view, next)) {
        best = { ...best, bottom: next };
      } else if (next - best.top < MAX_HEADER_DEPTH + 1 && isSubHeaderRow(view, next, best.bottom)) {
        const deeper = matchHeader(view, spec, best.top, next - best.top + 1, mapping);
        if (deeper.matchedRequired < best.matchedRequired || deeper.matched < best.matched) break;
        best = deeper;
      } else break;
    }
  }
  return best;
}

/**
 * A total row's label: 合计 / 总计 / 共计, with the whole area before it (全州合计) and a count in brackets after it
 * (合计（14个单位）); a subtotal's: anything ending in 小计 (州直单位小计, 县市区小计).
 */
const TOTAL_LABEL = /^(?:全[州市区县省])?(?:合计|总计|共计|总合计|合计数)(?:[(（][^()（）]{0,20}[)）])?$/;
const SUBTOTAL_LABEL = /^[\u4e00-\u9fff]{0,8}小计(?:[(（][^()（）]{0,20}[)）])?$/;
/** A section title: 一、… / （二）… / 第三部分… / 其中： */
const SECTION_START = /^([一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}(部分|类|组)|其中[:：]?$)/;

function rowIsBlank(view: GridView, row: number): boolean {
  const values = view.grid.values[row];
  for (const c of cellsOf(values)) if (!isBlank(values?.[c] ?? null)) return false;
  return true;
}

/** The length of the longest part of a header column's labels. */
function longestPart(parts: readonly string[]): number {
  let n = 0;
  for (const p of parts) if (p.length > n) n = p.length;
  return n;
}

/** Whether `labelKey(text)` is longer than `n` (counted without making it: it keeps every code unit but spaces). */
function labelLongerThan(text: string, n: number): boolean {
  if (text.length <= n) return false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) if (!isLabelSpace(text.charCodeAt(i)) && ++kept > n) return true;
  return false;
}

/**
 * A row that writes the table's header again: at least two of its cells, and most of them, are the header
 * text of their own column (a table copied from printed pages that repeat the header).
 */
function repeatsHeader(own: readonly { col: number; text: string }[], header: HeaderMatch): boolean {
  if (own.length < 2) return false;
  const needed = Math.max(2, Math.ceil(own.length * 0.6));
  let same = 0;
  for (let i = 0; i < own.length; i++) {
    // Stop as soon as the cells left cannot make up the count.
    if (same + (own.length - i) < needed) return false;
    const { col, text } = own[i] as { col: number; text: string };
    const parts = header.labels.get(col);
    // A text whose label is longer than every part of its column's header (a narrative) is not one of them.
    if (parts && parts.length > 0 && !labelLongerThan(text, longestPart(parts)) && parts.includes(labelKey(text))) same++;
  }
  return same >= needed;
}

/** Rows this short are read cell by cell in place (as `cellsOf` scans them). */
const SHORT_ROW = 64;

/** The cells of a row that hold text, left to right, with their columns (a merged area's text only in its master
 * cell): fresh objects the caller may keep. */
export function ownNonBlank(view: GridView, row: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  ownNonBlankInto(view, row, out, []);
  return out;
}

/**
 * A row's non-blank cells, left to right, written into `into` with objects reused from `pool` (readTable classifies
 * a table's rows by them one after another: nothing of them may be kept past the row). A short row is read in place
 * (cellsOf's index scan, without its array of columns).
 */
function ownNonBlankInto(view: GridView, row: number, into: { col: number; text: string }[], pool: { col: number; text: string }[]): void {
  into.length = 0;
  const values = view.grid.values[row];
  const add = (c: number): void => {
    const t = cellText(values?.[c] ?? null);
    if (t === '') return;
    const o = (pool[into.length] ??= { col: 0, text: '' });
    o.col = c;
    o.text = t;
    into.push(o);
  };
  if (values && values.length <= SHORT_ROW) for (let c = 0; c < values.length; c++) add(c);
  else for (const c of cellsOf(values)) add(c);
}

/**
 * A table's cells, column by column (issue 21: a table of 100,000 rows kept a Map and a dozen objects per row
 * for the audit's lifetime). Per placed grid column (a slot), per row: where the value lives and how it got
 * there; the value itself stays in the grid. A row's `cells` and `multi` read it, and make a cell read when asked.
 */
class CellStore {
  /**
   * Per slot: the source of each row's value (0-based row and column), in typed arrays of `capacity` rows, made
   * only once a cell of the slot takes its value from elsewhere (merged or filled down); until then every cell
   * is its own source (its row, the slot's column).
   */
  readonly srcRow: (Int32Array | null)[] = [];
  readonly srcCol: (Int32Array | null)[] = [];
  /** Per slot, per row: 1 merged down, 2 filled down (made at the first such cell of the slot). */
  readonly flags: (Uint8Array | null)[] = [];
  readonly rowNumbers: number[] = [];
  /** Column key → the slot of its first grid column (of the last column with that key, as Map.set would leave it). */
  readonly cellSlot = new Map<string, number>();
  /** Multi column key → its slots, in column order. */
  readonly multiSlots = new Map<string, readonly number[]>();
  /** Slot → its grid column. */
  readonly columnOf: number[] = [];
  /** The keys of the placed columns, in the spec's order (a row's `cells` keys). */
  readonly keys: string[] = [];
  /** The keys of the placed multi columns (a row's `multi` keys). */
  readonly multiKeys: string[] = [];

  /** `capacity`: the rows the arrays hold before they grow (doubled when full: a sheet's far stray cell costs nothing). */
  constructor(
    readonly values: Grid['values'],
    private capacity: number,
  ) {}

  /** Room for row `i` in every slot. */
  ensure(i: number): void {
    if (i < this.capacity) return;
    this.resize(Math.max(i + 1, this.capacity * 2));
  }

  /** The arrays cut to the rows read (a table kept for the audit holds no room to grow). */
  trim(): void {
    if (this.rowNumbers.length < this.capacity) this.resize(this.rowNumbers.length);
  }

  private resize(capacity: number): void {
    const to = <A extends Int32Array | Uint8Array>(a: A | null, make: (n: number) => A): A | null => {
      if (!a) return null;
      const b = make(capacity);
      b.set(a.length > capacity ? a.subarray(0, capacity) : a);
      return b;
    };
    for (let s = 0; s < this.columnOf.length; s++) {
      this.srcRow[s] = to(this.srcRow[s] ?? null, (n) => new Int32Array(n));
      this.srcCol[s] = to(this.srcCol[s] ?? null, (n) => new Int32Array(n));
      this.flags[s] = to(this.flags[s] ?? null, (n) => new Uint8Array(n));
    }
    this.capacity = capacity;
  }

  /** Row `i`'s cell in `slot` (`ensure(i)` first): its value's source, and how it got there. */
  set(slot: number, i: number, sourceRow: number, sourceCol: number, flags: number): void {
    let rows = this.srcRow[slot] ?? null;
    let cols = this.srcCol[slot] ?? null;
    if (!rows || !cols) {
      const col = this.columnOf[slot] ?? 0;
      if (sourceRow !== this.rowNumbers[i] || sourceCol !== col) {
        // The slot's first cell from elsewhere: the rows before it were their own sources.
        rows = new Int32Array(this.capacity);
        cols = new Int32Array(this.capacity);
        for (let k = 0; k < i; k++) {
          rows[k] = this.rowNumbers[k] ?? 0;
          cols[k] = col;
        }
        this.srcRow[slot] = rows;
        this.srcCol[slot] = cols;
      }
    }
    if (rows && cols) {
      rows[i] = sourceRow;
      cols[i] = sourceCol;
    }
    if (flags !== 0) (this.flags[slot] ??= new Uint8Array(this.capacity))[i] = flags;
    else {
      const f = this.flags[slot];
      if (f) f[i] = 0;
    }
  }

  /** One placed column: a slot per grid column it was placed on. */
  addColumn(key: string, cols: readonly number[], multi: boolean): number[] {
    const slots = cols.map((col) => {
      this.columnOf.push(col);
      this.srcRow.push(null);
      this.srcCol.push(null);
      this.flags.push(null);
      return this.columnOf.length - 1;
    });
    const first = slots[0];
    if (first !== undefined) {
      if (!this.cellSlot.has(key)) this.keys.push(key);
      this.cellSlot.set(key, first);
    }
    if (multi) {
      if (!this.multiSlots.has(key)) this.multiKeys.push(key);
      this.multiSlots.set(key, slots);
    }
    return slots;
  }

  read(slot: number, i: number): CellRead {
    const rows = this.srcRow[slot];
    const cols = this.srcCol[slot];
    const sourceRow = rows ? (rows[i] ?? 0) : (this.rowNumbers[i] ?? 0);
    const sourceCol = cols ? (cols[i] ?? 0) : (this.columnOf[slot] ?? 0);
    const flags = this.flags[slot]?.[i] ?? 0;
    const value = this.values[sourceRow]?.[sourceCol] ?? null;
    return new LazyCellRead(value, cellText(value), sourceRow, sourceCol, this.rowNumbers[i] ?? 0, this.columnOf[slot] ?? 0, (flags & 1) !== 0, (flags & 2) !== 0);
  }
}

/** A row's cells: column key → the read of its (first) column, made when asked. */
class RowCells implements ReadonlyMap<string, CellRead> {
  constructor(
    private readonly store: CellStore,
    private readonly i: number,
  ) {}

  get(key: string): CellRead | undefined {
    const slot = this.store.cellSlot.get(key);
    return slot === undefined ? undefined : this.store.read(slot, this.i);
  }

  has(key: string): boolean {
    return this.store.cellSlot.has(key);
  }

  get size(): number {
    return this.store.keys.length;
  }

  /** Every cell at once, as a Map (for iterating: rare). */
  private all(): Map<string, CellRead> {
    const out = new Map<string, CellRead>();
    for (const k of this.store.keys) out.set(k, this.get(k) as CellRead);
    return out;
  }

  keys(): ReturnType<Map<string, CellRead>['keys']> {
    return this.all().keys();
  }

  values(): ReturnType<Map<string, CellRead>['values']> {
    return this.all().values();
  }

  entries(): ReturnType<Map<string, CellRead>['entries']> {
    return this.all().entries();
  }

  [Symbol.iterator](): ReturnType<Map<string, CellRead>['entries']> {
    return this.all().entries();
  }

  forEach(fn: (value: CellRead, key: string, map: ReadonlyMap<string, CellRead>) => void, thisArg?: unknown): void {
    this.all().forEach((v, k) => fn.call(thisArg, v, k, this));
  }
}

/** A row's multi columns: column key → the reads of all its columns, made when asked. */
class RowMulti implements ReadonlyMap<string, readonly CellRead[]> {
  constructor(
    private readonly store: CellStore,
    private readonly i: number,
  ) {}

  get(key: string): readonly CellRead[] | undefined {
    return this.store.multiSlots.get(key)?.map((slot) => this.store.read(slot, this.i));
  }

  has(key: string): boolean {
    return this.store.multiSlots.has(key);
  }

  get size(): number {
    return this.store.multiKeys.length;
  }

  private all(): Map<string, readonly CellRead[]> {
    const out = new Map<string, readonly CellRead[]>();
    for (const k of this.store.multiKeys) out.set(k, this.get(k) ?? []);
    return out;
  }

  keys(): ReturnType<Map<string, readonly CellRead[]>['keys']> {
    return this.all().keys();
  }

  values(): ReturnType<Map<string, readonly CellRead[]>['values']> {
    return this.all().values();
  }

  entries(): ReturnType<Map<string, readonly CellRead[]>['entries']> {
    return this.all().entries();
  }

  [Symbol.iterator](): ReturnType<Map<string, readonly CellRead[]>['entries']> {
    return this.all().entries();
  }

  forEach(fn: (value: readonly CellRead[], key: string, map: ReadonlyMap<string, readonly CellRead[]>) => void, thisArg?: unknown): void {
    this.all().forEach((v, k) => fn.call(thisArg, v, k, this));
  }
}

/** A line that speaks of the table (以上数据截至…, 上述事项…, 本表…) or states its total in words (合计：18项46件). */
const CLOSING_START = /^(?:以上|上述|本表|此表|上表|(?:合计|总计|共计)[:：].)/;

/** Words that head a column of a small table put under an annex (a contact list, counts by class). */
const HEADER_WORDS = new Set(['联系人', '职务', '联系电话', '电话', '手机', '手机号码', '姓名', '类别', '件数', '数量', '项数', '名称', '备注', '序号', '单位', '填报单位', '科室', '邮箱', '传真']);

/** A header label: short text without figures (联系人, 联系电话, 类别, 件数). */
function isLabelLike(text: string): boolean {
  const k = labelKey(text);
  return k.length > 0 && k.length <= 12 && !/[0-9０-９%％]/.test(k);
}

/** A row that sums up the others without adding to them: 平均 / 平均值 / 全州平均 / 最高 / 最低值 … */
const AGGREGATE_LABEL = /^(?:全[州市区县省])?(?:平均|平均值|平均数|均值|最高|最高值|最低|最低值|最大值|最小值)(?:[(（][^()（）]{0,20}[)）])?$/;

/** A date alone (2024年7月10日, 2024.7.10) or an issuing office (…督查室, …办公室（盖章）) under a letter-like table. */
const DATE_LINE = /^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})$/;
const ISSUER_LINE = /(?:督查室|督办室|办公室|人民政府|政府办|[(（]盖章[)）]|[(（]章[)）])$/;

/** A lone cell that closes a table rather than being a row: a date line anywhere, an issuer outside the label column. */
function closingLine(key: string, outsideLabel: boolean): boolean {
  return DATE_LINE.test(key) || (outsideLabel && ISSUER_LINE.test(key));
}

/** Whether a cell can be a value of its column's type: a count, a percentage or a mark where one goes (other types: any text). */
function readsAsItsType(v: CellValue, type: ColumnType | undefined): boolean {
  switch (type) {
    case 'count': {
      const n = readCount(v);
      return n.kind === 'number' || n.kind === 'blank';
    }
    case 'percent':
      return readPercent(v, null).kind !== 'text';
    case 'mark':
      return readMark(v) !== 'unreadable';
    default:
      return true;
  }
}

/** Blank rows after which one lone cell is no longer a row of the table above (a value left at the sheet's end). */
const FAR_BELOW = 50;
/** Columns beside a table past which a cell is stray rather than a note beside it. */
const FAR_ASIDE = 10;

const NO_MULTI: ReadonlyMap<string, readonly CellRead[]> = new Map();

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

  const headerCols = [...header.labels.entries()].filter(([, parts]) => parts.length > 0).map(([c]) => c);
  const spanLeft = headerCols.length > 0 ? Math.min(...headerCols) : 0;
  const spanRight = headerCols.length > 0 ? Math.max(...headerCols) : Number.MAX_SAFE_INTEGER;
  const rows: TableRow[] = [];
  const notesBelow: PreambleLine[] = [];
  const strayCells: PreambleLine[] = [];
  let lastKept = header.bottom;
  const repeatedHeaders: number[] = [];
  const lastGroupValue = new Map<string, { sourceRow: number; sourceCol: number; text: string; parentText: string }>();
  /** Per row: the text of each column read so far (a group column's parent); one map for all rows. */
  const firstText = new Map<string, string>();
  const labelCol = header.columns.get(spec.labelColumn)?.[0];
  // Each placed grid column's declared type (a row-number column, a count …): what a lone cell there can be.
  const typeOf = new Map<number, ColumnType>();
  for (const col of spec.columns) for (const c of header.columns.get(col.key) ?? []) if (col.type !== undefined && !typeOf.has(c)) typeOf.set(c, col.type);
  // Rows of a table without multi columns share one empty map (one Map less per row).
  const hasMulti = spec.columns.some((c) => c.multi === true && header.columns.has(c.key));
  const dateCols = new Set(spec.columns.filter((c) => c.type === 'date').flatMap((c) => header.columns.get(c.key) ?? []));
  // The placed columns in the spec's order, looked up once instead of per row, each grid column a slot of the store.
  const store = new CellStore(view.grid.values, Math.min(Math.max(0, last - header.bottom), 4096));
  // Only a column some group column is scoped by (its groupParent) needs its text kept per row.
  const parents = new Set<string>();
  for (const col of spec.columns) if (col.groupParent !== undefined) parents.add(col.groupParent);
  const placedColumns: { col: ColumnSpec; idxs: readonly number[]; slots: number[]; parent: boolean }[] = [];
  for (const col of spec.columns) {
    const idxs = header.columns.get(col.key);
    if (!idxs) continue;
    placedColumns.push({ col, idxs, slots: store.addColumn(col.key, idxs, col.multi === true), parent: parents.has(col.key) });
  }

  // Each row's own cells, in one array and objects reused row after row (only read while the row is classified).
  const own: { col: number; text: string }[] = [];
  const ownPool: { col: number; text: string }[] = [];
  // The row above the one being read held something (a blank row between may start another table).
  let prevHeld = header.bottom;
  let tableBelow: PreambleLine | undefined;
  for (let r = header.bottom + 1; r <= last; r++) {
    // A blank row holds no text: its own cells are none (one pass over the row, not two).
    ownNonBlankInto(view, r, own, ownPool);
    if (own.length === 0) continue;
    const afterGap = r - prevHeld > 1;
    prevHeld = r;
    // A stray value far outside the table's columns (a cell left at XFD1048576), or one lone cell far below its rows
    // (a value left at A1048576), is not a row of the table: said once (strayCells), never read as a unit.
    if (own.every((o) => o.col < spanLeft - 1 || o.col > spanRight + 1) || (own.length === 1 && rows.length > 0 && r - lastKept > FAR_BELOW)) {
      const line = { row: r, col: own[0]?.col ?? 0, text: own.map((o) => o.text).join(' ') };
      notesBelow.push(line);
      // A note just left or right of the table, or a note or signature under a template's unused rows, is a note;
      // only what lies far away and reads as no note is called stray.
      const far = r - lastKept > FAR_BELOW || own.every((o) => o.col < spanLeft - FAR_ASIDE || o.col > spanRight + FAR_ASIDE);
      const key = labelKey(line.text);
      if (far && !NOTE_START.test(key) && !SIGNATURE_START.test(key)) strayCells.push(line);
      continue;
    }
    // Nothing but a date (a deadline column running on below a shorter table beside another): no row of this table.
    if (dateCols.size > 0 && own.every((o) => dateCols.has(o.col))) {
      notesBelow.push({ row: r, col: own[0]?.col ?? 0, text: own.map((o) => o.text).join(' ') });
      continue;
    }
    const first = own[0];
    const firstKey = first ? labelKey(first.text) : '';
    if (first && SIGNATURE_START.test(firstKey)) {
      notesBelow.push({ row: r, col: first.col, text: own.map((o) => o.text).join(' ') });
      continue;
    }
    // A section title inside the table (一、州直单位 / （二）县市区): neither data nor a unit.
    if (own.length === 1 && first && SECTION_START.test(firstKey) && firstKey.length <= 30) {
      notesBelow.push({ row: r, col: first.col, text: first.text });
      continue;
    }
    // A template's numbered empty rows (a 序号 and nothing else): no row of the table.
    if (own.every((o) => typeOf.get(o.col) === 'seq')) {
      notesBelow.push({ row: r, col: own[0]?.col ?? 0, text: own.map((o) => o.text).join(' ') });
      continue;
    }
    // One cell alone where a figure or a mark goes, that reads as none (the issuer 州政府督查室, a date line under
    // a table): a line of text, no row.
    if (own.length === 1 && first && (!readsAsItsType(view.value(r, first.col), typeOf.get(first.col)) || closingLine(firstKey, first.col !== labelCol))) {
      notesBelow.push({ row: r, col: first.col, text: first.text });
      continue;
    }
    // A note row: one cell of text, starting like a note (注： / 以上数据… / 合计：18项46件) or merged across most of the table.
    if (own.length === 1 && first) {
      const area = view.merges.areaAt(r, first.col);
      const span = area ? area.right - area.left + 1 : 1;
      if (NOTE_START.test(firstKey) || CLOSING_START.test(firstKey) || (span >= Math.max(2, Math.ceil(width * 0.6)) && width > 2)) {
        notesBelow.push({ row: r, col: first.col, text: first.text });
        continue;
      }
    }

    // The header written again (a table pasted from pages that repeat it): a header row, never data.
    if (repeatsHeader(own, header)) {
      repeatedHeaders.push(r);
      continue;
    }

    // Another table below this one, after a blank row (联系人 / 职务 / 联系电话, 类别 / 件数): its header is labels only,
    // one of them where this table has a figure, a mark or a row number. It and all below it are no rows of this table.
    if (
      afterGap &&
      rows.length > 0 &&
      own.length >= 2 &&
      own.every((o) => isLabelLike(o.text)) &&
      (own.some((o) => !readsAsItsType(view.value(r, o.col), typeOf.get(o.col)) || (typeOf.get(o.col) === 'seq' && !SECTION_START.test(labelKey(o.text)))) ||
        own.filter((o) => HEADER_WORDS.has(labelKey(o.text))).length >= 2)
    ) {
      tableBelow = { row: r, col: own[0]?.col ?? 0, text: own.map((o) => o.text).join(' ') };
      break;
    }
    const label = labelCol !== undefined ? labelKey(cellText(view.value(r, labelCol))) : '';
    // An average, highest or lowest row (平均 / 全州平均 / 最高值) sums up the rows and adds to nothing: no unit.
    if (AGGREGATE_LABEL.test(label)) {
      notesBelow.push({ row: r, col: labelCol ?? own[0]?.col ?? 0, text: own.map((o) => o.text).join(' ') });
      continue;
    }
    const role: RowRole = TOTAL_LABEL.test(label) ? 'total' : SUBTOTAL_LABEL.test(label) ? 'subtotal' : 'data';

    // The row's cells into the store: the group columns' fill-down reads what was filled in earlier rows.
    const i = store.rowNumbers.length;
    store.ensure(i);
    store.rowNumbers.push(r);
    firstText.clear();
    for (let k = 0; k < placedColumns.length; k++) {
      const { col, idxs, slots, parent } = placedColumns[k] as (typeof placedColumns)[number];
      let columnText: string | undefined;
      for (let j = 0; j < idxs.length; j++) {
        const c = idxs[j] as number;
        const slot = slots[j] as number;
        // One merge lookup per cell: the area gives the master, the master the value (view.value's rule).
        const area = view.merges.areaAt(r, c);
        let sourceRow = area ? area.top : r;
        let sourceCol = area ? area.left : c;
        let flags = area !== undefined && area.bottom > area.top ? 1 : 0;
        // The text is wanted only by a group column's fill-down and by the column a group column is scoped by.
        const grouped = col.group === true && role === 'data';
        let text = grouped || (parent && j === 0) ? cellText(view.grid.values[sourceRow]?.[sourceCol] ?? null) : '';
        if (grouped) {
          const parentText = col.groupParent !== undefined ? (firstText.get(col.groupParent) ?? '') : '';
          const prev = lastGroupValue.get(col.key);
          if (text === '' && flags === 0 && prev && prev.text !== '' && prev.parentText === parentText) {
            sourceRow = prev.sourceRow;
            sourceCol = prev.sourceCol;
            flags = 2;
            text = prev.text;
          }
          // One record per group column, updated row after row.
          if (prev) {
            prev.sourceRow = sourceRow;
            prev.sourceCol = sourceCol;
            prev.text = text;
            prev.parentText = parentText;
          } else lastGroupValue.set(col.key, { sourceRow, sourceCol, text, parentText });
        }
        store.set(slot, i, sourceRow, sourceCol, flags);
        if (j === 0) columnText = text;
      }
      // What `cells.get(key).text` gave once the column was read (a group column's parent is read before it).
      if (parent && columnText !== undefined) firstText.set(col.key, columnText);
    }
    const cells = new RowCells(store, i);
    const multi = hasMulti ? new RowMulti(store, i) : NO_MULTI;
    rows.push({ row: r, role, cells, multi });
    lastKept = r;
  }

  store.trim();
  markUnlabelledSums(rows, labelCol !== undefined ? spec.labelColumn : null, countKeysOf(spec));
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
    strayCells,
    ...(tableBelow ? { tableBelow } : {}),
    repeatedHeaders,
    firstDataRow: dataRows[0]?.row ?? -1,
    lastDataRow: dataRows[dataRows.length - 1]?.row ?? -1,
  };
}

/** Columns that hold counts, by their declared type (a row summing others is read from them; a column of marks sums to a count). */
export const countKeysOf = perObject((spec: TableSpec): ReadonlySet<string> => new Set(spec.columns.filter((c) => ADDITIVE_TYPES.has(c.type)).map((c) => c.key)));

/**
 * A row with no label whose counts are the sums of the data rows right above it (since the last total or
 * subtotal): a subtotal nobody labelled, never a unit with a blank name (issue 18, item 2). At least two rows
 * summed and one count above zero, every count column agreeing.
 */
function markUnlabelledSums(rows: TableRow[], labelKeyName: string | null, countKeys: ReadonlySet<string>): void {
  if (labelKeyName === null) return;
  let from = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as TableRow;
    if (row.role !== 'data') {
      from = i + 1;
      continue;
    }
    if ((row.cells.get(labelKeyName)?.text ?? '') !== '') continue;
    const keys = [...row.cells.keys()].filter((k) => countKeys.has(k));
    const above = rows.slice(from, i).filter((x) => x.role === 'data');
    if (keys.length === 0 || above.length < 2) continue;
    let positive = false;
    const sums = keys.every((k) => {
      const own = readNumber(row.cells.get(k)?.value ?? null);
      if (own.kind !== 'number' && own.kind !== 'text-number') return false;
      let sum = 0;
      for (const x of above) {
        const v = readNumber(x.cells.get(k)?.value ?? null);
        if (v.kind === 'number' || v.kind === 'text-number') sum += v.value;
        else if (v.kind !== 'blank') return false;
      }
      if (own.value > 0) positive = true;
      return Math.abs(sum - own.value) < 1e-9;
    });
    if (sums && positive) {
      rows[i] = { ...row, role: 'subtotal' };
      from = i + 1;
    }
  }
}

/** Per spec: column key → label (asked for every row by the profile parsers). */
const columnLabels = new WeakMap<TableSpec, Map<string, string>>();

export function columnLabel(table: Table, key: string): string {
  let labels = columnLabels.get(table.spec);
  if (!labels) {
    labels = new Map();
    // The first column with a key names it, as `find` would.
    for (const c of table.spec.columns) if (!labels.has(c.key)) labels.set(c.key, c.label);
    columnLabels.set(table.spec, labels);
  }
  return labels.get(key) ?? key;
}
