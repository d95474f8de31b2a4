/**
 * The plan's charts in WPS 表格: `Worksheet.ChartObjects().Add(left, top, width, height)`, or where a build has
 * only the shapes API `Shapes.AddChart2(-1, type, left, top, width, height)` (feature-detected: a build with
 * neither gets no chart and one note). Each series' values and categories are ranges of the summary sheet, so
 * the chart follows the cells; title, axis titles, legend and number formats from the plan, in its language.
 */
import { chartName, type ChartKind, type ChartPlan, type SheetPlan } from '../core';
import { bgr, type WpsRange, type WpsWorksheet } from './model';

/** XlChartType: xlBarClustered 57, xlBarStacked 58, xlColumnClustered 51, xlColumnStacked 52. */
export const WPS_CHART_TYPE: Readonly<Record<ChartKind, number>> = { bar: 57, barStacked: 58, column: 51, columnStacked: 52 };

const XL_CATEGORY = 1;
const XL_VALUE = 2;
/** xlAxisCrossesMaximum: the value axis crosses the (reversed) category axis at its last category, at the bottom. */
const XL_MAXIMUM = 2;
const XL_LEGEND_TOP = -4160;
const XL_LEGEND_RIGHT = -4152;
const POINTS_PER_PIXEL = 0.75;

interface WpsFillFormat {
  readonly Fill: { readonly ForeColor: { RGB: number } };
}

export interface WpsSeries {
  Name: string;
  Values: unknown;
  XValues: unknown;
  HasDataLabels: boolean;
  readonly Format: WpsFillFormat;
  Points(index: number): { readonly Format: WpsFillFormat };
  DataLabels(): { NumberFormat: string };
}

export interface WpsAxis {
  HasTitle: boolean;
  readonly AxisTitle: { Text: string };
  MinimumScale: number;
  ReversePlotOrder: boolean;
  Crosses: number;
  readonly TickLabels: { NumberFormat: string };
}

export interface WpsChart {
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number };
  SeriesCollection(): { readonly Count: number; NewSeries(): WpsSeries; Item(index: number): { Delete(): void } };
  Axes(type: number): WpsAxis;
}

export interface WpsChartObjects {
  readonly Count: number;
  Add(left: number, top: number, width: number, height: number): { Name: string; readonly Chart: WpsChart };
}

/** The chart members a worksheet may have (both optional: feature-detected). */
export interface WpsChartHost {
  ChartObjects?(): WpsChartObjects;
  readonly Shapes?: { AddChart2?(style: number, type: number, left: number, top: number, width: number, height: number): { Name: string; readonly Chart: WpsChart } };
  readonly HPageBreaks?: { Add(before: WpsRange): unknown };
}

/** True when this build can add a chart to `ws`. */
export function canAddCharts(ws: WpsWorksheet): boolean {
  const host = ws as WpsWorksheet & WpsChartHost;
  return typeof host.ChartObjects === 'function' || typeof host.Shapes?.AddChart2 === 'function';
}

function newChart(ws: WpsWorksheet & WpsChartHost, type: number, left: number, top: number, width: number, height: number): { Name: string; readonly Chart: WpsChart } {
  if (typeof ws.ChartObjects === 'function') {
    const o = ws.ChartObjects().Add(left, top, width, height);
    o.Chart.ChartType = type;
    return o;
  }
  const add = ws.Shapes?.AddChart2;
  if (typeof add !== 'function') throw new Error('no chart API');
  return add.call(ws.Shapes, -1, type, left, top, width, height);
}

/** Add one chart of `plan` to `ws` (the sheet named `sheet`). */
export function addWpsChart(ws: WpsWorksheet, plan: SheetPlan, c: ChartPlan): void {
  const host = ws as WpsWorksheet & WpsChartHost;
  const at = ws.Range(c.anchor) as WpsRange & { Left?: number; Top?: number };
  const obj = newChart(host, WPS_CHART_TYPE[c.kind], at.Left ?? 0, at.Top ?? 0, Math.round(c.size.width * POINTS_PER_PIXEL), Math.round(c.size.height * POINTS_PER_PIXEL));
  obj.Name = chartName(plan, c);
  const chart = obj.Chart;
  // A chart made over a selection may come with series of its own: only the plan's series stay.
  const existing = chart.SeriesCollection();
  for (let i = existing.Count; i >= 1; i--) existing.Item(i).Delete();
  for (const s of c.series) {
    const series = chart.SeriesCollection().NewSeries();
    series.Name = s.name;
    series.Values = ws.Range(s.values);
    series.XValues = ws.Range(c.categories);
    series.Format.Fill.ForeColor.RGB = bgr(s.color);
    for (const p of s.pointColors ?? []) series.Points(p.index + 1).Format.Fill.ForeColor.RGB = bgr(p.color);
    if (c.dataLabels) {
      series.HasDataLabels = true;
      if (c.valueFormat) series.DataLabels().NumberFormat = c.valueFormat;
    }
  }
  chart.HasTitle = true;
  chart.ChartTitle.Text = c.title;
  const horizontal = c.kind === 'bar' || c.kind === 'barStacked';
  const category = chart.Axes(XL_CATEGORY);
  category.HasTitle = true;
  category.AxisTitle.Text = c.categoryAxisTitle;
  if (horizontal) {
    category.ReversePlotOrder = true;
    category.Crosses = XL_MAXIMUM;
  }
  const value = chart.Axes(XL_VALUE);
  value.HasTitle = true;
  value.AxisTitle.Text = c.valueAxisTitle;
  value.MinimumScale = 0;
  if (c.valueFormat) value.TickLabels.NumberFormat = c.valueFormat;
  chart.HasLegend = c.legend;
  if (c.legend) chart.Legend.Position = horizontal ? XL_LEGEND_TOP : XL_LEGEND_RIGHT;
}

/** The page breaks above the plan's charts (with the page setup; a build without HPageBreaks skips them). */
export function addWpsChartPageBreaks(ws: WpsWorksheet, rows: readonly number[]): void {
  const breaks = (ws as WpsWorksheet & WpsChartHost).HPageBreaks;
  if (!breaks) return;
  for (const r of rows) breaks.Add(ws.Range(`A${r}`));
}
