/**
 * Chart plans: one truth for the native charts every host writes and for the pane's small charts. A chart
 * refers to ranges of its own sheet; its data, for a host that caches it (DrawingML) or draws it (the pane),
 * is read from the plan's cells — the same figures the cells hold.
 */
import { columnLetter, parseA1 } from '../grid';
import type { ChartKind, ChartPlan, PlanCell, SheetPlan } from './types';

/** Colours of the four ratings (很有可能 … 不太可能) and of the progress classes (done, on schedule, lagging). */
export const CHART_COLORS = {
  veryLikely: '2E7D32',
  likely: '5B9BD5',
  hard: 'ED7D31',
  unlikely: 'A5A5A5',
  done: '2E7D32',
  onSchedule: '5B9BD5',
  lagging: 'C00000',
  rate: '4472C4',
  overall: 'ED7D31',
} as const;

/** Pixels of a column `chars` wide (Calibri 11's 7-pixel digit, as Excel and LibreOffice lay out `<col width>`). */
export function columnPixels(chars: number): number {
  return Math.round(chars * 7);
}

/** Default row height: 15 pt = 20 px. */
export const ROW_PIXELS = 20;

/** The tallest chart that prints on one A4 landscape page (fitted to width, margins 0.6 in). */
export const MAX_CHART_HEIGHT = 600;

/** A chart before it is placed: the plan without where it goes and how big it is. */
export type ChartSpec = Omit<ChartPlan, 'anchor' | 'size'>;

/**
 * Charts stacked one under the other from `row` (1-based) in column `col` (0-based), each as wide as the
 * columns `col … col + span - 1` of `widths` and tall enough for its categories (bounded by one page).
 * Returns the charts and the first row under the last one.
 */
export function placeCharts(specs: readonly (ChartSpec & { readonly span: number; readonly height?: number })[], widths: readonly number[], row: number, col = 0): { charts: ChartPlan[]; next: number } {
  const charts: ChartPlan[] = [];
  let at = row;
  for (const s of specs) {
    let width = 0;
    for (let c = col; c < col + s.span; c++) width += columnPixels(widths[c] ?? 8.43);
    const n = rangeLength(s.categories);
    const perCategory = s.kind === 'bar' || s.kind === 'barStacked' ? 18 * (s.kind === 'bar' ? Math.max(1, s.series.length) : 1) : 0;
    const height = s.height ?? Math.min(MAX_CHART_HEIGHT, Math.max(260, 130 + n * perCategory));
    const { span, height: _h, ...spec } = s;
    void span;
    void _h;
    charts.push({ ...spec, anchor: `${columnLetter(col)}${at}`, size: { width, height } });
    at += Math.ceil(height / ROW_PIXELS) + 2;
  }
  return { charts, next: at };
}

/** Number of cells of a one-column or one-row A1 range (`A5:A30` → 26). */
export function rangeLength(range: string): number {
  const [from, to] = range.replace(/\$/g, '').split(':');
  const p = parseA1(from ?? '');
  const q = parseA1(to ?? from ?? '');
  if (!p || !q) return 0;
  return Math.max(q.row - p.row + 1, q.col - p.col + 1, 0);
}

/** The cells of a one-column or one-row A1 range of the plan, in order (a missing cell is null). */
export function rangeCells(rows: readonly (readonly PlanCell[])[], range: string): (PlanCell | null)[] {
  const [from, to] = range.replace(/\$/g, '').split(':');
  const p = parseA1(from ?? '');
  const q = parseA1(to ?? from ?? '');
  if (!p || !q) return [];
  const out: (PlanCell | null)[] = [];
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.push(rows[r]?.[c] ?? null);
  return out;
}

export interface ChartData {
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly color: string; readonly values: readonly (number | null)[]; readonly pointColors: ReadonlyMap<number, string> }[];
}

/** The figures a chart shows, as its cells hold them (a formula's cached result). */
export function chartData(plan: SheetPlan, chart: ChartPlan): ChartData {
  const categories = rangeCells(plan.rows, chart.categories).map((c) => (c?.value === null || c?.value === undefined ? '' : String(c.value)));
  const series = chart.series.map((s) => {
    const nameCell = s.nameCell ? rangeCells(plan.rows, s.nameCell)[0] : null;
    const name = nameCell && typeof nameCell.value === 'string' ? nameCell.value : s.name;
    const values = rangeCells(plan.rows, s.values).map((c) => (typeof c?.value === 'number' && Number.isFinite(c.value) ? c.value : null));
    return { name, color: s.color, values, pointColors: new Map((s.pointColors ?? []).map((p) => [p.index, p.color] as const)) };
  });
  return { categories, series };
}

/** Every chart of the plans with its data: what the pane draws. */
export function planCharts(plans: readonly SheetPlan[]): { readonly sheet: string; readonly sheetId: string; readonly chart: ChartPlan; readonly data: ChartData }[] {
  return plans.flatMap((p) => (p.charts ?? []).map((chart) => ({ sheet: p.name, sheetId: p.id, chart, data: chartData(p, chart) })));
}

/** `$A$5:$A$30` for `A`, 5, 30. */
export function columnRange(col: string, first: number, last: number): string {
  return `$${col}$${first}:$${col}$${last}`;
}

/** The name every host gives a chart of ours: `AnnexAudit_<sheet plan id>_<chart id>`. */
export function chartName(plan: Pick<SheetPlan, 'id'>, chart: Pick<ChartPlan, 'id'>): string {
  return `AnnexAudit_${plan.id}_${chart.id}`;
}

/**
 * The rows (1-based) a printed page starts at so each chart prints whole on its A4 page: the anchor row of
 * every chart. Every host puts a manual page break above them.
 */
export function chartPageBreaks(plan: Pick<SheetPlan, 'charts'>): number[] {
  const rows = (plan.charts ?? []).map((c) => parseA1(c.anchor)?.row).filter((r): r is number => r !== undefined && r > 0).map((r) => r + 1);
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** A chart as the pane draws it: the plan's chart with its figures (plain data, no ranges). */
export interface ChartView {
  readonly key: string;
  readonly sheet: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly categoryAxisTitle: string;
  readonly valueAxisTitle: string;
  readonly valueFormat?: string;
  readonly legend: boolean;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly color: string; readonly values: readonly (number | null)[]; readonly pointColors: readonly { readonly index: number; readonly color: string }[] }[];
}

/** The charts of these plans as the pane draws them (the same plans the hosts write). */
export function chartViews(plans: readonly SheetPlan[]): ChartView[] {
  return planCharts(plans).map(({ sheet, sheetId, chart, data }) => ({
    key: `${sheetId}/${chart.id}`,
    sheet,
    kind: chart.kind,
    title: chart.title,
    categoryAxisTitle: chart.categoryAxisTitle,
    valueAxisTitle: chart.valueAxisTitle,
    ...(chart.valueFormat ? { valueFormat: chart.valueFormat } : {}),
    legend: chart.legend,
    categories: data.categories,
    series: data.series.map((s) => ({ name: s.name, color: s.color, values: s.values, pointColors: [...s.pointColors].map(([index, color]) => ({ index, color })) })),
  }));
}
