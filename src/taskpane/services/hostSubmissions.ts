/**
 * The submission actions of a pane inside a host (Excel, WPS 表格), written once: files chosen in the pane are read
 * in the browser (submissionWork.ts, loaded on demand), and what goes into the open workbook — 版本比较, 报送情况
 * and the merged annexes — goes through the host's adapter, given here as a `HostWriter`. Only 生成填报模板
 * differs between the hosts, and each passes its own. The host's own error text never reaches the user.
 */
import { type Audit, type DiffReport, type Grid, type Lang, type SettingsInput, type SheetPlan, t } from '../../core';
import { batchWork, warmBatchWorkers, work } from './fileSubmissions';
import { type BatchOutcome, type CompareOutcome, type MergeOutcome, PaneError, type ProgressReporter, type StepReporter, type SubmissionServices } from './types';

interface Written<N> {
  readonly sheets: readonly { readonly name: string }[];
  readonly notes: readonly N[];
}

/** What a host's adapter does for the submission actions; `N` is its kind of note. */
export interface HostWriter<N> {
  /** An adapter error, which carries a catalogue message. */
  isAdapterError(e: unknown): e is { userMessage(lang: Lang): string };
  /** Reads the open workbook, audits it, and writes what `build` plans, in one round. */
  auditThenWrite<T>(
    build: (audit: Audit, grids: readonly Grid[]) => { plans: readonly SheetPlan[]; value: T },
    options: { readonly settings: SettingsInput; readonly onPhase: (phase: 'reading' | 'writing') => void },
  ): Promise<Written<N> & { value: T }>;
  writePlans(plans: readonly SheetPlan[]): Promise<Written<N>>;
  renderNote(note: N, lang: Lang): string;
}

/** Runs an action; an adapter error becomes its catalogue message, anything unexpected one plain sentence. */
export async function guardedBy<T>(isAdapterError: (e: unknown) => e is { userMessage(lang: Lang): string }, lang: Lang, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (isAdapterError(e)) throw new PaneError(e.userMessage(lang));
    if (e instanceof PaneError) throw e;
    throw new PaneError(t('pane.error.unexpected', lang));
  }
}

export function hostSubmissions<N>(host: HostWriter<N>, makeTemplate: SubmissionServices['makeTemplate']): SubmissionServices {
  const guarded = <T>(lang: Lang, action: () => Promise<T>) => guardedBy(host.isAdapterError, lang, action);
  const sheetOf = (written: Written<N>) => (written.sheets[0] ? { sheet: written.sheets[0].name } : {});
  return {
    makeTemplate,

    compare: (earlier: File, settings: SettingsInput, lang: Lang, step: StepReporter): Promise<CompareOutcome> =>
      guarded(lang, async () => {
        step('reading');
        const w = await work();
        // The earlier file is read before the host is asked for anything, so the workbook is not held meanwhile.
        const old = await w.readChosen(earlier, lang);
        const oldAudit = w.auditOf(old.opened, settings);
        const names = { old: earlier.name, new: t('act.compare.current', lang) };
        const done = await host.auditThenWrite<{ report: DiffReport } | { mismatch: string }>(
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
          ...sheetOf(done),
          notes: done.notes.map((n) => host.renderNote(n, lang)),
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
        const written = await host.writePlans([w.statusPlan(result.rows, result.missing, lang)]);
        return { ...base, ...sheetOf(written), notes: written.notes.map((n) => host.renderNote(n, lang)) };
      }),

    warmBatch: warmBatchWorkers,

    merge: (files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<MergeOutcome> =>
      guarded(lang, async () => {
        const w = await work();
        const chosen = w.spreadsheetFiles(files);
        if (chosen.length === 0) throw new PaneError(t('act.batch.noFiles', lang));
        const inputs = await w.readForMerge(chosen, lang, progress, signal);
        const merged = w.mergeToPlans(inputs, settings);
        if (!merged) throw new PaneError(t('merge.nothing', lang));
        const written = await host.writePlans(merged.plans);
        return { files: chosen.length, sheets: written.sheets.map((s) => s.name), counts: merged.counts, notes: written.notes.map((n) => host.renderNote(n, lang)) };
      }),

    expectedUnitsFrom: async (file: File, lang: Lang): Promise<string[]> => guarded(lang, async () => (await work()).unitsFromFile(file, lang)),
  };
}
