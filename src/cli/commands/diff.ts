/**
 * `annex-audit diff OLD.xlsx NEW.xlsx [--format json|table] [-o OUT.xlsx] [--lang zh-CN|en-US]`:
 * what changed between two versions of a submission. With -o: a copy of NEW plus a `版本比较` sheet (that
 * sheet alone where NEW cannot be copied as it is; the user is told why); never over OLD or NEW.
 * Exit 0 when nothing changed, 1 when something did, 2 when a file cannot be read or the arguments are wrong.
 */
import {
  auditSubmission,
  type Audit,
  isLegalSheetName,
  KIND_LABEL,
  type Lang,
  messageOf,
  renderedFinding,
  overlongCells,
  t,
  changeSides,
  DIFF_TEXT_COLUMNS,
  type DiffChange,
  diffAudits,
  diffPlan,
  type DiffReport,
  markedExcerpt,
  markedText,
} from '../../core';
import ExcelJS from 'exceljs';
import { applySheetPlans, isWorkbookReadError, loadWorkbook, openWorkbook, type OpenedWorkbook, readErrorMessage } from '../../xlsx';
import { applyMarkedRichText } from '../../xlsx/merge';
import { inert, say } from '../terminal';
import { padEnd } from '../width';
import { inputAt } from '../output';
import { Args, type CliIO, displayName, isOption, parseFormat, parseLang, readBytes, reportOverlong, usage, writeWorkbook } from './common';

interface DiffOptions {
  files: string[];
  format: 'json' | 'table';
  out?: string;
  lang: Lang;
  guarantee: boolean;
}

function changeJson(c: DiffChange, lang: Lang): Record<string, unknown> {
  const sides = changeSides(c, lang);
  return {
    type: c.type,
    scope: c.scope,
    kind: c.kind,
    sheet: c.sheet,
    cell: c.cell,
    side: c.side,
    key: c.key,
    ...(c.column !== undefined ? { column: c.column } : {}),
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
    ...(c.segments ? { segments: c.segments, beforeMarked: markedText(c.segments, 'old'), afterMarked: markedText(c.segments, 'new') } : {}),
    ...(c.type === 'figure' ? { beforeText: sides.before, afterText: sides.after } : {}),
  };
}

export function diffJson(report: DiffReport, oldFile: string, newFile: string, audit: Audit, lang: Lang): Record<string, unknown> {
  return {
    old: oldFile,
    new: newFile,
    profile: audit.profile,
    counts: report.counts,
    changes: report.changes.map((c) => changeJson(c, lang)),
    newFindings: report.newFindings.map((f) => renderedFinding(f, lang)),
    resolvedFindings: report.resolvedFindings.map((f) => renderedFinding(f, lang)),
  };
}

/** The human view of a comparison; every name and text from the files is made inert for the terminal. */
export function renderDiffTable(report: DiffReport, names: { old: string; new: string }, lang: Lang): string {
  const out: string[] = [say('diff.title', lang, names), t('diff.summary', lang, report.counts)];
  if (report.changes.length === 0) out.push('', t('diff.same', lang));
  let kind: string | null = null;
  for (const c of report.changes) {
    if (c.kind !== kind) {
      kind = c.kind;
      out.push('', `── ${KIND_LABEL[c.kind][lang]}`);
    }
    const where = c.side === 'new' ? inert(`${c.sheet}!${c.cell}`) : say('diff.oldWhere', lang, { sheet: c.sheet, cell: c.cell });
    const label = padEnd(`[${t(`diff.type.${c.type}`, lang)}]`, 14);
    const subject = c.scope === 'annex' ? t('diff.annex', lang) : inert(c.key);
    const column = c.column ? `「${inert(c.column)}」` : '';
    const sides = changeSides(c, lang);
    const before = inert(sides.before);
    const after = inert(sides.after);
    if (c.type === 'text' || c.type === 'rating') {
      out.push(`  ${label} ${subject} ${column}  ${where}`);
      if (c.type === 'rating') out.push(`      ${inert(String(c.before || '—'))} → ${inert(String(c.after || '—'))}`);
      const segs = c.segments ?? [];
      out.push(`      - ${inert(markedExcerpt(segs, 'old'))}`, `      + ${inert(markedExcerpt(segs, 'new'))}`);
    } else if (c.type === 'figure' || c.type === 'mark') {
      out.push(`  ${label} ${subject} ${column}  ${before || '—'} → ${after || '—'}  ${where}`);
    } else {
      out.push(`  ${label} ${subject}${column ? ` ${column}` : ''}  ${where}`);
    }
  }
  const finding = (f: DiffReport['newFindings'][number]): string => {
    return `  ${padEnd(t(`severity.${f.severity}`, lang), 6)} ${padEnd(inert(`${f.sheet}!${f.cell}`), 12)} ${inert(messageOf(f, lang))}  (${f.code})`;
  };
  out.push('', t('diff.newFindings', lang, { count: report.newFindings.length }));
  for (const f of report.newFindings) out.push(finding(f));
  if (report.resolvedFindings.length > 0) {
    out.push('', t('diff.resolvedFindings', lang, { count: report.resolvedFindings.length }));
    for (const f of report.resolvedFindings) out.push(finding(f));
  }
  return out.join('\n');
}

function parseDiffArgs(argv: readonly string[], lang: Lang): { ok: true; options: DiffOptions } | { ok: false; message: string } {
  const o: DiffOptions = { files: [], format: process.stdout.isTTY ? 'table' : 'json', lang, guarantee: true };
  const args = new Args(argv);
  for (let a = args.next(); a !== null; a = args.next()) {
    const { flag, inline, raw } = a;
    if (flag === '-o' || flag === '--output') o.out = args.value(inline);
    else if (flag === '--format' || flag === '-f') {
      const v = args.value(inline);
      const f = parseFormat(v);
      if (!f) return { ok: false, message: t('cli.badOption', o.lang, { option: '--format', value: v }) };
      o.format = f;
    } else if (flag === '--lang') {
      const v = args.value(inline);
      const l = parseLang(v);
      if (!l) return { ok: false, message: t('cli.badOption', o.lang, { option: '--lang', value: v }) };
      o.lang = l;
    } else if (flag === '--no-guarantee') o.guarantee = false;
    else if (isOption(flag)) return { ok: false, message: t('cli.unknownOption', o.lang, { option: flag }) };
    else o.files.push(raw);
  }
  if (o.files.length !== 2) return { ok: false, message: t('diff.needTwo', o.lang) };
  if (o.out === '') return { ok: false, message: t('cli.noOutput', o.lang) };
  return { ok: true, options: o };
}

export async function runDiff(argv: readonly string[], lang: Lang, io: CliIO): Promise<number> {
  const parsed = parseDiffArgs(argv, lang);
  if (!parsed.ok) {
    io.err(`${inert(parsed.message)}\n${usage(lang)}`);
    return 2;
  }
  const o = parsed.options;
  const [oldFile, newFile] = o.files as [string, string];
  const overwritten = o.out ? inputAt(o.out, o.files) : null;
  if (o.out && overwritten !== null) {
    io.err(say('cli.outputIsInput', o.lang, { out: o.out, file: overwritten }));
    return 2;
  }
  const settings = { guaranteedQuotaIsVeryLikely: o.guarantee };
  let current = oldFile;
  try {
    const oldWb = openWorkbook(await readBytes(oldFile), oldFile);
    current = newFile;
    const newBytes = await readBytes(newFile);
    const newWb = openWorkbook(newBytes, newFile);
    const oldAudit = auditSubmission(oldWb.grids, settings, oldWb.templateMarker);
    const newAudit = auditSubmission(newWb.grids, settings, newWb.templateMarker);
    if (oldAudit.profile !== null && newAudit.profile !== null && oldAudit.profile !== newAudit.profile) {
      io.err(
        say('diff.profileMismatch', o.lang, {
          old: oldFile,
          new: newFile,
          oldProfile: t(`profile.${oldAudit.profile}`, o.lang),
          newProfile: t(`profile.${newAudit.profile}`, o.lang),
        }),
      );
      return 2;
    }
    const report = diffAudits(oldAudit, newAudit);
    const names = { old: displayName(oldFile), new: displayName(newFile) };
    if (o.out) {
      const out = o.out;
      current = out;
      const copy = await copyOfNew(newWb, newBytes, newFile, o.lang, io);
      const target = copy ?? new ExcelJS.Workbook();
      const alone = copy === null;
      const plan = diffPlan(report, names, o.lang);
      const [applied] = applySheetPlans(target, [plan], o.lang);
      const ws = applied ? target.getWorksheet(applied.name) : undefined;
      if (ws) applyMarkedRichText(ws, DIFF_TEXT_COLUMNS, o.lang);
      try {
        await writeWorkbook(target, out);
      } catch {
        io.err(say('cli.writeFailed', o.lang, { out }));
        return 2;
      }
      reportOverlong(io, o.lang, out, applied?.name ?? plan.name, overlongCells(plan.rows));
      if (o.format === 'table') io.out(say(alone ? 'diff.writtenAlone' : 'diff.written', o.lang, { out, sheet: applied?.name ?? '' }));
    }
    if (o.format === 'json') io.out(JSON.stringify(diffJson(report, oldFile, newFile, newAudit, o.lang), null, 2));
    else io.out(renderDiffTable(report, names, o.lang));
    return report.changes.length > 0 || report.newFindings.length > 0 ? 1 : 0;
  } catch (e) {
    if (isWorkbookReadError(e)) io.err(inert(readErrorMessage(e, o.lang)));
    else if (current === o.out) io.err(say('cli.outputUnexpected', o.lang, { out: current }));
    else io.err(say('read.unexpected', o.lang, { file: current }));
    return 2;
  }
}

/**
 * The new version as an exceljs workbook to add the comparison to, or null (and, where the user would wonder
 * why, one sentence on stderr) when it must go into a workbook of its own: a format other than .xlsx/.xlsm,
 * a sheet name Excel would not accept (exceljs refuses or silently shortens it), or a package exceljs cannot
 * load although our reader could.
 */
async function copyOfNew(newWb: OpenedWorkbook, bytes: Uint8Array, file: string, lang: Lang, io: CliIO): Promise<ExcelJS.Workbook | null> {
  if (newWb.format !== 'xlsx' && newWb.format !== 'xlsm') return null;
  const illegal = newWb.grids.find((g) => !isLegalSheetName(g.name));
  if (illegal) {
    io.err(say('diff.copyIllegalName', lang, { file, sheet: illegal.name }));
    return null;
  }
  try {
    return await loadWorkbook(bytes, file);
  } catch {
    io.err(say('diff.copyFailed', lang, { file }));
    return null;
  }
}
