/**
 * The summary sheets' charts, small, under the counts: plain SVG bars drawn from the chart plans the hosts
 * write (`ChartView`s: the same ranges' figures), no chart library. Loaded on demand (its own chunk), so the
 * initial pane does not grow. Readable at 320 px: labels on their own column, cut with an ellipsis (the full
 * text in the bar's tooltip), values beside the bars.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { ChartView, Lang } from '../../core';
import { t } from '../../core';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  details: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '8px', height: '8px', marginRight: '3px', verticalAlign: 'middle' },
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  caption: { color: tokens.colorNeutralForeground3 },
});

const WIDTH = 290;
const LABEL = 96;
const VALUE = 34;
const ROW = 13;
const BAR = 9;
const FONT = 9;

function format(v: number, percent: boolean): string {
  return percent ? `${Math.round(v * 100)}%` : String(Math.round(v * 100) / 100);
}

/** Text cut to about `max` display units (a CJK character is two). */
function cut(s: string, max: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
    if (w > max) return `${out}…`;
    out += ch;
  }
  return out;
}

function totals(c: ChartView, i: number, stacked: boolean): number {
  return stacked ? c.series.reduce((n, s) => n + (s.values[i] ?? 0), 0) : Math.max(0, ...c.series.map((s) => s.values[i] ?? 0));
}

function Bars({ c }: { c: ChartView }): React.ReactElement {
  const stacked = c.kind === 'barStacked';
  const percent = (c.valueFormat ?? '').includes('%');
  const n = c.categories.length;
  const max = Math.max(percent ? 1 : 1e-9, ...c.categories.map((_, i) => totals(c, i, stacked)));
  const span = WIDTH - LABEL - VALUE;
  const perRow = stacked ? 1 : c.series.length;
  const rowH = Math.max(ROW, perRow * BAR + 4);
  const height = n * rowH + 14;
  const x = (v: number) => (v / max) * span;
  return (
    <svg className={useStyles().svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={c.title}>
      {c.categories.map((cat, i) => {
        const y = i * rowH;
        let left = LABEL;
        return (
          <g key={`${cat}-${i}`}>
            <text x={LABEL - 4} y={y + rowH / 2 + FONT / 3} fontSize={FONT} textAnchor="end" fill={tokens.colorNeutralForeground2}>
              {cut(cat, 15)}
            </text>
            {c.series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const color = `#${s.pointColors.find((p) => p.index === i)?.color ?? s.color}`;
              const w = x(v);
              const bx = stacked ? left : LABEL;
              const by = stacked ? y + (rowH - BAR) / 2 : y + 2 + k * BAR;
              if (stacked) left += w;
              return (
                <rect key={s.name} x={bx} y={by} width={Math.max(0, w)} height={BAR - (stacked ? 0 : 1)} fill={color}>
                  <title>{`${cat} · ${s.name}: ${s.values[i] === null ? '—' : format(v, percent)}`}</title>
                </rect>
              );
            })}
            <text x={LABEL + x(totals(c, i, stacked)) + 3} y={y + rowH / 2 + FONT / 3} fontSize={FONT} fill={tokens.colorNeutralForeground1}>
              {c.series.every((s) => s.values[i] === null) ? '' : format(totals(c, i, stacked), percent)}
            </text>
          </g>
        );
      })}
      <line x1={LABEL} x2={LABEL} y1={0} y2={n * rowH} stroke={tokens.colorNeutralStroke1} />
      <text x={LABEL + span / 2} y={height - 2} fontSize={FONT} textAnchor="middle" fill={tokens.colorNeutralForeground3}>
        {c.valueAxisTitle}
      </text>
    </svg>
  );
}

function Columns({ c }: { c: ChartView }): React.ReactElement {
  const percent = (c.valueFormat ?? '').includes('%');
  const n = c.categories.length;
  const stacked = c.kind === 'columnStacked';
  const max = Math.max(1e-9, ...c.categories.map((_, i) => totals(c, i, stacked)));
  const plotH = 90;
  const top = 12;
  const slot = WIDTH / Math.max(1, n);
  const barW = Math.min(40, slot * 0.6);
  const height = top + plotH + 30;
  return (
    <svg className={useStyles().svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={c.title}>
      {c.categories.map((cat, i) => {
        const cx = slot * i + slot / 2;
        let base = top + plotH;
        const total = totals(c, i, stacked);
        return (
          <g key={`${cat}-${i}`}>
            {c.series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const h = (v / max) * plotH;
              const w = stacked ? barW : barW / c.series.length;
              const bx = stacked ? cx - barW / 2 : cx - barW / 2 + k * w;
              const by = stacked ? base - h : top + plotH - h;
              if (stacked) base -= h;
              return (
                <rect key={s.name} x={bx} y={by} width={w} height={Math.max(0, h)} fill={`#${s.pointColors.find((p) => p.index === i)?.color ?? s.color}`}>
                  <title>{`${cat} · ${s.name}: ${format(v, percent)}`}</title>
                </rect>
              );
            })}
            <text x={cx} y={top + plotH - (total / max) * plotH - 3} fontSize={FONT} textAnchor="middle" fill={tokens.colorNeutralForeground1}>
              {format(total, percent)}
            </text>
            <text x={cx} y={top + plotH + 12} fontSize={FONT} textAnchor="middle" fill={tokens.colorNeutralForeground2}>
              {cut(cat, Math.max(6, Math.floor(slot / 5)))}
            </text>
          </g>
        );
      })}
      <line x1={0} x2={WIDTH} y1={top + plotH} y2={top + plotH} stroke={tokens.colorNeutralStroke1} />
      <text x={WIDTH / 2} y={height - 2} fontSize={FONT} textAnchor="middle" fill={tokens.colorNeutralForeground3}>
        {c.categoryAxisTitle}
      </text>
    </svg>
  );
}

export function SummaryCharts({ charts, lang }: { charts: readonly ChartView[]; lang: Lang }): React.ReactElement | null {
  const styles = useStyles();
  if (charts.length === 0) return null;
  return (
    <details className={styles.details} open data-testid="summary-charts">
      <summary className={styles.summary}>{t('pane.charts', lang, { count: charts.length })}</summary>
      <div className={styles.root}>
        <Caption1 className={styles.caption}>{t('pane.charts.note', lang)}</Caption1>
        {charts.map((c) => (
          <figure key={c.key} className={styles.figure} aria-label={c.title}>
            <Subtitle2 as="h3" style={{ fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 }}>
              {c.title}
            </Subtitle2>
            <Caption1 className={styles.caption}>{c.sheet}</Caption1>
            {c.legend ? (
              <div className={styles.legend}>
                {c.series.map((s) => (
                  <span key={s.name}>
                    <span className={styles.swatch} style={{ background: `#${s.color}` }} />
                    {s.name}
                  </span>
                ))}
              </div>
            ) : null}
            {c.kind === 'bar' || c.kind === 'barStacked' ? <Bars c={c} /> : <Columns c={c} />}
          </figure>
        ))}
      </div>
    </details>
  );
}

export default SummaryCharts;
