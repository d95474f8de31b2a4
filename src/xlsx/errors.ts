/** The one infrastructure failure of the xlsx adapter: a file that cannot be read as a workbook. */
export type WorkbookReadProblem = 'not-found' | 'not-a-workbook' | 'encrypted' | 'legacy-xls' | 'truncated' | 'too-large' | 'unreadable';

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly problem: WorkbookReadProblem,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(`${problem}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}
