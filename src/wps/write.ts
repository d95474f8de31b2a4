/**
 * The WPS adapter's writer: applies the core's plans to the open workbook with the other adapters' semantics.
 * Summary sheets are tagged by a workbook name `AnnexAudit_<id>` → `='sheet'!$A$1`; a re-run replaces our own
 * tagged sheet; a user sheet that has the name we want is never touched (we write to `name (2)` and say so).
 * Values go in as one 2-D `Formula` array per sheet (our formulas as formulas, text the host would parse guarded
 * with `'`). Highlights are `xlExpression` conditional formats whose formula is `markFormula(severity)`, so clearing
 * removes exactly ours; a source cell's value and its own format are never changed.
 *
 * Writing never decides whether the user gets the findings: protected sheets are skipped with a note; a workbook
 * whose structure is protected gets no summary; what a WPS build lacks (names, tables, freeze panes, page setup,
 * conditional formats, charts) degrades with a note.
 */
import {
  type AppliedSheet,
  type CellStyle,
  type HighlightPlan,
  isOurMarkFormula,
  MARK_FILL,
  markFormula,
  type SheetPlan,
  sheetTagName,
  overlongCells,
  truncationMark,
  uniqueSheetName,
  a1,
  columnLetter,
  chartPageBreaks,
  listParam,
} from '../core';
import { addressChunks, cellsToRects, rectA1, sheetReference } from '../hosts/address';
import { cellInput, type Input, styleRects } from '../hosts/cells';
import { causeOf, WpsAdapterError, type WpsNote } from './errors';
import { sheetsOf, type WpsFeature } from './host';
import { bgr, type WpsApplication, type WpsFormatCondition, type WpsRange, type WpsWorkbook, type WpsWorksheet, XL } from './model';
import { taggedSheets } from './read';
import { addWpsChart, addWpsChartPageBreaks, canAddCharts } from './charts';

const FONT_NAME = '宋体';
const BORDER_COLOR = '808080';
const H_ALIGN = { left: XL.left, center: XL.center, right: XL.right } as const;
const V_ALIGN = { top: XL.top, middle: XL.center } as const;

export interface WpsSheetPlansResult {
  readonly sheets: readonly AppliedSheet[];
  readonly notes: readonly WpsNote[];
}

function applyStyle(range: WpsRange, s: CellStyle): void {
  const font = range.Font;
  font.Name = FONT_NAME;
  font.Size = s.fontSize ?? 11;
  if (s.bold) font.Bold = true;
  if (s.italic) font.Italic = true;
  if (s.fontColor) font.Color = bgr(s.fontColor);
  if (s.fill) range.Interior.Color = bgr(s.fill);
  if (s.border) {
    // The whole Borders collection: every edge and inside line of the range.
    range.Borders.LineStyle = XL.continuous;
    range.Borders.Weight = XL.thin;
    range.Borders.Color = bgr(BORDER_COLOR);
  }
  if (s.wrap) range.WrapText = true;
  if (s.hAlign) range.HorizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) range.VerticalAlignment = V_ALIGN[s.vAlign];
}

/** Runs the body with alerts (delete-sheet prompts) and screen updating off, restoring both. */
export function quietly<T>(app: WpsApplication, body: () => T): T {
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  try {
    if (alerts !== undefined) app.DisplayAlerts = false;
    if (screen !== undefined) app.ScreenUpdating = false;
    return body();
  } finally {
    if (alerts !== undefined) app.DisplayAlerts = alerts;
    if (screen !== undefined) app.ScreenUpdating = screen;
  }
}

function tableNames(wb: WpsWorkbook): Set<string> {
  const out = new Set<string>();
  for (const ws of sheetsOf(wb)) {
    const lo = ws.ListObjects;
    if (!lo) continue;
    for (let i = 1; i <= lo.Count; i++) out.add(lo.Item(i).Name.toLowerCase());
  }
  return out;
}

/** One sheet's content: values and formulas as one 2-D array, number formats and styles per rectangle, widths, merges, links. */
function fill(ws: WpsWorksheet, plan: SheetPlan, features: ReadonlySet<WpsFeature>): void {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  if (plan.rows.length > 0) {
    const inputs: Input[][] = plan.rows.map((row) => Array.from({ length: width }, (_, c) => cellInput(row[c])));
    ws.Range(`A1:${a1(plan.rows.length - 1, width - 1)}`).Formula = inputs;
    // Number formats: the object model takes one format per range, so equal formats are grouped into rectangles.
    const byFormat = plan.rows.map((row) => row.map((pc) => (pc.numberFormat !== undefined ? { value: null, style: `nf:${pc.numberFormat}` } : { value: null })));
    for (const rect of styleRects(byFormat, 0, plan.rows.length)) ws.Range(rectA1(rect)).NumberFormat = rect.key.slice(3);
    for (const rect of styleRects(plan.rows, 0, plan.rows.length)) {
      const style = plan.styles[rect.key];
      if (style) applyStyle(ws.Range(rectA1(rect)), style);
    }
  }
  plan.columnWidths.forEach((w, c) => {
    ws.Range(`${columnLetter(c)}:${columnLetter(c)}`).ColumnWidth = w;
  });
  for (const [r, h] of Object.entries(plan.rowHeights ?? {})) ws.Range(`${r}:${r}`).RowHeight = h;
  for (const m of plan.merges) ws.Range(m).Merge?.(false);
  if (features.has('hyperlinks') && ws.Hyperlinks) {
    plan.rows.forEach((row, r) =>
      row.forEach((pc, c) => {
        if (pc.link) ws.Hyperlinks?.Add(ws.Range(a1(r, c)), '', sheetReference(pc.link.sheet, pc.link.cell), '', String(pc.value ?? ''));
      }),
    );
  }
}

/** Summary sheets: add (or replace our earlier ones), fill, format, tag. Nothing is written into a workbook whose structure is protected. */
export function applyWpsSheetPlans(app: WpsApplication, wb: WpsWorkbook, plans: readonly SheetPlan[], features: ReadonlySet<WpsFeature>): WpsSheetPlansResult {
  const notes: WpsNote[] = [];
  if (plans.length === 0) return { sheets: [], notes };
  const applied: AppliedSheet[] = [];
  const written: string[] = [];
  let active: WpsWorksheet | null = null;
  try {
    // Inside the try: a failure reading any of these is a note, never a lost check.
    if (wb.ProtectStructure) return { sheets: [], notes: [{ key: 'wps.note.summariesProtected' }] };
    const names = features.has('names') ? wb.Names : undefined;
    if (!names) notes.push({ key: 'wps.note.namesUnsupported' });
    const tags = taggedSheets(wb);
    active = wb.ActiveSheet;
    quietly(app, () => {
      const taken = new Map(sheetsOf(wb).map((ws) => [ws.Name.toLowerCase(), ws.Name]));
      const tablesTaken = features.has('tables') ? tableNames(wb) : new Set<string>();
      for (const plan of plans) {
        const tagName = sheetTagName(plan.id);
        const tag = tags.get(tagName);
        let replaced = false;
        if (tag && taken.has(tag.sheet.toLowerCase())) {
          const previous = wb.Worksheets.Item(taken.get(tag.sheet.toLowerCase()) ?? tag.sheet);
          for (const t of tableNames1(previous)) tablesTaken.delete(t);
          previous.Delete();
          taken.delete(tag.sheet.toLowerCase());
          replaced = true;
        }
        if (tag && names) deleteName(wb, tagName);
        const name = uniqueSheetName(plan.name, taken.values());
        taken.set(name.toLowerCase(), name);
        if (name !== plan.name) notes.push({ key: 'excel.note.renamed', params: { wanted: plan.name, name } });
        const cut = overlongCells(plan.rows);
        if (cut.length > 0) notes.push({ key: 'excel.note.truncated', params: { sheet: name, count: cut.length, cells: cut.join(' '), mark: truncationMark() } });
        const last = wb.Worksheets.Item(wb.Worksheets.Count);
        const ws = wb.Worksheets.Add(undefined, last);
        ws.Name = name;
        written.push(name);
        fill(ws, plan, features);
        if (names) names.Add(tagName, `=${sheetReference(name, '$A$1')}`);
        if (plan.table && features.has('tables') && ws.ListObjects) {
          let table = plan.table.name;
          for (let n = 2; tablesTaken.has(table.toLowerCase()); n++) table = `${plan.table.name}${n}`;
          try {
            ws.ListObjects.Add(XL.srcRange, ws.Range(plan.table.range), undefined, XL.yes).Name = table;
            tablesTaken.add(table.toLowerCase());
            if (table !== plan.table.name) notes.push({ key: 'excel.note.tableRenamed', params: { wanted: plan.table.name, name: table } });
          } catch {
            notes.push({ key: 'wps.note.tableSkipped', params: { sheet: name } });
          }
        } else if (plan.table) notes.push({ key: 'wps.note.tableSkipped', params: { sheet: name } });
        if (plan.frozenRows > 0) {
          try {
            const win = app.ActiveWindow;
            if (!features.has('freeze') || !win) throw new Error('no window');
            ws.Activate();
            win.FreezePanes = false;
            win.SplitColumn = 0;
            win.SplitRow = plan.frozenRows;
            win.FreezePanes = true;
          } catch {
            notes.push({ key: 'wps.note.freezeSkipped', params: { sheet: name } });
          }
        }
        if (plan.charts && plan.charts.length > 0) {
          try {
            if (!canAddCharts(ws)) throw new Error('no chart API');
            for (const c of plan.charts) addWpsChart(ws, plan, c);
          } catch {
            notes.push({ key: 'wps.note.chartsSkipped', params: { sheet: name } });
          }
        }
        applied.push({ id: plan.id, wanted: plan.name, name, renamed: name !== plan.name, replaced });
      }
      // The page setup on its own: a printer-less machine may refuse it, and that costs the print settings only.
      try {
        if (!features.has('pageSetup')) throw new Error('no page setup');
        for (const plan of plans) {
          const a = applied.find((s) => s.id === plan.id);
          const ps = a ? wb.Worksheets.Item(a.name).PageSetup : undefined;
          if (!ps) throw new Error('no page setup');
          ps.Orientation = plan.print.orientation === 'landscape' ? XL.landscape : XL.portrait;
          ps.PaperSize = XL.paperA4;
          if (plan.print.fitToWidth) {
            ps.Zoom = false;
            ps.FitToPagesWide = 1;
            ps.FitToPagesTall = false;
          }
          const [first, lastRow] = plan.printTitleRows;
          if (first > 0 && lastRow >= first) ps.PrintTitleRows = `$${first}:$${lastRow}`;
          if (a) addWpsChartPageBreaks(wb.Worksheets.Item(a.name), chartPageBreaks(plan));
        }
      } catch {
        notes.push({ key: 'wps.note.pageSetupSkipped', params: { sheets: listParam(applied.map((s) => s.name)) } });
      }
    });
  } catch (e) {
    notes.push({ key: 'wps.note.summariesFailed', params: { sheets: listParam(written.length > 0 ? written : plans.map((p) => p.name)) }, cause: causeOf(e) });
  } finally {
    try {
      active?.Activate();
    } catch {
      /* the user's sheet is gone: nothing to restore */
    }
  }
  return { sheets: applied, notes };
}

function tableNames1(ws: WpsWorksheet): string[] {
  const lo = ws.ListObjects;
  if (!lo) return [];
  const out: string[] = [];
  for (let i = 1; i <= lo.Count; i++) out.push(lo.Item(i).Name.toLowerCase());
  return out;
}

function deleteName(wb: WpsWorkbook, name: string): void {
  const names = wb.Names;
  if (!names) return;
  for (let i = names.Count; i >= 1; i--) {
    const n = names.Item(i);
    if (n.Name === name) n.Delete();
  }
}

interface OurMark {
  readonly sheet: string;
  readonly cf: WpsFormatCondition;
}

interface MarkSurvey {
  readonly sheets: readonly WpsWorksheet[];
  readonly protectedSheets: ReadonlySet<string>;
  readonly ours: readonly OurMark[];
}

/** Our conditional formats in the whole workbook (recognised by their formula), and which sheets are protected. */
function surveyMarks(wb: WpsWorkbook): MarkSurvey {
  const sheets = sheetsOf(wb);
  const protectedSheets = new Set(sheets.filter((ws) => ws.ProtectContents).map((ws) => ws.Name));
  const ours: OurMark[] = [];
  for (const ws of sheets) {
    const cfs = ws.Cells.FormatConditions;
    if (!cfs) continue;
    // Last first, so that deleting in this order keeps the remaining indexes valid.
    for (let i = cfs.Count; i >= 1; i--) {
      const cf = cfs.Item(i);
      let formula = '';
      try {
        formula = String(cf.Formula1 ?? '');
      } catch {
        /* a rule without a formula (data bar, colour scale): not ours */
      }
      if (isOurMarkFormula(formula)) ours.push({ sheet: ws.Name, cf });
    }
  }
  return { sheets, protectedSheets, ours };
}

export interface WpsHighlightResult {
  readonly marked: number;
  readonly removed: number;
  readonly notes: readonly WpsNote[];
}

/** Mark the findings' cells (replacing our earlier marks); protected sheets are skipped with one note each. */
export function applyWpsHighlights(app: WpsApplication, wb: WpsWorkbook, plan: HighlightPlan, features: ReadonlySet<WpsFeature>): WpsHighlightResult {
  if (!features.has('formatConditions')) return { marked: 0, removed: 0, notes: [{ key: 'wps.note.marksUnsupported' }] };
  return quietly(app, () => {
    const survey = surveyMarks(wb);
    const notes: WpsNote[] = [];
    const skipped = new Set<string>();
    const present = new Map(survey.sheets.map((ws) => [ws.Name, ws]));
    const skip = (sheet: string): void => {
      if (skipped.has(sheet)) return;
      skipped.add(sheet);
      notes.push({ key: 'wps.note.marksSkippedProtected', params: { sheet } });
    };
    for (const m of plan.marks) if (survey.protectedSheets.has(m.sheet) && present.has(m.sheet)) skip(m.sheet);
    for (const m of survey.ours) if (survey.protectedSheets.has(m.sheet)) skip(m.sheet);
    let removed = 0;
    for (const m of survey.ours) {
      if (skipped.has(m.sheet)) continue;
      m.cf.Delete();
      removed++;
    }
    let marked = 0;
    for (const mark of plan.marks) {
      const ws = present.get(mark.sheet);
      if (!ws || skipped.has(mark.sheet)) continue;
      marked += mark.cells.length;
      for (const address of addressChunks(cellsToRects(mark.cells).map(rectA1))) {
        const cfs = ws.Range(address).FormatConditions;
        if (!cfs) throw new WpsAdapterError('unsupported', { feature: 'FormatConditions' });
        const cf = cfs.Add(XL.expression, undefined, `=${markFormula(mark.severity)}`);
        cf.Interior.Color = bgr(MARK_FILL[mark.severity]);
      }
    }
    return { marked, removed, notes };
  });
}

export interface WpsClearResult {
  readonly removed: number;
  readonly notes: readonly WpsNote[];
}

/** Remove every conditional format we added; the user's own stay; protected sheets keep theirs, with a note. */
export function clearWpsMarks(app: WpsApplication, wb: WpsWorkbook, features: ReadonlySet<WpsFeature>): WpsClearResult {
  if (!features.has('formatConditions')) return { removed: 0, notes: [{ key: 'wps.note.marksUnsupported' }] };
  return quietly(app, () => {
    const survey = surveyMarks(wb);
    const notes: WpsNote[] = [];
    const skipped = new Set<string>();
    let removed = 0;
    for (const m of survey.ours) {
      if (survey.protectedSheets.has(m.sheet)) {
        if (!skipped.has(m.sheet)) notes.push({ key: 'wps.note.clearSkippedProtected', params: { sheet: m.sheet } });
        skipped.add(m.sheet);
        continue;
      }
      m.cf.Delete();
      removed++;
    }
    return { removed, notes };
  });
}

/** Go to a cell: activate its sheet and select the cell. A hidden sheet is named in the message. */
export function selectWpsCell(wb: WpsWorkbook, sheet: string, cell: string): void {
  let ws: WpsWorksheet;
  try {
    ws = wb.Worksheets.Item(sheet);
  } catch (e) {
    throw new WpsAdapterError('not-found', {}, e instanceof Error ? e.message : undefined, { cause: e });
  }
  if (!(ws.Visible === -1 || ws.Visible === true)) throw new WpsAdapterError('hidden-sheet', { sheet });
  ws.Activate();
  ws.Range(cell).Select();
}
