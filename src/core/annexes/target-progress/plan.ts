/** The summary sheet of 附件1 目标任务进展: 汇总-目标任务. */
import type { Audit } from '../../auditTypes';
import type { Lang } from '../../i18n/spec';
import { t as tr, type UiArgs, type UiKey } from '../../i18n/ui';
import { basePlan,   formula, link, num, PERCENT, PlanRows, text } from '../../plans/common';
import { columnLetter } from '../../grid';
import { CHART_COLORS, columnRange, placeCharts } from '../../plans/charts';
import type { SheetPlan } from '../../plans/types';

import { CLASS_LABEL, classLabel, classRows, namesUnit } from '../../profiles/keywork/planParts';

export function targetsPlan(audit: Audit, lang: Lang): SheetPlan | null {
  const L = <K extends UiKey>(key: K, ...params: UiArgs<K>) => tr(key, lang, ...params);
  const t = audit.recomputed.keywork?.targets;
  if (!t) return null;
  const helperCol = 7; // H: one row per target, beside the tables
  const H = (c: number) => columnLetter(helperCol + c);
  const rows = new PlanRows();
  rows.push([text(L('plan.targets.title'), 'title')]);
  rows.push([text(L('plan.targets.note'), 'subtitle')]);
  const header = rows.push([text(L('plan.col.progressClass'), 'header'), text(L('plan.col.count'), 'header'), text(L('plan.col.share'), 'header'), text(L('plan.col.published'), 'header')]);
  (['plan.col.seq', 'plan.col.target', 'plan.col.unit', 'plan.col.progressClass', 'plan.col.source'] as const).forEach((k, i) => rows.set(header, helperCol + i, text(L(k), 'header')));
  const first = header + 1;
  const last = header + Math.max(1, t.rows.length);
  const range = (c: number) => `$${H(c)}$${first}:$${H(c)}$${last}`;
  const unitsRange = range(2);
  const classRange = range(3);

  const classes = classRows(rows, t, classRange, lang);
  rows.push();
  rows.push([text(L('plan.targets.byUnit'), 'section')]);
  const unitHeader = rows.push([
    text(L('plan.col.unit'), 'header'),
    text(L('plan.col.targets'), 'header'),
    text(CLASS_LABEL.done, 'header'),
    text(CLASS_LABEL.onSchedule, 'header'),
    text(CLASS_LABEL.lagging, 'header'),
    text(L('plan.col.laggingShare'), 'header'),
  ]);
  const byUnit = rows.block(t.byUnit, (u, row) => [
    text(u.unit, 'center'),
    formula(`SUMPRODUCT(${namesUnit(unitsRange, `$A${row}`)})`, u.counts.total),
    ...(['done', 'onSchedule', 'lagging'] as const).map((k, i) =>
      formula(`SUMPRODUCT(${namesUnit(unitsRange, `$A${row}`)},--(${classRange}=${columnLetter(2 + i)}$${unitHeader}))`, u.counts[k]),
    ),
    formula(`IF(B${row}>0,E${row}/B${row},"")`, u.counts.total > 0 ? u.counts.lagging / u.counts.total : '', 'number', PERCENT),
  ]);
  rows.push();
  rows.push([text(L('plan.targets.lagging', { count: t.lagging.length }), 'section')]);
  rows.push([text(L('plan.col.seq'), 'header'), text(L('plan.col.target'), 'header'), text(L('plan.col.unit'), 'header'), text(L('plan.col.source'), 'header')]);
  for (const l of t.lagging) {
    rows.push([num(l.seq, 'center'), text(l.target), text(l.units.join('\n'), 'center'), link(`${l.sheet}!${l.cell}`, l.sheet, l.cell)]);
  }

  t.rows.forEach((r, i) => {
    const row = first + i;
    rows.set(row, helperCol, num(r.seq, 'center'));
    rows.set(row, helperCol + 1, text(r.target));
    rows.set(row, helperCol + 2, text(r.units.join('\n'), 'center'));
    rows.set(row, helperCol + 3, text(classLabel(r.cls ?? 'unmarked', lang), 'center'));
    rows.set(row, helperCol + 4, link(`${r.sheet}!${r.cell}`, r.sheet, r.cell));
  });
  const widths = [22, 60, 14, 14, 12, 12, 3, 6, 40, 16, 10, 14];
  // Under the tables: the classes overall (across A:C), then one stacked bar per lead unit (across A:F).
  const classKeys = ['done', 'onSchedule', 'lagging'] as const;
  const { charts } = placeCharts(
    [
      {
        id: 'classes',
        kind: 'column',
        title: L('chart.targets.title'),
        categories: columnRange('A', classes.first, classes.last),
        series: [{ name: L('plan.col.count'), nameCell: `$B$${header}`, values: columnRange('B', classes.first, classes.last), color: CHART_COLORS.onSchedule }],
        categoryAxisTitle: L('chart.axis.progress'),
        valueAxisTitle: L('chart.axis.targets'),
        dataLabels: true,
        legend: false,
        span: 3,
        height: 280,
      },
      ...(byUnit.last >= byUnit.first
        ? [
            {
              id: 'byUnit',
              kind: 'barStacked' as const,
              title: L('chart.targets.byUnit.title'),
              categories: columnRange('A', byUnit.first, byUnit.last),
              series: classKeys.map((k, i) => {
                const col = columnLetter(2 + i);
                return { name: L(`chart.class.${k}`), ...(lang === 'zh-CN' ? { nameCell: `$${col}$${unitHeader}` } : {}), values: columnRange(col, byUnit.first, byUnit.last), color: CHART_COLORS[k] };
              }),
              categoryAxisTitle: L('chart.axis.unit'),
              valueAxisTitle: L('chart.axis.targets'),
              legend: true,
              span: 6,
            },
          ]
        : []),
    ],
    widths,
    rows.last + 2,
  );
  return basePlan('targets', L('plan.sheet.targets'), rows.rows, { widths, headerRow: header, merges: ['A1:F1', 'A2:F2'], charts });
}

