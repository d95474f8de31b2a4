/** Summary sheets of profile A: 汇总-研判统计 (live COUNTIFS over a helper table), 汇总-县市区事项, 汇总-完成率. */
import type { Audit } from '../audit';
import { RATING_VOCAB } from '../vocab';
import { columnLetter } from '../grid';
import type { Lang } from '../i18n/spec';
import { basePlan, blank, formula, link, num, PERCENT, text } from './common';
import type { PlanCell, SheetPlan } from './types';

const RATING_HEADERS = RATING_VOCAB.map((r) => r.zh);

export function tallyPlan(audit: Audit, _lang: Lang): SheetPlan | null {
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
  rows[0] = [text(`研判统计（按“${analysis.sheet}”重算）`, 'title')];
  rows[1] = [
    text(
      `由附件审核助手按“${analysis.sheet}”州直研判情况逐项重算：每项取最好的研判等级，括号内注释不计${
        audit.settings.guaranteedQuotaIsVeryLikely ? '，注明“必有1个名额”的计为很有可能' : ''
      }。右侧为逐项研判，可修改“研判等级”，统计随之更新。`,
      'subtitle',
    ),
  ];
  const headerRow: PlanCell[] = [text('牵头单位', 'header'), text('总项数', 'header'), ...RATING_HEADERS.map((h) => text(h, 'header'))];
  headerRow[helperCol - 1] = blank();
  const helperHeader = ['牵头单位', '序号', '激励事项', '研判等级', '依据（研判情况单元格）'];
  helperHeader.forEach((h, i) => {
    headerRow[helperCol + i] = text(h, 'header');
  });
  rows[header - 1] = headerRow;

  const totalRow: PlanCell[] = [text('合计', 'total')];
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
    row[helperCol + 4] = link(`${it.sheet}!${it.cell}${it.byGuarantee ? '（必有1个名额）' : ''}`, it.sheet, it.cell);
    rows[rowNo - 1] = row;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return basePlan('tally', '汇总-研判统计', rows as PlanCell[][], {
    widths: [22, 9, 10, 10, 10, 10, 3, 20, 9, 34, 11, 22],
    headerRow: header,
    merges: ['A1:F1', 'A2:F2'],
  });
}

export function countiesPlan(audit: Audit, _lang: Lang): SheetPlan | null {
  const r = audit.recomputed.incentive;
  const analysis = audit.records.incentive?.analysis;
  if (!r || !analysis || r.counties.length === 0) return null;
  const listed = new Map((audit.records.incentive?.unitKeyItems?.rows ?? []).map((row) => [row.unitKey, row] as const));
  const keySheet = audit.records.incentive?.unitKeyItems?.sheet;
  const rows: PlanCell[][] = [
    [text(`县市区重点事项（按“${analysis.sheet}”重算）`, 'title')],
    [text(`列出“${analysis.sheet}”中研判为有可能及以上的县市区事项；园区名称按别名表计入所属县市。`, 'subtitle')],
    [text('单位', 'header'), text('项数', 'header'), text('具体事项（重算）', 'header'), text(keySheet ? `与“${keySheet}”比较` : '与附件2比较', 'header')],
  ];
  for (const c of r.counties) {
    const items = c.items.map((it, i) => `${i + 1}.${it.item}${it.rating === '很有可能' ? '（很有可能）' : ''}${it.via ? `（${it.via}）` : ''}`).join('\n');
    const row = listed.get(c.county);
    let compare = keySheet ? '附件2中无此单位' : '';
    if (row) {
      const derivedKeys = c.items.map((it) => it.item);
      const missing = derivedKeys.filter((name) => !row.items.some((li) => li.name.replace(/\s/g, '') === name.replace(/\s/g, '') || li.key === name));
      const extra = row.items.filter((li) => !c.items.some((it) => it.item.replace(/\s/g, '') === li.name.replace(/\s/g, '') || it.item === li.key));
      const parts: string[] = [];
      if (row.count.value !== null && row.count.value !== c.count) parts.push(`项数${row.count.value}→${c.count}`);
      if (missing.length > 0) parts.push(`未列：${missing.join('、')}`);
      if (extra.length > 0) parts.push(`多列：${extra.map((e) => e.name).join('、')}`);
      compare = parts.length === 0 ? '一致' : parts.join('；');
    }
    rows.push([text(c.county, 'center'), num(c.count), text(items), text(compare)]);
  }
  return basePlan('counties', '汇总-县市区事项', rows, { widths: [14, 8, 60, 40], headerRow: 3, merges: ['A1:D1', 'A2:D2'] });
}

export function completionPlan(audit: Audit, _lang: Lang): SheetPlan | null {
  const r = audit.recomputed.incentive;
  if (!r || r.completion.items.length === 0) return null;
  const items = r.completion.items;
  const header = 3;
  const first = header + 1;
  const last = first + items.length - 1;
  const rows: PlanCell[][] = [
    [text('考核指标完成率（按附件4进展情况文字重算）', 'title')],
    [text('只收录文字中完整写明“共N项、已完成a项”的事项；“核对”为“是”表示已完成与未完成之和等于总数。', 'subtitle')],
    [text('牵头单位', 'header'), text('激励事项', 'header'), text('指标总数', 'header'), text('已完成', 'header'), text('完成率', 'header'), text('核对', 'header'), text('来源', 'header')],
  ];
  items.forEach((it, i) => {
    const rowNo = first + i;
    rows.push([
      text(it.unit, 'center'),
      text(it.item),
      num(it.total),
      num(it.done),
      formula(`IF(C${rowNo}>0,D${rowNo}/C${rowNo},"")`, it.rate, 'number', PERCENT),
      text(it.confirmed ? '是' : '否', 'center'),
      link(`${it.sheet}!${it.cell}`, it.sheet, it.cell),
    ]);
  });
  const unitHeaderRow = rows.length + 2;
  rows.push([]);
  rows.push([text('按牵头单位汇总', 'section')]);
  rows.push([text('牵头单位', 'header'), text('有计数的事项', 'header'), text('指标总数', 'header'), text('已完成', 'header'), text('完成率', 'header')]);
  const units = r.completion.units.filter((u) => u.total > 0);
  units.forEach((u, i) => {
    const rowNo = unitHeaderRow + 1 + i;
    const countItems = items.filter((it) => it.unit === u.unit).length;
    rows.push([
      text(u.unit, 'center'),
      formula(`COUNTIFS($A$${first}:$A$${last},A${rowNo})`, countItems),
      formula(`SUMIFS($C$${first}:$C$${last},$A$${first}:$A$${last},A${rowNo})`, u.total),
      formula(`SUMIFS($D$${first}:$D$${last},$A$${first}:$A$${last},A${rowNo})`, u.done),
      formula(`IF(C${rowNo}>0,D${rowNo}/C${rowNo},"")`, u.rate, 'number', PERCENT),
    ]);
  });
  return basePlan('completion', '汇总-完成率', rows, { widths: [20, 36, 10, 10, 10, 8, 16], headerRow: header, merges: ['A1:G1', 'A2:G2'] });
}
