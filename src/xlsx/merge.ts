/**
 * exceljs side of consolidation and comparison: writes the core's merged sheets into a new workbook
 * (values, SUM formulas, number formats, merged areas, and each cell's style, column widths and row
 * heights copied from the cell it came from), and turns ⟦…⟧-marked spans into coloured rich text.
 */
import ExcelJS from 'exceljs';
import { fitCellText, uniqueSheetName, isErrorValue, type Lang, type MergedSheet, splitMarked } from '../core';

function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

/**
 * Write the merged sheets into a new workbook, styled like the sheets they came from. The core has named
 * them (legal, unique); text past Excel's cell limit is cut with the mark in `lang`.
 */
export function writeMergedWorkbook(merged: readonly MergedSheet[], sources: readonly (ExcelJS.Workbook | undefined)[], lang: Lang = 'zh-CN'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Annex Auditor 附件审核助手';
  const srcSheet = (source: number, sheet: string) => sources[source]?.getWorksheet(sheet);
  for (const m of merged) {
    const layout = srcSheet(m.layout.source, m.layout.sheet);
    const frozen = m.provenanceCol !== null ? m.headerRows[1] + 1 : 0;
    const ws = wb.addWorksheet(uniqueSheetName(m.grid.name, wb.worksheets.map((w) => w.name)), {
      ...(frozen > 0 ? { views: [{ state: 'frozen' as const, ySplit: frozen, xSplit: 0 }] } : {}),
      ...(layout ? { pageSetup: clone({ ...layout.pageSetup, printArea: undefined }) } : {}),
    });
    const width = Math.max(0, ...m.grid.values.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const w = c === m.provenanceCol ? 24 : layout?.getColumn(c + 1).width;
      if (w !== undefined) ws.getColumn(c + 1).width = w;
    }
    m.grid.values.forEach((row, r) => {
      const ro = m.rowOrigins[r];
      const height = ro ? srcSheet(ro.source, ro.sheet)?.getRow(ro.row + 1).height : undefined;
      if (height !== undefined) ws.getRow(r + 1).height = height;
      row.forEach((v, c) => {
        const f = m.grid.formulas?.[r]?.[c] ?? null;
        const origin = m.origins[r]?.[c] ?? null;
        if (v === null && f === null && origin === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (origin) {
          const from = srcSheet(origin.source, origin.sheet)?.getCell(origin.row + 1, origin.col + 1);
          if (from) cell.style = clone(from.style);
        }
        if (f !== null) cell.value = { formula: f, ...(v !== null && !isErrorValue(v) ? { result: v } : {}) } as ExcelJS.CellFormulaValue;
        else if (isErrorValue(v)) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
        else cell.value = typeof v === 'string' ? fitCellText(v, lang) : v;
        const fmt = m.grid.numberFormats?.[r]?.[c] ?? null;
        if (fmt !== null) cell.numFmt = fmt;
      });
    });
    for (const a of m.grid.merges) ws.mergeCells(a.top + 1, a.left + 1, a.bottom + 1, a.right + 1);
  }
  return wb;
}

const MARK_COLOR = 'FFC00000';

/** Cells whose text carries ⟦…⟧ marks (in the given 0-based columns) become rich text with the marked spans red and bold. */
export function applyMarkedRichText(ws: ExcelJS.Worksheet, columns: readonly number[], lang: Lang = 'zh-CN'): number {
  let count = 0;
  ws.eachRow((row) => {
    for (const c of columns) {
      const cell = row.getCell(c + 1);
      const v0 = cell.value;
      if (typeof v0 !== 'string' || !v0.includes('⟦')) continue;
      const v = fitCellText(v0, lang);
      const base: Partial<ExcelJS.Font> = { name: cell.font?.name ?? '宋体', size: cell.font?.size ?? 11 };
      cell.value = {
        richText: splitMarked(v).map((run) =>
          run.marked ? { text: run.text, font: { ...base, bold: true, color: { argb: MARK_COLOR } } } : { text: run.text, font: { ...base } },
        ),
      };
      count++;
    }
  });
  return count;
}
