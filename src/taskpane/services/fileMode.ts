/**
 * File mode: outside Excel (Office.onReady gives host null), the pane checks a workbook chosen with
 * 打开工作簿, through the xlsx adapter. exceljs is loaded on demand, so the in-Excel bundle never carries it.
 */
import { auditSubmission, buildSummaryPlans, highlightPlan, type Lang, resolveSettings, type SettingsInput, t } from '../../core';
import { describeHost, renderSelfTest } from '../../excel/selfTest';
import { type AuditView, PaneError, type PaneServices, type SelfTestView, type StepReporter } from './types';

const SETTINGS_KEY = 'annex-audit.settings';

async function xlsx() {
  return import(/* webpackChunkName: "xlsx" */ '../../xlsx');
}

export function createFileServices(storage: Pick<Storage, 'getItem' | 'setItem'> | null, save: (name: string, bytes: Uint8Array) => void): PaneServices {
  let file: { name: string; bytes: Uint8Array } | null = null;

  const read = async (lang: Lang, step: StepReporter) => {
    if (!file) throw new PaneError(t('pane.noFile', lang));
    step('reading');
    const mod = await xlsx();
    try {
      const wb = await mod.loadWorkbook(file.bytes, file.name);
      return { mod, wb, grids: mod.workbookToGrids(wb) };
    } catch (e) {
      if (mod.isWorkbookReadError(e)) throw new PaneError(t(`read.${e.problem}`, lang, { file: file.name }));
      throw e;
    }
  };

  return {
    mode: 'file',
    async openFile(f: File): Promise<string> {
      file = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
      return f.name;
    },
    async check(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<AuditView> {
      const { grids } = await read(lang, step);
      step('checking');
      const audit = auditSubmission(grids, settings);
      return { fileName: file?.name ?? '', profile: audit.profile, sheets: audit.sheets, findings: audit.findings, counts: audit.counts };
    },
    async download(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<string> {
      const { mod, wb, grids } = await read(lang, step);
      step('checking');
      const audit = auditSubmission(grids, settings);
      step('writing');
      const sourceNames = grids.map((g) => g.name);
      mod.applySheetPlans(wb, buildSummaryPlans(audit, lang));
      mod.applyHighlights(wb, highlightPlan(audit, sourceNames));
      const out = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const name = (file?.name ?? 'workbook.xlsx').replace(/\.xlsx$/i, '') + '-审核结果.xlsx';
      save(name, out);
      return name;
    },
    async selfTest(lang: Lang): Promise<SelfTestView> {
      // Outside Excel there is nothing to exercise: the report says so, with the browser it ran in.
      return renderSelfTest({ environment: describeHost(), lines: [] }, lang);
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

/** Hand bytes to the browser as a download. */
export function browserSave(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
