/**
 * The plan's charts through the WPS adapter on the fake host: ChartObjects().Add (or Shapes.AddChart2 where a
 * build has only that) with the planned type, series ranges, names, colours, titles, axis titles, legend and
 * size at the anchor cell; the page break above each; a build with neither chart API gets one note per sheet.
 */
import { auditWorkbook, buildSummaryPlans, type Lang } from '../../src/core';
import { chartName } from '../../src/core/plans/charts';
import { applyWpsSheetPlans, renderWpsNote, wpsContext } from '../../src/wps';
import { WPS_CHART_TYPE } from '../../src/wps/charts';
import { bgr } from '../../src/wps/model';
import { FakeWpsApp, type FakeWpsOptions } from '../fakes/wps';
import { sampleGrids } from '../helpers/grids';

const plain = (r: string) => r.replace(/\$/g, '');

async function written(sample: string, lang: Lang, options: FakeWpsOptions = {}) {
  const grids = await sampleGrids(sample);
  const plans = buildSummaryPlans(auditWorkbook(grids), lang);
  const app = FakeWpsApp.fromGrids(grids, options);
  const ctx = wpsContext(app as never);
  const result = applyWpsSheetPlans(ctx.app, ctx.wb, plans, ctx.features);
  return { app, plans, result };
}

describe.each([
  ['incentive-2022.xlsx', 'zh-CN'],
  ['incentive-2022.xlsx', 'en-US'],
  ['keywork-2024.xlsx', 'zh-CN'],
  ['keywork-2024.xlsx', 'en-US'],
] as const)('charts via WPS on %s (%s)', (sample, lang) => {
  it('every planned chart: type, series ranges and names, colours, titles, axes, legend, position and size', async () => {
    const { app, plans, result } = await written(sample, lang);
    expect(result.notes).toEqual([]);
    for (const plan of plans.filter((p) => (p.charts?.length ?? 0) > 0)) {
      const ws = app.workbook!.sheets.find((s) => s.Name === plan.name);
      if (!ws) throw new Error(`no sheet ${plan.name}`);
      expect(ws.charts.map((c) => c.Name)).toEqual(plan.charts?.map((c) => chartName(plan, c)));
      plan.charts?.forEach((c, i) => {
        const chart = ws.charts[i];
        if (!chart) throw new Error('no chart');
        const horizontal = c.kind.startsWith('bar');
        expect(chart.via).toBe('ChartObjects');
        expect(chart.ChartType).toBe(WPS_CHART_TYPE[c.kind]);
        expect(chart.ChartTitle.Text).toBe(c.title);
        expect([chart.axes[1]?.AxisTitle.Text, chart.axes[2]?.AxisTitle.Text]).toEqual([c.categoryAxisTitle, c.valueAxisTitle]);
        expect(chart.axes[1]?.ReversePlotOrder).toBe(horizontal ? true : undefined);
        expect(chart.axes[2]?.MinimumScale).toBe(0);
        expect(chart.axes[2]?.TickLabels.NumberFormat).toBe(c.valueFormat);
        expect(chart.HasLegend).toBe(c.legend);
        expect(chart.series.map((s) => [s.Name, s.values, s.xValues, s.color])).toEqual(c.series.map((s) => [s.name, plain(s.values), plain(c.categories), bgr(s.color)]));
        expect([chart.width, chart.height]).toEqual([Math.round(c.size.width * 0.75), Math.round(c.size.height * 0.75)]);
        // At the anchor cell: its top is the rows above it.
        const anchor = ws.Range(c.anchor);
        expect([chart.left, chart.top]).toEqual([anchor.Left, anchor.Top]);
      });
      expect(ws.rowBreaks).toEqual(plan.charts?.map((c) => `A${/\d+/.exec(c.anchor)?.[0]}`));
    }
  });
});

describe('WPS builds without ChartObjects', () => {
  it('a build with only Shapes.AddChart2 gets the same charts through it', async () => {
    const { app, plans, result } = await written('keywork-2024.xlsx', 'zh-CN', { lacking: ['ChartObjects'] });
    expect(result.notes).toEqual([]);
    const charts = app.workbook!.sheets.flatMap((s) => s.charts);
    expect(charts.map((c) => [c.via, c.ChartType, c.ChartTitle.Text])).toEqual(
      plans.flatMap((p) => p.charts ?? []).map((c) => ['AddChart2', WPS_CHART_TYPE[c.kind], c.title]),
    );
  });

  it('a build with neither: the sheets and formulas are written, one note per sheet says the chart is missing', async () => {
    const { app, result } = await written('incentive-2022.xlsx', 'zh-CN', { lacking: ['ChartObjects', 'AddChart2'] });
    expect(app.workbook!.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(result.sheets.map((s) => s.name)).toContain('汇总-研判统计');
    expect(result.notes.map((n) => renderWpsNote(n))).toEqual([
      '此版本 WPS 不支持插入图表（ChartObjects / Shapes.AddChart2），工作表“汇总-研判统计”未添加图表；表格与公式不受影响。',
      '此版本 WPS 不支持插入图表（ChartObjects / Shapes.AddChart2），工作表“汇总-完成率”未添加图表；表格与公式不受影响。',
    ]);
  });
});
