/**
 * The real-shaped sample of profile B (keywork-2024.xlsx): every sheet's kind (also under other
 * names), the exact findings a careful clerk agrees with, the recomputed figures against the
 * published 通报, and the redrafted headline paragraph.
 */
import { auditWorkbook, type Audit, type Grid } from '../../src/core';
import { cloneGrid, fillDownMerges, findGrid, getCell, sampleGrids, setCell } from '../helpers/grids';
import { headlineFigures } from '../../src/core/annexes/report-text/read';
import { summary } from './keywork';

const SAMPLE = 'keywork-2024.xlsx';

/** The findings on the sample, each checked by hand against the cells. */
const EXPECTED: readonly (readonly [sheet: string, cell: string, code: string, severity: string])[] = [
  ['附件2', 'I19', 'livelihood/not-quantifiable', 'info'], // “三合一”覆盖率: waiting for the provincial system
  ['附件2', 'I20', 'livelihood/not-quantifiable', 'info'], // “三合一”事项: same text
  ['附件2', 'I31', 'livelihood/not-quantifiable', 'info'], // 社保卡交通功能: waiting for the city
  ['附件2', 'I32', 'livelihood/not-quantifiable', 'info'], // 公交车载设备: waiting for the 3rd-generation card
  ['附件2', 'I34', 'livelihood/not-quantifiable', 'info'], // 保障性租赁住房: "已开工建设。" only
  ['附件2', 'G42', 'livelihood/unit-continued', 'info'], // project 14 has no lead unit (read as 区卫健局 above)
  ['附件2', 'G48', 'livelihood/unit-continued', 'info'], // project 17 has no lead unit (read as 区农业农村局 above)
];
const expectedSummary = EXPECTED.map(([s, c, code, sev]) => `${s}!${c} ${code} ${sev}`).sort();

/** Count the marks in a 附件1 mark column straight from the grid (rows 5–84). */
function marksIn(grid: Grid, col: number): number {
  let n = 0;
  for (let r = 4; r < 84; r++) if (String(grid.values[r]?.[col] ?? '').trim() === '√') n++;
  return n;
}

describe('profile B sample (keywork-2024.xlsx)', () => {
  let grids: Grid[];
  let audit: Audit;
  beforeAll(async () => {
    grids = await sampleGrids(SAMPLE);
    audit = auditWorkbook(grids);
  });

  it('recognises every sheet with its kind and table bounds', () => {
    expect(audit.profile).toBe('keywork');
    expect(audit.sheets.map((s) => [s.name, s.kind, s.headerRow, s.firstDataRow, s.lastDataRow])).toEqual([
      ['通报', 'report-text', null, 1, 26],
      ['附件1', 'target-progress', 3, 5, 84],
      ['附件2', 'livelihood-projects', 3, 4, 49],
      ['任务分解', 'task-decomposition', 2, 3, 20],
    ]);
  });

  it('recognises the sheets by content when they are renamed Sheet1…4 and reordered', () => {
    const renamed = [3, 1, 0, 2].map((i, k) => cloneGrid(grids[i] as Grid, `Sheet${k + 1}`));
    const a = auditWorkbook(renamed);
    expect(a.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Sheet1', 'task-decomposition'],
      ['Sheet2', 'target-progress'],
      ['Sheet3', 'report-text'],
      ['Sheet4', 'livelihood-projects'],
    ]);
    // Same findings, same figures: nothing depends on the names.
    const rename: Record<string, string> = { 任务分解: 'Sheet1', 附件1: 'Sheet2', 通报: 'Sheet3', 附件2: 'Sheet4' };
    expect(summary(a)).toEqual(expectedSummary.map((s) => s.replace(/^[^!]+/, (n) => rename[n] ?? n)).sort());
    expect(a.recomputed.keywork?.headline).toEqual(audit.recomputed.keywork?.headline);
  });

  it('gives the same findings and figures when the merged cells are unmerged and filled down', () => {
    const filled = grids.map((g) => (g.name === '附件1' ? fillDownMerges(g, 4) : g.name === '附件2' ? fillDownMerges(g, 3) : g));
    const a = auditWorkbook(filled);
    expect(summary(a)).toEqual(expectedSummary);
    expect(a.recomputed.keywork?.livelihood?.projects).toBe(18);
    expect(a.recomputed.keywork?.headline).toEqual(audit.recomputed.keywork?.headline);
  });

  it('reads a 量化数据 column typed entirely as text (`85%`) without a finding per cell', () => {
    const copy = grids.map((g) => (g.name === '附件2' ? cloneGrid(g) : g));
    const sheet = findGrid(copy, '附件2');
    for (let r = 4; r <= 49; r++) {
      const v = getCell(sheet, `I${r}`);
      if (typeof v === 'number') setCell(sheet, `I${r}`, `${Math.round(v * 10000) / 100}%`);
    }
    const a = auditWorkbook(copy);
    expect(summary(a)).toEqual(expectedSummary);
    expect(a.recomputed.keywork?.livelihood?.rows.find((r) => r.cell === 'I15')?.statedPercent).toBe(100.45);
  });

  it('reports exactly the findings a clerk agrees with, at the right cells, and no error', () => {
    expect(summary(audit)).toEqual(expectedSummary);
    expect(audit.counts).toEqual({ error: 0, warning: 0, info: 7 });
  });

  it('counts 7 / 64 / 9 targets from the marks, matching the mark columns cell by cell', () => {
    const t = audit.recomputed.keywork?.targets;
    const sheet = findGrid(grids, '附件1');
    expect(t?.counts).toEqual({ total: 80, done: marksIn(sheet, 4), onSchedule: marksIn(sheet, 5), lagging: marksIn(sheet, 6), unmarked: 0 });
    expect([t?.counts.done, t?.counts.onSchedule, t?.counts.lagging]).toEqual([7, 64, 9]);
    expect(t?.shares).toEqual({ done: 8.8, onSchedule: 80, lagging: 11.2, unmarked: 0 });
    expect(t?.lagging.map((l) => l.seq)).toEqual([1, 2, 13, 35, 39, 51, 55, 57, 58]);
    expect(t?.lagging.map((l) => getCell(sheet, l.cell))).toEqual(t?.lagging.map((l) => l.target));
    expect(t?.livelihoodSeqs).toEqual([48, 49, 57, 58, 67, 80]);
  });

  it('counts a target with two lead units for both units, and once overall', () => {
    const t = audit.recomputed.keywork?.targets;
    const unit = (name: string) => t?.byUnit.find((u) => u.unit === name)?.counts;
    // 51 and 57 are 区交通局 + 区物流发展服务中心; 56 is 区交通局 alone.
    expect(unit('区物流发展服务中心')).toEqual({ total: 2, done: 0, onSchedule: 0, lagging: 2, unmarked: 0 });
    expect(unit('区交通局')).toEqual({ total: 3, done: 0, onSchedule: 1, lagging: 2, unmarked: 0 });
    // 74 is 区政府办 + 区文旅广电局, 73 is 区文旅广电局.
    expect(unit('区文旅广电局')).toEqual({ total: 2, done: 2, onSchedule: 0, lagging: 0, unmarked: 0 });
    const perUnit = t?.byUnit.reduce((a, u) => a + u.counts.total, 0);
    expect(perUnit).toBe(83); // 80 targets, three of them with two units
    for (const u of t?.byUnit ?? []) {
      expect(u.shares.done + u.shares.onSchedule + u.shares.lagging + u.shares.unmarked).toBeCloseTo(100, 6);
    }
  });

  it('counts the livelihood projects done / on schedule: 15/31, provincial 12/23, city 3/8', () => {
    const l = audit.recomputed.keywork?.livelihood;
    const pair = (x: { counts: { done: number; onSchedule: number; total: number } } | undefined) => [x?.counts.total, x?.counts.done, x?.counts.onSchedule];
    expect(pair(l?.all)).toEqual([46, 15, 31]);
    expect(pair(l?.provincial)).toEqual([35, 12, 23]);
    expect(pair(l?.city)).toEqual([11, 3, 8]);
    expect(l?.projects).toBe(18); // project 8 continues over a page break: counted once
    expect(l?.all.shares.done).toBe(32.6);
    expect(l?.provincial.shares.onSchedule).toBe(65.7);
    expect(l?.city.shares.done).toBe(27.3);
  });

  it('recomputes each row’s percentage where the text states the achieved figure in the target’s unit', () => {
    const rows = audit.recomputed.keywork?.livelihood?.rows ?? [];
    const byCell = new Map(rows.map((r) => [r.cell, r] as const));
    const pct = (cell: string) => byCell.get(cell)?.recomputedPercent;
    expect(pct('I4')).toBeCloseTo(85, 6); // 17场 / 20场
    expect(pct('I5')).toBeCloseTo(97.85, 6); // 9785名 / 10000名
    expect(pct('I17')).toBeCloseTo((59 / 71) * 100, 6); // 累计完成人数59人 / 71名
    expect(pct('I18')).toBeCloseTo((3096 / 5600) * 100, 6); // 已完成3096人
    expect(pct('I37')).toBeCloseTo(81.25, 6); // 1.95万方 / 2.4万方
    expect(pct('I49')).toBeCloseTo((1340 / 1992) * 100, 6); // 1340万 / 1992万元
    // Not the same unit, or no clear achieved figure: never guessed.
    expect(pct('I40')).toBeNull(); // 8105人 vs 6600人次
    expect(pct('I27')).toBeNull(); // 17个…等7个: ambiguous
    expect(pct('I42')).toBeNull(); // 218名 received a half-year payment: not a completion
    expect(pct('I14')).toBeNull(); // 无集中养育孤儿
    expect(byCell.get('I15')?.statedPercent).toBeCloseTo(100.45, 6);
    expect(byCell.get('I19')?.statedPercent).toBeNull();
  });

  it('drafts the headline paragraph with the same wording and figures as the published 通报', () => {
    const draft = audit.recomputed.keywork?.headline?.['zh-CN'] ?? '';
    const published = String(getCell(findGrid(grids, '通报'), 'A8'));
    // The draft is the published paragraph up to the sentence on the 17 incentive measures.
    expect(published.startsWith(draft)).toBe(true);
    expect(draft).toContain('80项目标任务中，已完成年度目标任务的7项，占8.8%；达到时间与进度同步的64项，占80%；进展相对滞后的9项，占11.2%。');
    const figs = (text: string) => headlineFigures({ row: 0, cell: 'A1', text }).map((f) => [f.group, f.cls, f.count, f.share]);
    expect(figs(draft)).toEqual(figs(published));
    expect(figs(draft)).toHaveLength(13);
    expect(audit.recomputed.keywork?.headline?.['en-US']).toContain('7 (8.8%) have met the annual target');
  });

  it('reads the 通报 figures, including the enumerated 12 / 3 / 31 of section (二)', () => {
    const figures = audit.records['report-text']?.figures ?? [];
    expect(figures.filter((f) => f.source === 'enumeration').map((f) => [f.group, f.cls, f.count, f.cell])).toEqual([
      ['provincial', 'done', 12, 'A17'],
      ['city', 'done', 3, 'A17'],
      ['livelihood', 'onSchedule', 31, 'A17'],
    ]);
    // The published 11.2% is the largest-remainder share of 9/80 (plain rounding would give 11.3%).
    expect(figures.find((f) => f.group === 'targets' && f.cls === 'lagging')?.share).toBe(11.2);
  });

  it('reads 任务分解 with several related units per cell and group phrases kept apart', () => {
    const tasks = audit.records['task-decomposition'];
    expect(tasks?.rows).toHaveLength(18);
    expect(tasks?.rows[0]?.related).toEqual(['区科工局', '区财政局', '区人社局', '区商粮局', '生态环境分局', '绿色化工高新区']);
    expect(tasks?.rows[0]?.provincialLead).toBe('省发展改革委');
    expect(tasks?.rows[4]?.related).toEqual(['各镇（街道）']);
  });
});
