/**
 * Issue 10, profile B (重点工作推进): editions of other counties and years, written in the tests from
 * one model (see editionB.ts), in other wordings and layouts. Each plants 1–3 inconsistencies; the
 * audit must find exactly those (right code, sheet, cell, severity) and raise no other error or warning.
 */
import { auditWorkbook, type Audit } from '../../src/core';
import { getCell, setCell } from '../helpers/grids';
import { CANONICAL_B, editionB, type EditionB, HUARONG_2023, JUNSHAN_2024, PINGJIANG_2024, XIANGYIN_2025 } from './editionB';
import { baseline, expectFindings, type Expected } from './sheets';

function run(name: string, e: EditionB, expected: Expected, settings?: unknown): Audit {
  const a = auditWorkbook(e.grids, settings);
  if (process.env['EDITIONS_BASELINE']) console.log(`[baseline] ${name}: ${baseline(a, expected)}`);
  return a;
}

const KINDS = ['report-text', 'target-progress', 'livelihood-projects', 'task-decomposition'];

describe('profile B editions', () => {
  it('B1 湘阴县 2025, status columns 已完成/序时推进/滞后 and 进度评价 完成/序时推进: a target without a mark, a wrong count in the 通报', () => {
    const e = editionB({
      place: XIANGYIN_2025,
      layout: {
        headers: { ...CANONICAL_B, targets: { ...CANONICAL_B.targets, done: '已完成', onSchedule: '序时推进', lagging: '滞后' } },
        status: { done: '完成', onSchedule: '序时推进', lagging: '进度滞后' },
      },
      // 2 provincial projects are done (rows 2 and 4); the 通报 says 3.
      headline: (s) => s.replace('其中5件省级重点民生实事中，已完成年度目标任务的2件', '其中5件省级重点民生实事中，已完成年度目标任务的3件'),
    });
    // Target 10 (on schedule) loses its only mark.
    const onSchedule10 = e.targets.ref(9, 'onSchedule');
    expect(getCell(e.targets.grid, onSchedule10)).toBe('√');
    setCell(e.targets.grid, onSchedule10, null);
    const expected: Expected = [
      ['附件1', e.targets.ref(9, 'done'), 'target/mark-missing', 'error'],
      ['通报', e.headlineCell, 'report/count-mismatch', 'error'],
    ];
    const a = run('B1', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    expect(a.recomputed.keywork?.targets?.counts).toEqual({ total: 12, done: 3, onSchedule: 6, lagging: 2, unmarked: 1 });
    expect(a.recomputed.keywork?.livelihood?.provincial.counts).toMatchObject({ total: 5, done: 2, onSchedule: 3 });
  });

  it('B2 君山区 2024, every required column of every kind worded differently: a wrong percentage, a target marked twice', () => {
    const e = editionB({
      place: JUNSHAN_2024,
      layout: {
        headers: {
          targets: { seq: '序号', target: '工作任务', unit: '责任单位（牵头）', progress: '工作进展情况', group: '进度情况', done: '完成', onSchedule: '按时序推进', lagging: '进度滞后' },
          livelihood: { category: '实事类别', seq: '序号', project: '实事项目', target: '年度目标', unit: '责任单位（牵头）', progress: '工作进展情况', pct: '完成进度（%）', status: '进度情况' },
          tasks: { seq: '序号', measure: '激励措施（省政府二十条）', lead: '责任单位（牵头）', related: '配合责任单位' },
        },
      },
      livelihood: (l) => {
        l[0] = { ...(l[0] as (typeof l)[0]), pct: 0.5 }; // 1800 ÷ 3000 = 60%
      },
    });
    // Target 6 (done) is also ticked 进度滞后.
    setCell(e.targets.grid, e.targets.ref(5, 'lagging'), '√');
    const expected: Expected = [
      ['附件1', e.targets.ref(5, 'done'), 'target/mark-multiple', 'error'],
      ['附件2', e.livelihood.ref(0, 'pct'), 'livelihood/pct-mismatch', 'error'],
    ];
    const a = run('B2', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    expect(a.records['task-decomposition']?.rows).toHaveLength(5);
    expect(a.recomputed.keywork?.livelihood?.all.counts).toMatchObject({ total: 8, done: 3, onSchedule: 5 });
  });

  it('B3 华容县 2023, target split into 具体任务 + 目标值, percentages as numbers formatted 0.0%, a row of column numbers, 备注 and helper columns with dates', () => {
    const e = editionB({
      place: HUARONG_2023,
      layout: { split: { indicator: '具体任务', value: '目标值' }, pctFormat: '0.0%', numbersRow: true, extras: true },
      livelihood: (l) => {
        l[2] = { ...(l[2] as (typeof l)[0]), cls: 'done' }; // 3 of 4 助餐点, 75%: not done
        l[5] = { ...(l[5] as (typeof l)[0]), remark: '计划9月31日前完成全部筛查。' };
      },
      targets: (t) => {
        t[1] = { ...(t[1] as (typeof t)[0]), remark: '已于2月29日上报收入分析。' }; // 2023 is not a leap year
      },
    });
    const expected: Expected = [
      ['附件1', e.targets.ref(1, 'remark'), 'cell/invalid-date', 'error'],
      ['附件2', e.livelihood.ref(2, 'status'), 'livelihood/status-not-met', 'error'],
      ['附件2', e.livelihood.ref(5, 'remark'), 'cell/invalid-date', 'error'],
    ];
    const a = run('B3', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    // The row of column numbers is not a target and not a project.
    expect(a.records['target-progress']?.rows).toHaveLength(12);
    expect(a.records['livelihood-projects']?.rows).toHaveLength(8);
    const rows = a.recomputed.keywork?.livelihood?.rows ?? [];
    expect(rows.map((r) => r.statedPercent)).toEqual([60, 100, 75, 100, 65, 55, 100, 75]);
    expect(rows.find((r) => r.cell === e.livelihood.ref(0, 'pct'))?.recomputedPercent).toBeCloseTo(60, 6);
  });

  it('B4 平江县 2024, marks under a 完成情况 group header with a 合计 row at the bottom: a wrong share in the 通报, a lead unit listed again as related', () => {
    const e = editionB({
      place: PINGJIANG_2024,
      layout: {
        headers: { ...CANONICAL_B, targets: { ...CANONICAL_B.targets, group: '完成情况', done: '基本完成', onSchedule: '常态化或按时序推进', lagging: '相对滞后' } },
        marksTotal: true,
      },
      headline: (s) => s.replace('进展相对滞后的2项，占16.7%', '进展相对滞后的2项，占16.6%'),
      tasks: (t) => {
        const row = t[1] as [string, string, string];
        row[2] = `${row[1]}\n${row[2]}`; // 县工信局 leads and is listed among the related units
      },
    });
    const expected: Expected = [
      ['通报', e.headlineCell, 'report/share-mismatch', 'error'],
      ['任务分解', e.tasks.ref(1, 'related'), 'task/lead-in-related', 'warning'],
    ];
    const a = run('B4', e, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(KINDS);
    expectFindings(a, expected);
    // The 合计 row counts the marks; it is not a 13th target.
    expect(a.recomputed.keywork?.targets?.counts).toEqual({ total: 12, done: 3, onSchedule: 7, lagging: 2, unmarked: 0 });
  });
});
