/** Summary sheets of profile B: 汇总-目标任务, 汇总-民生实事 and 通报草稿. */
import type { Audit } from '../audit';
import { PROGRESS_VOCAB, vocabEntry } from '../vocab';
import type { Lang } from '../i18n/spec';
import type { ClassTally } from '../profileB/recompute';
import { basePlan, blank, formula, link, num, PERCENT, text } from './common';
import type { PlanCell, SheetPlan } from './types';

/** The target annex's column words for the classes (from the vocabulary), and the rows with no clear mark. */
const CLASS_LABEL = {
  done: vocabEntry(PROGRESS_VOCAB, 'done').zh,
  onSchedule: vocabEntry(PROGRESS_VOCAB, 'onSchedule').zh,
  lagging: vocabEntry(PROGRESS_VOCAB, 'lagging').zh,
  unmarked: '未标记',
} as const;

function classRows(t: ClassTally, firstRow: number): PlanCell[][] {
  const keys = (['done', 'onSchedule', 'lagging', 'unmarked'] as const).filter((k) => k !== 'unmarked' || t.counts.unmarked > 0);
  const totalRow = firstRow + keys.length;
  const rows: PlanCell[][] = keys.map((k, i) => [
    text(CLASS_LABEL[k], 'center'),
    num(t.counts[k]),
    formula(`IF($B$${totalRow}>0,B${firstRow + i}/$B$${totalRow},"")`, t.counts.total > 0 ? t.counts[k] / t.counts.total : null, 'number', PERCENT),
    num(Number((t.shares[k] / 100).toFixed(4)), 'number'),
  ]);
  rows.forEach((r) => {
    const c = r[3];
    if (c) r[3] = { ...c, numberFormat: PERCENT };
  });
  rows.push([
    text('合计', 'total'),
    formula(`SUM(B${firstRow}:B${totalRow - 1})`, t.counts.total, 'totalNumber'),
    formula(`SUM(C${firstRow}:C${totalRow - 1})`, t.counts.total > 0 ? 1 : null, 'totalNumber', PERCENT),
    { ...num(Number((keys.reduce((a, k) => a + t.shares[k], 0) / 100).toFixed(4)), 'totalNumber'), numberFormat: PERCENT },
  ]);
  return rows;
}

export function targetsPlan(audit: Audit, _lang: Lang): SheetPlan | null {
  const t = audit.recomputed.keywork?.targets;
  if (!t) return null;
  const rows: PlanCell[][] = [
    [text('目标任务推进情况（按附件1工作进度重算）', 'title')],
    [text('“占比”为公式（项数÷合计）；“通报口径”按最大余数法取一位小数，使各项相加为100%。', 'subtitle')],
    [text('工作进度', 'header'), text('项数', 'header'), text('占比', 'header'), text('通报口径', 'header')],
  ];
  rows.push(...classRows(t, rows.length + 1));
  rows.push([]);
  rows.push([text('按牵头单位（两个单位共同牵头的目标各计一次）', 'section')]);
  const unitHeader = rows.length + 1;
  rows.push([text('牵头单位', 'header'), text('目标数', 'header'), text('基本完成', 'header'), text('按时序推进', 'header'), text('相对滞后', 'header'), text('滞后占比', 'header')]);
  t.byUnit.forEach((u, i) => {
    const r = unitHeader + 1 + i;
    rows.push([
      text(u.unit, 'center'),
      num(u.counts.total),
      num(u.counts.done),
      num(u.counts.onSchedule),
      num(u.counts.lagging),
      formula(`IF(B${r}>0,E${r}/B${r},"")`, u.counts.total > 0 ? u.counts.lagging / u.counts.total : null, 'number', PERCENT),
    ]);
  });
  rows.push([]);
  rows.push([text(`相对滞后的目标任务（${t.lagging.length}项）`, 'section')]);
  rows.push([text('序号', 'header'), text('目标任务', 'header'), text('牵头单位', 'header'), text('来源', 'header')]);
  for (const l of t.lagging) {
    rows.push([num(l.seq, 'center'), text(l.target), text(l.units.join('\n'), 'center'), link(`${l.sheet}!${l.cell}`, l.sheet, l.cell)]);
  }
  return basePlan('targets', '汇总-目标任务', rows, { widths: [22, 60, 14, 14, 12, 12], headerRow: 3, merges: ['A1:F1', 'A2:F2'] });
}

export function livelihoodPlan(audit: Audit, _lang: Lang): SheetPlan | null {
  const l = audit.recomputed.keywork?.livelihood;
  if (!l) return null;
  const rows: PlanCell[][] = [
    [text('重点民生实事推进情况（按附件2重算）', 'title')],
    [text('“重算比例”= 进展情况中的已完成量 ÷ 目标值（同一单位时）；空白表示无法量化，不作推算。', 'subtitle')],
    [text('范围', 'header'), text('指标数', 'header'), text('已完成', 'header'), text('正常推进', 'header'), text('完成占比', 'header'), text('推进占比', 'header')],
  ];
  const scopes: [string, ClassTally][] = [
    ['全部', l.all],
    ['省级', l.provincial],
    ['市级', l.city],
  ];
  scopes.forEach(([label, t], i) => {
    const r = 4 + i;
    rows.push([
      text(label, 'center'),
      num(t.counts.total),
      num(t.counts.done),
      num(t.counts.onSchedule),
      formula(`IF(B${r}>0,C${r}/B${r},"")`, t.counts.total > 0 ? t.counts.done / t.counts.total : null, 'number', PERCENT),
      formula(`IF(B${r}>0,D${r}/B${r},"")`, t.counts.total > 0 ? t.counts.onSchedule / t.counts.total : null, 'number', PERCENT),
    ]);
  });
  rows.push([]);
  rows.push([text('逐项核对', 'section')]);
  rows.push([
    text('序号', 'header'),
    text('指标', 'header'),
    text('目标', 'header'),
    text('已完成', 'header'),
    text('重算比例', 'header'),
    text('填报量化数据', 'header'),
    text('进度评价', 'header'),
    text('来源', 'header'),
  ]);
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
  return basePlan('livelihood', '汇总-民生实事', rows, { widths: [8, 40, 14, 16, 11, 12, 11, 12], headerRow: 3, merges: ['A1:H1', 'A2:H2'] });
}

export function draftPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const h = audit.recomputed.keywork?.headline;
  if (!h) return null;
  const rows: PlanCell[][] = [
    [text('通报草稿（按附件重算的数字）', 'title')],
    [text('以下段落由附件审核助手按附件1、附件2重算的数字生成，沿用通报原文措辞；核对无误后可复制使用。', 'subtitle')],
    [blank()],
    [text(h[lang] ?? h['zh-CN'], 'text')],
  ];
  return basePlan('draft', '通报草稿', rows, { widths: [110], headerRow: 2, merges: [] });
}
