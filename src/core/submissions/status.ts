/**
 * 报送情况: one row per submission received (unit, file, template version, errors / warnings, status
 * 通过 / 有错误 / 无法读取), then the units expected but missing. Pure: the pane (both modes) builds the rows
 * from `auditSubmission` results or read failures and writes the plan like any summary sheet.
 */
import type { Audit } from '../audit';
import { type CellValue, cellsOf, type Grid } from '../grid';
import type { Lang } from '../i18n/spec';
import { t } from '../i18n/ui';
import { basePlan, num, text } from '../plans/common';
import type { PlanCell, SheetPlan } from '../plans/types';
import { parseMarker } from './templateKinds';

export type SubmissionState = 'passed' | 'errors' | 'unreadable';

export interface SubmissionStatus {
  readonly file: string;
  /** The expected unit the file name names; null when it names none of them. */
  readonly unit: string | null;
  /** The template marker (`all-incentive@1`); null when the file was not made from our template. */
  readonly template: string | null;
  readonly counts: Audit['counts'] | null;
  readonly state: SubmissionState;
  /** Why the file could not be read, already in the user's language. */
  readonly reason?: string;
}

/** The expected unit a file name names (the longest that matches, so 龙山县 wins over 龙山); null for none. */
export function unitOfFile(file: string, expected: readonly string[]): string | null {
  const base = file.replace(/^.*[\\/]/, '');
  let best: string | null = null;
  for (const u of expected) if (u !== '' && base.includes(u) && (best === null || u.length > best.length)) best = u;
  return best;
}

export function submissionStatus(file: string, audit: Pick<Audit, 'counts'>, marker: string | null, expected: readonly string[]): SubmissionStatus {
  return { file, unit: unitOfFile(file, expected), template: marker, counts: audit.counts, state: audit.counts.error > 0 ? 'errors' : 'passed' };
}

export function unreadableStatus(file: string, reason: string, expected: readonly string[]): SubmissionStatus {
  return { file, unit: unitOfFile(file, expected), template: null, counts: null, state: 'unreadable', reason };
}

/** Expected units no file names, in the list's order. */
export function missingUnits(rows: readonly SubmissionStatus[], expected: readonly string[]): string[] {
  const got = new Set(rows.map((r) => r.unit).filter((u): u is string => u !== null));
  return [...new Set(expected.map((u) => u.trim()).filter((u) => u !== ''))].filter((u) => !got.has(u));
}

export function templateText(marker: string | null, lang: Lang): string {
  if (marker === null) return t('status.noTemplate', lang);
  const parsed = parseMarker(marker);
  return parsed.ok ? `${parsed.id} v${parsed.version}` : marker;
}

export function stateText(state: SubmissionState, lang: Lang): string {
  return t(`status.${state}`, lang);
}

export type StatusTotals = {
  readonly files: number;
  readonly passed: number;
  readonly errors: number;
  readonly unreadable: number;
  readonly missing: number;
};

export function statusTotals(rows: readonly SubmissionStatus[], missing: readonly string[]): StatusTotals {
  return {
    files: rows.length,
    passed: rows.filter((r) => r.state === 'passed').length,
    errors: rows.filter((r) => r.state === 'errors').length,
    unreadable: rows.filter((r) => r.state === 'unreadable').length,
    missing: missing.length,
  };
}

/** The 报送情况 sheet, in the chosen language. */
export function statusPlan(rows: readonly SubmissionStatus[], missing: readonly string[], lang: Lang): SheetPlan {
  const totals = statusTotals(rows, missing);
  const out: PlanCell[][] = [
    [text(t('status.title', lang, totals), 'title')],
    [text(t('status.summary', lang, totals), 'subtitle')],
    (['seq', 'unit', 'file', 'template', 'errors', 'warnings', 'status', 'reason'] as const).map((c) => text(t(`status.col.${c}`, lang), 'header')),
  ];
  rows.forEach((r, i) => {
    out.push([
      num(i + 1, 'center'),
      text(r.unit ?? t('status.unknownUnit', lang), 'center'),
      text(r.file),
      text(r.state === 'unreadable' ? '' : templateText(r.template, lang), 'center'),
      r.counts ? num(r.counts.error) : text('—', 'center'),
      r.counts ? num(r.counts.warning) : text('—', 'center'),
      text(stateText(r.state, lang), r.state === 'passed' ? 'center' : r.state === 'errors' ? 'error' : 'warning'),
      text(r.reason ?? ''),
    ]);
  });
  const lastRow = out.length;
  out.push([]);
  out.push([text(t('status.missingSection', lang, { count: missing.length }), 'section')]);
  if (missing.length === 0) out.push([text(''), text(t('status.noneMissing', lang), 'center')]);
  missing.forEach((u, i) => out.push([num(i + 1, 'center'), text(u, 'center'), text(''), text(''), text(''), text(''), text(t('status.notReported', lang), 'warning'), text('')]));
  return basePlan('status', t('plan.sheet.status', lang), out, {
    widths: [6, 16, 34, 16, 7, 7, 10, 40],
    headerRow: 3,
    merges: ['A1:H1', 'A2:H2'],
    ...(rows.length > 0 ? { table: { name: 'AnnexAuditStatus', range: `A3:H${lastRow}` } } : {}),
  });
}

const UNIT_HEADERS = new Set([t('status.col.unit', 'zh-CN'), t('status.col.unit', 'en-US')]);
const FILE_HEADERS = new Set([t('status.col.file', 'zh-CN'), t('status.col.file', 'en-US')]);

/**
 * The units of last round's 报送情况 sheet (those that reported and those listed as missing): the unit
 * column under a header row that has both 单位 and 文件. Empty when the workbook has no such sheet.
 */
export function expectedUnitsFromGrids(grids: readonly Grid[]): string[] {
  const units: string[] = [];
  const skip = new Set([t('status.unknownUnit', 'zh-CN'), t('status.unknownUnit', 'en-US'), t('status.noneMissing', 'zh-CN'), t('status.noneMissing', 'en-US')]);
  for (const g of grids) {
    const has = (row: readonly CellValue[], names: ReadonlySet<string>): boolean => cellsOf(row).some((c) => { const v = row[c]; return typeof v === 'string' && names.has(v.trim()); });
    const headerRow = g.values.findIndex((row) => has(row ?? [], UNIT_HEADERS) && has(row ?? [], FILE_HEADERS));
    if (headerRow < 0) continue;
    const col = (g.values[headerRow] ?? []).findIndex((v) => typeof v === 'string' && UNIT_HEADERS.has(v.trim()));
    for (const row of g.values.slice(headerRow + 1)) {
      const v = row[col];
      if (typeof v === 'string' && v.trim() !== '' && !skip.has(v.trim()) && !UNIT_HEADERS.has(v.trim())) units.push(v.trim());
    }
  }
  return [...new Set(units)];
}
