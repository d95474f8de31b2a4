/** The seam between the pane and where the workbook lives (Excel, WPS 表格, or a file opened in the browser). */
import type { Audit, ChartView, ColumnGap, Finding, Lang, SettingsInput, UnitGap, DiffReport, SubmissionStatus, TemplateKind } from '../../core';

export interface AuditView {
  readonly fileName?: string;
  readonly profile: Audit['profile'];
  readonly sheets: Audit['sheets'];
  readonly findings: readonly Finding[];
  readonly counts: Audit['counts'];
  /** Sheets whose required columns could not be placed: the findings offer 指定列 for them. */
  readonly columnGaps?: readonly ColumnGap[];
  /** Units two annexes write two ways: the findings offer 指定单位 for them. */
  readonly unitGaps?: readonly UnitGap[];
  /** How each sheet was read (its tables, header rows, columns and confidence), as lines in the user's language. */
  readonly explained?: Readonly<Record<string, readonly string[]>>;
  /** What the user should know beyond the findings (sheets not marked, manual calculation…), already in their language. */
  readonly notes?: readonly string[];
  /** The summary sheets' charts, from the same plans the hosts write, in both languages. */
  readonly charts?: Readonly<Record<Lang, readonly ChartView[]>>;
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

/** `done` of `total` files finished; `file` is the one being read next (or the last one). */
export type ProgressReporter = (done: number, total: number, file: string) => void;

export interface TemplateOutcome {
  /** Sheet names, in the user's language. */
  readonly sheets: readonly string[];
  readonly marker: string;
  /** The file offered as a download (file mode, or Excel that cannot create workbooks). */
  readonly file?: string;
  /** Excel: a new workbook was created and opened. */
  readonly created: boolean;
  /** Excel: creating the workbook failed (the reason, in the user's language), so `file` was offered as a download. */
  readonly createFailed?: string;
}

/** One change as the pane lists it, already in the user's language. */
export interface ChangeView {
  readonly type: string;
  readonly annex: string;
  readonly key: string;
  readonly column: string;
  readonly before: string;
  readonly after: string;
  readonly where: string;
}

export interface CompareOutcome {
  readonly counts: DiffReport['counts'];
  readonly changes: readonly ChangeView[];
  readonly oldName: string;
  readonly newName: string;
  /** Excel: the sheet written into the open workbook. */
  readonly sheet?: string;
  readonly notes?: readonly string[];
}

export interface BatchOutcome {
  readonly rows: readonly SubmissionStatus[];
  readonly missing: readonly string[];
  readonly total: number;
  readonly cancelled: boolean;
  /** Excel: the 报送情况 sheet written into the open workbook. */
  readonly sheet?: string;
  readonly notes?: readonly string[];
}

export interface MergeOutcome {
  readonly files: number;
  /** The merged annex sheets (as written: Excel may rename one that clashes). */
  readonly sheets: readonly string[];
  readonly counts: Audit['counts'];
  /** File mode: the workbook offered as a download. */
  readonly file?: string;
  readonly notes?: readonly string[];
}

/** The submission actions (生成填报模板, 与上一版比较, 批量校验报送, 合并报送): files are read in the browser in both modes. */
export interface SubmissionServices {
  makeTemplate(request: { readonly kinds: readonly TemplateKind[]; readonly year: number }, lang: Lang): Promise<TemplateOutcome>;
  /** The open workbook (or the file opened) is the new version; `earlier` the old one. */
  compare(earlier: File, settings: SettingsInput, lang: Lang, step: StepReporter): Promise<CompareOutcome>;
  /** File mode: the new version's copy with the 版本比较 sheet, as a download. */
  downloadComparison?(lang: Lang): Promise<string>;
  /** Never rejects for an unreadable file: it becomes a row. Stops between files when `signal` aborts. */
  checkBatch(files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<BatchOutcome>;
  /** The batch panel is open: get ready to check files (start the workers); the returned function stands down. */
  warmBatch?(): () => void;
  /** File mode: the 报送情况 workbook of the last batch, as a download. */
  downloadStatus?(lang: Lang): Promise<string>;
  merge(files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<MergeOutcome>;
  /** The units of last round's 报送情况 sheet in `file` (empty when it has none). */
  expectedUnitsFrom(file: File, lang: Lang): Promise<string[]>;
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
  /** 生成填报模板 / 与上一版比较 / 批量校验报送 / 合并报送. */
  readonly submissions?: SubmissionServices;
  loadSettings(): Promise<SettingsInput>;
  saveSettings(settings: SettingsInput): Promise<'workbook' | 'browser'>;
}
