/** Summary sheets of profile B: 汇总-目标任务, 汇总-民生实事 and 通报草稿. */
import type { Audit } from '../audit';
import { PROGRESS_VOCAB, vocabEntry } from '../vocab';
import type { Params } from '../i18n/findings';
import type { Lang } from '../i18n/spec';
import { t as tr, type UiKey } from '../i18n/ui';
import type { ClassTally } from '../profileB/recompute';
import { basePlan, blank, formula, link, num, PERCENT, text } from './common';
import type { PlanCell, SheetPlan } from './types';

/** The target annex's column words for the classes (from the vocabulary), and the rows with no clear mark. */
const CLASS_LABEL = {
  done: vocabEntry(PROGRESS_VOCAB, 'done').zh,
  onSchedule: vocabEntry(PROGRESS_VOCAB, 'onSchedule').zh,
  lagging: vocabEntry(PROGRESS_VOCAB, 'lagging').zh,
} as const;

function classRows(t: ClassTally, firstRow: number, lang: Lang): PlanCell[][] {
  const label = (k: 'done' | 'onSchedule' | 'lagging' | 'unmarked') => (k === 'unmarked' ? tr('plan.unmarked', lang) : CLASS_LABEL[k]);
  const keys = (['done', 'onSchedule', 'lagging', 'unmarked'] as const).filter((k) => k !== 'unmarked' || t.counts.unmarked > 0);
  const totalRow = firstRow + keys.length;
  const rows: PlanCell[][] = keys.map((k, i) => [
    text(label(k), 'center'),
    num(t.counts[k]),
    formula(`IF($B$${totalRow}>0,B${firstRow + i}/$B$${totalRow},"")`, t.counts.total > 0 ? t.counts[k] / t.counts.total : '', 'number', PERCENT),
    num(Number((t.shares[k] / 100).toFixed(4)), 'number'),
  ]);
  rows.forEach((r) => {
    const c = r[3];
    if (c) r[3] = { ...c, numberFormat: PERCENT };
  });
  rows.push([
    text(tr('plan.total', lang), 'total'),
    formula(`SUM(B${firstRow}:B${totalRow - 1})`, t.counts.total, 'totalNumber'),
    formula(`SUM(C${firstRow}:C${totalRow - 1})`, t.counts.total > 0 ? 1 : 0, 'totalNumber', PERCENT),
    { ...num(Number((keys.reduce((a, k) => a + t.shares[k], 0) / 100).toFixed(4)), 'totalNumber'), numberFormat: PERCENT },
  ]);
  return rows;
}

export function targetsPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const L = (key: UiKey, params: Params = {}) => tr(key, lang, params);
  const t = audit.recomputed.keywork?.targets;
  if (!t) return null;
  const rows: PlanCell[][] = [
    [text(L('plan.targets.title'), 'title')],
    [text(L('plan.targets.note'), 'subtitle')],
    [text(L('plan.col.progressClass'), 'header'), text(L('plan.col.count'), 'header'), text(L('plan.col.share'), 'header'), text(L('plan.col.published'), 'header')],
  ];
  rows.push(...classRows(t, rows.length + 1, lang));
  rows.push([]);
  rows.push([text(L('plan.targets.byUnit'), 'section')]);
  const unitHeader = rows.length + 1;
  rows.push([text(L('plan.col.unit'), 'header'), text(L('plan.col.targets'), 'header'), text(CLASS_LABEL.done, 'header'), text(CLASS_LABEL.onSchedule, 'header'), text(CLASS_LABEL.lagging, 'header'), text(L('plan.col.laggingShare'), 'header')]);
  t.byUnit.forEach((u, i) => {
    const r = unitHeader + 1 + i;
    rows.push([
      text(u.unit, 'center'),
      num(u.counts.total),
      num(u.counts.done),
      num(u.counts.onSchedule),
      num(u.counts.lagging),
      formula(`IF(B${r}>0,E${r}/B${r},"")`, u.counts.total > 0 ? u.counts.lagging / u.counts.total : '', 'number', PERCENT),
    ]);
  });
  rows.push([]);
  rows.push([text(L('plan.targets.lagging', { count: t.lagging.length }), 'section')]);
  rows.push([text(L('plan.col.seq'), 'header'), text(L('plan.col.target'), 'header'), text(L('plan.col.unit'), 'header'), text(L('plan.col.source'), 'header')]);
  for (const l of t.lagging) {
    rows.push([num(l.seq, 'center'), text(l.target), text(l.units.join('\n'), 'center'), link(`${l.sheet}!${l.cell}`, l.sheet, l.cell)]);
  }
  return basePlan('targets', L('plan.sheet.targets'), rows, { widths: [22, 60, 14, 14, 12, 12], headerRow: 3, merges: ['A1:F1', 'A2:F2'] });
}

export function livelihoodPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const L = (key: UiKey, params: Params = {}) => tr(key, lang, params);
  const l = audit.recomputed.keywork?.livelihood;
  if (!l) return null;
  const rows: PlanCell[][] = [
    [text(L('plan.livelihood.title'), 'title')],
    [text(L('plan.livelihood.note'), 'subtitle')],
    [text(L('plan.col.scope'), 'header'), text(L('plan.col.indicatorCount'), 'header'), text(L('plan.col.done'), 'header'), text(L('plan.col.onSchedule'), 'header'), text(L('plan.col.doneShare'), 'header'), text(L('plan.col.onScheduleShare'), 'header')],
  ];
  const scopes: [string, ClassTally][] = [
    [L('plan.scope.all'), l.all],
    [L('plan.scope.provincial'), l.provincial],
    [L('plan.scope.city'), l.city],
  ];
  scopes.forEach(([label, t], i) => {
    const r = 4 + i;
    rows.push([
      text(label, 'center'),
      num(t.counts.total),
      num(t.counts.done),
      num(t.counts.onSchedule),
      formula(`IF(B${r}>0,C${r}/B${r},"")`, t.counts.total > 0 ? t.counts.done / t.counts.total : '', 'number', PERCENT),
      formula(`IF(B${r}>0,D${r}/B${r},"")`, t.counts.total > 0 ? t.counts.onSchedule / t.counts.total : '', 'number', PERCENT),
    ]);
  });
  rows.push([]);
  rows.push([text(L('plan.livelihood.rows'), 'section')]);
  rows.push(
    (['plan.col.seq', 'plan.col.indicator', 'plan.col.goal', 'plan.col.achieved', 'plan.col.recomputed', 'plan.col.stated', 'plan.col.status', 'plan.col.source'] as const).map((k) => text(L(k), 'header')),
  );
  const statusLabel = { done: '已完成', onSchedule: '正常推进', lagging: '相对滞后' } as const;
  for (const r of l.rows) {
    rows.push([
      num(r.seq, 'center'),
      text(r.label),
      text(r.target),
      text(r.achieved ?? ''),
      { ...num(r.recomputedPercent === null ? null : Number((r.recomputedPercent / 100).toFixed(6))), numberFormat: PERCENT },
      { ...num(r.statedPercent === null ? null : Number((r.statedPercent / 100).toFixed(6))), numberFormat: PERCENT },
      text(r.status ? statusLabel[r.status] : '', 'center'),
      link(`${r.sheet}!${r.cell}`, r.sheet, r.cell),
    ]);
  }
  return basePlan('livelihood', L('plan.sheet.livelihood'), rows, { widths: [8, 40, 14, 16, 11, 12, 11, 12], headerRow: 3, merges: ['A1:H1', 'A2:H2'] });
}

export function draftPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const h = audit.recomputed.keywork?.headline;
  if (!h) return null;
  const rows: PlanCell[][] = [
    [text(tr('plan.draft.title', lang), 'title')],
    [text(tr('plan.draft.note', lang), 'subtitle')],
    [blank()],
    [text(h[lang] ?? h['zh-CN'], 'text')],
  ];
  return basePlan('draft', tr('plan.sheet.draft', lang), rows, { widths: [110], headerRow: 2, merges: [] });
}
