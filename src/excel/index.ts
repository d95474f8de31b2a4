/// <reference types="office-js" />
/**
 * The Office.js adapter's public surface: one Excel.run per user action, feature-detected, under a
 * timeout, failures as ExcelAdapterError with catalogue messages.
 */
import { type Audit, auditSubmission, buildSummaryPlans, type Grid, highlightPlan, type Lang, listParam } from '../core';
import { noteOf } from '../hosts/errors';
import { ExcelAdapterError, isExcelAdapterError, toExcelAdapterError } from './errors';
import type { ExcelNote } from './messages';
import { readWorkbook } from './read';
import { checkRequirements, requirementOf } from './requirements';
import { type RunOptions, runExcel } from './run';
import { type AppliedSheet, applyHighlights, applySheetPlans, clearMarks, selectRange } from './write';

export { ExcelAdapterError, isExcelAdapterError, type ExcelProblem } from './errors';
export { EXCEL_MESSAGES, excelText, renderExcelNote, type ExcelMessageKey, type ExcelNote } from './messages';
export { checkRequirements, MANIFEST_EXCEL_API, type ExcelFeature, type MissingFeature, type Requirements } from './requirements';
export { runExcel, DEFAULT_TIMEOUT_MS, type RunOptions } from './run';
export { readWorkbook, readWorkbookGrids } from './read';
export { loadDocumentSettings, saveDocumentSettings } from './settings';
export { describeHost, renderSelfTest, runSelfTest, webviewOf, type RenderedSelfTest, type SelfTestLine, type SelfTestReport } from './selfTest';
export { auditThenWrite, canCreateWorkbook, createWorkbookFrom, writeSheetPlans, CREATE_WORKBOOK_API, type PlansWritten } from './workbooks';
export { applySheetPlans, applyHighlights, clearMarks, type AppliedSheet, type ClearResult, type HighlightResult, type SheetPlansResult } from './write';

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

function requirementNotes(req: ReturnType<typeof checkRequirements>): ExcelNote[] {
  return req.supported.has('mergedAreas') ? [] : [{ key: 'excel.req.mergedAreas' }];
}

/** Read every sheet of the open workbook and audit it (template findings included, as the CLI reports them). */
export async function checkWorkbook(options: CheckOptions = {}): Promise<CheckResult> {
  const req = requireCore();
  const read = await runExcel((context) => readWorkbook(context, { mergedAreas: req.supported.has('mergedAreas') }), options);
  return { audit: auditSubmission(read.grids, options.settings), grids: read.grids, notes: [...requirementNotes(req), ...read.notes] };
}

export interface ActionOptions extends CheckOptions {
  readonly lang?: Lang;
  /** Called as the action moves from reading the workbook to writing into it (for progress in the pane). */
  readonly onPhase?: (phase: 'reading' | 'writing') => void;
}

export interface CheckAndMarkResult {
  readonly audit: Audit;
  readonly sheets: readonly AppliedSheet[];
  /** Everything the user should know: what was skipped, degraded, renamed or left unfinished. */
  readonly notes: readonly ExcelNote[];
}

/** A failed write step as a note that names what changed; the reason is the catalogue message of the failure. */
function causeOf(e: unknown): ExcelNote {
  return noteOf(toExcelAdapterError(e));
}

/**
 * One user action, one Excel.run: read and audit the workbook, optionally write the summary sheets, then
 * mark the findings (replacing our earlier marks). Used by 校验 / 重算汇总 in the pane and 一键重算 on the ribbon.
 *
 * Checking never depends on writing: once the audit is made it is returned, whatever happens to the writes.
 * A protected sheet or one whose conditional formats Excel cannot read is not marked (one note each);
 * summaries are written only where allowed; a write that fails or times out becomes a note that says what
 * changed. Only a failure while reading (before there is an audit) rejects.
 */
export async function checkAndMark(options: ActionOptions & { readonly summaries?: boolean } = {}): Promise<CheckAndMarkResult> {
  const req = requireCore();
  const features = req.supported;
  let audit: Audit | null = null;
  const notes: ExcelNote[] = requirementNotes(req);
  let sheets: readonly AppliedSheet[] = [];
  const progress = { sent: false, created: [] as string[] };
  let plannedNames: string[] = [];
  let summariesDone = !options.summaries;
  const summaryFailure = (e: unknown): ExcelNote =>
    progress.sent
      ? { key: 'excel.note.summariesPartial', params: { sheets: listParam(progress.created.length > 0 ? progress.created : plannedNames) }, cause: causeOf(e) }
      : { key: 'excel.note.summariesFailed', cause: causeOf(e) };
  try {
    return await runExcel(async (context) => {
      options.onPhase?.('reading');
      const read = await readWorkbook(context, { mergedAreas: features.has('mergedAreas') });
      notes.push(...read.notes);
      audit = auditSubmission(read.grids, options.settings);
      options.onPhase?.('writing');
      if (options.summaries) {
        const plans = buildSummaryPlans(audit, options.lang ?? 'zh-CN');
        plannedNames = plans.map((p) => p.name);
        try {
          const written = await applySheetPlans(context, plans, { progress });
          sheets = written.sheets;
          notes.push(...written.notes);
        } catch (e) {
          if (isExcelAdapterError(e) && (e.problem === 'timeout' || e.problem === 'busy')) throw e;
          notes.push(summaryFailure(e));
        }
        summariesDone = true;
      }
      try {
        const marked = await applyHighlights(context, highlightPlan(audit, audit.sheets.map((s) => s.name)));
        notes.push(...marked.notes);
      } catch (e) {
        if (isExcelAdapterError(e) && (e.problem === 'timeout' || e.problem === 'busy')) throw e;
        notes.push({ key: 'excel.note.marksFailed', cause: causeOf(e) });
      }
      return { audit, sheets, notes };
    }, options);
  } catch (e) {
    // The audit exists: the user gets the findings, and a note on what the writes did.
    const done: Audit | null = audit;
    if (done === null) throw e;
    const err = toExcelAdapterError(e);
    if (err.problem === 'timeout' || err.problem === 'busy') notes.push({ key: 'excel.note.writeTimedOut', params: { seconds: err.params['seconds'] ?? '' } });
    else if (!summariesDone) notes.push(summaryFailure(e));
    else notes.push({ key: 'excel.note.marksFailed', cause: causeOf(e) });
    return { audit: done, sheets: summariesDone ? sheets : [], notes };
  }
}

export interface WriteSummariesOptions extends RunOptions {
  readonly lang?: Lang;
}

/** Add (or replace our earlier) summary sheets to the open workbook. */
export async function writeSummaries(audit: Audit, options: WriteSummariesOptions = {}): Promise<{ sheets: readonly AppliedSheet[]; notes: readonly ExcelNote[] }> {
  requireCore();
  const plans = buildSummaryPlans(audit, options.lang ?? 'zh-CN');
  return runExcel((context) => applySheetPlans(context, plans), options);
}

/** Mark the findings' cells with removable conditional formats (replacing our earlier marks). */
export async function markFindings(audit: Audit, options: RunOptions = {}): Promise<{ marked: number; removed: number; notes: readonly ExcelNote[] }> {
  requireCore();
  const plan = highlightPlan(
    audit,
    audit.sheets.map((s) => s.name),
  );
  return runExcel((context) => applyHighlights(context, plan), options);
}

/** Remove every mark we added; the user's own conditional formats stay. Marks on protected sheets stay, with a note. */
export async function clearFindingMarks(options: RunOptions = {}): Promise<{ removed: number; notes: readonly ExcelNote[] }> {
  requireCore();
  return runExcel((context) => clearMarks(context), options);
}

/** Jump to a finding's cell. */
export async function selectCell(sheet: string, cell: string, options: RunOptions = {}): Promise<void> {
  requireCore();
  await runExcel((context) => selectRange(context, sheet, cell), options);
}
