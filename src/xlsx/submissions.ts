/**
 * New workbooks for colleagues' submissions, in exceljs, shared by the CLI (`template`, `merge`) and the
 * pane (both modes, loaded on demand): a template as bytes, the merged workbook (merged annexes, then the
 * normal audit of what was written and the summary sheets), and a workbook holding one or more plans.
 */
import ExcelJS from 'exceljs';
import {
  type Audit,
  buildSummaryPlans,
  type Lang,
  overlongCells,
  type Settings,
  type SheetPlan,
  type MergeResult,
  type MergeSource,
  mergeSubmissions,
  auditMerge,
  type TemplateRequest,
  type TemplateWorkbook,
  templateWorkbook,
} from '../core';
import { withoutMarkerSheet } from './files';
import type { OpenedWorkbook } from './open';
import { loadWorkbook, workbookToGrids } from './read';
import { buildTemplateWorkbook } from './template';
import { type AppliedSheet, applySheetPlans, plannedCharts } from './write';
import { WorkbookPackage } from './ooxml/package';
import { writeMergedWorkbook } from './merge';

/**
 * A workbook's .xlsx bytes; Excel recalculates everything on open (our formulas carry results anyway). The
 * summary sheets' charts, which exceljs cannot write, are added to its file by the package writer.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  (wb as unknown as { calcProperties: { fullCalcOnLoad?: boolean } }).calcProperties.fullCalcOnLoad = true;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const charts = plannedCharts(wb);
  if (charts.length === 0) return bytes;
  const pkg = WorkbookPackage.open(bytes, 'workbook.xlsx');
  for (const c of charts) pkg.addPlanCharts(c.name, c.plan, c.lang);
  return pkg.toBytes();
}

/** The template workbook for `requests` (kinds or bundles of one profile) and its plan. */
export async function templateFile(requests: readonly TemplateRequest[], options: { year: number; lang: Lang; rows?: number }): Promise<{ plan: TemplateWorkbook; workbook: ExcelJS.Workbook }> {
  const plan = templateWorkbook(requests, options);
  return { plan, workbook: await buildTemplateWorkbook(plan) };
}

/** A new workbook holding these plans (the 报送情况 sheet, a 版本比较 sheet for a non-.xlsx source). */
export function planWorkbook(plans: readonly SheetPlan[], lang: Lang = 'zh-CN'): { workbook: ExcelJS.Workbook; applied: AppliedSheet[] } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Annex Auditor 附件审核助手';
  return { workbook, applied: applySheetPlans(workbook, plans, lang) };
}

export interface MergeInput {
  /** The name in the provenance column. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly opened: OpenedWorkbook;
}

export interface MergedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly merged: MergeResult;
  /** The audit of what was written, with the merge's own findings (duplicates, conflicts). */
  readonly audit: Audit;
  readonly summaries: readonly AppliedSheet[];
  /** Cells whose text was longer than Excel allows and was cut (with a visible mark), by sheet. */
  readonly overlong: readonly { readonly sheet: string; readonly cells: readonly string[] }[];
}

/**
 * Merge the inputs into a new workbook styled like its sources, check what is really in it (write, read
 * back, audit) and add the summary sheets. Null when no input has an annex that can be merged.
 */
export async function mergeToWorkbook(inputs: readonly MergeInput[], settings: Settings, lang: Lang, out = 'merged.xlsx'): Promise<MergedWorkbook | null> {
  const sources: MergeSource[] = inputs.map((i) => ({ file: i.name, grids: withoutMarkerSheet(i.opened.grids) }));
  // Styles (widths, fonts, borders) are copied from .xlsx sources; other formats give values and merges only.
  const styleSources: (ExcelJS.Workbook | undefined)[] = [];
  for (const i of inputs) styleSources.push(i.opened.format === 'xlsx' || i.opened.format === 'xlsm' ? await loadWorkbook(i.bytes, i.name).catch(() => undefined) : undefined);
  const merged = mergeSubmissions(sources, settings);
  if (merged.sheets.length === 0) return null;
  const draft = writeMergedWorkbook(merged.sheets, styleSources, lang);
  const workbook = await loadWorkbook(new Uint8Array((await draft.xlsx.writeBuffer()) as ArrayBuffer), out);
  const grids = workbookToGrids(workbook);
  const audit = auditMerge(grids, merged, settings);
  const plans = buildSummaryPlans(audit, lang);
  const summaries = applySheetPlans(workbook, plans, lang);
  const overlong = [
    ...merged.sheets.map((m) => ({ sheet: m.grid.name, cells: overlongCells(m.grid.values) })),
    ...plans.map((p, i) => ({ sheet: summaries[i]?.name ?? p.name, cells: overlongCells(p.rows) })),
  ].filter((o) => o.cells.length > 0);
  return { workbook, merged, audit, summaries, overlong };
}
