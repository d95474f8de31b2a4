/**
 * The pane's services over a spreadsheet host that holds the open workbook (Excel through Office.js, WPS
 * 表格 through its object model): one implementation, a small adapter per host. Host failures arrive as
 * catalogue messages, never the host's own text; the findings come back whatever happened to the marks.
 */
import { type AppliedSheet, type Audit, type Lang, type SettingsInput, t } from '../../core';
import { engine } from './engine';
import { explainedBySheet } from './explained';
import { type AuditView, PaneError, type PaneServices, type SelfTestView, type StepReporter, type SummaryOutcome } from './types';

/** A note of the host adapter (sheets left unmarked, manual calculation …), rendered per language. */
export interface HostNote {
  readonly key: string;
}

export interface HostAdapter<N extends HostNote> {
  readonly mode: 'excel' | 'wps';
  /** One user action: read, audit, optionally write the summaries, mark. */
  checkAndMark(options: {
    readonly settings: SettingsInput;
    readonly lang: Lang;
    readonly onPhase: (phase: 'reading' | 'writing') => void;
    readonly summaries?: boolean;
  }): Promise<{ readonly audit: Audit; readonly sheets: readonly AppliedSheet[]; readonly notes: readonly N[] }>;
  clearMarks(): Promise<{ readonly notes: readonly N[] }>;
  selectCell(sheet: string, cell: string): Promise<void> | void;
  /** Never throws: a failing host is what the self-test reports, line by line. */
  selfTest(lang: Lang): Promise<SelfTestView>;
  renderNote(note: N, lang: Lang): string;
  /** The host adapter's own error, which carries a catalogue message. */
  isAdapterError(e: unknown): e is { userMessage(lang: Lang): string };
  loadSettings(): Promise<SettingsInput>;
  saveSettings(settings: SettingsInput): Promise<'workbook' | 'browser'>;
}

export function createHostServices<N extends HostNote>(host: HostAdapter<N>): PaneServices {
  let lang: Lang = 'zh-CN';
  const guarded = async <T>(l: Lang, action: () => Promise<T> | T): Promise<T> => {
    try {
      return await action();
    } catch (e) {
      if (host.isAdapterError(e)) throw new PaneError(e.userMessage(l));
      if (e instanceof PaneError) throw e;
      throw new PaneError(t('pane.error.unexpected', l));
    }
  };
  // The chart views come from the summary plans, in the engine's chunk (loaded by now: the host just checked).
  const view = async (audit: Audit, notes: readonly string[], lang: Lang): Promise<AuditView> => ({
    profile: audit.profile,
    sheets: audit.sheets,
    findings: audit.findings,
    counts: audit.counts,
    columnGaps: audit.columnGaps,
    unitGaps: audit.unitGaps,
    explained: explainedBySheet(audit, lang),
    notes,
    charts: (await engine()).summaryChartViews(audit),
  });
  return {
    mode: host.mode,
    async check(settings: SettingsInput, l: Lang, step: StepReporter): Promise<AuditView> {
      lang = l;
      return guarded(l, async () => {
        const { audit, notes } = await host.checkAndMark({ settings, lang: l, onPhase: step });
        return await view(audit, notes.map((n) => host.renderNote(n, l)), l);
      });
    },
    async summarize(settings: SettingsInput, l: Lang, step: StepReporter): Promise<SummaryOutcome> {
      lang = l;
      return guarded(l, async () => {
        const { audit, sheets, notes } = await host.checkAndMark({ settings, lang: l, onPhase: step, summaries: true });
        // Renamed sheets are said once, in the outcome line; the other notes are listed.
        const rendered = notes.filter((n) => n.key !== 'excel.note.renamed').map((n) => host.renderNote(n, l));
        return {
          sheets: sheets.map((s) => s.name),
          renamed: sheets.filter((s) => s.renamed).map((s) => ({ wanted: s.wanted, name: s.name })),
          view: await view(audit, rendered, l),
          notes: rendered,
        };
      });
    },
    async clearMarks(step: StepReporter): Promise<readonly string[]> {
      return guarded(lang, async () => {
        step('clearing');
        const { notes } = await host.clearMarks();
        return notes.map((n) => host.renderNote(n, lang));
      });
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      return guarded(lang, () => host.selectCell(sheet, cell));
    },
    selfTest: (l: Lang) => host.selfTest(l),
    loadSettings: () => host.loadSettings(),
    async saveSettings(settings: SettingsInput): Promise<'workbook' | 'browser'> {
      return guarded(lang, () => host.saveSettings(settings));
    },
  };
}
