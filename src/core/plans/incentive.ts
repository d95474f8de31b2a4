/** Summary sheets of profile A: 汇总-研判统计 (live COUNTIFS over a helper table), 汇总-县市区事项, 汇总-完成率. */
import type { Audit } from '../audit';
import { RATING_VOCAB } from '../vocab';
import { columnLetter } from '../grid';
import type { Params } from '../i18n/findings';
import type { Lang } from '../i18n/spec';
import { t, type UiKey } from '../i18n/ui';
import { basePlan, blank, formula, link, num, PERCENT, text } from './common';
import type { PlanCell, SheetPlan } from './types';

const RATING_HEADERS = RATING_VOCAB.map((r) => r.zh);

export function tallyPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const tr = (key: UiKey, params: Params = {}) => t(key, lang, params);
  const r = audit.recomputed.incentive;
  const analysis = audit.records.incentive?.analysis;
  if (!r || !analysis || r.itemRatings.length === 0) return null;
  const header = 3;
  const firstUnit = header + 2; // the 合计 row sits right under the header, as in 附件1
  const helperCol = 7; // H
  const itemsFirst = header + 1;
  const itemsLast = itemsFirst + r.itemRatings.length - 1;
  const H = (c: number) => columnLetter(helperCol + c);
  const unitRange = `$${H(0)}$${itemsFirst}:$${H(0)}$${itemsLast}`;
  const ratingRange = `$${H(3)}$${itemsFirst}:$${H(3)}$${itemsLast}`;
  const lastUnit = firstUnit + r.tally.length - 1;

  const rows: PlanCell[][] = [];
  rows[0] = [text(tr('plan.tally.title', { sheet: analysis.sheet }), 'title')];
  rows[1] = [text(tr('plan.tally.note', { sheet: analysis.sheet, guarantee: audit.settings.guaranteedQuotaIsVeryLikely ? tr('plan.tally.guarantee') : '' }), 'subtitle')];
  // The rating headers stay the rating words in every language: the COUNTIFS criteria read them.
  const headerRow: PlanCell[] = [text(tr('plan.col.unit'), 'header'), text(tr('plan.col.total'), 'header'), ...RATING_HEADERS.map((h) => text(h, 'header'))];
  headerRow[helperCol - 1] = blank();
  const helperHeader = [tr('plan.col.unit'), tr('plan.col.seq'), tr('plan.col.item'), tr('plan.col.rating'), tr('plan.col.basis')];
  helperHeader.forEach((h, i) => {
    headerRow[helperCol + i] = text(h, 'header');
  });
  rows[header - 1] = headerRow;

  const totalRow: PlanCell[] = [text(tr('plan.total'), 'total')];
  const totals = [r.tallyTotal.total, r.tallyTotal.veryLikely, r.tallyTotal.likely, r.tallyTotal.hard, r.tallyTotal.unlikely];
  totals.forEach((v, i) => {
    const col = columnLetter(1 + i);
    totalRow.push(formula(`SUM(${col}${firstUnit}:${col}${lastUnit})`, v, 'totalNumber'));
  });
  rows[header] = totalRow;

  r.tally.forEach((u, i) => {
    const rowNo = firstUnit + i;
    const values = [u.veryLikely, u.likely, u.hard, u.unlikely];
    rows[rowNo - 1] = [
      text(u.unit, 'center'),
      formula(`COUNTIFS(${unitRange},$A${rowNo})`, u.total),
      ...values.map((v, k) => formula(`COUNTIFS(${unitRange},$A${rowNo},${ratingRange},${columnLetter(2 + k)}$${header})`, v)),
    ];
  });

  r.itemRatings.forEach((it, i) => {
    const rowNo = itemsFirst + i;
    const row = rows[rowNo - 1] ?? [];
    for (let c = row.length; c < helperCol; c++) row[c] = blank();
    row[helperCol] = text(it.unit, 'center');
    row[helperCol + 1] = text(it.seq, 'center');
    row[helperCol + 2] = text(it.item);
    row[helperCol + 3] = text(it.rating ?? '', 'center');
    row[helperCol + 4] = link(`${it.sheet}!${it.cell}${it.byGuarantee ? tr('plan.byGuarantee') : ''}`, it.sheet, it.cell);
    rows[rowNo - 1] = row;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return basePlan('tally', tr('plan.sheet.tally'), rows as PlanCell[][], {
    widths: [22, 9, 10, 10, 10, 10, 3, 20, 9, 34, 11, 22],
    headerRow: header,
    merges: ['A1:F1', 'A2:F2'],
  });
}

export function countiesPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const tr = (key: UiKey, params: Params = {}) => t(key, lang, params);
  const sep = lang === 'zh-CN' ? '、' : ', ';
  const r = audit.recomputed.incentive;
  const analysis = audit.records.incentive?.analysis;
  if (!r || !analysis || r.counties.length === 0) return null;
  const listed = new Map((audit.records.incentive?.unitKeyItems?.rows ?? []).map((row) => [row.unitKey, row] as const));
  const keySheet = audit.records.incentive?.unitKeyItems?.sheet;
  const rows: PlanCell[][] = [
    [text(tr('plan.counties.title', { sheet: analysis.sheet }), 'title')],
    [text(tr('plan.counties.note', { sheet: analysis.sheet }), 'subtitle')],
    [text(tr('plan.col.county'), 'header'), text(tr('plan.col.count'), 'header'), text(tr('plan.col.itemsDerived'), 'header'), text(tr('plan.col.compareWith', { sheet: keySheet ?? '附件2' }), 'header')],
  ];
  for (const c of r.counties) {
    const items = c.items.map((it, i) => `${i + 1}.${it.item}${it.rating === '很有可能' ? tr('plan.veryLikelyNote') : ''}${it.via ? `（${it.via}）` : ''}`).join('\n');
    const row = listed.get(c.county);
    let compare = keySheet ? tr('plan.compare.noRow') : '';
    if (row) {
      const derivedKeys = c.items.map((it) => it.item);
      const missing = derivedKeys.filter((name) => !row.items.some((li) => li.name.replace(/\s/g, '') === name.replace(/\s/g, '') || li.key === name));
      const extra = row.items.filter((li) => !c.items.some((it) => it.item.replace(/\s/g, '') === li.name.replace(/\s/g, '') || it.item === li.key));
      const parts: string[] = [];
      if (row.count.value !== null && row.count.value !== c.count) parts.push(tr('plan.compare.count', { from: row.count.value, to: c.count }));
      if (missing.length > 0) parts.push(tr('plan.compare.missing', { items: missing.join(sep) }));
      if (extra.length > 0) parts.push(tr('plan.compare.extra', { items: extra.map((e) => e.name).join(sep) }));
      compare = parts.length === 0 ? tr('plan.compare.same') : parts.join(lang === 'zh-CN' ? '；' : '; ');
    }
    rows.push([text(c.county, 'center'), num(c.count), text(items), text(compare)]);
  }
  return basePlan('counties', tr('plan.sheet.counties'), rows, { widths: [14, 8, 60, 40], headerRow: 3, merges: ['A1:D1', 'A2:D2'] });
}

export function completionPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const tr = (key: UiKey, params: Params = {}) => t(key, lang, params);
  const r = audit.recomputed.incentive;
  if (!r || r.completion.items.length === 0) return null;
  const items = r.completion.items;
  const header = 3;
  const first = header + 1;
  const last = first + items.length - 1;
  const rows: PlanCell[][] = [
    [text(tr('plan.completion.title'), 'title')],
    [text(tr('plan.completion.note'), 'subtitle')],
    [text(tr('plan.col.unit'), 'header'), text(tr('plan.col.item'), 'header'), text(tr('plan.col.indicators'), 'header'), text(tr('plan.col.done'), 'header'), text(tr('plan.col.rate'), 'header'), text(tr('plan.col.confirmed'), 'header'), text(tr('plan.col.source'), 'header')],
  ];
  items.forEach((it, i) => {
    const rowNo = first + i;
    rows.push([
      text(it.unit, 'center'),
      text(it.item),
      num(it.total),
      num(it.done),
      formula(`IF(C${rowNo}>0,D${rowNo}/C${rowNo},"")`, it.rate ?? '', 'number', PERCENT),
      text(tr(it.confirmed ? 'plan.yes' : 'plan.no'), 'center'),
      link(`${it.sheet}!${it.cell}`, it.sheet, it.cell),
    ]);
  });
  const unitHeaderRow = rows.length + 2;
  rows.push([]);
  rows.push([text(tr('plan.completion.byUnit'), 'section')]);
  rows.push([text(tr('plan.col.unit'), 'header'), text(tr('plan.col.itemsCounted'), 'header'), text(tr('plan.col.indicators'), 'header'), text(tr('plan.col.done'), 'header'), text(tr('plan.col.rate'), 'header')]);
  const units = r.completion.units.filter((u) => u.total > 0);
  units.forEach((u, i) => {
    const rowNo = unitHeaderRow + 1 + i;
    const countItems = items.filter((it) => it.unit === u.unit).length;
    rows.push([
      text(u.unit, 'center'),
      formula(`COUNTIFS($A$${first}:$A$${last},A${rowNo})`, countItems),
      formula(`SUMIFS($C$${first}:$C$${last},$A$${first}:$A$${last},A${rowNo})`, u.total),
      formula(`SUMIFS($D$${first}:$D$${last},$A$${first}:$A$${last},A${rowNo})`, u.done),
      formula(`IF(C${rowNo}>0,D${rowNo}/C${rowNo},"")`, u.rate ?? '', 'number', PERCENT),
    ]);
  });
  return basePlan('completion', tr('plan.sheet.completion'), rows, { widths: [20, 36, 10, 10, 10, 8, 16], headerRow: header, merges: ['A1:G1', 'A2:G2'] });
}
