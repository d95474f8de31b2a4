/**
 * The `版本比较` sheet: every change as a row (type, annex, item, column, before, after, a link to the
 * cell in NEW), changed spans marked ⟦…⟧ (the xlsx adapter also colours them as rich text), then the
 * findings new since OLD. A SheetPlan like the summary sheets.
 */
import { actualOf, messageOf } from '../finding';
import { listOf } from '../i18n/lists';
import type { Lang } from '../i18n/spec';
import { t } from '../i18n/ui';
import { KIND_LABEL } from '../kinds';
import { basePlan, link, text } from '../plans/common';
import type { PlanCell, SheetPlan } from '../plans/types';
import type { DiffChange, DiffReport } from './diff';
import { markedText } from './textDiff';

export const DIFF_SHEET = '版本比较';
/** Columns (0-based) of the before/after cells, where marked spans appear. */
export const DIFF_TEXT_COLUMNS: readonly number[] = [4, 5];

export function formatFigure(v: string | number | undefined, percent: boolean | undefined): string {
  if (v === undefined) return '';
  if (typeof v !== 'number') return v;
  if (!percent) return String(Math.round(v * 1e6) / 1e6);
  return `${Math.round(v * 1000) / 10}%`;
}

/** The before and after texts of a change as the sheet and the table view show them (full length). */
export function changeSides(c: DiffChange, lang: Lang): { before: string; after: string } {
  switch (c.type) {
    case 'added':
      return { before: '', after: c.after !== undefined ? String(c.after) : '' };
    case 'removed':
      return { before: c.before !== undefined ? String(c.before) : '', after: '' };
    case 'figure':
      return { before: formatFigure(c.before, c.percent), after: formatFigure(c.after, c.percent) };
    case 'mark':
      if (c.marks) return { before: listOf(c.marks.before, lang), after: listOf(c.marks.after, lang) };
      return { before: String(c.before ?? ''), after: String(c.after ?? '') };
    case 'rating': {
      const segs = c.segments ?? [];
      const bare = (side: 'old' | 'new', rating: string) => {
        const full = segs.filter((s) => s.op === 'same' || s.op === (side === 'old' ? 'del' : 'ins')).map((s) => s.text).join('');
        return full === rating ? rating : `${rating}\n${t('diff.assessment', lang)}${markedText(segs, side)}`;
      };
      return { before: bare('old', String(c.before ?? '')), after: bare('new', String(c.after ?? '')) };
    }
    case 'text':
      return { before: markedText(c.segments ?? [], 'old'), after: markedText(c.segments ?? [], 'new') };
  }
}

export function diffPlan(report: DiffReport, names: { old: string; new: string }, lang: Lang): SheetPlan {
  const rows: PlanCell[][] = [
    [text(t('diff.title', lang, { old: names.old, new: names.new }), 'title')],
    [text(`${t('diff.summary', lang, report.counts)}${t('diff.legend', lang)}`, 'subtitle')],
    [
      text(t('diff.col.type', lang), 'header'),
      text(t('diff.col.annex', lang), 'header'),
      text(t('diff.col.key', lang), 'header'),
      text(t('diff.col.column', lang), 'header'),
      text(t('diff.col.before', lang), 'header'),
      text(t('diff.col.after', lang), 'header'),
      text(t('diff.col.where', lang), 'header'),
    ],
  ];
  for (const c of report.changes) {
    const { before, after } = changeSides(c, lang);
    const where =
      c.side === 'new' ? link(`${c.sheet}!${c.cell}`, c.sheet, c.cell) : text(t('diff.oldWhere', lang, { sheet: c.sheet, cell: c.cell }));
    rows.push([
      text(t(`diff.type.${c.type}`, lang), 'center'),
      text(KIND_LABEL[c.kind][lang], 'center'),
      text(c.scope === 'annex' ? t('diff.annex', lang) : c.key),
      text(c.column ?? ''),
      text(before),
      text(after),
      where,
    ]);
  }
  if (report.changes.length === 0) rows.push([text(''), text(''), text(t('diff.same', lang)), text(''), text(''), text(''), text('')]);
  const lastChange = rows.length;

  const findingSection = (title: string, list: DiffReport['newFindings'], linked: boolean) => {
    rows.push([]);
    rows.push([text(title, 'section')]);
    rows.push([
      text(t('col.severity', lang), 'header'),
      text(t('diff.col.sheet', lang), 'header'),
      text(t('col.cell', lang), 'header'),
      text(t('col.message', lang), 'header'),
      text(t('diff.col.expected', lang), 'header'),
      text(t('diff.col.actual', lang), 'header'),
      text(t('col.code', lang), 'header'),
    ]);
    for (const f of list) {
      rows.push([
        text(t(`severity.${f.severity}`, lang), f.severity),
        text(f.sheet, 'center'),
        linked ? link(f.cell, f.sheet, f.cell) : text(f.cell, 'center'),
        text(messageOf(f, lang)),
        text(f.expected === undefined ? '' : String(f.expected)),
        text(String(actualOf(f, lang) ?? '')),
        text(f.code),
      ]);
    }
  };
  findingSection(t('diff.newFindings', lang, { count: report.newFindings.length }), report.newFindings, true);
  if (report.resolvedFindings.length > 0) {
    findingSection(t('diff.resolvedFindings', lang, { count: report.resolvedFindings.length }), report.resolvedFindings, false);
  }

  return basePlan('diff', t('plan.sheet.diff', lang), rows, {
    widths: [11, 18, 30, 16, 50, 50, 14],
    headerRow: 3,
    merges: ['A1:G1', 'A2:G2'],
    ...(report.changes.length > 0 ? { table: { name: 'AnnexAuditDiff', range: `A3:G${lastChange}` } } : {}),
  });
}
