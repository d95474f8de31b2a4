/**
 * File mode's submission actions: everything is read in the browser and every result is a download
 * (nothing is uploaded). The work itself is in `submissionWork.ts`, loaded on demand.
 */
import { type Lang, type SettingsInput, t } from '../../core';
import { engine } from './engine';
import type { SheetPlan } from '../../core';
import { type BatchOutcome, type CompareOutcome, type MergeOutcome, PaneError, type ProgressReporter, type StepReporter, type SubmissionServices, type TemplateOutcome } from './types';

export async function work() {
  return import(/* webpackChunkName: "submissions" */ './submissionWork');
}

/** 批量校验报送's page side: no reader or writer (the batch's workers load those). */
export async function batchWork() {
  return import(/* webpackChunkName: "batch" */ './batchRun');
}

/** 批量校验报送's workers started ahead (batchRun.ts `warmBatch`); the returned function ends those not taken. */
export function warmBatchWorkers(): () => void {
  let ended = false;
  let off: (() => void) | null = null;
  batchWork().then(
    (w) => {
      if (!ended) off = w.warmBatch();
    },
    () => undefined,
  );
  return () => {
    ended = true;
    off?.();
  };
}

/** `name.xls` → `name-suffix.xlsx` (or `.xlsm`). */
function derivedName(source: string, suffix: string, extension: string): string {
  return `${source.replace(/\.(xlsx|xlsm|xls|et|xlsb|ods|csv)$/i, '')}-${suffix}${extension}`;
}

export function createFileSubmissions(opened: () => { name: string; bytes: Uint8Array } | null, save: (name: string, bytes: Uint8Array) => void): SubmissionServices {
  let comparison: { plan: SheetPlan; name: string; bytes: Uint8Array } | null = null;
  let status: { rows: BatchOutcome['rows']; missing: BatchOutcome['missing'] } | null = null;

  return {
    async makeTemplate(request, lang: Lang): Promise<TemplateOutcome> {
      const w = await work();
      const made = await w.makeTemplate(request.kinds, request.year, lang);
      save(made.name, made.bytes);
      return { sheets: made.sheets, marker: made.marker, file: made.name, created: false };
    },

    async compare(earlier: File, settings: SettingsInput, lang: Lang, step: StepReporter): Promise<CompareOutcome> {
      const current = opened();
      if (!current) throw new PaneError(t('act.compare.needOpen', lang));
      step('reading');
      const w = await work();
      const oldRead = await w.readChosen(earlier, lang);
      const newOpened = w.openBytes(current.bytes, current.name, lang);
      step('checking');
      const names = { old: earlier.name, new: current.name };
      const { report, plan } = w.compareAudits(w.auditOf(oldRead.opened, settings), w.auditOf(newOpened, settings), names, lang);
      comparison = { plan, name: current.name, bytes: current.bytes };
      return { counts: report.counts, changes: report.changes.map((c) => w.changeView(c, lang)), oldName: names.old, newName: names.new };
    },

    async downloadComparison(lang: Lang): Promise<string> {
      if (!comparison) throw new PaneError(t('act.compare.needOpen', lang));
      const w = await work();
      const opened = w.openBytes(comparison.bytes, comparison.name, lang);
      // A copy of NEW with the 版本比较 sheet added; every other part of the user's package kept.
      const target = w.copyTarget(comparison.bytes, opened, comparison.name);
      target.pkg.applySheetPlans([comparison.plan], lang);
      const name = derivedName(comparison.name, t('act.compare.file', lang), target.extension);
      save(name, target.pkg.toBytes({ recalculate: true }));
      return name;
    },

    async checkBatch(files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<BatchOutcome> {
      const w = await batchWork();
      const chosen = w.spreadsheetFiles(files);
      if (chosen.length === 0) throw new PaneError(t('act.batch.noFiles', lang));
      const result = await w.checkFiles(chosen, settings, lang, progress, signal);
      status = result.cancelled ? null : { rows: result.rows, missing: result.missing };
      return { rows: result.rows, missing: result.missing, total: chosen.length, cancelled: result.cancelled };
    },

    warmBatch: warmBatchWorkers,

    async downloadStatus(lang: Lang): Promise<string> {
      if (!status) throw new PaneError(t('act.batch.noFiles', lang));
      const w = await work();
      const name = `${t('act.batch.file', lang)}.xlsx`;
      save(name, await w.planBytes([w.statusPlan(status.rows, status.missing, lang)]));
      return name;
    },

    async merge(files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<MergeOutcome> {
      const w = await work();
      const chosen = w.spreadsheetFiles(files);
      if (chosen.length === 0) throw new PaneError(t('act.batch.noFiles', lang));
      const inputs = await w.readForMerge(chosen, lang, progress, signal);
      const { resolveSettings } = await engine();
      const done = await w.mergeToWorkbook(inputs, resolveSettings(settings).settings, lang);
      if (!done) throw new PaneError(t('merge.nothing', lang));
      const name = `${t('act.merge.file', lang)}.xlsx`;
      save(name, await w.workbookBytes(done.workbook));
      return { files: chosen.length, sheets: done.merged.sheets.map((s) => s.grid.name), counts: done.audit.counts, file: name };
    },

    async expectedUnitsFrom(file: File, lang: Lang): Promise<string[]> {
      return (await work()).unitsFromFile(file, lang);
    },
  };
}
