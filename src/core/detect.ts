/** Detecting a sheet's annex kind from its content: title and header text, whatever the sheet is called. */
import { cellsOf, type Grid, GridView } from './grid';
import { TABLE_SPECS, tableSpecOf } from './kinds';
import { type AnnexKind, type ColumnMapping, findHeader, type HeaderMatch, matchHeader, type TableSpec } from './table';
import { cellText, labelKey } from './text';

export interface Detection {
  readonly kind: AnnexKind;
  readonly spec?: TableSpec;
  readonly header?: HeaderMatch;
  /** Required columns not found (the sheet was recognised by its title and most of its header). */
  readonly missingColumns: readonly string[];
  readonly score: number;
  /** Set when another kind scored within KIND_MARGIN: the audit then gives the sheet no kind and says so. */
  readonly runnerUp?: Detection;
}

/** Label keys of the first rows' text, for title matching. */
function titleText(view: GridView, rows: number): string {
  const parts: string[] = [];
  for (let r = 0; r < Math.min(rows, view.rows); r++) {
    for (let c = 0; c < Math.min(view.cols, 12); c++) {
      const t = cellText(view.grid.values[r]?.[c] ?? null);
      if (t !== '') parts.push(labelKey(t));
    }
  }
  return parts.join('|');
}

/** A 通报's salutation: 各镇人民政府、街道办事处，…区直及驻区各单位： */
const SALUTATION = /^各[^。！？]{0,120}(单位|部门|政府|办事处|委员会|管委会|街道|乡镇|县市区|科室)[^。！？]{0,40}[:：]$/;
/** A count the circular states: 80项目标任务, 46件, 17个. */
const COUNT = /[0-9０-９一二三四五六七八九十百]+\s*(项|个|件)/g;

/**
 * A 通报 (circular) is prose with the circular's own signs: 通报 in its title near the top, and a
 * 各…单位 salutation or counts with 项/个/件 in its paragraphs. Long strings alone (a checklist, a
 * manual) are not a 通报. It has no table header.
 */
function looksLikeReportText(view: GridView): number {
  if (view.rows < 3) return 0;
  let textRows = 0;
  let longRows = 0;
  let wideRows = 0;
  let salutation = false;
  let counts = 0;
  for (let r = 0; r < view.rows; r++) {
    const row = view.grid.values[r] ?? [];
    let nonBlank = 0;
    for (const c of cellsOf(row)) if (cellText(row[c] ?? null) !== '') nonBlank++;
    if (nonBlank === 0) continue;
    textRows++;
    if (nonBlank > 1) wideRows++;
    const first = cellText(row[0] ?? null);
    if (first.length >= 60) {
      longRows++;
      if (counts < 3) counts += (first.match(COUNT) ?? []).length;
    }
    if (!salutation && r < 12 && SALUTATION.test(first.replace(/\s+/g, ''))) salutation = true;
  }
  const head = titleText(view, 8);
  if (!/通报/.test(head)) return 0;
  if (textRows === 0 || wideRows / textRows > 0.2 || longRows < 2) return 0;
  if (!salutation && counts < 2) return 0;
  return 10 + (salutation ? 2 : 0) + Math.min(longRows, 10);
}

export interface DetectOptions {
  /** The user's header names per kind (settings `columnMap`). */
  readonly columnMap?: Readonly<Partial<Record<AnnexKind, ColumnMapping>>>;
  /** The user says what this sheet is (settings `sheetKinds`). */
  readonly forcedKind?: AnnexKind;
}

/**
 * How far the best kind must score above the next one (one more column placed by name is 10). Closer than
 * this, the sheet is not given a kind: a wrong kind costs more than none (issue 18, item 6).
 */
export const KIND_MARGIN = 10;

function detectionOf(spec: TableSpec, header: HeaderMatch, score: number): Detection {
  const missingColumns = header.missingRequired.map((k) => spec.columns.find((c) => c.key === k)?.label ?? k);
  return { kind: spec.kind, spec, header, missingColumns, score };
}

export function detectKind(grid: Grid, view = new GridView(grid), options: DetectOptions = {}): Detection | null {
  const forced = options.forcedKind;
  if (forced !== undefined) {
    const spec = tableSpecOf(forced);
    if (!spec) return { kind: forced, missingColumns: [], score: 0 };
    const header = findHeader(view, spec, options.columnMap?.[forced]);
    if (header) return detectionOf(spec, header, 0);
    // Nothing of the header was found: every required column is missing.
    const none = matchHeader(view, spec, 0, 1, options.columnMap?.[forced]);
    return detectionOf(spec, none, 0);
  }
  let best: Detection | null = null;
  let second: Detection | null = null;
  for (const spec of TABLE_SPECS) {
    const header = findHeader(view, spec, options.columnMap?.[spec.kind]);
    if (!header) continue;
    const excludes = spec.excludes;
    if (excludes && [...header.labels.values()].some((parts) => parts.some((p) => excludes.test(p)))) continue;
    const title = titleText(view, Math.max(header.top, 1) + 1);
    const titled = spec.titles.some((t) => t.test(title));
    const complete = header.matchedRequired === header.requiredCount;
    // Recognised by header alone, or by title plus most of the header (a renamed column is then reported).
    const recognised = complete || (titled && header.matchedRequired >= Math.ceil(header.requiredCount / 2) && header.matchedRequired >= 2);
    if (!recognised) continue;
    const score = header.matched * 10 + header.matchedRequired * 5 + (titled ? 8 : 0) + (complete ? 20 : 0);
    const d = detectionOf(spec, header, score);
    if (!best || score > best.score) {
      second = best;
      best = d;
    } else if (!second || score > second.score) second = d;
  }
  if (best) return second && best.score - second.score < KIND_MARGIN ? { ...best, runnerUp: second } : best;
  const report = looksLikeReportText(view);
  if (report >= 10) return { kind: 'report-text', missingColumns: [], score: report };
  return null;
}
