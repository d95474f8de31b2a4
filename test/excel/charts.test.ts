/**
 * The plan's charts through Office.js on the fake host: each chart's type, source ranges, titles, legend,
 * number formats, colours and position as planned, in both languages; the page break above each; re-running
 * replaces the sheet and its charts; the summary write still takes 3 syncs.
 */
import { auditWorkbook, buildSummaryPlans, type Lang, type SheetPlan } from '../../src/core';
import { chartName } from '../../src/core/plans/charts';
import { applySheetPlans, runExcel } from '../../src/excel';
import { EXCEL_CHART_TYPE } from '../../src/excel/charts';
import { sampleGrids } from '../helpers/grids';
import { hostWith, SAMPLES } from './support';

const plain = (r: string) => r.replace(/\$/g, '');

async function written(sample: string, lang: Lang) {
  const grids = await sampleGrids(sample);
  const plans = buildSummaryPlans(auditWorkbook(grids), lang);
  const host = hostWith(grids);
  const before = host.syncLog.length;
  await runExcel((context) => applySheetPlans(context, plans));
  return { host, plans, syncs: host.syncLog.length - before };
}

describe.each(SAMPLES.flatMap((s) => (['zh-CN', 'en-US'] as const).map((l) => [s, l] as const)))('charts via Office.js on %s (%s)', (sample, lang) => {
  it('every planned chart: type, source ranges, titles, legend, formats, colours, anchor and size', async () => {
    const { host, plans, syncs } = await written(sample, lang);
    expect(syncs).toBe(3);
    const withCharts = plans.filter((p): p is SheetPlan & { charts: NonNullable<SheetPlan['charts']> } => (p.charts?.length ?? 0) > 0);
    expect(withCharts.length).toBeGreaterThanOrEqual(2);
    for (const plan of withCharts) {
      const sheet = host.workbook.sheets.find((s) => s.name === plan.name);
      if (!sheet) throw new Error(`no sheet ${plan.name}`);
      expect(sheet.charts).toHaveLength(plan.charts.length);
      plan.charts.forEach((c, i) => {
        const chart = sheet.charts[i];
        if (!chart) throw new Error('no chart');
        const horizontal = c.kind.startsWith('bar');
        expect(chart.type).toBe(EXCEL_CHART_TYPE[c.kind]);
        expect(chart.seriesBy).toBe('Columns');
        expect(chart.source).toBe(plain(c.series[0]?.values ?? ''));
        expect(chart.props).toEqual({
          name: chartName(plan, c),
          'title.text': c.title,
          'axes.categoryAxis.title.text': c.categoryAxisTitle,
          'axes.valueAxis.title.text': c.valueAxisTitle,
          'axes.valueAxis.minimum': 0,
          ...(c.valueFormat ? { 'axes.valueAxis.numberFormat': c.valueFormat } : {}),
          ...(horizontal ? { 'axes.categoryAxis.reversePlotOrder': true, 'axes.categoryAxis.position': 'Maximum' } : {}),
          'legend.visible': c.legend,
          ...(c.legend ? { 'legend.position': horizontal ? 'Top' : 'Right' } : {}),
          position: [c.anchor],
          width: Math.round(c.size.width * 0.75),
          height: Math.round(c.size.height * 0.75),
        });
        expect(chart.series.map((s) => ({ values: s.values, xValues: s.xValues, name: s.props['name'], color: s.props['format.fill.setSolidColor()'] }))).toEqual(
          c.series.map((s) => ({ values: plain(s.values), xValues: plain(c.categories), name: s.name, color: `#${s.color}` })),
        );
        for (const [k, s] of c.series.entries()) {
          for (const p of s.pointColors ?? []) expect((chart.series[k]?.props['pointColors'] as Record<number, string>)[p.index]).toBe(`#${p.color}`);
          if (c.dataLabels) expect(chart.series[k]?.props['hasDataLabels']).toBe(true);
        }
      });
      // A page break above each chart, so it prints whole on its page.
      expect(sheet.rowBreaks).toEqual(plan.charts.map((c) => `A${Number(/\d+/.exec(c.anchor)?.[0])}`));
    }
  });
});

describe('charts in the chosen language', () => {
  it('zh-CN and en-US titles, axis titles and legends come from the catalogue', async () => {
    const zh = await written('incentive-2022.xlsx', 'zh-CN');
    const en = await written('incentive-2022.xlsx', 'en-US');
    const tally = (h: typeof zh) => h.host.workbook.sheets.find((s) => s.charts.length > 0)?.charts[0];
    expect(tally(zh)?.props['title.text']).toBe('各牵头单位研判等级分布');
    expect(tally(en)?.props['title.text']).toBe('Ratings per lead unit');
    expect(tally(zh)?.series.map((s) => s.props['name'])).toEqual(['很有可能', '有可能', '难度较大', '不太可能']);
    expect(tally(en)?.series.map((s) => s.props['name'])).toEqual(['Very likely', 'Likely', 'Difficult', 'Unlikely']);
    expect(tally(en)?.props['axes.valueAxis.title.text']).toBe('Items');
  });

  it('a re-run replaces the summary sheet with its charts (no second chart)', async () => {
    const grids = await sampleGrids('keywork-2024.xlsx');
    const plans = buildSummaryPlans(auditWorkbook(grids));
    const host = hostWith(grids);
    await runExcel((context) => applySheetPlans(context, plans));
    await runExcel((context) => applySheetPlans(context, plans));
    expect(host.workbook.sheets.flatMap((s) => s.charts).map((c) => c.props['name'])).toEqual(['AnnexAudit_targets_classes', 'AnnexAudit_targets_byUnit', 'AnnexAudit_livelihood_progress']);
  });
});
