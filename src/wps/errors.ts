/**
 * The one infrastructure failure of the WPS adapter. WPS raises a plain JS `Error` when a call into its object
 * model fails (a COM-style failure: a missing sheet, a protected sheet, a member this build lacks); its text
 * never reaches the user: it is kept as `cause` and `detail` for the log and the self-test; the user sees the
 * catalogue message for `problem`.
 */
import type { Params, Lang, UiKey } from '../core';
import { HostAdapterError, type HostNote, noteOf, renderHostNote } from '../hosts/errors';

export type WpsProblem = 'not-in-wps' | 'no-workbook' | 'unsupported' | 'protected' | 'hidden-sheet' | 'not-found' | 'timeout' | 'unexpected';

const KEY: Readonly<Record<WpsProblem, UiKey>> = {
  'not-in-wps': 'wps.notInWps',
  'no-workbook': 'wps.noWorkbook',
  unsupported: 'wps.unsupported',
  protected: 'wps.protected',
  'hidden-sheet': 'wps.hiddenSheet',
  'not-found': 'wps.notFound',
  timeout: 'wps.timeout',
  unexpected: 'wps.unexpected',
};

export class WpsAdapterError extends HostAdapterError<WpsProblem> {
  override readonly name = 'WpsAdapterError';
  constructor(
    problem: WpsProblem,
    params: Params = {},
    /** WPS's own text, for logs only; never shown to users. */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(problem, params, KEY[problem]);
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

export function isWpsAdapterError(e: unknown): e is WpsAdapterError {
  return e instanceof WpsAdapterError;
}

/**
 * A failure inside a WPS call → the adapter's error. WPS reports no error codes to JS that we can rely on, so
 * the problem is judged from what failed: a missing member (TypeError) is an unsupported build; the COM texts
 * for protection and for a missing item (下标越界 / subscript out of range) are recognised in zh-CN and en-US;
 * everything else is unexpected.
 */
export function toWpsAdapterError(e: unknown): WpsAdapterError {
  if (e instanceof WpsAdapterError) return e;
  const detail = e instanceof Error ? e.message : typeof e === 'string' ? e : undefined;
  const text = detail ?? '';
  if (e instanceof TypeError && /is not a function|undefined|null/.test(text)) return new WpsAdapterError('unsupported', { feature: 'JSAPI' }, detail, { cause: e });
  if (/保护|protect/i.test(text)) return new WpsAdapterError('protected', {}, detail, { cause: e });
  if (/下标越界|subscript|not found|找不到|不存在/i.test(text)) return new WpsAdapterError('not-found', {}, detail, { cause: e });
  return new WpsAdapterError('unexpected', {}, detail, { cause: e });
}

/** A message not yet rendered (the hosts' note, src/hosts/errors.ts). */
export type WpsNote = HostNote;

export const renderWpsNote: (note: WpsNote, lang?: Lang) => string = renderHostNote;

/** A failed step as the cause of a note. */
export function causeOf(e: unknown): WpsNote {
  return noteOf(toWpsAdapterError(e));
}
