/// <reference types="office-js" />
/**
 * The Office.js adapter's public surface: one Excel.run per user action, feature-detected, under a
 * timeout, failures as ExcelAdapterError with catalogue messages.
 */
import { type Audit, auditSubmission, buildSummaryPlans, type Grid, highlightPlan, type Lang } from '../core';
import { ExcelAdapterError } from './errors';
import type { ExcelNote } from './messages';
import { readWorkbookGrids } from './read';
import { checkRequirements, requirementOf } from './requirements';
import { type RunOptions, runExcel } from './run';
import { type AppliedSheet, applyHighlights, applySheetPlans, clearMarks, selectRange } from './write';

export { ExcelAdapterError, isExcelAdapterError, type ExcelProblem } from './errors';
export { EXCEL_MESSAGES, excelText, type ExcelMessageKey, type ExcelNote } from './messages';
export { checkRequirements, type ExcelFeature, type MissingFeature, type Requirements } from './requirements';
export { runExcel, DEFAULT_TIMEOUT_MS, type RunOptions } from './run';
export { readWorkbookGrids } from './read';
export { loadDocumentSettings, saveDocumentSettings } from './settings';
export { applySheetPlans, applyHighlights, clearMarks, type AppliedSheet, type HighlightResult, type SheetPlansResult } from './write';

export interface CheckOptions extends RunOptions {
  /** Settings for the audit (validated by the core). */
  readonly settings?: unknown;
}

export interface CheckResult {
  readonly audit: Audit;
  readonly grids: readonly Grid[];
  readonly notes: readonly ExcelNote[];
}

function requireCore(): ReturnType<typeof checkRequirements> {
  if (typeof Excel === 'undefined') throw new ExcelAdapterError('not-in-excel');
  const req = checkRequirements();
  if (!req.supported.has('core')) throw new ExcelAdapterError('unsupported', { feature: requirementOf('core') });
  return req;
}

/** Read every sheet of the open workbook and audit it (template findings included, as the CLI reports them). */
export async function checkWorkbook(options: CheckOptions = {}): Promise<CheckResult> {
  const req = requireCore();
  const notes: ExcelNote[] = req.supported.has('mergedAreas') ? [] : [{ key: 'excel.req.mergedAreas' }];
  const grids = await runExcel((context) => readWorkbookGrids(context, { mergedAreas: req.supported.has('mergedAreas') }), options);
  return { audit: auditSubmission(grids, options.settings), grids, notes };
}

export interface ActionOptions extends CheckOptions {
  readonly lang?: Lang;
  /** Called as the action moves from reading the workbook to writing into it (for progress in the pane). */
  readonly onPhase?: (phase: 'reading' | 'writing') => void;
}

/**
 * One user action, one Excel.run: read and audit the workbook, optionally write the summary sheets, then
 * mark the findings (replacing our earlier marks). Used by 校验 / 重算汇总 in the pane and 一键重算 on the ribbon.
 */
export async function checkAndMark(
  options: ActionOptions & { readonly summaries?: boolean } = {},
): Promise<{ audit: Audit; sheets: readonly AppliedSheet[]; notes: readonly ExcelNote[] }> {
  const req = requireCore();
  const features = req.supported;
  return runExcel(async (context) => {
    options.onPhase?.('reading');
    const grids = await readWorkbookGrids(context, { mergedAreas: features.has('mergedAreas') });
    const audit = auditSubmission(grids, options.settings);
    options.onPhase?.('writing');
    const notes: ExcelNote[] = [];
    let sheets: readonly AppliedSheet[] = [];
    if (options.summaries) {
      const written = await applySheetPlans(context, buildSummaryPlans(audit, options.lang ?? 'zh-CN'), { features });
      sheets = written.sheets;
      notes.push(...written.notes);
    }
    await applyHighlights(context, highlightPlan(audit, audit.sheets.map((s) => s.name)), { features });
    if (!features.has('multiArea')) notes.push({ key: 'excel.req.multiArea' });
    return { audit, sheets, notes };
  }, options);
}

export interface WriteSummariesOptions extends RunOptions {
  readonly lang?: Lang;
}

/** Add (or replace our earlier) summary sheets to the open workbook. */
export async function writeSummaries(audit: Audit, options: WriteSummariesOptions = {}): Promise<{ sheets: readonly AppliedSheet[]; notes: readonly ExcelNote[] }> {
  const req = requireCore();
  const plans = buildSummaryPlans(audit, options.lang ?? 'zh-CN');
  return runExcel((context) => applySheetPlans(context, plans, { features: req.supported }), options);
}

/** Mark the findings' cells with removable conditional formats (replacing our earlier marks). */
export async function markFindings(audit: Audit, options: RunOptions = {}): Promise<{ marked: number; removed: number; notes: readonly ExcelNote[] }> {
  const req = requireCore();
  const plan = highlightPlan(
    audit,
    audit.sheets.map((s) => s.name),
  );
  const notes: ExcelNote[] = req.supported.has('multiArea') ? [] : [{ key: 'excel.req.multiArea' }];
  const result = await runExcel((context) => applyHighlights(context, plan, { features: req.supported }), options);
  return { ...result, notes };
}

/** Remove every mark we added; the user's own conditional formats stay. */
export async function clearFindingMarks(options: RunOptions = {}): Promise<{ removed: number }> {
  const req = requireCore();
  const removed = await runExcel((context) => clearMarks(context, { features: req.supported }), options);
  return { removed };
}

/** Jump to a finding's cell. */
export async function selectCell(sheet: string, cell: string, options: RunOptions = {}): Promise<void> {
  requireCore();
  await runExcel((context) => selectRange(context, sheet, cell), options);
}
