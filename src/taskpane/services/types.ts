/** The seam between the pane and where the workbook lives (Excel, WPS 表格, or a file opened in the browser). */
import type { Audit, ColumnGap, Finding, Lang, SettingsInput } from '../../core';

export interface AuditView {
  readonly fileName?: string;
  readonly profile: Audit['profile'];
  readonly sheets: Audit['sheets'];
  readonly findings: readonly Finding[];
  readonly counts: Audit['counts'];
  /** Sheets whose required columns could not be placed: the findings offer 指定列 for them. */
  readonly columnGaps?: readonly ColumnGap[];
  /** What the user should know beyond the findings (sheets not marked, manual calculation…), already in their language. */
  readonly notes?: readonly string[];
}

export interface SummaryOutcome {
  readonly sheets: readonly string[];
  readonly renamed: readonly { readonly wanted: string; readonly name: string }[];
  /** The findings of the same action (checking never depends on writing). */
  readonly view?: AuditView;
  readonly notes?: readonly string[];
}

/** One line of the self-test, already in the user's language. */
export interface SelfTestView {
  /** The report as plain text, to copy. */
  readonly text: string;
  readonly lines: readonly { readonly label: string; readonly ok: boolean | null; readonly detail?: string }[];
  readonly summary: string;
}

export type StepReporter = (step: 'reading' | 'checking' | 'writing' | 'clearing') => void;

/** A failure whose message is already user-facing (from the catalogue). */
export class PaneError extends Error {
  override readonly name = 'PaneError';
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

export function isPaneError(e: unknown): e is PaneError {
  return e instanceof PaneError;
}

export interface PaneServices {
  readonly mode: 'excel' | 'wps' | 'file';
  check(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<AuditView>;
  /** Excel: write summary sheets into the open workbook. File mode: not offered (use download). */
  summarize?(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<SummaryOutcome>;
  /** Resolves with notes (sheets left as they were), already in the user's language. */
  clearMarks?(step: StepReporter): Promise<readonly string[] | void>;
  /** File mode: choose the workbook to check. */
  openFile?(file: File): Promise<string>;
  /** File mode: build the checked copy (summary sheets + marks) and hand it to the browser. */
  download?(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<string>;
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** 自检: exercise every Excel API the add-in uses and describe the host (outside Excel: says so). */
  selfTest?(lang: Lang): Promise<SelfTestView>;
  loadSettings(): Promise<SettingsInput>;
  saveSettings(settings: SettingsInput): Promise<'workbook' | 'browser'>;
}
