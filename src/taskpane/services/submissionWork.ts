/**
 * The browser side of the submission actions, shared by Excel mode and file mode and loaded on demand (the
 * `submissions` chunk: SheetJS reader + exceljs writer; never in the initial bundle). Files chosen in the
 * pane are read here with the project's reader; every audit is `auditSubmission`, the one report function.
 */
import {
  type Audit,
  KIND_LABEL,
  type Lang,
  resolveSettings,
  type SettingsInput,
  t,
  auditMerge,
  changeSides,
  type DiffChange,
  diffAudits,
  diffPlan,
  type DiffReport,
  expectedUnitsFromGrids,
  mergedSheetPlan,
  mergeSubmissions,
  type TemplateKind,
  type SheetPlan,
} from '../../core';
import { type OpenedWorkbook, withoutMarkerSheet } from '../../xlsx/files';
import { type MergeInput, mergeToWorkbook, planWorkbook, templateFile, workbookBytes } from '../../xlsx/submissions';
import { auditOf, openBytes } from './batchCheck';
import { type ChangeView, PaneError, type ProgressReporter } from './types';

export { auditOf, openBytes };

export { statusPlan } from '../../core';
export { copyTarget } from '../../xlsx/files';

export { type BatchResult, checkFiles, spreadsheetFiles } from './batchRun';

/** Let the page paint and take clicks (取消) between files. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ReadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly opened: OpenedWorkbook;
}

/** Read one chosen file; an unreadable one rejects with its true reason in the user's language. */
export async function readChosen(file: File, lang: Lang): Promise<ReadFile> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new PaneError(t('read.unexpected', lang, { file: file.name }));
  }
  return { name: file.name, bytes, opened: openBytes(bytes, file.name, lang) };
}


// ───────────── 生成填报模板 ─────────────

export async function makeTemplate(kinds: readonly TemplateKind[], year: number, lang: Lang): Promise<{ bytes: Uint8Array; name: string; sheets: string[]; marker: string }> {
  const { plan, workbook } = await templateFile(kinds, { year, lang });
  const sheets = plan.sheets.map((s) => KIND_LABEL[s.kind][lang]);
  return { bytes: await workbookBytes(workbook), name: `${t('act.template.file', lang)}-${year}-${plan.marker.replace('@', '-v')}.xlsx`, sheets, marker: plan.marker };
}

/** Uint8Array → base64 (what Excel.createWorkbook takes), in slices so that no call gets too many arguments. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return btoa(s);
}

// ───────────── 与上一版比较 ─────────────

export function changeView(c: DiffChange, lang: Lang): ChangeView {
  const { before, after } = changeSides(c, lang);
  return {
    type: t(`diff.type.${c.type}`, lang),
    annex: KIND_LABEL[c.kind][lang],
    key: c.scope === 'annex' ? t('diff.annex', lang) : c.key,
    column: c.column ?? '',
    before,
    after,
    where: c.side === 'new' ? `${c.sheet}!${c.cell}` : t('diff.oldWhere', lang, { sheet: c.sheet, cell: c.cell }),
  };
}

/** The comparison of OLD (audited here) with NEW's audit; rejects when they are different kinds of workbook. */
export function compareAudits(oldAudit: Audit, newAudit: Audit, names: { old: string; new: string }, lang: Lang): { report: DiffReport; plan: SheetPlan } {
  if (oldAudit.profile !== null && newAudit.profile !== null && oldAudit.profile !== newAudit.profile) {
    throw new PaneError(
      t('diff.profileMismatch', lang, {
        old: names.old,
        new: names.new,
        oldProfile: t(`profile.${oldAudit.profile}`, lang),
        newProfile: t(`profile.${newAudit.profile}`, lang),
      }),
    );
  }
  const report = diffAudits(oldAudit, newAudit);
  return { report, plan: diffPlan(report, names, lang) };
}

// ───────────── 批量校验报送 ─────────────

export async function planBytes(plans: readonly SheetPlan[]): Promise<Uint8Array> {
  return workbookBytes(planWorkbook(plans).workbook);
}

export async function unitsFromFile(file: File, lang: Lang): Promise<string[]> {
  const read = await readChosen(file, lang);
  return expectedUnitsFromGrids(read.opened.grids);
}

// ───────────── 合并报送 ─────────────

/** Read every file to merge: one that cannot be read stops the merge (a merge silently lacking a unit is worse than none). */
export async function readForMerge(files: readonly File[], lang: Lang, progress: ProgressReporter, signal: AbortSignal): Promise<MergeInput[]> {
  const inputs: MergeInput[] = [];
  const names = files.map((f) => f.name);
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as File;
    progress(i, files.length, file.name);
    await breathe();
    if (signal.aborted) throw new PaneError(t('act.merge.cancelled', lang));
    const read = await readChosen(file, lang).catch((e: unknown) => {
      throw new PaneError(t('act.merge.unreadable', lang, { reason: e instanceof PaneError ? e.userMessage : t('read.unexpected', lang, { file: file.name }) }));
    });
    // Two files with the same base name (from two folders): the provenance column names the path.
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    const name = names.filter((n) => n === file.name).length > 1 && rel ? rel : file.name;
    inputs.push({ name, bytes: read.bytes, opened: read.opened });
  }
  progress(files.length, files.length, files[files.length - 1]?.name ?? '');
  return inputs;
}

/**
 * The merge for a host that writes plans (Excel, WPS): the merged annexes as plans, and the counts of
 * `auditMerge`, the one merge report the CLI and file mode give too (the merged sheets audited, plus the
 * merge's duplicates and conflicts).
 */
export function mergeToPlans(inputs: readonly MergeInput[], settings: SettingsInput): { plans: SheetPlan[]; counts: Audit['counts'] } | null {
  const resolved = resolveSettings(settings).settings;
  const merged = mergeSubmissions(
    inputs.map((i) => ({ file: i.name, grids: withoutMarkerSheet(i.opened.grids) })),
    resolved,
  );
  if (merged.sheets.length === 0) return null;
  const grids = merged.sheets.map((m) => m.grid);
  const audit = auditMerge(grids, merged, settings);
  return { plans: merged.sheets.map(mergedSheetPlan), counts: audit.counts };
}

export { mergeToWorkbook, workbookBytes };
