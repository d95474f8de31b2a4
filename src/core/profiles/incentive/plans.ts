/** Summary sheets of profile A: 汇总-研判统计 (live COUNTIFS over a helper table), 汇总-县市区事项, 汇总-完成率. */
import type { Audit } from '../../auditTypes';
import { RATING_VOCAB } from '../../vocab';
import { columnLetter } from '../../grid';
import type { Lang } from '../../i18n/spec';
import { t, type UiArgs, type UiKey } from '../../i18n/ui';
import { basePlan, blank, countEqual, formula, link, num, PERCENT, PlanRows, text } from '../../plans/common';
import { CHART_COLORS, columnRange, placeCharts } from '../../plans/charts';
import type { PlanCell, SheetPlan } from '../../plans/types';
import { LIST_SEPARATOR } from '../../i18n/lists';

const RATING_KEYS = ['veryLikely', 'likely', 'hard', 'unlikely'] as const;

const RATING_HEADERS = RATING_VOCAB.map((r) => r.zh);

export function tallyPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const r = audit.recomputed.incentive;
  const analysis = audit.records['incentive-analysis'];
  if (!r || !analysis || r.itemRatings.length === 0) return null;
  const helperCol = 7; // H: the helper table (one row per item) beside the tally
  const H = (c: number) => columnLetter(helperCol + c);

  const rows = new PlanRows();
  rows.push([text(tr('plan.tally.title', { sheet: analysis.sheet }), 'title')]);
  rows.push([text(tr('plan.tally.note', { sheet: analysis.sheet, guarantee: audit.settings.guaranteedQuotaIsVeryLikely ? tr('plan.tally.guarantee') : '' }), 'subtitle')]);
  // The rating headers stay the rating words in every language: the formulas compare the ratings with them.
  const headerRow: PlanCell[] = [text(tr('plan.col.unit'), 'header'), text(tr('plan.col.total'), 'header'), ...RATING_HEADERS.map((h) => text(h, 'header'))];
  headerRow[helperCol - 1] = blank();
  [tr('plan.col.unit'), tr('plan.col.seq'), tr('plan.col.item'), tr('plan.col.rating'), tr('plan.col.basis')].forEach((h, i) => {
    headerRow[helperCol + i] = text(h, 'header');
  });
  const header = rows.push(headerRow);
  const totalRow = rows.reserve(); // the 合计 row sits right under the header, as in 附件1

  // The helper table starts on the 合计 row and runs down beside the units.
  const itemsFirst = totalRow;
  const itemsLast = itemsFirst + r.itemRatings.length - 1;
  const unitRange = `$${H(0)}$${itemsFirst}:$${H(0)}$${itemsLast}`;
  const ratingRange = `$${H(3)}$${itemsFirst}:$${H(3)}$${itemsLast}`;

  const units = rows.block(r.tally, (u, row) => [
    text(u.unit, 'center'),
    formula(countEqual([[unitRange, `$A${row}`]]), u.total),
    ...[u.veryLikely, u.likely, u.hard, u.unlikely].map((v, k) => formula(countEqual([[unitRange, `$A${row}`], [ratingRange, `${columnLetter(2 + k)}$${header}`]]), v)),
  ]);

  const totals = [r.tallyTotal.total, r.tallyTotal.veryLikely, r.tallyTotal.likely, r.tallyTotal.hard, r.tallyTotal.unlikely];
  rows.fill(totalRow, [
    text(tr('plan.total'), 'total'),
    ...totals.map((v, i) => {
      const col = columnLetter(1 + i);
      return formula(`SUM(${col}${units.first}:${col}${units.last})`, v, 'totalNumber');
    }),
  ]);

  r.itemRatings.forEach((it, i) => {
    const row = itemsFirst + i;
    rows.set(row, helperCol, text(it.unit, 'center'));
    rows.set(row, helperCol + 1, text(it.seq, 'center'));
    rows.set(row, helperCol + 2, text(it.item));
    rows.set(row, helperCol + 3, text(it.rating ?? '', 'center'));
    rows.set(row, helperCol + 4, link(`${it.sheet}!${it.cell}${it.byGuarantee ? tr('plan.byGuarantee') : ''}`, it.sheet, it.cell));
  });
  const widths = [22, 9, 10, 10, 10, 10, 3, 20, 9, 34, 11, 22];
  // Under the tally, across its columns A:F: one stacked bar per unit, one series per rating column.
  const { charts } = placeCharts(
    [
      {
        id: 'ratings',
        kind: 'barStacked',
        title: tr('chart.tally.title'),
        categories: columnRange('A', units.first, units.last),
        series: RATING_KEYS.map((k, i) => {
          const col = columnLetter(2 + i);
          // zh-CN: the legend is the header cell itself; en-US: the translated word (the header stays the rating word).
          return { name: tr(`chart.rating.${k}`), ...(lang === 'zh-CN' ? { nameCell: `$${col}$${header}` } : {}), values: columnRange(col, units.first, units.last), color: CHART_COLORS[k] };
        }),
        categoryAxisTitle: tr('chart.axis.unit'),
        valueAxisTitle: tr('chart.axis.items'),
        legend: true,
        span: 6,
      },
    ],
    widths,
    units.last + 2,
  );
  return basePlan('tally', tr('plan.sheet.tally'), rows.rows, {
    widths,
    headerRow: header,
    merges: ['A1:F1', 'A2:F2'],
    charts,
  });
}

/** A name without its whitespace (how a listed item and a derived one are matched). */
const noSpace = (s: string): string => s.replace(/\s/g, '');

export function countiesPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const sep = LIST_SEPARATOR[lang];
  const r = audit.recomputed.incentive;
  const analysis = audit.records['incentive-analysis'];
  if (!r || !analysis || r.counties.length === 0) return null;
  const listed = new Map((audit.records['unit-key-items']?.rows ?? []).map((row) => [row.unitKey, row] as const));
  const keySheet = audit.records['unit-key-items']?.sheet;
  const rows: PlanCell[][] = [
    [text(tr('plan.counties.title', { sheet: analysis.sheet }), 'title')],
    [text(tr('plan.counties.note', { sheet: analysis.sheet }), 'subtitle')],
    [text(tr('plan.col.county'), 'header'), text(tr('plan.col.count'), 'header'), text(tr('plan.col.itemsDerived'), 'header'), text(tr('plan.col.compareWith', { sheet: keySheet ?? '附件2' }), 'header')],
  ];
  for (const c of r.counties) {
    const items = c.items.map((it, i) => `${i + 1}.${it.item}${it.rating === '很有可能' ? tr('plan.veryLikelyNote') : ''}${it.via ? `（${it.via}）` : ''}`).join('\n');
    const row = listed.get(c.listedAs ?? c.county);
    let compare = keySheet ? tr('plan.compare.noRow') : '';
    if (row) {
      // Matched by name without spaces or by the listed item's key: sets, not a scan per pair (a county of
      // thousands of items stays linear).
      const listedNames = new Set(row.items.map((li) => noSpace(li.name)));
      const listedKeys = new Set(row.items.map((li) => li.key));
      const derivedNames = new Set(c.items.map((it) => noSpace(it.item)));
      const derivedItems = new Set(c.items.map((it) => it.item));
      const missing = c.items.map((it) => it.item).filter((name) => !listedNames.has(noSpace(name)) && !listedKeys.has(name));
      const extra = row.items.filter((li) => !derivedNames.has(noSpace(li.name)) && !derivedItems.has(li.key));
      const parts: string[] = [];
      if (row.count.value !== null && row.count.value !== c.count) parts.push(tr('plan.compare.count', { from: row.count.value, to: c.count }));
      if (missing.length > 0) parts.push(tr('plan.compare.missing', { items: missing.join(sep) }));
      if (extra.length > 0) parts.push(tr('plan.compare.extra', { items: extra.map((e) => e.name).join(sep) }));
      compare = parts.length === 0 ? tr('plan.compare.same') : parts.join(lang === 'zh-CN' ? '；' : '; ');
      if (c.listedAs !== undefined) compare = `${tr('plan.compare.writtenAs', { sheet: keySheet ?? '附件2', unit: row.unit })}${compare}`;
    }
    rows.push([text(c.county, 'center'), num(c.count), text(items), text(compare)]);
  }
  return basePlan('counties', tr('plan.sheet.counties'), rows, { widths: [14, 8, 60, 40], headerRow: 3, merges: ['A1:D1', 'A2:D2'] });
}

export function completionPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const tr = <K extends UiKey>(key: K, ...params: UiArgs<K>) => t(key, lang, ...params);
  const r = audit.recomputed.incentive;
  if (!r || r.completion.items.length === 0) return null;
  const items = r.completion.items;
  const rows = new PlanRows();
  rows.push([text(tr('plan.completion.title'), 'title')]);
  rows.push([text(tr('plan.completion.note'), 'subtitle')]);
  const header = rows.push(
    (['plan.col.unit', 'plan.col.item', 'plan.col.indicators', 'plan.col.done', 'plan.col.rate', 'plan.col.confirmed', 'plan.col.source'] as const).map((k) => text(tr(k), 'header')),
  );
  const list = rows.block(items, (it, row) => [
    text(it.unit, 'center'),
    text(it.item),
    num(it.total),
    num(it.done),
    formula(`IF(C${row}>0,D${row}/C${row},"")`, it.rate ?? '', 'number', PERCENT),
    text(tr(it.confirmed ? 'plan.yes' : 'plan.no'), 'center'),
    link(`${it.sheet}!${it.cell}`, it.sheet, it.cell),
  ]);
  const col = (c: string) => `$${c}$${list.first}:$${c}$${list.last}`;
  rows.push();
  rows.push([text(tr('plan.completion.byUnit'), 'section')]);
  const unitHeader = rows.push([
    ...(['plan.col.unit', 'plan.col.itemsCounted', 'plan.col.indicators', 'plan.col.done', 'plan.col.rate', 'plan.col.sortKey', 'plan.col.ranked'] as const).map((k) => text(tr(k), 'header')),
    text(tr('plan.col.rate'), 'header'),
  ]);
  const units = r.completion.units.filter((u) => u.total > 0);
  const itemsOf = new Map<string, number>();
  for (const it of items) itemsOf.set(it.unit, (itemsOf.get(it.unit) ?? 0) + 1);
  const byUnit = rows.block(units, (u, row) => [
    text(u.unit, 'center'),
    formula(countEqual([[col('A'), `$A${row}`]]), itemsOf.get(u.unit) ?? 0),
    formula(countEqual([[col('A'), `$A${row}`]], col('C')), u.total),
    formula(countEqual([[col('A'), `$A${row}`]], col('D')), u.done),
    formula(`IF(C${row}>0,D${row}/C${row},"")`, u.rate ?? '', 'number', PERCENT),
  ]);
  const widths = [20, 36, 10, 10, 10, 8, 20, 10];
  if (byUnit.last < byUnit.first) return basePlan('completion', tr('plan.sheet.completion'), rows.rows, { widths, headerRow: header, merges: ['A1:G1', 'A2:G2'] });
  const sum = (c: string) => `SUM(${c}${byUnit.first}:${c}${byUnit.last})`;
  const allTotal = units.reduce((n, u) => n + u.total, 0);
  const allDone = units.reduce((n, u) => n + u.done, 0);
  const overallRate = allTotal > 0 ? allDone / allTotal : '';
  const overall = rows.push((row) => [
    text(tr('chart.overall'), 'total'),
    formula(sum('B'), units.reduce((n, u) => n + (itemsOf.get(u.unit) ?? 0), 0), 'totalNumber'),
    formula(sum('C'), allTotal, 'totalNumber'),
    formula(sum('D'), allDone, 'totalNumber'),
    formula(`IF(C${row}>0,D${row}/C${row},"")`, overallRate, 'totalNumber', PERCENT),
  ]);
  // Beside the table, the same units ranked by rate, live: F is a sort key (the rate, ties in the table's
  // order), G:H the k-th largest key's unit and rate. Correct a figure and the ranking (and its chart) follows.
  const keyRange = `$F$${byUnit.first}:$F$${byUnit.last}`;
  const keys = units.map((u, i) => (u.rate ?? -1) - (byUnit.first + i) / 1e6);
  const order = units.map((u, i) => ({ u, k: keys[i] as number })).sort((a, b) => b.k - a.k);
  units.forEach((_u, i) => {
    const row = byUnit.first + i;
    rows.set(row, 5, formula(`IF(ISNUMBER(E${row}),E${row},-1)-ROW()/1000000`, keys[i] as number, 'number', '0.000000'));
    const pick = (c: string) => `INDEX($${c}$${byUnit.first}:$${c}$${byUnit.last},MATCH(LARGE(${keyRange},${i + 1}),${keyRange},0))`;
    const ranked = order[i]?.u;
    rows.set(row, 6, formula(pick('A'), ranked?.unit ?? '', 'center'));
    rows.set(row, 7, formula(pick('E'), ranked?.rate ?? '', 'number', PERCENT));
  });
  rows.set(overall, 6, text(tr('chart.overall'), 'total'));
  rows.set(overall, 7, formula(`E${overall}`, overallRate, 'totalNumber', PERCENT));
  const { charts } = placeCharts(
    [
      {
        id: 'rates',
        kind: 'bar',
        title: tr('chart.completion.title'),
        categories: columnRange('G', byUnit.first, overall),
        series: [{ name: tr('plan.col.rate'), nameCell: `$H$${unitHeader}`, values: columnRange('H', byUnit.first, overall), color: CHART_COLORS.rate, pointColors: [{ index: overall - byUnit.first, color: CHART_COLORS.overall }] }],
        categoryAxisTitle: tr('chart.axis.unit'),
        valueAxisTitle: tr('chart.axis.rate'),
        valueFormat: '0%',
        dataLabels: true,
        legend: false,
        span: 5,
      },
    ],
    widths,
    overall + 2,
  );
  return basePlan('completion', tr('plan.sheet.completion'), rows.rows, { widths, headerRow: header, merges: ['A1:G1', 'A2:G2'], charts });
}
