/**
 * WPS mode: the pane inside WPS 表格 (a WPS加载项 task pane), working on the open workbook through the WPS adapter
 * (src/wps) with the same actions and messages as Excel mode. WPS's object model is synchronous; adapter failures
 * arrive as catalogue messages, never WPS's own text. Settings are kept in the browser's storage of the pane
 * (WPS has no document settings store the adapter relies on).
 */
import { type Lang, resolveSettings, type SettingsInput, t } from '../../core';
import { checkAndMarkWps, clearWpsFindingMarks, isWpsAdapterError, renderWpsNote, renderWpsSelfTest, runWpsSelfTest, selectWpsFinding, type WpsApplication } from '../../wps';
import { type AuditView, PaneError, type PaneServices, type SelfTestView, type StepReporter, type SummaryOutcome } from './types';

const SETTINGS_KEY = 'annex-audit.settings';

async function guarded<T>(lang: Lang, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (isWpsAdapterError(e)) throw new PaneError(e.userMessage(lang));
    if (e instanceof PaneError) throw e;
    throw new PaneError(t('pane.error.unexpected', lang));
  }
}

export function createWpsServices(app: WpsApplication, storage: Pick<Storage, 'getItem' | 'setItem'> | null): PaneServices {
  let lang: Lang = 'zh-CN';
  return {
    mode: 'wps',
    async check(settings: SettingsInput, l: Lang, step: StepReporter): Promise<AuditView> {
      lang = l;
      return guarded(l, async () => {
        const { audit, notes } = await checkAndMarkWps({ app, settings, lang: l, onPhase: step });
        return { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts, columnGaps: audit.columnGaps, notes: notes.map((n) => renderWpsNote(n, l)) };
      });
    },
    async summarize(settings: SettingsInput, l: Lang, step: StepReporter): Promise<SummaryOutcome> {
      lang = l;
      return guarded(l, async () => {
        const { audit, sheets, notes } = await checkAndMarkWps({ app, settings, lang: l, onPhase: step, summaries: true });
        const rendered = notes.filter((n) => n.key !== 'excel.note.renamed').map((n) => renderWpsNote(n, l));
        return {
          sheets: sheets.map((s) => s.name),
          renamed: sheets.filter((s) => s.renamed).map((s) => ({ wanted: s.wanted, name: s.name })),
          view: { profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts, columnGaps: audit.columnGaps, notes: rendered },
          notes: rendered,
        };
      });
    },
    async clearMarks(step: StepReporter): Promise<readonly string[]> {
      return guarded(lang, async () => {
        step('clearing');
        const { notes } = await clearWpsFindingMarks(app);
        return notes.map((n) => renderWpsNote(n, lang));
      });
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      return guarded(lang, () => selectWpsFinding(sheet, cell, app));
    },
    async selfTest(l: Lang): Promise<SelfTestView> {
      return renderWpsSelfTest(runWpsSelfTest(app), l);
    },
    async loadSettings(): Promise<SettingsInput> {
      try {
        const raw = storage?.getItem(SETTINGS_KEY);
        return raw ? resolveSettings(JSON.parse(raw)).settings : {};
      } catch {
        return {};
      }
    },
    async saveSettings(settings: SettingsInput): Promise<'browser'> {
      storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
      return 'browser';
    },
  };
}
