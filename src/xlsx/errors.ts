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
  | 'part-too-large'
  | 'too-many-entries'
  | 'file-too-large'
  | 'too-many-cells'
  | 'bad-xml'
  | 'too-many-merges'
  | 'unreadable'
  | 'unwritable';

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  /** The part of the package the problem is in, when it is one part (`xl/worksheets/sheet1.xml`). */
  readonly part?: string;
  constructor(
    readonly problem: WorkbookReadProblem,
    readonly file: string,
    /** For the limits: the limit that was hit (bytes or a count); otherwise what the library said. */
    readonly detail?: string,
    options?: { cause?: unknown; part?: string },
  ) {
    super(`${problem}: ${file}${options?.part ? ` [${options.part}]` : ''}${detail ? ` (${detail})` : ''}`, options);
    if (options?.part !== undefined) this.part = options.part;
  }
}

/** A byte limit as people say it: 256 MB, 64 KB, 900 bytes. */
export function formatBytes(n: number, lang: Lang): string {
  const MB = 1024 * 1024;
  if (n >= MB) return `${Number((n / MB).toFixed(n % MB === 0 ? 0 : 1)).toLocaleString('en-US')} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)).toLocaleString('en-US')} KB`;
  return lang === 'zh-CN' ? `${n} 字节` : `${n} bytes`;
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
    case 'too-many-entries':
      return t(`open.${e.problem}`, lang, { file, limit: Number(e.detail ?? 0).toLocaleString('en-US') });
    case 'too-large':
    case 'file-too-large':
      return t(`open.${e.problem}`, lang, { file, limit: formatBytes(Number(e.detail ?? 0), lang) });
    case 'part-too-large':
      return t('open.part-too-large', lang, { file, part: e.part ?? '', limit: formatBytes(Number(e.detail ?? 0), lang) });
    case 'bad-xml':
      return t('open.bad-xml', lang, { file, part: e.part ?? '', position: Number(e.detail ?? 0).toLocaleString('en-US') });
    case 'unwritable':
      return t('open.unwritable', lang, { file, part: e.detail ?? '' });
    default:
      return t(`open.${e.problem}`, lang, { file });
  }
}
