/**
 * Every limit of the file reader, in one place (docs/security.md, “读取的限额 / Reading limits”).
 *
 * Each one is measured on what the file really holds — bytes as they are inflated, cells as they are
 * counted in the sheet data — never on what its headers declare. Each is far above any real annex
 * workbook (the samples inflate to < 1 MB and hold < 3,000 cells) and low enough that any file is read
 * or refused within 30 s and 1 GB of memory on a 2-core machine. Past one, the file is refused with one
 * sentence naming the limit it hit. The reader takes them as a parameter, so tests prove each mechanism
 * with budgets of a few kilobytes.
 */
export interface ReadLimits {
  /** Entries (parts) in a zip package. */
  readonly entries: number;
  /** Bytes one part inflates to. */
  readonly partBytes: number;
  /** Bytes all parts inflate to, together. */
  readonly totalBytes: number;
  /** Cells in all sheets together, counted in the sheet data before it is parsed. */
  readonly cells: number;
  /** Merged areas in one sheet. */
  readonly mergesPerSheet: number;
  /** Size of a text file (CSV, HTML, XML spreadsheet) and of a file that is not a zip package (.xls). */
  readonly fileBytes: number;
}

const MB = 1024 * 1024;

export const READ_LIMITS: ReadLimits = {
  entries: 20_000,
  partBytes: 100 * MB,
  totalBytes: 160 * MB,
  cells: 750_000,
  mergesPerSheet: 100_000,
  fileBytes: 100 * MB,
};

/** The limits with some replaced (tests, and callers that need less). */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...READ_LIMITS, ...overrides };
}
