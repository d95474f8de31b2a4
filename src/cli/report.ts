/**
 * Rendering check results: the JSON contract of DESIGN.md and the human table view, whose file names,
 * sheet names and messages (which quote cell text) are made inert for the terminal.
 */
import { type Audit, KIND_LABEL, type Lang, listOf, type RenderedFinding, renderedFinding, t } from '../core';
import { inert, say } from './terminal';
import { displayWidth, padEnd } from './width';

export interface CheckResult {
  readonly file: string;
  readonly profile: Audit['profile'];
  readonly sheets: Audit['sheets'];
  /** Each finding in the chosen language, its message rendered (the JSON contract keeps `message`). */
  readonly findings: readonly RenderedFinding[];
  readonly counts: Audit['counts'];
}

export interface ReadFailure {
  readonly file: string;
  readonly error: string;
}

export function toCheckResult(file: string, audit: Audit, lang: Lang): CheckResult {
  return {
    file,
    profile: audit.profile,
    sheets: audit.sheets,
    findings: audit.findings.map((f) => renderedFinding(f, lang)),
    counts: audit.counts,
  };
}

const SEVERITY_MARK = { error: '✖', warning: '▲', info: '·' } as const;

export function renderTable(result: CheckResult, lang: Lang): string {
  const out: string[] = [];
  const profile = t(result.profile ? `profile.${result.profile}` : 'profile.none', lang);
  out.push(say('report.file', lang, { file: result.file, profile }));
  const bySheet = new Map<string, (typeof result.findings)[number][]>();
  for (const f of result.findings) {
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  const sevWidth = Math.max(...(['error', 'warning', 'info'] as const).map((s) => displayWidth(`${SEVERITY_MARK[s]} ${t(`severity.${s}`, lang)}`)));
  // A sheet holding several tables has one entry per table: one heading naming every kind in it.
  const names = [...new Set(result.sheets.map((s) => s.name))];
  for (const name of names) {
    const list = bySheet.get(name);
    if (!list || list.length === 0) continue;
    const kinds = [...new Set(result.sheets.filter((s) => s.name === name && s.kind).map((s) => KIND_LABEL[s.kind as NonNullable<typeof s.kind>][lang]))];
    const kind = kinds.length > 0 ? listOf(kinds, lang) : null;
    out.push('');
    out.push(kind ? say('report.sheet', lang, { sheet: name, kind }) : say('report.sheetUnknown', lang, { sheet: name }));
    const cellWidth = Math.max(4, ...list.map((f) => inert(f.cell).length)) + 1;
    for (const f of list) {
      const sev = `${SEVERITY_MARK[f.severity]} ${t(`severity.${f.severity}`, lang)}`;
      out.push(`  ${padEnd(sev, sevWidth)} ${padEnd(inert(f.cell), cellWidth)} ${inert(f.message)}`);
      out.push(`  ${' '.repeat(sevWidth)} ${' '.repeat(cellWidth)} ${f.code}`);
    }
  }
  for (const [sheet, list] of bySheet) {
    if (result.sheets.some((s) => s.name === sheet)) continue;
    out.push('', say('report.sheetUnknown', lang, { sheet }));
    for (const f of list) out.push(`  ${f.severity} ${inert(f.cell)} ${inert(f.message)}`);
  }
  out.push('');
  out.push(result.findings.length === 0 ? t('report.clean', lang) : t('report.counts', lang, result.counts));
  return out.join('\n');
}
