/**
 * The WPS 表格 adapter's public surface (WPS加载项, the synchronous ET object model). The only code that touches
 * WPS's `Application`. Every action reads the workbook in bulk into the core's Grid[], audits it, and applies the
 * same plans as the other adapters; failures leave as WpsAdapterError with catalogue messages, and what a WPS
 * build lacks degrades with a note.
 */
import { type Audit, auditSubmission, buildSummaryPlans, type Grid, type Lang, type SheetPlan, highlightPlan, type AppliedSheet, listParam } from '../core';
import { causeOf, toWpsAdapterError, WpsAdapterError, type WpsNote } from './errors';
import { wpsApplication, wpsFeatures, type WpsFeature } from './host';
import type { WpsApplication, WpsWorkbook } from './model';
import { paint, readWpsWorkbook, type WpsReadOptions } from './read';
import { applyWpsHighlights, applyWpsSheetPlans, clearWpsMarks, selectWpsCell } from './write';

export { isWpsAdapterError, renderWpsNote, toWpsAdapterError, WpsAdapterError, type WpsNote, type WpsProblem } from './errors';
export { isVisible, sheetsOf, wpsApplication, wpsFeatures, type WpsFeature } from './host';
export type { WpsApplication, WpsWorkbook, WpsWorksheet } from './model';
export { readWpsWorkbook, READ_BUDGET_MS, type WpsReadOptions } from './read';
export { loadWpsSettings, saveWpsSettings, SETTINGS_NAME_PREFIX } from './settings';
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
  /** How reading yields and how long it may take (tests; defaults in read.ts). */
  readonly read?: Pick<WpsReadOptions, 'budgetMs' | 'pause' | 'now'>;
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
async function readAll(ctx: WpsContext, options: WpsActionOptions): Promise<{ grids: Grid[]; notes: WpsNote[] }> {
  try {
    const read = await readWpsWorkbook(ctx.app, ctx.wb, { features: ctx.features, ...options.read });
    return { grids: read.grids, notes: [...read.notes] };
  } catch (e) {
    throw toWpsAdapterError(e);
  }
}

export async function checkAndMarkWps(options: WpsActionOptions = {}): Promise<WpsCheckResult> {
  const ctx = wpsContext(options.app === undefined ? wpsApplication() : options.app);
  options.onPhase?.('reading');
  const read = await readAll(ctx, options);
  const audit = auditSubmission(read.grids, options.settings);
  const notes: WpsNote[] = read.notes;
  let sheets: readonly AppliedSheet[] = [];
  options.onPhase?.('writing');
  // Let the pane paint its progress (a macrotask) before the synchronous writes.
  await (options.read?.pause ?? paint)();
  if (options.summaries) {
    const plans = buildSummaryPlans(audit, options.lang ?? 'zh-CN');
    try {
      const written = applyWpsSheetPlans(ctx.app, ctx.wb, plans, ctx.features);
      sheets = written.sheets;
      notes.push(...written.notes);
    } catch (e) {
      // The audit exists: whatever failed on the way to the write, the findings are returned.
      notes.push({ key: 'wps.note.summariesFailed', params: { sheets: listParam(plans.map((p) => p.name)) }, cause: causeOf(e) });
    }
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

export interface WpsPlansWritten {
  readonly sheets: readonly AppliedSheet[];
  readonly notes: readonly WpsNote[];
}

/** Write (or replace our earlier) sheets from plans into the open workbook (版本比较, 报送情况, merged annexes). */
export async function writeWpsSheetPlans(plans: readonly SheetPlan[], app?: WpsApplication | null): Promise<WpsPlansWritten> {
  const ctx = wpsContext(app === undefined ? wpsApplication() : app);
  return attempt(() => applyWpsSheetPlans(ctx.app, ctx.wb, plans, ctx.features));
}

/**
 * Read and audit the open workbook (`auditSubmission`, as every surface reports it), build plans from that audit
 * and write them. For 与上一版比较: the open workbook is the new version.
 */
export async function auditThenWriteWps<T>(
  build: (audit: Audit, grids: readonly Grid[]) => { plans: readonly SheetPlan[]; value: T },
  options: WpsActionOptions = {},
): Promise<WpsPlansWritten & { audit: Audit; value: T }> {
  const ctx = wpsContext(options.app === undefined ? wpsApplication() : options.app);
  options.onPhase?.('reading');
  const read = await readAll(ctx, options);
  const audit = auditSubmission(read.grids, options.settings);
  const built = build(audit, read.grids);
  options.onPhase?.('writing');
  await (options.read?.pause ?? paint)();
  const written = attempt(() => applyWpsSheetPlans(ctx.app, ctx.wb, built.plans, ctx.features));
  return { audit, value: built.value, sheets: written.sheets, notes: [...read.notes, ...written.notes] };
}
