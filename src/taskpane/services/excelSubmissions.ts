/// <reference types="office-js" />
/**
 * Excel mode's submission actions: files chosen in the pane are read in the browser (submissionWork.ts,
 * loaded on demand); what goes into Excel is one Excel.run per action through the adapter (src/excel) —
 * 版本比较, 报送情况 and the merged annexes written into the open workbook — or, for 生成填报模板, a new
 * workbook (Excel.createWorkbook, feature-detected; without it, or when Excel refuses or holds it, the template is
 * offered as a download).
 * Office's own error text never reaches the user: adapter errors arrive as catalogue messages.
 */
import { type Lang, type SettingsInput, t, type DiffReport } from '../../core';
import { auditThenWrite, canCreateWorkbook, createWorkbookFrom, isExcelAdapterError, renderExcelNote, type RunOptions, writeSheetPlans } from '../../excel';
import { browserSave } from './fileMode';
import { batchWork, work } from './fileSubmissions';
import { type BatchOutcome, type CompareOutcome, type MergeOutcome, PaneError, type ProgressReporter, type StepReporter, type SubmissionServices, type TemplateOutcome } from './types';

/** The first sentence of a catalogue message, without its full stop (to sit inside another message). */
function firstSentence(message: string): string {
  return message.split(/。|\.\s/)[0]?.replace(/[。.]\s*$/, '') ?? message;
}

async function guarded<T>(lang: Lang, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (isExcelAdapterError(e)) throw new PaneError(e.userMessage(lang));
    if (e instanceof PaneError) throw e;
    throw new PaneError(t('pane.error.unexpected', lang));
  }
}

export function createExcelSubmissions(save: (name: string, bytes: Uint8Array) => void = browserSave, options: RunOptions = {}): SubmissionServices {
  return {
    makeTemplate: (request, lang: Lang): Promise<TemplateOutcome> =>
      guarded(lang, async () => {
        const w = await work();
        const made = await w.makeTemplate(request.kinds, request.year, lang);
        if (!canCreateWorkbook()) {
          // An Excel without ExcelApi 1.8 (a sideload past the manifest's check): the bytes another way.
          save(made.name, made.bytes);
          return { sheets: made.sheets, marker: made.marker, file: made.name, created: false };
        }
        try {
          await createWorkbookFrom(w.toBase64(made.bytes), options);
        } catch (e) {
          // Refused (the 5 MB request limit on the web, a policy) or held while a cell is edited: the template
          // is not lost, it is offered as a download instead of an error.
          save(made.name, made.bytes);
          const reason = isExcelAdapterError(e) ? e.userMessage(lang) : t('pane.error.unexpected', lang);
          return { sheets: made.sheets, marker: made.marker, file: made.name, created: false, createFailed: firstSentence(reason) };
        }
        return { sheets: made.sheets, marker: made.marker, created: true };
      }),

    compare: (earlier: File, settings: SettingsInput, lang: Lang, step: StepReporter): Promise<CompareOutcome> =>
      guarded(lang, async () => {
        step('reading');
        const w = await work();
        // The earlier file is read before Excel is asked for anything, so the batch is not held open meanwhile.
        const old = await w.readChosen(earlier, lang);
        const oldAudit = w.auditOf(old.opened, settings);
        const names = { old: earlier.name, new: t('act.compare.current', lang) };
        const done = await auditThenWrite<{ report: DiffReport } | { mismatch: string }>(
          (newAudit) => {
            try {
              const { report, plan } = w.compareAudits(oldAudit, newAudit, names, lang);
              return { plans: [plan], value: { report } };
            } catch (e) {
              // Different kinds of workbook: nothing is written.
              return { plans: [], value: { mismatch: e instanceof PaneError ? e.userMessage : t('pane.error.unexpected', lang) } };
            }
          },
          { settings, onPhase: (p) => step(p === 'reading' ? 'reading' : 'writing') },
        );
        if ('mismatch' in done.value) throw new PaneError(done.value.mismatch);
        const report = done.value.report;
        return {
          counts: report.counts,
          changes: report.changes.map((c) => w.changeView(c, lang)),
          oldName: names.old,
          newName: names.new,
          ...(done.sheets[0] ? { sheet: done.sheets[0].name } : {}),
          notes: done.notes.map((n) => renderExcelNote(n, lang)),
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
        const written = await writeSheetPlans([w.statusPlan(result.rows, result.missing, lang)]);
        return { ...base, ...(written.sheets[0] ? { sheet: written.sheets[0].name } : {}), notes: written.notes.map((n) => renderExcelNote(n, lang)) };
      }),

    merge: (files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<MergeOutcome> =>
      guarded(lang, async () => {
        const w = await work();
        const chosen = w.spreadsheetFiles(files);
        if (chosen.length === 0) throw new PaneError(t('act.batch.noFiles', lang));
        const inputs = await w.readForMerge(chosen, lang, progress, signal);
        const merged = w.mergeToPlans(inputs, settings);
        if (!merged) throw new PaneError(t('merge.nothing', lang));
        const written = await writeSheetPlans(merged.plans);
        return { files: chosen.length, sheets: written.sheets.map((s) => s.name), counts: merged.counts, notes: written.notes.map((n) => renderExcelNote(n, lang)) };
      }),

    expectedUnitsFrom: async (file: File, lang: Lang): Promise<string[]> => guarded(lang, async () => (await work()).unitsFromFile(file, lang)),
  };
}
