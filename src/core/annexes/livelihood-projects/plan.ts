/** The summary sheet of 附件2 民生实事: 汇总-民生实事. */
import type { Audit } from '../../auditTypes';
import type { Lang } from '../../i18n/spec';
import { t as tr, type UiArgs, type UiKey } from '../../i18n/ui';
import type { ClassTally } from '../../profiles/keywork/recompute';
import { basePlan, countEqual, formula, link, num, PERCENT, PlanRows, text } from '../../plans/common';
import { CHART_COLORS, columnRange, placeCharts } from '../../plans/charts';
import type { SheetPlan } from '../../plans/types';


export function livelihoodPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const L = <K extends UiKey>(key: K, ...params: UiArgs<K>) => tr(key, lang, ...params);
  const l = audit.recomputed.keywork?.livelihood;
  if (!l) return null;
  const rows = new PlanRows();
  rows.push([text(L('plan.livelihood.title'), 'title')]);
  rows.push([text(L('plan.livelihood.note'), 'subtitle')]);
  const header = rows.push(
    (['plan.col.scope', 'plan.col.indicatorCount', 'plan.col.done', 'plan.col.onSchedule', 'plan.col.doneShare', 'plan.col.onScheduleShare'] as const).map((k) => text(L(k), 'header')),
  );
  const scopes: ['all' | 'provincial' | 'city', ClassTally][] = [
    ['all', l.all],
    ['provincial', l.provincial],
    ['city', l.city],
  ];
  const scopeRows = scopes.map(() => rows.reserve());
  rows.push();
  rows.push([text(L('plan.livelihood.rows'), 'section')]);
  const listHeader = rows.push(
    (['plan.col.seq', 'plan.col.indicator', 'plan.col.goal', 'plan.col.achieved', 'plan.col.recomputed', 'plan.col.stated', 'plan.col.status', 'plan.col.source', 'plan.col.category'] as const).map((k) =>
      text(L(k), 'header'),
    ),
  );
  const statusLabel = { done: '已完成', onSchedule: '正常推进', lagging: '相对滞后' } as const;
  const categoryLabel = { provincial: L('plan.scope.provincial'), city: L('plan.scope.city') } as const;
  const list = rows.block(l.rows, (r) => [
    num(r.seq, 'center'),
    text(r.label),
    text(r.target),
    text(r.achieved ?? ''),
    { ...num(r.recomputedPercent === null ? null : Number((r.recomputedPercent / 100).toFixed(6))), numberFormat: PERCENT },
    { ...num(r.statedPercent === null ? null : Number((r.statedPercent / 100).toFixed(6))), numberFormat: PERCENT },
    text(r.status ? statusLabel[r.status] : '', 'center'),
    link(`${r.sheet}!${r.cell}`, r.sheet, r.cell),
    text(r.category ? categoryLabel[r.category] : '', 'center'),
  ]);
  const range = (c: string) => `$${c}$${list.first}:$${c}$${list.last}`;
  scopes.forEach(([scope, t], i) => {
    const row = scopeRows[i] as number;
    const inScope: (readonly [string, string])[] = scope === 'all' ? [] : [[range('I'), `$A${row}`]];
    const count = (status?: string): string =>
      list.last < list.first ? '0' : scope === 'all' && !status ? `ROWS(${range('A')})` : countEqual([...inScope, ...(status ? [[range('G'), `"${status}"`] as const] : [])]);
    rows.fill(row, [
      text(scope === 'all' ? L('plan.scope.all') : categoryLabel[scope], 'center'),
      formula(count(), t.counts.total),
      formula(count(statusLabel.done), t.counts.done),
      formula(count(statusLabel.onSchedule), t.counts.onSchedule),
      formula(`IF(B${row}>0,C${row}/B${row},"")`, t.counts.total > 0 ? t.counts.done / t.counts.total : '', 'number', PERCENT),
      formula(`IF(B${row}>0,D${row}/B${row},"")`, t.counts.total > 0 ? t.counts.onSchedule / t.counts.total : '', 'number', PERCENT),
    ]);
  });
  const widths = [8, 40, 14, 16, 11, 12, 11, 12, 8];
  const { charts } =
    list.last < list.first
      ? { charts: [] }
      : placeCharts(
          [
            {
              id: 'progress',
              kind: 'bar',
              title: L('chart.livelihood.title'),
              categories: columnRange('B', list.first, list.last),
              series: [{ name: L('plan.col.stated'), nameCell: `$F$${listHeader}`, values: columnRange('F', list.first, list.last), color: CHART_COLORS.rate }],
              categoryAxisTitle: L('chart.axis.project'),
              valueAxisTitle: L('chart.axis.progressShare'),
              valueFormat: '0%',
              legend: false,
              span: 9,
            },
          ],
          widths,
          list.last + 2,
        );
  return basePlan('livelihood', L('plan.sheet.livelihood'), rows.rows, { widths, headerRow: header, merges: ['A1:H1', 'A2:H2'], charts });
}

