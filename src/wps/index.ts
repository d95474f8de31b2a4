/**
 * The WPS 表格 adapter's public surface (WPS加载项, the synchronous ET object model). The only code that touches
 * WPS's `Application`. Every action reads the workbook in bulk into the core's Grid[], audits it, and applies the
 * same plans as the other adapters; failures leave as WpsAdapterError with catalogue messages, and what a WPS
 * build lacks degrades with a note.
 */
import { type Audit, auditSubmission, buildSummaryPlans, type Lang } from '../core';
import { highlightPlan } from '../core/plans/highlight';
import type { AppliedSheet } from '../core/plans/types';
import { causeOf, toWpsAdapterError, WpsAdapterError, type WpsNote } from './errors';
import { wpsApplication, wpsFeatures, type WpsFeature } from './host';
import type { WpsApplication, WpsWorkbook } from './model';
import { readWpsWorkbook } from './read';
import { applyWpsHighlights, applyWpsSheetPlans, clearWpsMarks, selectWpsCell } from './write';

export { isWpsAdapterError, renderWpsNote, toWpsAdapterError, WpsAdapterError, type WpsNote, type WpsProblem } from './errors';
export { isVisible, sheetsOf, wpsApplication, wpsFeatures, type WpsFeature } from './host';
export type { WpsApplication, WpsWorkbook, WpsWorksheet } from './model';
export { readWpsWorkbook } from './read';
export { applyWpsHighlights, applyWpsSheetPlans, clearWpsMarks, selectWpsCell } from './write';
export { renderWpsSelfTest, runWpsSelfTest, type WpsSelfTestReport } from './selfTest';

export interface WpsContext {
  readonly app: WpsApplication;
  readonly wb: WpsWorkbook;
  readonly features: ReadonlySet<WpsFeature>;
}

/** The application, its active workbook and what this build offers; throws (with a catalogue message) outside WPS or without a workbook. */
export function wpsContext(app: WpsApplication | null = wpsApplication()): WpsContext {
  if (!app) throw new WpsAdapterError('not-in-wps');
  let wb: WpsWorkbook | null;
  try {
    wb = app.ActiveWorkbook;
  } catch (e) {
    throw toWpsAdapterError(e);
  }
  if (!wb) throw new WpsAdapterError('no-workbook');
  let first = null;
  try {
    first = wb.Worksheets.Count > 0 ? wb.Worksheets.Item(1) : null;
  } catch (e) {
    throw toWpsAdapterError(e);
  }
  return { app, wb, features: wpsFeatures(app, wb, first) };
}

function attempt<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toWpsAdapterError(e);
  }
}

export interface WpsActionOptions {
  readonly settings?: unknown;
  readonly lang?: Lang;
  readonly summaries?: boolean;
  readonly onPhase?: (phase: 'reading' | 'writing') => void;
  /** The application (tests, the ribbon); by default the page's WPS globals. */
  readonly app?: WpsApplication | null;
}

export interface WpsCheckResult {
  readonly audit: Audit;
  readonly sheets: readonly AppliedSheet[];
  readonly notes: readonly WpsNote[];
}

/**
 * One user action: read and audit the workbook, optionally write the summary sheets, then mark the findings
 * (replacing our earlier marks). Checking never depends on writing: once the audit is made it is returned, and a
 * write that fails becomes a note. Only a failure while reading rejects.
 */
export async function checkAndMarkWps(options: WpsActionOptions = {}): Promise<WpsCheckResult> {
  const ctx = wpsContext(options.app === undefined ? wpsApplication() : options.app);
  options.onPhase?.('reading');
  const read = attempt(() => readWpsWorkbook(ctx.app, ctx.wb, { features: ctx.features }));
  const audit = auditSubmission(read.grids, options.settings);
  const notes: WpsNote[] = [...read.notes];
  let sheets: readonly AppliedSheet[] = [];
  // Let the pane paint its progress before the synchronous writes.
  await Promise.resolve();
  options.onPhase?.('writing');
  if (options.summaries) {
    const written = applyWpsSheetPlans(ctx.app, ctx.wb, buildSummaryPlans(audit, options.lang ?? 'zh-CN'), ctx.features);
    sheets = written.sheets;
    notes.push(...written.notes);
  }
  try {
    const marked = applyWpsHighlights(ctx.app, ctx.wb, highlightPlan(audit, audit.sheets.map((s) => s.name)), ctx.features);
    notes.push(...marked.notes);
  } catch (e) {
    notes.push({ key: 'wps.note.marksFailed', cause: causeOf(e) });
  }
  return { audit, sheets, notes };
}

/** Remove every mark we added; the user's own conditional formats stay. */
export async function clearWpsFindingMarks(app?: WpsApplication | null): Promise<{ removed: number; notes: readonly WpsNote[] }> {
  const ctx = wpsContext(app === undefined ? wpsApplication() : app);
  return attempt(() => clearWpsMarks(ctx.app, ctx.wb, ctx.features));
}

/** Jump to a finding's cell. */
export async function selectWpsFinding(sheet: string, cell: string, app?: WpsApplication | null): Promise<void> {
  const ctx = wpsContext(app === undefined ? wpsApplication() : app);
  attempt(() => selectWpsCell(ctx.wb, sheet, cell));
}
