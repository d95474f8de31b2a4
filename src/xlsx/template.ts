/**
 * Templates in exceljs: writes a core `TemplateWorkbook` (layout via the ordinary plan writer, then data
 * validation with input messages, unlocked data cells and sheet protection without a password), and the
 * hidden template marker: a very hidden sheet `AnnexAuditTemplate` whose A1 holds `kind@version`, pointed
 * at by the workbook-level defined name `AnnexAuditTemplate`. `readTemplateMarker` reads it back.
 */
import ExcelJS from 'exceljs';
import { sheetTagName, TEMPLATE_MARKER_NAME, type TemplatePlan, type TemplateWorkbook } from '../core';
import { applySheetPlan } from './write';

type DefinedNames = {
  model: { name: string; ranges: string[] }[];
  add(location: string, name: string): void;
  remove(location: string, name: string): void;
};

function definedNames(wb: ExcelJS.Workbook): DefinedNames {
  return (wb as unknown as { definedNames: DefinedNames }).definedNames;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** exceljs keeps range validations in `worksheet.dataValidations` (not in its type declarations). */
function dataValidations(ws: ExcelJS.Worksheet): { add(range: string, rule: object): void } {
  return (ws as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
}

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [a, b] = range.split(':');
  const from = ws.getCell(a ?? 'A1');
  const to = ws.getCell(b ?? a ?? 'A1');
  for (let r = Number(from.row); r <= Number(to.row); r++) {
    for (let c = Number(from.col); c <= Number(to.col); c++) fn(ws.getCell(r, c));
  }
}

async function applyTemplateSheet(wb: ExcelJS.Workbook, plan: TemplatePlan): Promise<ExcelJS.Worksheet> {
  const applied = applySheetPlan(wb, plan.sheet);
  // A template sheet is the user's, not one of our summary sheets: drop the summary tag.
  definedNames(wb).remove(`${quoteSheet(applied.name)}!$A$1`, sheetTagName(plan.sheet.id));
  const ws = wb.getWorksheet(applied.name);
  if (!ws) throw new Error(`template sheet ${applied.name} was not created`);

  for (const range of plan.editable) {
    forEachCell(ws, range, (cell) => {
      cell.protection = { locked: false };
    });
  }
  for (const v of plan.validations) {
    const base = { allowBlank: v.allowBlank, showInputMessage: true, promptTitle: v.promptTitle, prompt: v.prompt };
    const rule =
      v.type === 'none'
        ? // An input message only. `none` (not exceljs's `any`) so that allowBlank is written too:
          // LibreOffice's "mark invalid data" otherwise circles every blank cell.
          { type: 'none', ...base }
        : {
            type: v.type,
            ...(v.operator ? { operator: v.operator } : {}),
            formulae: [...v.formulae],
            ...base,
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: v.errorTitle ?? '',
            error: v.error ?? '',
          };
    dataValidations(ws).add(v.range, rule);
  }
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
  return ws;
}

/** Stamp a workbook with the template marker (very hidden sheet + defined name). */
export function writeTemplateMarker(wb: ExcelJS.Workbook, marker: string): void {
  const old = wb.getWorksheet(TEMPLATE_MARKER_NAME);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(TEMPLATE_MARKER_NAME, { state: 'veryHidden' });
  ws.getCell('A1').value = marker;
  ws.getCell('A2').value = '附件审核助手模板标识（模板类型@版本），请勿修改。Annex Auditor template marker (kind@version); do not edit.';
  const names = definedNames(wb);
  for (const n of names.model.filter((x) => x.name === TEMPLATE_MARKER_NAME)) for (const r of n.ranges) names.remove(r, TEMPLATE_MARKER_NAME);
  names.add(`${quoteSheet(TEMPLATE_MARKER_NAME)}!$A$1`, TEMPLATE_MARKER_NAME);
}

/** A new workbook holding the templates, protected, validated and marked. */
export async function buildTemplateWorkbook(plan: TemplateWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Annex Auditor 附件审核助手';
  for (const sheet of plan.sheets) await applyTemplateSheet(wb, sheet);
  writeTemplateMarker(wb, plan.marker);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

function cellString(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v && v.result !== undefined && v.result !== null) return String(v.result as unknown);
  return null;
}

/** The template marker text, or null when the workbook was not made from one of our templates. */
export function readTemplateMarker(wb: ExcelJS.Workbook): string | null {
  const named = definedNames(wb).model.find((n) => n.name === TEMPLATE_MARKER_NAME);
  const range = named?.ranges[0];
  if (range) {
    const m = /^'?(.*?)'?!\$?([A-Z]{1,3})\$?(\d+)/.exec(range);
    const ws = m?.[1] !== undefined ? wb.getWorksheet(m[1].replace(/''/g, "'")) : undefined;
    if (ws && m?.[2] && m[3]) {
      const text = cellString(ws.getCell(`${m[2]}${m[3]}`).value);
      if (text !== null) return text.trim();
    }
  }
  const sheet = wb.getWorksheet(TEMPLATE_MARKER_NAME);
  const text = sheet ? cellString(sheet.getCell('A1').value) : null;
  return text === null ? null : text.trim();
}

export { withoutMarkerSheet } from './files';
