/**
 * Degrade, never flood (issue 18, item 7). A check about to put errors on a large share of a table's rows is
 * evidence that the table was misread — several tables stacked in one sheet, a header in an unusual place,
 * units written two ways — not that so many cells are wrong. Such a group of errors (one code, one sheet)
 * becomes one warning that says which reading it doubts and lists the cells; no error rests on it.
 */
import { makeFinding, type Finding } from './finding';
import { parseA1 } from './grid';
import { FINDINGS } from './i18n/findings';
import { listParam } from './i18n/lists';

/** At least this many rows with errors of one code … */
export const FLOOD_MIN_ROWS = 6;
/** … and at least this share of the table's data rows. */
export const FLOOD_MIN_SHARE = 0.4;
const MAX_CELLS_NAMED = 8;
const MAX_RELATED = 30;

export interface TableRows {
  readonly name: string;
  readonly firstDataRow: number | null;
  readonly lastDataRow: number | null;
  /** The table's window on its sheet (A1 range), when the sheet holds several tables. */
  readonly range?: string;
}

/** Whether a 0-based cell lies in an A1 range such as `A12:H40` (an open-ended range `C1:XFD40` included). */
function inRange(range: string | undefined, row: number, col: number): boolean {
  if (range === undefined) return false;
  const [from, to] = range.split(':').map((x) => parseA1(x));
  return from !== null && from !== undefined && to !== null && to !== undefined && row >= from.row && row <= to.row && col >= from.col && col <= to.col;
}

/**
 * The findings `keep` selects, in groups of one code on one table: a sheet may hold several tables
 * (src/core/blocks.ts), and a finding belongs to the one whose window holds its cell.
 */
function groupsByTable(findings: readonly Finding[], sheets: readonly TableRows[], keep: (f: Finding) => boolean): { list: Finding[]; table: TableRows | undefined }[] {
  const groups = new Map<string, { list: Finding[]; table: TableRows | undefined }>();
  for (const f of findings) {
    if (!keep(f)) continue;
    const at = parseA1(f.cell);
    const same = sheets.filter((s) => s.name === f.sheet);
    const table = same.length <= 1 ? same[0] : (same.find((s) => inRange(s.range, at?.row ?? -1, at?.col ?? -1)) ?? same[0]);
    const key = `${f.sheet}\u0000${f.code}\u0000${table ? sheets.indexOf(table) : -1}`;
    const group = groups.get(key);
    if (group) group.list.push(f);
    else groups.set(key, { list: [f], table });
  }
  return [...groups.values()];
}

/** The findings with `dropped` replaced by `added` (the same array's copy when nothing was collapsed). */
function replaced(findings: readonly Finding[], dropped: ReadonlySet<Finding>, added: readonly Finding[]): Finding[] {
  if (added.length === 0) return [...findings];
  return [...findings.filter((f) => !dropped.has(f)), ...added];
}

export function collapseFloods(findings: readonly Finding[], sheets: readonly TableRows[]): Finding[] {
  const groups = groupsByTable(findings, sheets, (f) => f.severity === 'error');
  const dropped = new Set<Finding>();
  const added: Finding[] = [];
  for (const { list, table: info } of groups) {
    const first = list[0];
    if (!first) continue;
    const rows = new Set(list.map((f) => parseA1(f.cell)?.row ?? -1));
    if (rows.size < FLOOD_MIN_ROWS) continue;
    const dataRows = info && info.firstDataRow !== null && info.lastDataRow !== null ? info.lastDataRow - info.firstDataRow + 1 : null;
    if (dataRows === null || dataRows <= 0 || rows.size < FLOOD_MIN_SHARE * dataRows) continue;
    for (const f of list) dropped.add(f);
    const rule = FINDINGS[first.code].rule;
    const cells = [...new Set(list.map((f) => f.cell))];
    added.push(
      makeFinding(
        'engine/misread-suspected',
        { sheet: first.sheet, cell: first.cell },
        {
          count: list.length,
          rule: { 'zh-CN': rule['zh-CN'], 'en-US': rule['en-US'] },
          rows: dataRows,
          affected: rows.size,
          cells: listParam(cells, { max: MAX_CELLS_NAMED, measure: '处' }),
        },
        { related: list.slice(0, MAX_RELATED).map((f) => ({ sheet: f.sheet, cell: f.cell })) },
      ),
    );
  }
  return replaced(findings, dropped, added);
}

/**
 * Cell-by-cell remarks on how a figure or a mark is written (a number stored as text, full-width digits, a mark we
 * cannot read): one cause when a
 * table has many of them (a column typed as text). At least FLOOD_MIN_ROWS of one code in one table become one
 * `cell/repeated` warning at the first, naming every cell (related; each is still marked).
 */
const REPEATABLE = new Set<string>(['cell/number-as-text', 'cell/full-width-digits', 'cell/mark-unknown', 'target/mark-unknown']);

export function collapseRepeats(findings: readonly Finding[], sheets: readonly TableRows[]): Finding[] {
  const groups = groupsByTable(findings, sheets, (f) => REPEATABLE.has(f.code));
  const dropped = new Set<Finding>();
  const added: Finding[] = [];
  for (const { list } of groups) {
    const first = list[0];
    if (!first || list.length < FLOOD_MIN_ROWS) continue;
    for (const f of list) dropped.add(f);
    const rule = FINDINGS[first.code].rule;
    const cells = [...new Set(list.map((f) => f.cell))];
    added.push(
      makeFinding(
        'cell/repeated',
        { sheet: first.sheet, cell: first.cell },
        { count: list.length, rule: { 'zh-CN': rule['zh-CN'], 'en-US': rule['en-US'] }, cells: listParam(cells, { max: MAX_CELLS_NAMED, measure: '处' }) },
        { related: cells.map((cell) => ({ sheet: first.sheet, cell })) },
      ),
    );
  }
  return replaced(findings, dropped, added);
}
