import { type Lang, t } from '../core';

/** The one infrastructure failure of the xlsx adapter: a file that cannot be read as a workbook, and why. */
export type WorkbookReadProblem =
  | 'not-found'
  | 'not-a-workbook'
  | 'pdf'
  | 'word'
  | 'powerpoint'
  | 'zip'
  | 'text'
  | 'empty'
  | 'no-sheets'
  | 'encrypted'
  | 'legacy-xls'
  | 'legacy-unreadable'
  | 'truncated'
  | 'too-large'
  | 'too-many-cells'
  | 'too-many-merges'
  | 'unreadable'
  | 'unwritable';

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly problem: WorkbookReadProblem,
    readonly file: string,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem}: ${file}${detail ? ` (${detail})` : ''}`, options);
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}

/** The one sentence a user sees for a file that could not be read (never the library's own message). */
export function readErrorMessage(e: WorkbookReadError, lang: Lang, file: string = e.file): string {
  switch (e.problem) {
    case 'not-found':
      return t('read.not-found', lang, { file });
    case 'legacy-xls':
      return t('read.legacy-xls', lang, { file });
    case 'too-many-cells':
    case 'too-many-merges':
      return t(`open.${e.problem}`, lang, { file, limit: Number(e.detail ?? 0).toLocaleString('en-US') });
    case 'unwritable':
      return t('open.unwritable', lang, { file, part: e.detail ?? '' });
    default:
      return t(`open.${e.problem}`, lang, { file });
  }
}
