/// <reference types="office-js" />
/**
 * The one infrastructure failure of the Office.js adapter, a HostAdapterError (src/hosts/errors.ts). Office's own
 * error text never reaches the user: it is kept in `detail` for logs; the user sees the catalogue message for `problem`.
 */
import type { Params } from '../core';
import { HostAdapterError } from '../hosts/errors';
import type { ExcelMessageKey } from './messages';

export type ExcelProblem =
  | 'timeout'
  | 'busy'
  | 'cell-edit'
  | 'protected'
  | 'rejected'
  | 'conflict'
  | 'merged-conflict'
  | 'hidden-sheet'
  | 'name-clash'
  | 'payload-too-large'
  | 'general'
  | 'not-found'
  | 'unsupported'
  | 'not-in-excel'
  | 'unexpected';

const KEY: Readonly<Record<ExcelProblem, ExcelMessageKey>> = {
  timeout: 'excel.timeout',
  busy: 'excel.busy',
  'cell-edit': 'excel.cellEdit',
  protected: 'excel.protected',
  rejected: 'excel.rejected',
  conflict: 'excel.conflict',
  'merged-conflict': 'excel.mergedConflict',
  'hidden-sheet': 'excel.hiddenSheet',
  'name-clash': 'excel.nameClash',
  'payload-too-large': 'excel.payloadTooLarge',
  general: 'excel.general',
  'not-found': 'excel.notFound',
  unsupported: 'excel.unsupported',
  'not-in-excel': 'excel.notInExcel',
  unexpected: 'excel.unexpected',
};

export class ExcelAdapterError extends HostAdapterError<ExcelProblem, ExcelMessageKey> {
  override readonly name = 'ExcelAdapterError';
  constructor(
    problem: ExcelProblem,
    /** Parameters of the catalogue message (`seconds`, `feature`). */
    params: Params = {},
    /** Office's error code, when the failure came from Office (`AccessDenied`, …). */
    readonly officeCode?: string,
    /** Office's own text, for logs only; never shown to users. */
    readonly detail?: string,
  ) {
    super(problem, params, KEY[problem]);
  }
}

export function isExcelAdapterError(e: unknown): e is ExcelAdapterError {
  return e instanceof ExcelAdapterError;
}

/** Office error codes that mean "this batch was too big": retry with smaller row chunks. */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge']);

/** The `code` of an Office error (OfficeExtension.Error), or undefined. */
export function officeCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isPayloadError(e: unknown): boolean {
  const code = officeCode(e);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

export function isGeneralException(e: unknown): boolean {
  return officeCode(e) === 'GeneralException';
}

/** Map any failure inside an Excel call to the adapter's error; adapter errors pass through unchanged. */
export function toExcelAdapterError(e: unknown): ExcelAdapterError {
  if (e instanceof ExcelAdapterError) return e;
  const code = officeCode(e);
  const detail = e instanceof Error ? e.message : typeof e === 'string' ? e : undefined;
  switch (code) {
    case 'AccessDenied':
      return new ExcelAdapterError('protected', {}, code, detail);
    // The Excel-specific code for a user editing a cell (application-specific-api-error-handling.md).
    case 'InvalidOperationInCellEditMode':
      return new ExcelAdapterError('cell-edit', {}, code, detail);
    // Generic ("the operation attempted is invalid on the object"): also what a batch gets while a cell is
    // being edited without delayForCellEdit (excel-add-ins-delay-in-cell-edit.md). Not necessarily protection.
    case 'InvalidOperation':
      return new ExcelAdapterError('rejected', {}, code, detail);
    // Co-authoring: "Request could not be processed because of a conflict."
    case 'Conflict':
    case 'InsertDeleteConflict':
      return new ExcelAdapterError('conflict', {}, code, detail);
    case 'MergedRangeConflict':
    case 'PivotTableRangeConflict':
    case 'FilteredRangeConflict':
      return new ExcelAdapterError('merged-conflict', {}, code, detail);
    case 'ItemAlreadyExists':
      return new ExcelAdapterError('name-clash', {}, code, detail);
    case 'ItemNotFound':
      return new ExcelAdapterError('not-found', {}, code, detail);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new ExcelAdapterError('payload-too-large', {}, code, detail);
    case 'GeneralException':
    case 'InternalError':
    case 'ServiceUnavailable':
    case 'ServiceNotAvailable':
    case 'ActivityLimitReached':
    case 'MemoryLimitReached':
    case 'RequestAborted':
      return new ExcelAdapterError('general', {}, code, detail);
    case 'ApiNotFound':
    case 'ApiNotAvailable':
    case 'NotImplemented':
    case 'UnsupportedOperation':
      return new ExcelAdapterError('unsupported', { feature: 'ExcelApi' }, code, detail);
    default:
      return new ExcelAdapterError('unexpected', {}, code, detail);
  }
}
