/**
 * File mode: outside Excel (Office.onReady gives host null), the pane checks a workbook chosen with
 * 打开工作簿: any format staff receive (.xlsx/.xlsm, .xls/.et, .xlsb, .ods, .csv), read with SheetJS; the checked
 * copy is the user's own package with our sheets and marks added, nothing else touched (src/xlsx/files.ts).
 * That module is loaded on demand, so the in-Excel bundle never carries it.
 */
import { type Lang, type SettingsInput, t } from '../../core';
import { engine } from './engine';
import { explainedBySheet } from './explained';
import { createFileSubmissions } from './fileSubmissions';
import { type AuditView, PaneError, type PaneServices, type SelfTestView, type StepReporter } from './types';

const SETTINGS_KEY = 'annex-audit.settings';

async function xlsx() {
  return import(/* webpackChunkName: "files" */ '../../xlsx/files');
}

export function createFileServices(storage: Pick<Storage, 'getItem' | 'setItem'> | null, save: (name: string, bytes: Uint8Array) => void): PaneServices {
  let file: { name: string; bytes: Uint8Array } | null = null;

  const read = async (lang: Lang, step: StepReporter) => {
    if (!file) throw new PaneError(t('pane.noFile', lang));
    step('reading');
    const mod = await xlsx();
    try {
      const opened = mod.openWorkbook(file.bytes, file.name);
      return { mod, opened, grids: opened.grids, bytes: file.bytes, name: file.name };
    } catch (e) {
      if (mod.isWorkbookReadError(e)) throw new PaneError(mod.readErrorMessage(e, lang, file.name));
      throw e;
    }
  };

  return {
    mode: 'file',
    submissions: createFileSubmissions(() => file, save),
    async openFile(f: File): Promise<string> {
      file = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
      return f.name;
    },
    async check(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<AuditView> {
      const [{ grids }, { auditSubmission, summaryChartViews }] = await Promise.all([read(lang, step), engine()]);
      step('checking');
      const audit = auditSubmission(grids, settings);
      return {
        fileName: file?.name ?? '',
        profile: audit.profile,
        sheets: audit.sheets,
        findings: audit.findings,
        counts: audit.counts,
        columnGaps: audit.columnGaps,
        unitGaps: audit.unitGaps,
        explained: explainedBySheet(audit, lang),
        charts: summaryChartViews(audit),
      };
    },
    async download(settings: SettingsInput, lang: Lang, step: StepReporter): Promise<string> {
      const [{ mod, opened, grids, bytes, name: source }, { auditSubmission, buildSummaryPlans, highlightPlan }] = await Promise.all([read(lang, step), engine()]);
      step('checking');
      const audit = auditSubmission(grids, settings);
      step('writing');
      const sourceNames = grids.map((g) => g.name);
      try {
        const target = mod.copyTarget(bytes, opened, source);
        target.pkg.applySheetPlans(buildSummaryPlans(audit, lang), lang);
        target.pkg.applyHighlights(highlightPlan(audit, sourceNames));
        const out = target.pkg.toBytes({ recalculate: true });
        // 汇总.xls → 汇总-审核结果.xlsx; a macro workbook keeps .xlsm.
        const name = source.replace(/\.(xlsx|xlsm|xls|et|xlsb|ods|csv)$/i, '') + `-审核结果${target.extension}`;
        save(name, out);
        return name;
      } catch (e) {
        if (mod.isWorkbookReadError(e)) throw new PaneError(mod.readErrorMessage(e, lang, source));
        throw e;
      }
    },
    async selfTest(lang: Lang): Promise<SelfTestView> {
      // Outside Excel there is nothing to exercise: the report says so, with the browser it ran in.
      const { describeHost, renderSelfTest } = await import(/* webpackChunkName: "selftest" */ '../../excel/selfTest');
      return renderSelfTest({ environment: describeHost(), lines: [] }, lang);
    },
    async loadSettings(): Promise<SettingsInput> {
      try {
        const raw = storage?.getItem(SETTINGS_KEY);
        return raw ? (await engine()).resolveSettings(JSON.parse(raw)).settings : {};
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
  const type = name.toLowerCase().endsWith('.xlsm') ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
