/// <reference types="office-js" />
/**
 * The one infrastructure failure of the Office.js adapter. Office's own error text never reaches the
 * user: it is kept in `detail` for logs; the user sees the catalogue message for `problem`.
 */
import type { Params } from '../core/i18n/findings';
import type { Lang } from '../core/i18n/spec';
import { excelText, type ExcelMessageKey } from './messages';

export type ExcelProblem =
  | 'timeout'
  | 'busy'
  | 'protected'
  | 'protected-sheet'
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
  protected: 'excel.protected',
  'protected-sheet': 'excel.protectedSheet',
  'name-clash': 'excel.nameClash',
  'payload-too-large': 'excel.payloadTooLarge',
  general: 'excel.general',
  'not-found': 'excel.notFound',
  unsupported: 'excel.unsupported',
  'not-in-excel': 'excel.notInExcel',
  unexpected: 'excel.unexpected',
};

export class ExcelAdapterError extends Error {
  override readonly name = 'ExcelAdapterError';
  constructor(
    readonly problem: ExcelProblem,
    /** Parameters of the catalogue message (`seconds`, `feature`). */
    readonly params: Params = {},
    /** Office's error code, when the failure came from Office (`AccessDenied`, …). */
    readonly officeCode?: string,
    /** Office's own text, for logs only; never shown to users. */
    readonly detail?: string,
  ) {
    // The Error message is the user-facing zh-CN text, so a careless `e.message` still shows no raw Office text.
    super(excelText(KEY[problem], 'zh-CN', params));
  }

  /** The message for the user, in their language. */
  userMessage(lang: Lang = 'zh-CN'): string {
    return excelText(KEY[this.problem], lang, this.params);
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
    case 'InvalidOperation':
      return new ExcelAdapterError('protected', {}, code, detail);
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
      return new ExcelAdapterError('general', {}, code, detail);
    case 'ApiNotFound':
    case 'UnsupportedOperation':
      return new ExcelAdapterError('unsupported', { feature: 'ExcelApi' }, code, detail);
    default:
      return new ExcelAdapterError('unexpected', {}, code, detail);
  }
}
