/// <reference types="office-js" />
/**
 * Excel mode: the open workbook, through the Office.js adapter (src/excel). Every action is one
 * Excel.run under a timeout; adapter failures arrive as catalogue messages, never Office's own text.
 * Settings are stored with the workbook (document settings), so a colleague's copy carries them.
 */
import { type Lang, type SettingsInput, t } from '../../core';
import { checkAndMark, clearFindingMarks, isExcelAdapterError, loadDocumentSettings, renderExcelNote, renderSelfTest, runSelfTest, saveDocumentSettings, selectCell } from '../../excel';
import { createExcelSubmissions } from './excelSubmissions';
import { type AuditView, PaneError, type PaneServices, type SelfTestView, type StepReporter, type SummaryOutcome } from './types';

async function guarded<T>(lang: Lang, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (isExcelAdapterError(e)) throw new PaneError(e.userMessage(lang));
    if (e instanceof PaneError) throw e;
    throw new PaneError(t('pane.error.unexpected', lang));
  }
}

export function createExcelServices(): PaneServices {
  let lang: Lang = 'zh-CN';
  return {
    mode: 'excel',
    submissions: createExcelSubmissions(),
    async check(settings: SettingsInput, l: Lang, step: StepReporter): Promise<AuditView> {
      lang = l;
      return guarded(l, async () => {
        // One Excel.run: read, audit, mark. The findings come back whatever happened to the marks.
        const { audit, notes } = await checkAndMark({ settings, lang: l, onPhase: step });
        return { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts, notes: notes.map((n) => renderExcelNote(n, l)) };
      });
    },
    async summarize(settings: SettingsInput, l: Lang, step: StepReporter): Promise<SummaryOutcome> {
      lang = l;
      return guarded(l, async () => {
        const { audit, sheets, notes } = await checkAndMark({ settings, lang: l, onPhase: step, summaries: true });
        // Renamed sheets are said once, in the outcome line; the other notes are listed.
        const rendered = notes.filter((n) => n.key !== 'excel.note.renamed').map((n) => renderExcelNote(n, l));
        return {
          sheets: sheets.map((s) => s.name),
          renamed: sheets.filter((s) => s.renamed).map((s) => ({ wanted: s.wanted, name: s.name })),
          view: { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts, notes: rendered },
          notes: rendered,
        };
      });
    },
    async clearMarks(step: StepReporter): Promise<readonly string[]> {
      return guarded(lang, async () => {
        step('clearing');
        const { notes } = await clearFindingMarks();
        return notes.map((n) => renderExcelNote(n, lang));
      });
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      return guarded(lang, () => selectCell(sheet, cell));
    },
    async selfTest(l: Lang): Promise<SelfTestView> {
      // Never throws: a failing Excel is what the self-test reports, line by line.
      return renderSelfTest(await runSelfTest(), l);
    },
    async loadSettings(): Promise<SettingsInput> {
      return loadDocumentSettings();
    },
    async saveSettings(settings: SettingsInput): Promise<'workbook'> {
      await guarded(lang, () => saveDocumentSettings(settings));
      return 'workbook';
    },
  };
}
