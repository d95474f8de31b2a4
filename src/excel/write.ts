/// <reference types="office-js" />
/**
 * The Office.js adapter's writer: applies the core's plans to the open workbook, with the xlsx adapter's
 * semantics. Summary sheets are tagged by a workbook-level defined name `AnnexAudit_<id>` pointing at
 * their A1; a re-run replaces our own tagged sheet; a user sheet that carries one of our names is never
 * touched (we write to `name (2)` and say so). Highlights are custom conditional formats whose formula is
 * `markFormula(severity)`, so clearing removes exactly ours.
 *
 * Writing never decides whether the user gets the findings: protected sheets and sheets whose conditional
 * formats Excel cannot read are skipped with one note each; summaries are not written into a workbook whose
 * structure is protected; the page setup, which Excel may refuse, is applied in its own step.
 *
 * Syncs: summaries 1 (sheets, tags, tables, workbook protection) + 1 (everything else, all sheets, charts
 * included) + 1 (page setup, with the page breaks above the charts); marks and clear 1 (sheets and their protection) + 1 (their conditional formats) + 1 (delete ours /
 * add new). More only for chunks Excel's limits force, or, when Excel fails to read some sheet's conditional
 * formats, one per sheet to find which.
 */
import {
  type CellStyle,
  type HighlightPlan,
  isOurMarkFormula,
  MARK_FILL,
  markFormula,
  type PlanCell,
  sheetTagName,
  type AppliedSheet,
  overlongCells,
  type SheetPlan,
  truncationMark,
  uniqueSheetName,
  a1,
  listParam,
} from '../core';
import { cellsToRects, columnA1, type Rect, rectA1, sheetOfReference, sheetReference } from '../hosts/address';
import { type BatchLimits, jsonBytes, runWorks, type Work } from './batch';
import { ExcelAdapterError, isExcelAdapterError } from './errors';
import type { ExcelNote } from './messages';
import { cellInput, type Input, styleRects } from '../hosts/cells';
import { chartBytes, queueChartPageBreaks, queueCharts } from './charts';

export { cellInput, needsTextGuard, styleRects } from '../hosts/cells';

export type { AppliedSheet } from '../core';

export interface WriteOptions {
  readonly limits?: BatchLimits;
}

export interface SheetPlansOptions extends WriteOptions {
  /** Filled as the write goes: `sent` once a batch that changes the workbook was sent, `created` once the sheets exist. */
  readonly progress?: { sent: boolean; created: string[] };
}

export interface SheetPlansResult {
  readonly sheets: readonly AppliedSheet[];
  /** What was skipped or renamed, for the user. */
  readonly notes: readonly ExcelNote[];
}

export interface HighlightResult {
  /** Cells marked (as the xlsx adapter counts them). */
  readonly marked: number;
  /** Our earlier conditional formats removed first. */
  readonly removed: number;
  /** Sheets skipped (protected, or conditional formats unreadable), one note each. */
  readonly notes: readonly ExcelNote[];
}

export interface ClearResult {
  readonly removed: number;
  readonly notes: readonly ExcelNote[];
}

/** An Office error (not our own timeout or busy): the step failed, the context can go on. */
function isOfficeFailure(e: unknown): boolean {
  return !isExcelAdapterError(e);
}

const FONT_NAME = '宋体';
const BORDER_COLOR = '#808080';
/** Longest multi-area address given to one conditional format; longer lists get several formats. */
const MARK_ADDRESS_LIMIT = 2000;

/** Column width in characters (as in the plan and exceljs) → points, as Office.js sets it. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}


const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center' } as const;
/** Request estimate of one styled rectangle (font, fill, borders, alignment). */
const STYLE_RECT_BYTES = 1200;
const LINK_BYTES = 240;

function applyStyle(format: Excel.RangeFormat, s: CellStyle, rect: Rect): void {
  const font = format.font;
  font.name = FONT_NAME;
  font.size = s.fontSize ?? 11;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = `#${s.fontColor}`;
  if (s.fill) format.fill.color = `#${s.fill}`;
  if (s.border) {
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rect.bottom > rect.top) edges.push('InsideHorizontal');
    if (rect.right > rect.left) edges.push('InsideVertical');
    for (const edge of edges) {
      const b = format.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = BORDER_COLOR;
    }
  }
  if (s.wrap) format.wrapText = true;
  if (s.hAlign) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) format.verticalAlignment = V_ALIGN[s.vAlign];
}

interface SheetStep {
  readonly plan: SheetPlan;
  readonly name: string;
  readonly previous: string | null;
  readonly tag: Excel.NamedItem | null;
  readonly table: string | null;
}

/** Summary sheets: add (or replace our earlier ones), fill, format, tag. Nothing is written into a workbook whose structure is protected. */
export async function applySheetPlans(context: Excel.RequestContext, plans: readonly SheetPlan[], options: SheetPlansOptions = {}): Promise<SheetPlansResult> {
  const notes: ExcelNote[] = [];
  if (plans.length === 0) return { sheets: [], notes };
  const wb = context.workbook;

  // Phase 1: the sheets, our tags, the tables, the workbook's structure protection (one sync).
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const tags = plans.map((p) => wb.names.getItemOrNullObject(sheetTagName(p.id)).load('name,type,value'));
  const tables = plans.some((p) => p.table) ? wb.tables.load('items/name,items/worksheet/name') : null;
  const protection = wb.protection.load('protected');
  await context.sync();
  // 保护工作簿: Excel refuses to add or delete sheets. Say so instead of failing half-way.
  if (protection.protected) return { sheets: [], notes: [{ key: 'excel.note.summariesProtected' }] };

  // Decide names exactly as the xlsx adapter does, plan by plan.
  const taken = new Map<string, string>(sheets.items.map((w) => [w.name.toLowerCase(), w.name]));
  const deleted = new Set<string>();
  const tableOwner = new Map<string, string>((tables?.items ?? []).map((t) => [t.name.toLowerCase(), t.worksheet.name.toLowerCase()]));
  const tablesTaken = new Set<string>();
  const steps: SheetStep[] = [];
  const applied: AppliedSheet[] = [];
  plans.forEach((plan, i) => {
    const tag = tags[i] as Excel.NamedItem;
    const exists = !tag.isNullObject;
    const target = exists && tag.type === 'Range' ? sheetOfReference(String(tag.value)) : null;
    const previous = target !== null && taken.has(target.toLowerCase()) ? (taken.get(target.toLowerCase()) ?? null) : null;
    if (previous !== null) {
      taken.delete(previous.toLowerCase());
      deleted.add(previous.toLowerCase());
    }
    const name = uniqueSheetName(plan.name, taken.values());
    taken.set(name.toLowerCase(), name);
    let table: string | null = null;
    if (plan.table) {
      const isTaken = (t: string): boolean => {
        const owner = tableOwner.get(t.toLowerCase());
        return tablesTaken.has(t.toLowerCase()) || (owner !== undefined && !deleted.has(owner));
      };
      table = plan.table.name;
      for (let n = 2; isTaken(table); n++) table = `${plan.table.name}${n}`;
      tablesTaken.add(table.toLowerCase());
      if (table !== plan.table.name) notes.push({ key: 'excel.note.tableRenamed', params: { wanted: plan.table.name, name: table } });
    }
    steps.push({ plan, name, previous, tag: exists ? tag : null, table });
    applied.push({ id: plan.id, wanted: plan.name, name, renamed: name !== plan.name, replaced: previous !== null });
    if (name !== plan.name) notes.push({ key: 'excel.note.renamed', params: { wanted: plan.name, name } });
    const cut = overlongCells(plan.rows);
    if (cut.length > 0) notes.push({ key: 'excel.note.truncated', params: { sheet: name, count: cut.length, cells: cut.join(' '), mark: truncationMark() } });
  });

  // Phase 2: one batch with everything, split only where Excel's limits force it.
  const progress = options.progress;
  const works: Work[] = [structureWork(context, steps, progress)];
  for (const step of steps) {
    const content = contentWork(context, step);
    if (content) works.push(content);
    const finish = finishWork(context, step);
    if (finish) works.push(finish);
    const charts = chartWork(context, step);
    if (charts) works.push(charts);
  }
  if (progress) progress.sent = true;
  await runWorks(context, works, options.limits);

  // Phase 3: the page setup, on its own: Excel may refuse it (audit §2.5), and that costs the print settings only.
  {
    for (const { plan, name } of steps) {
      const pl = wb.worksheets.getItem(name).pageLayout;
      pl.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      pl.paperSize = 'A4';
      if (plan.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      const [first, last] = plan.printTitleRows;
      if (first > 0 && last >= first) pl.setPrintTitleRows(`$${first}:$${last}`);
      queueChartPageBreaks(wb.worksheets.getItem(name), plan);
    }
    try {
      await context.sync();
    } catch (e) {
      if (!isOfficeFailure(e)) throw e;
      notes.push({ key: 'excel.note.pageLayoutSkipped', params: { sheets: listParam(steps.map((s) => s.name)) } });
    }
  }
  return { sheets: applied, notes };
}

/** Delete our earlier sheets and tags, add the sheets, their widths, frozen rows and tag. */
function structureWork(context: Excel.RequestContext, steps: readonly SheetStep[], progress?: { created: string[] }): Work {
  return {
    rows: 0,
    fixedBytes: steps.reduce((n, s) => n + 600 + s.plan.columnWidths.length * 120, 0),
    cellsPerRow: 0,
    idempotent: false,
    rowBytes: () => 0,
    queue: () => {
      const wb = context.workbook;
      for (const { plan, name, previous, tag } of steps) {
        if (previous !== null) wb.worksheets.getItem(previous).delete();
        if (tag) tag.delete();
        const ws = wb.worksheets.add(name);
        plan.columnWidths.forEach((w, c) => {
          ws.getRange(columnA1(c)).format.columnWidth = widthPoints(w);
        });
        for (const [r, h] of Object.entries(plan.rowHeights ?? {})) ws.getRange(`${r}:${r}`).format.rowHeight = h;
        if (plan.frozenRows > 0) ws.freezePanes.freezeRows(plan.frozenRows);
        wb.names.add(sheetTagName(plan.id), ws.getRange('A1'));
      }
      return () => {
        if (progress) progress.created = steps.map((s) => s.name);
      };
    },
  };
}

/** Values (one 2-D array: our formulas as formulas, everything else as values or guarded text), number formats, styles, links. */
function contentWork(context: Excel.RequestContext, step: SheetStep): Work | null {
  const { plan, name } = step;
  if (plan.rows.length === 0) return null;
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const inputs: Input[][] = plan.rows.map((row) => Array.from({ length: width }, (_, c) => cellInput(row[c])));
  const anyFormat = plan.rows.some((row) => row.some((pc) => pc.numberFormat !== undefined));
  const formats: string[][] | null = anyFormat ? plan.rows.map((row) => Array.from({ length: width }, (_, c) => row[c]?.numberFormat ?? 'General')) : null;
  const links = true;
  // Prefix sums of the request estimate per row.
  const prefix: number[] = [0];
  // A style run costs where its rectangle starts: where the same run does not continue the row above.
  const runsOf = (row: readonly PlanCell[] | undefined): Set<string> => {
    const runs = new Set<string>();
    if (!row) return runs;
    for (let c = 0; c < row.length; c++) {
      const key = row[c]?.style;
      if (!key || row[c - 1]?.style === key) continue;
      let e = c;
      while (row[e + 1]?.style === key) e++;
      runs.add(`${c}:${e}:${key}`);
    }
    return runs;
  };
  let above = new Set<string>();
  let widestRuns = 0;
  plan.rows.forEach((row, r) => {
    const runs = runsOf(row);
    widestRuns = Math.max(widestRuns, runs.size);
    const starting = [...runs].filter((k) => !above.has(k)).length;
    above = runs;
    const linkCount = links ? row.filter((pc) => pc.link).length : 0;
    const bytes = jsonBytes(inputs[r]) + (formats ? jsonBytes(formats[r]) : 0) + starting * STYLE_RECT_BYTES + linkCount * LINK_BYTES;
    prefix.push((prefix[r] ?? 0) + bytes);
  });
  return {
    rows: plan.rows.length,
    // A piece restarts the style rectangles that run through its first row.
    fixedBytes: 200 + widestRuns * STYLE_RECT_BYTES,
    cellsPerRow: 0,
    idempotent: true,
    rowBytes: (start, count) => (prefix[start + count] ?? 0) - (prefix[start] ?? 0),
    queue: (start, count) => {
      const ws = context.workbook.worksheets.getItem(name);
      const range = ws.getRangeByIndexes(start, 0, count, width);
      range.formulas = inputs.slice(start, start + count);
      if (formats) range.numberFormat = formats.slice(start, start + count);
      for (const rect of styleRects(plan.rows, start, count)) {
        const style = plan.styles[rect.key];
        if (style) applyStyle(ws.getRange(rectA1(rect)).format, style, rect);
      }
      if (!links) return;
      for (let r = start; r < start + count; r++) {
        (plan.rows[r] ?? []).forEach((pc, c) => {
          if (!pc.link) return;
          ws.getRange(a1(r, c)).hyperlink = { documentReference: sheetReference(pc.link.sheet, pc.link.cell), textToDisplay: String(pc.value ?? '') };
        });
      }
    },
  };
}

/** Merges and the table (with its filters), once the values are in. */
function finishWork(context: Excel.RequestContext, step: SheetStep): Work | null {
  const { plan, name, table } = step;
  if (plan.merges.length === 0 && !(plan.table && table)) return null;
  return {
    rows: 0,
    fixedBytes: 200 + plan.merges.length * 160 + (plan.table ? 400 : 0),
    cellsPerRow: 0,
    idempotent: false,
    rowBytes: () => 0,
    queue: () => {
      const ws = context.workbook.worksheets.getItem(name);
      for (const m of plan.merges) ws.getRange(m).merge(false);
      if (plan.table && table) {
        const t = ws.tables.add(ws.getRange(plan.table.range), true);
        t.name = table;
        t.showBandedRows = false;
      }
    },
  };
}

/** The plan's charts (src/excel/charts.ts), once the cells they refer to are written. */
function chartWork(context: Excel.RequestContext, step: SheetStep): Work | null {
  const { plan, name } = step;
  if (!plan.charts || plan.charts.length === 0) return null;
  return {
    rows: 0,
    fixedBytes: chartBytes(plan),
    cellsPerRow: 0,
    idempotent: false,
    rowBytes: () => 0,
    queue: () => queueCharts(context.workbook.worksheets.getItem(name), plan),
  };
}

interface OurMark {
  readonly sheet: string;
  readonly cf: Excel.ConditionalFormat;
}

interface MarkSurvey {
  readonly sheetNames: readonly string[];
  readonly protectedSheets: ReadonlySet<string>;
  /** Sheets whose conditional formats Excel failed to read (OfficeDev/office-js #6827, #6835). */
  readonly unreadable: ReadonlySet<string>;
  readonly ours: readonly OurMark[];
}

const CF_LOAD = 'items/customOrNullObject/rule/formula';

function oursIn(sheet: string, cfs: Excel.ConditionalFormatCollection): OurMark[] {
  return cfs.items
    .filter((cf) => {
      const custom = cf.customOrNullObject;
      return !custom.isNullObject && isOurMarkFormula(custom.rule.formula);
    })
    .map((cf) => ({ sheet, cf }));
}

/**
 * Our conditional formats in the whole workbook, and which sheets are protected: 2 syncs (the sheets with
 * their protection, then every sheet's conditional formats). Excel fails to read some user-made rules; then
 * each sheet is read on its own (one sync per sheet, only in that case) and the failing ones are left out.
 */
async function surveyMarks(context: Excel.RequestContext): Promise<MarkSurvey> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await context.sync();
  const names = sheets.items.map((ws) => ws.name);
  const protectedSheets = new Set(sheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name));
  const unreadable = new Set<string>();
  let ours: OurMark[];
  try {
    const perSheet = sheets.items.map((ws) => ({ sheet: ws.name, cfs: ws.getRange().conditionalFormats.load(CF_LOAD) }));
    await context.sync();
    ours = perSheet.flatMap(({ sheet, cfs }) => oursIn(sheet, cfs));
  } catch (e) {
    if (!isOfficeFailure(e)) throw e;
    ours = [];
    for (const ws of sheets.items) {
      const cfs = ws.getRange().conditionalFormats.load(CF_LOAD);
      try {
        // One sheet at a time, only after Excel failed to read them together: to find the sheets it cannot read.
        await context.sync();
        ours.push(...oursIn(ws.name, cfs));
      } catch (inner) {
        if (!isOfficeFailure(inner)) throw inner;
        unreadable.add(ws.name);
      }
    }
  }
  return { sheetNames: names, protectedSheets, unreadable, ours };
}

function deleteWork(ours: readonly OurMark[]): Work {
  return {
    rows: ours.length,
    fixedBytes: 0,
    cellsPerRow: 0,
    idempotent: false,
    rowBytes: (_s, count) => count * 120,
    queue: (start, count) => {
      for (const { cf } of ours.slice(start, start + count)) cf.delete();
    },
  };
}

/** Remove every conditional format we added (recognised by its formula); the user's own stay. Protected sheets are left as they are, with a note. */
export async function clearMarks(context: Excel.RequestContext, options: WriteOptions = {}): Promise<ClearResult> {
  const survey = await surveyMarks(context);
  const notes: ExcelNote[] = [];
  const skipped = new Set<string>();
  for (const m of survey.ours)
    if (survey.protectedSheets.has(m.sheet) && !skipped.has(m.sheet)) {
      skipped.add(m.sheet);
      notes.push({ key: 'excel.note.clearSkippedProtected', params: { sheet: m.sheet } });
    }
  for (const sheet of survey.unreadable) notes.push({ key: 'excel.note.clearSkippedUnreadable', params: { sheet } });
  const ours = survey.ours.filter((m) => !skipped.has(m.sheet));
  if (ours.length > 0) await runWorks(context, [deleteWork(ours)], options.limits);
  return { removed: ours.length, notes };
}

interface MarkGroup {
  readonly sheet: string;
  readonly severity: keyof typeof MARK_FILL;
  readonly address: string;
}

/**
 * Mark the findings' cells: one conditional format per sheet and severity (multi-area ranges, ExcelApi 1.9,
 * the manifest's minimum). Re-marking replaces our earlier marks. A protected sheet, or one whose conditional
 * formats Excel cannot read, is skipped with one note; the other sheets are marked.
 */
export async function applyHighlights(context: Excel.RequestContext, plan: HighlightPlan, options: WriteOptions = {}): Promise<HighlightResult> {
  const survey = await surveyMarks(context);
  const present = new Set(survey.sheetNames);
  const notes: ExcelNote[] = [];
  const skipped = new Set<string>();
  const skip = (sheet: string): void => {
    if (skipped.has(sheet)) return;
    skipped.add(sheet);
    if (survey.protectedSheets.has(sheet)) notes.push({ key: 'excel.note.marksSkippedProtected', params: { sheet } });
    else notes.push({ key: 'excel.note.marksSkippedUnreadable', params: { sheet } });
  };
  const blocked = (sheet: string): boolean => survey.protectedSheets.has(sheet) || survey.unreadable.has(sheet);
  for (const mark of plan.marks) if (present.has(mark.sheet) && blocked(mark.sheet)) skip(mark.sheet);
  for (const m of survey.ours) if (blocked(m.sheet)) skip(m.sheet);
  for (const sheet of survey.unreadable) skip(sheet);
  const ours = survey.ours.filter((m) => !skipped.has(m.sheet));
  const groups: MarkGroup[] = [];
  let marked = 0;
  for (const mark of plan.marks) {
    if (!present.has(mark.sheet) || skipped.has(mark.sheet)) continue;
    marked += mark.cells.length;
    const addresses = cellsToRects(mark.cells).map(rectA1);
    let cur: string[] = [];
    let len = 0;
    for (const address of addresses) {
      if (cur.length > 0 && len + address.length + 1 > MARK_ADDRESS_LIMIT) {
        groups.push({ sheet: mark.sheet, severity: mark.severity, address: cur.join(',') });
        cur = [];
        len = 0;
      }
      cur.push(address);
      len += address.length + 1;
    }
    if (cur.length > 0) groups.push({ sheet: mark.sheet, severity: mark.severity, address: cur.join(',') });
  }
  const add: Work = {
    rows: groups.length,
    fixedBytes: 0,
    cellsPerRow: 0,
    idempotent: false,
    rowBytes: (start, count) => groups.slice(start, start + count).reduce((n, g) => n + 400 + g.address.length, 0),
    queue: (start, count) => {
      for (const g of groups.slice(start, start + count)) {
        const ws = context.workbook.worksheets.getItem(g.sheet);
        const cf = ws.getRanges(g.address).conditionalFormats.add('Custom');
        cf.custom.rule.formula = `=${markFormula(g.severity)}`;
        cf.custom.format.fill.color = `#${MARK_FILL[g.severity]}`;
      }
    },
  };
  const works = [ours.length > 0 ? deleteWork(ours) : null, groups.length > 0 ? add : null].filter((w): w is Work => w !== null);
  if (works.length > 0) await runWorks(context, works, options.limits);
  return { marked, removed: ours.length, notes };
}

/**
 * Go to a cell: activate its sheet and select it (1 sync). A hidden sheet cannot be shown (Excel's UI cannot
 * activate one, and office-js does not say it can): when Excel refuses, the sheet's visibility is read and a
 * hidden sheet is named in the message.
 */
export async function selectRange(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
  } catch (e) {
    if (!isOfficeFailure(e)) throw e;
    const again = context.workbook.worksheets.getItemOrNullObject(sheet).load('visibility');
    await context.sync();
    if (!again.isNullObject && again.visibility !== 'Visible') throw new ExcelAdapterError('hidden-sheet', { sheet });
    throw e;
  }
}
