/**
 * The xlsx adapter's writer: applies the core's plans to an exceljs workbook. Summary sheets are added
 * (or replace our own earlier ones, recognised by their defined-name tag); a user's sheet that carries one
 * of our names is never touched — we pick another name and say so. Highlights are conditional formats
 * recognisable by their formula, so `clear` removes exactly what we added.
 */
import type ExcelJS from 'exceljs';
import { taggedSheets } from './read';
import {
  type CellStyle,
  type HighlightPlan,
  isOurMarkFormula,
  MARK_FILL,
  markFormula,
  type PlanCell,
  SHEET_TAG_PREFIX,
  sheetTagName,
  taggedSheetOf,
  type AppliedSheet,
  fitCellText,
  type Lang,
  type SheetPlan,
  uniqueSheetName,
  chartPageBreaks,
} from '../core';


export type { AppliedSheet } from '../core';

/**
 * exceljs cannot write charts: the plans with charts applied to a workbook, by plan id, for `workbookBytes`
 * to add with the package writer's chart code once exceljs has written the file.
 */
const pendingCharts = new WeakMap<ExcelJS.Workbook, Map<string, { name: string; plan: SheetPlan; lang: Lang }>>();

/** The summary sheets of `wb` whose plans have charts still to add to the written file. */
export function plannedCharts(wb: ExcelJS.Workbook): { name: string; plan: SheetPlan; lang: Lang }[] {
  return [...(pendingCharts.get(wb)?.values() ?? [])].filter((c) => wb.getWorksheet(c.name) !== undefined);
}

type DefinedNames = {
  model: { name: string; ranges: string[] }[];
  add(location: string, name: string): void;
  remove(location: string, name: string): void;
  removeAllNames?(name: string): void;
};

function definedNames(wb: ExcelJS.Workbook): DefinedNames {
  return (wb as unknown as { definedNames: DefinedNames }).definedNames;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function untag(wb: ExcelJS.Workbook, id: string): void {
  const names = definedNames(wb);
  // Our tag under its legal name, and under the raw id earlier versions wrote.
  for (const tag of new Set([sheetTagName(id), SHEET_TAG_PREFIX + id])) {
    for (const n of [...names.model]) {
      if (n.name !== tag) continue;
      for (const r of n.ranges) names.remove(r, tag);
    }
  }
}

function argb(hex: string): { argb: string } {
  return { argb: `FF${hex.toUpperCase()}` };
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle | undefined): void {
  if (!s) return;
  const font: Partial<ExcelJS.Font> = { name: '宋体', size: s.fontSize ?? 11 };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = argb(s.fontColor);
  cell.font = font;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(s.fill), bgColor: argb(s.fill) };
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap) alignment.wrapText = true;
  if (s.hAlign) alignment.horizontal = s.hAlign;
  if (s.vAlign) alignment.vertical = s.vAlign;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
}

function writeCell(cell: ExcelJS.Cell, pc: PlanCell, plan: SheetPlan, lang: Lang): void {
  if (pc.formula !== undefined) {
    const result = pc.value === null ? undefined : pc.value;
    cell.value = { formula: pc.formula, ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
  } else if (pc.link) {
    cell.value = { text: fitCellText(String(pc.value ?? ''), lang), hyperlink: `#${quoteSheet(pc.link.sheet)}!${pc.link.cell}` };
  } else {
    // Strings are written as strings: exceljs never turns `=…` text into a formula.
    cell.value = typeof pc.value === 'string' ? fitCellText(pc.value, lang) : pc.value;
  }
  if (pc.numberFormat) cell.numFmt = pc.numberFormat;
  applyStyle(cell, pc.style ? plan.styles[pc.style] : undefined);
}

/** Add (or replace our earlier) summary sheet; text past Excel's cell limit is cut with the mark in `lang`. */
export function applySheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan, lang: Lang = 'zh-CN'): AppliedSheet {
  const tagged = taggedSheets(wb);
  const previous = taggedSheetOf(tagged, plan.id);
  let replaced = false;
  if (previous !== undefined) {
    const old = wb.getWorksheet(previous);
    if (old) {
      wb.removeWorksheet(old.id);
      replaced = true;
    }
    untag(wb, plan.id);
  }
  const name = uniqueSheetName(plan.name, wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: plan.frozenRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${plan.printTitleRows[0]}:${plan.printTitleRows[1]}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  plan.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [r, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
  plan.rows.forEach((row, r) => {
    row.forEach((pc, c) => {
      if (pc.value === null && pc.formula === undefined && !pc.style) return;
      writeCell(ws.getCell(r + 1, c + 1), pc, plan, lang);
    });
  });
  for (const m of plan.merges) ws.mergeCells(m);
  if (plan.table) ws.autoFilter = plan.table.range;
  // Each chart prints whole from the top of a page (the break goes under the row above its anchor).
  for (const r of chartPageBreaks(plan)) ws.getRow(r - 1).addPageBreak();
  const pending = pendingCharts.get(wb) ?? new Map<string, { name: string; plan: SheetPlan; lang: Lang }>();
  if (plan.charts && plan.charts.length > 0) pending.set(plan.id, { name, plan, lang });
  else pending.delete(plan.id);
  pendingCharts.set(wb, pending);
  definedNames(wb).add(`${quoteSheet(name)}!$A$1`, sheetTagName(plan.id));
  return { id: plan.id, wanted: plan.name, name, renamed: name !== plan.name, replaced };
}

export function applySheetPlans(wb: ExcelJS.Workbook, plans: readonly SheetPlan[], lang: Lang = 'zh-CN'): AppliedSheet[] {
  return plans.map((p) => applySheetPlan(wb, p, lang));
}

type CfRule = { type?: string; formulae?: unknown[] };
type CfEntry = { ref: string; rules: CfRule[] };

function conditionalFormattings(ws: ExcelJS.Worksheet): CfEntry[] {
  const model = ws as unknown as { conditionalFormattings?: CfEntry[] };
  return model.conditionalFormattings ?? [];
}

/** Remove every conditional format we added (recognised by its formula); leave the user's own alone. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  let removed = 0;
  for (const ws of wb.worksheets) {
    const list = conditionalFormattings(ws);
    const keep = list.filter((cf) => !cf.rules.some((r) => (r.formulae ?? []).some((f) => typeof f === 'string' && isOurMarkFormula(f))));
    removed += list.length - keep.length;
    (ws as unknown as { conditionalFormattings: CfEntry[] }).conditionalFormattings = keep;
  }
  return removed;
}

/** Mark the findings' cells: one conditional format per sheet and severity. Re-marking replaces our earlier marks. */
export function applyHighlights(wb: ExcelJS.Workbook, plan: HighlightPlan): number {
  clearMarks(wb);
  let count = 0;
  for (const mark of plan.marks) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    ws.addConditionalFormatting({
      ref: mark.cells.join(' '),
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [markFormula(mark.severity)],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(MARK_FILL[mark.severity]) } },
        },
      ],
    });
    count += mark.cells.length;
  }
  return count;
}
