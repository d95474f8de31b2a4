/** Summary sheets of profile B: 汇总-目标任务, 汇总-民生实事 and 通报草稿. */
import type { Audit } from '../../audit';
import { PROGRESS_VOCAB, vocabEntry } from '../../vocab';
import type { Lang } from '../../i18n/spec';
import { t as tr, type UiArgs, type UiKey } from '../../i18n/ui';
import type { ClassTally } from './recompute';
import { basePlan, blank, countEqual, formula, link, num, PERCENT, PlanRows, text } from '../../plans/common';
import { columnLetter } from '../../grid';
import { CHART_COLORS, columnRange, placeCharts } from '../../plans/charts';
import type { PlanCell, SheetPlan } from '../../plans/types';

/** The target annex's column words for the classes (from the vocabulary), and the rows with no clear mark. */
const CLASS_LABEL = {
  done: vocabEntry(PROGRESS_VOCAB, 'done').zh,
  onSchedule: vocabEntry(PROGRESS_VOCAB, 'onSchedule').zh,
  lagging: vocabEntry(PROGRESS_VOCAB, 'lagging').zh,
} as const;

type ClassKey = 'done' | 'onSchedule' | 'lagging' | 'unmarked';

function classLabel(k: ClassKey, lang: Lang): string {
  return k === 'unmarked' ? tr('plan.unmarked', lang) : CLASS_LABEL[k];
}

/** The class rows and their 合计; each count is a formula over `classRange` (the helper's class words). */
function classRows(rows: PlanRows, t: ClassTally, classRange: string, lang: Lang): { first: number; last: number } {
  const keys = (['done', 'onSchedule', 'lagging', 'unmarked'] as const).filter((k) => k !== 'unmarked' || t.counts.unmarked > 0);
  const totalRow = rows.next + keys.length;
  const block = rows.block(keys, (k, row) => [
    text(classLabel(k, lang), 'center'),
    formula(countEqual([[classRange, `$A${row}`]]), t.counts[k]),
    formula(`IF($B$${totalRow}>0,B${row}/$B$${totalRow},"")`, t.counts.total > 0 ? t.counts[k] / t.counts.total : '', 'number', PERCENT),
    { ...num(Number((t.shares[k] / 100).toFixed(4)), 'number'), numberFormat: PERCENT },
  ]);
  rows.push([
    text(tr('plan.total', lang), 'total'),
    formula(`SUM(B${block.first}:B${block.last})`, t.counts.total, 'totalNumber'),
    formula(`SUM(C${block.first}:C${block.last})`, t.counts.total > 0 ? 1 : 0, 'totalNumber', PERCENT),
    { ...num(Number((keys.reduce((a, k) => a + t.shares[k], 0) / 100).toFixed(4)), 'totalNumber'), numberFormat: PERCENT },
  ]);
  return block;
}

/** True when a newline-separated list of units in `listRange` names exactly the unit in `unitCell`. */
function namesUnit(listRange: string, unitCell: string): string {
  return `--ISNUMBER(FIND(CHAR(10)&${unitCell}&CHAR(10),CHAR(10)&${listRange}&CHAR(10)))`;
}

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
