/// <reference types="office-js" />
/**
 * Excel mode: the open workbook, through the Office.js adapter (src/excel). Every action is one
 * Excel.run under a timeout; adapter failures arrive as catalogue messages, never Office's own text.
 * Settings are stored with the workbook (document settings), so a colleague's copy carries them.
 */
import { type Lang, resolveSettings, type SettingsInput, t } from '../../core';
import { withTemplateFindings } from '../../core/submissions';
import { checkWorkbook, clearFindingMarks, excelText, isExcelAdapterError, markFindings, selectCell, writeSummaries } from '../../excel';
import { type AuditView, PaneError, type PaneServices, type StepReporter, type SummaryOutcome } from './types';

const SETTINGS_KEY = 'annexAuditSettings';

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
    async check(settings: SettingsInput, l: Lang, step: StepReporter): Promise<AuditView> {
      lang = l;
      return guarded(l, async () => {
        step('reading');
        const checked = await checkWorkbook({ settings });
        const audit = withTemplateFindings(checked.audit, checked.grids);
        step('writing');
        await markFindings(audit);
        return { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts };
      });
    },
    async summarize(settings: SettingsInput, l: Lang, step: StepReporter): Promise<SummaryOutcome> {
      lang = l;
      return guarded(l, async () => {
        step('reading');
        const { audit } = await checkWorkbook({ settings });
        step('writing');
        const written = await writeSummaries(audit, { lang: l });
        await markFindings(audit);
        return {
          sheets: written.sheets.map((s) => s.name),
          renamed: written.sheets.filter((s) => s.renamed).map((s) => ({ wanted: s.wanted, name: s.name })),
        };
      });
    },
    async clearMarks(step: StepReporter): Promise<void> {
      return guarded(lang, async () => {
        step('clearing');
        await clearFindingMarks();
      });
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      return guarded(lang, () => selectCell(sheet, cell));
    },
    async loadSettings(): Promise<SettingsInput> {
      try {
        const raw: unknown = Office.context.document.settings.get(SETTINGS_KEY);
        return raw ? resolveSettings(raw).settings : {};
      } catch {
        return {};
      }
    },
    async saveSettings(settings: SettingsInput): Promise<'workbook'> {
      Office.context.document.settings.set(SETTINGS_KEY, settings);
      await new Promise<void>((resolve, reject) => {
        Office.context.document.settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new PaneError(excelText('excel.unexpected', lang)))));
      });
      return 'workbook';
    },
  };
}
