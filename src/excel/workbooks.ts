/// <reference types="office-js" />
/**
 * The Office.js side of the submission actions: a new workbook from .xlsx bytes (生成填报模板), and plans
 * written into the open workbook (版本比较, 报送情况, merged annexes), each one user action = one Excel.run.
 *
 * `Excel.createWorkbook(base64)` "Creates and opens a new workbook. Optionally, the workbook can be
 * pre-populated with a Base64-encoded .xlsx file." — [Api set: ExcelApi 1.8] (@types/office-js; Microsoft's
 * docs/excel/excel-add-ins-workbooks.md, "Create a workbook"). It is not part of a batch (no Excel.run, no
 * sync): it is feature-detected (the requirement set and the function itself) and a host without it gets
 * `unsupported`, so the pane can offer the bytes another way.
 */
import { type Audit, auditSubmission, type Grid, type SheetPlan } from '../core';
import { ExcelAdapterError, toExcelAdapterError } from './errors';
import type { ExcelNote } from './messages';
import { readWorkbook } from './read';
import { checkRequirements, isSetSupported, requirementOf } from './requirements';
import { DEFAULT_TIMEOUT_MS, type RunOptions, runExcel } from './run';
import { type AppliedSheet, applySheetPlans } from './write';

export const CREATE_WORKBOOK_API = '1.8';

/** True when this host can create a workbook from bytes. */
export function canCreateWorkbook(): boolean {
  return typeof Excel !== 'undefined' && typeof Excel.createWorkbook === 'function' && isSetSupported('ExcelApi', CREATE_WORKBOOK_API);
}

/** Create and open a new workbook holding the .xlsx `base64`. Rejects with `unsupported` where the host cannot. */
export async function createWorkbookFrom(base64: string, options: RunOptions = {}): Promise<void> {
  if (typeof Excel === 'undefined') throw new ExcelAdapterError('not-in-excel');
  if (!canCreateWorkbook()) throw new ExcelAdapterError('unsupported', { feature: `ExcelApi ${CREATE_WORKBOOK_API}` });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelAdapterError('timeout', { seconds: Math.max(1, Math.round(timeoutMs / 1000)) })), timeoutMs);
  });
  try {
    await Promise.race([Excel.createWorkbook(base64), hung]);
  } catch (e) {
    throw toExcelAdapterError(e);
  } finally {
    clearTimeout(timer);
  }
}

function requireCore(): ReturnType<typeof checkRequirements> {
  if (typeof Excel === 'undefined') throw new ExcelAdapterError('not-in-excel');
  const req = checkRequirements();
  if (!req.supported.has('core')) throw new ExcelAdapterError('unsupported', { feature: requirementOf('core') });
  return req;
}

export interface PlansWritten {
  readonly sheets: readonly AppliedSheet[];
  readonly notes: readonly ExcelNote[];
}

/** Write (or replace our earlier) sheets from plans into the open workbook: one Excel.run. */
export async function writeSheetPlans(plans: readonly SheetPlan[], options: RunOptions = {}): Promise<PlansWritten> {
  requireCore();
  return runExcel((context) => applySheetPlans(context, plans), options);
}

/**
 * One Excel.run: read and audit the open workbook (`auditSubmission`, as every surface reports it), build
 * plans from that audit, and write them. For 与上一版比较: the open workbook is the new version.
 */
export async function auditThenWrite<T>(
  build: (audit: Audit, grids: readonly Grid[]) => { plans: readonly SheetPlan[]; value: T },
  options: RunOptions & { readonly settings?: unknown; readonly onPhase?: (phase: 'reading' | 'writing') => void } = {},
): Promise<PlansWritten & { audit: Audit; value: T }> {
  const req = requireCore();
  return runExcel(async (context) => {
    options.onPhase?.('reading');
    const read = await readWorkbook(context, { mergedAreas: req.supported.has('mergedAreas') });
    const audit = auditSubmission(read.grids, options.settings);
    const built = build(audit, read.grids);
    options.onPhase?.('writing');
    const written = await applySheetPlans(context, built.plans);
    return { audit, value: built.value, sheets: written.sheets, notes: [...read.notes, ...written.notes] };
  }, options);
}
