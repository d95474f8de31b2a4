/// <reference types="office-js" />
/**
 * The plan's charts in Excel (ExcelApi ≤ 1.8, inside the manifest's 1.9): `worksheet.charts.add` over the
 * first series' cells, then each series' values, categories and name from the plan, the title, axis titles,
 * legend and number formats, placed at the plan's anchor cell with its size. The series refer to the summary
 * sheet's cells, so Excel moves the chart when a figure changes. The page break above each chart (so it
 * prints whole) is set with the page setup, which Excel may refuse on its own.
 */
import { type ChartKind, type ChartPlan, type SheetPlan, chartName, chartPageBreaks } from '../core';

/** Office.js chart types of the plan's kinds. */
export const EXCEL_CHART_TYPE: Readonly<Record<ChartKind, 'BarClustered' | 'BarStacked' | 'ColumnClustered' | 'ColumnStacked'>> = {
  bar: 'BarClustered',
  barStacked: 'BarStacked',
  column: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
};

/** Points per pixel at 96 dpi: chart width and height are in points. */
const POINTS_PER_PIXEL = 0.75;

function plain(range: string): string {
  return range.replace(/\$/g, '');
}

/** Queue one chart of `plan` on `ws` (no sync). */
export function queueChart(ws: Excel.Worksheet, plan: SheetPlan, c: ChartPlan): void {
  const first = c.series[0];
  if (!first) return;
  const chart = ws.charts.add(EXCEL_CHART_TYPE[c.kind], ws.getRange(plain(first.values)), 'Columns');
  chart.name = chartName(plan, c);
  chart.title.text = c.title;
  const horizontal = c.kind === 'bar' || c.kind === 'barStacked';
  const category = chart.axes.categoryAxis;
  category.title.text = c.categoryAxisTitle;
  const value = chart.axes.valueAxis;
  value.title.text = c.valueAxisTitle;
  value.minimum = 0;
  if (c.valueFormat) value.numberFormat = c.valueFormat;
  if (horizontal) {
    // The first category at the top, as in the table; the value axis stays at the bottom.
    category.reversePlotOrder = true;
    category.position = 'Maximum';
  }
  chart.legend.visible = c.legend;
  if (c.legend) chart.legend.position = horizontal ? 'Top' : 'Right';
  c.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(ws.getRange(plain(s.values)));
    series.setXAxisValues(ws.getRange(plain(c.categories)));
    series.format.fill.setSolidColor(`#${s.color}`);
    for (const p of s.pointColors ?? []) series.points.getItemAt(p.index).format.fill.setSolidColor(`#${p.color}`);
    if (c.dataLabels) {
      series.hasDataLabels = true;
      if (c.valueFormat) series.dataLabels.numberFormat = c.valueFormat;
    }
  });
  chart.setPosition(c.anchor);
  chart.width = Math.round(c.size.width * POINTS_PER_PIXEL);
  chart.height = Math.round(c.size.height * POINTS_PER_PIXEL);
}

/** Queue every chart of the plan on its sheet. */
export function queueCharts(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const c of plan.charts ?? []) queueChart(ws, plan, c);
}

/** Queue the page breaks above the plan's charts (with the page setup). */
export function queueChartPageBreaks(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const row of chartPageBreaks(plan)) ws.horizontalPageBreaks.add(`A${row}`);
}

/** Request estimate of one chart (its calls and settings). */
export function chartBytes(plan: SheetPlan): number {
  return (plan.charts ?? []).reduce((n, c) => n + 1500 + c.series.length * 600 + c.title.length * 3, 0);
}
