/**
 * WPS mode's submission actions (生成填报模板, 与上一版比较, 批量校验报送 with 报送情况, 合并报送), at parity with
 * Excel mode: files chosen in the pane are read in the browser (submissionWork.ts, loaded on demand); what goes into
 * the open workbook — 版本比较, 报送情况 and the merged annexes — is written through the WPS adapter (src/wps),
 * which reads with yields and a time budget. 生成填报模板 is offered as a download: the WPS object model opens
 * workbooks from paths, not from bytes. WPS's own error text never reaches the user.
 */
import { type Lang, type SettingsInput, t, type DiffReport } from '../../core';
import { auditThenWriteWps, isWpsAdapterError, renderWpsNote, type WpsApplication, writeWpsSheetPlans } from '../../wps';
import { browserSave } from './fileMode';
import { batchWork, work } from './fileSubmissions';
import { type BatchOutcome, type CompareOutcome, type MergeOutcome, PaneError, type ProgressReporter, type StepReporter, type SubmissionServices, type TemplateOutcome } from './types';

async function guarded<T>(lang: Lang, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (isWpsAdapterError(e)) throw new PaneError(e.userMessage(lang));
    if (e instanceof PaneError) throw e;
    throw new PaneError(t('pane.error.unexpected', lang));
  }
}

export function createWpsSubmissions(app: WpsApplication, save: (name: string, bytes: Uint8Array) => void = browserSave): SubmissionServices {
  return {
    makeTemplate: (request, lang: Lang): Promise<TemplateOutcome> =>
      guarded(lang, async () => {
        const w = await work();
        const made = await w.makeTemplate(request.kinds, request.year, lang);
        save(made.name, made.bytes);
        return { sheets: made.sheets, marker: made.marker, file: made.name, created: false };
      }),

    compare: (earlier: File, settings: SettingsInput, lang: Lang, step: StepReporter): Promise<CompareOutcome> =>
      guarded(lang, async () => {
        step('reading');
        const w = await work();
        // The earlier file is read in the browser before WPS is asked for anything.
        const old = await w.readChosen(earlier, lang);
        const oldAudit = w.auditOf(old.opened, settings);
        const names = { old: earlier.name, new: t('act.compare.current', lang) };
        const done = await auditThenWriteWps<{ report: DiffReport } | { mismatch: string }>(
          (newAudit) => {
            try {
              const { report, plan } = w.compareAudits(oldAudit, newAudit, names, lang);
              return { plans: [plan], value: { report } };
            } catch (e) {
              // Different kinds of workbook: nothing is written.
              return { plans: [], value: { mismatch: e instanceof PaneError ? e.userMessage : t('pane.error.unexpected', lang) } };
            }
          },
          { app, settings, onPhase: (p) => step(p === 'reading' ? 'reading' : 'writing') },
        );
        if ('mismatch' in done.value) throw new PaneError(done.value.mismatch);
        const report = done.value.report;
        return {
          counts: report.counts,
          changes: report.changes.map((c) => w.changeView(c, lang)),
          oldName: names.old,
          newName: names.new,
          ...(done.sheets[0] ? { sheet: done.sheets[0].name } : {}),
          notes: done.notes.map((n) => renderWpsNote(n, lang)),
        };
      }),

    checkBatch: (files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<BatchOutcome> =>
      guarded(lang, async () => {
        const w = await batchWork();
        const chosen = w.spreadsheetFiles(files);
        if (chosen.length === 0) throw new PaneError(t('act.batch.noFiles', lang));
        const result = await w.checkFiles(chosen, settings, lang, progress, signal);
        const base = { rows: result.rows, missing: result.missing, total: chosen.length, cancelled: result.cancelled };
        if (result.cancelled) return base;
        const written = await writeWpsSheetPlans([w.statusPlan(result.rows, result.missing, lang)], app);
        return { ...base, ...(written.sheets[0] ? { sheet: written.sheets[0].name } : {}), notes: written.notes.map((n) => renderWpsNote(n, lang)) };
      }),

    merge: (files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<MergeOutcome> =>
      guarded(lang, async () => {
        const w = await work();
        const chosen = w.spreadsheetFiles(files);
        if (chosen.length === 0) throw new PaneError(t('act.batch.noFiles', lang));
        const inputs = await w.readForMerge(chosen, lang, progress, signal);
        const merged = w.mergeToPlans(inputs, settings);
        if (!merged) throw new PaneError(t('merge.nothing', lang));
        const written = await writeWpsSheetPlans(merged.plans, app);
        return { files: chosen.length, sheets: written.sheets.map((s) => s.name), counts: merged.counts, notes: written.notes.map((n) => renderWpsNote(n, lang)) };
      }),

    expectedUnitsFrom: async (file: File, lang: Lang): Promise<string[]> => guarded(lang, async () => (await work()).unitsFromFile(file, lang)),
  };
}
