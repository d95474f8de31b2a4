/**
 * Issue 10: editions built from the two samples in code — headers reworded the way other offices word
 * them, another year, extra columns, a row of column numbers under every header, status words by
 * meaning. The sample's own inconsistencies stay where they are (moved with their cells); each variant
 * plants more, and nothing else may become an error or a warning.
 */
import { auditWorkbook, type Audit, type Grid } from '../../src/core';
import type { CellValue } from '../../src/core/grid';
import { cloneGrid, findGrid, getCell, sampleGrids, setCell } from '../helpers/grids';
import { EXPECTED_A, EXPECTED_B, moved, SAMPLE_A, SAMPLE_B } from './expected';
import { baseline, expectFindings, type Expected, insertColumn, insertRow, renameHeader, shiftedCell, shiftedColumn } from './sheets';

function run(name: string, grids: Grid[], expected: Expected, settings?: unknown): Audit {
  const a = auditWorkbook(grids, settings);
  if (process.env['EDITIONS_BASELINE']) console.log(`[baseline] ${name}: ${baseline(a, expected)}`);
  return a;
}

function numbers(g: Grid): CellValue[] {
  const width = Math.max(...g.values.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => i + 1);
}

describe('editions built from the profile A sample', () => {
  let A: Grid[];
  beforeAll(async () => {
    A = await sampleGrids(SAMPLE_A);
  });
  const copy = () => A.map((g) => cloneGrid(g));

  it('A5 every required column of every kind worded as other offices word it (重点事项（州直单位研判情况）, 向上对接情况, 工作进展情况 …): the sample’s findings, plus a wrong 项数', () => {
    const v = copy();
    const t1 = findGrid(v, '附件1');
    renameHeader(t1, '牵头单位', '责任单位（牵头）');
    renameHeader(t1, '总项数', '激励事项总数');
    const t2 = findGrid(v, '附件2');
    renameHeader(t2, '单位', '单位名称');
    renameHeader(t2, '项数', '事项数量');
    renameHeader(t2, '具体事项', '重点事项清单');
    const t3 = findGrid(v, '附件3');
    renameHeader(t3, '牵头单位', '责任单位（牵头）');
    renameHeader(t3, '激励事项', '激励项目');
    renameHeader(t3, '州直研判情况', '重点事项（州直单位研判情况）');
    const t4 = findGrid(v, '附件4');
    renameHeader(t4, '牵头单位', '责任单位（牵头）');
    renameHeader(t4, '激励事项', '督查激励事项名称');
    renameHeader(t4, '最新进展', '工作进展情况');
    renameHeader(t4, '与上级部门对接情况', '向上对接情况');
    const t5 = findGrid(v, '附件5');
    renameHeader(t5, '县市区', '县（市、区）');
    renameHeader(t5, '重点事项', '争取事项');
    renameHeader(t5, '对接情况', '对接汇报情况');
    setCell(t2, 'B9', 9); // 凤凰县 lists 8 items
    const expected: Expected = [...EXPECTED_A, ['附件2', 'B9', 'keyitems/count', 'error']];
    const a = run('A5', v, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log']);
    expectFindings(a, expected);
    expect(a.recomputed.incentive?.tallyTotal).toEqual({ unit: '合计', total: 65, veryLikely: 12, likely: 30, hard: 21, unlikely: 2 });
  });

  it('A6 another year (2023 in the titles), a 序号 column before 附件1 and 附件4, a 备注 column in 附件4 whose date is checked', () => {
    let v = copy();
    for (const g of v) {
      for (let r = 0; r < 3; r++) {
        const row = g.values[r] as CellValue[];
        for (let c = 0; c < row.length; c++) if (typeof row[c] === 'string') row[c] = (row[c] as string).replace('2022年', '2023年');
      }
    }
    // 附件4: 备注 after 与上级部门对接情况 (E), then 序号 before everything.
    const t4 = findGrid(v, '附件4');
    const remark: CellValue[] = t4.values.map((_, r) => (r === 2 ? '备注' : r === 9 ? '2月29日前报送年度投资计划。' : null));
    let g4 = insertColumn(t4, 5, remark);
    g4 = insertColumn(g4, 0, g4.values.map((_, r) => (r === 2 ? '序号' : r >= 3 ? r - 2 : null)));
    const g1 = insertColumn(findGrid(v, '附件1'), 0, findGrid(v, '附件1').values.map((_, r) => (r === 3 ? '序号' : r >= 5 ? r - 4 : null)));
    v = v.map((g) => (g.name === '附件4' ? g4 : g.name === '附件1' ? g1 : g));
    expect(getCell(g4, 'G10')).toBe('2月29日前报送年度投资计划。');
    expect(g1.formulas?.[4]?.[2]).toBe('SUM(C6:C31)');
    const expected: Expected = [...moved(EXPECTED_A, '附件4', (c) => shiftedColumn(c, 0)), ['附件4', 'G10', 'cell/invalid-date', 'error']];
    const a = run('A6', v, expected);
    expect(a.year).toBe(2023);
    expectFindings(a, expected);
  });

  it('A7 a row of column numbers (1 2 3 …) under every header and a helper column in 附件3: never read as data; a 总项数 that does not add up', () => {
    const at: Record<string, number> = { 附件1: 4, 附件2: 5, 附件3: 4, 附件4: 3, 附件5: 4 };
    const base = copy();
    // 州财政局: 总项数 3, but 难度较大 2 and 附件3 has 2 items; the 合计 formula follows (66).
    setCell(findGrid(base, '附件1'), 'B9', 3);
    setCell(findGrid(base, '附件1'), 'B5', 66, 'SUM(B6:B31)');
    const t3 = findGrid(base, '附件3');
    const helper = t3.values.map((row, r) => (r >= 4 ? `${String(row[2] ?? '')}|${r + 1}` : null));
    const v = base.map((g) => {
      const withHelper = g.name === '附件3' ? insertColumn(g, 10, helper) : g;
      return insertRow(withHelper, at[g.name] ?? 0, numbers(withHelper));
    });
    expect(findGrid(v, '附件1').formulas?.[5]?.[1]).toBe('SUM(B7:B32)');
    let expected: Expected = [...EXPECTED_A, ['附件1', 'B9', 'tally/row-sum', 'error'], ['附件1', 'B9', 'cross/tally-mismatch', 'error']];
    for (const [sheet, row] of Object.entries(at)) expected = moved(expected, sheet, (c) => shiftedCell(c, row));
    const a = run('A7', v, expected);
    expectFindings(a, expected);
    expect(a.records['incentive-analysis']?.items).toHaveLength(65);
    expect(a.records['rating-tally']?.rows).toHaveLength(26);
  });
});

describe('editions built from the profile B sample', () => {
  let B: Grid[];
  beforeAll(async () => {
    B = await sampleGrids(SAMPLE_B);
  });
  const copy = () => B.map((g) => cloneGrid(g));

  it('B5 every required column worded differently, status columns 已完成/序时推进/滞后, 进度评价 written 序时推进: a wrong percentage, a missing mark', () => {
    const v = copy();
    const t1 = findGrid(v, '附件1');
    renameHeader(t1, '目标任务', '工作任务');
    renameHeader(t1, '牵头单位', '责任单位（牵头）');
    renameHeader(t1, '进展情况', '工作进展情况');
    renameHeader(t1, '工作进度', '进度情况');
    renameHeader(t1, '基本完成', '已完成');
    renameHeader(t1, '常态化或按时序推进', '序时推进');
    renameHeader(t1, '相对滞后', '滞后');
    const t2 = findGrid(v, '附件2');
    renameHeader(t2, '类别', '实事类别');
    renameHeader(t2, '项目名称', '实事项目');
    renameHeader(t2, '目标任务', '年度目标');
    renameHeader(t2, '牵头单位', '责任单位（牵头）');
    renameHeader(t2, '进展情况', '工作进展情况');
    renameHeader(t2, '量化数据', '完成进度（%）');
    renameHeader(t2, '进度评价', '进度情况');
    for (let r = 3; r < t2.values.length; r++) if (getCell(t2, `J${r + 1}`) === '正常推进') setCell(t2, `J${r + 1}`, '序时推进');
    const t4 = findGrid(v, '任务分解');
    renameHeader(t4, '省政府大抓落实工作激励措施', '激励措施（省政府二十条）');
    renameHeader(t4, '牵头责任单位', '责任单位（牵头）');
    renameHeader(t4, '相关责任单位', '协同责任单位');
    setCell(t2, 'I18', 0.45); // 3096 ÷ 5600 = 55%
    setCell(t1, 'F40', null); // target 36 loses its only mark
    const expected: Expected = [...EXPECTED_B, ['附件2', 'I18', 'livelihood/pct-mismatch', 'error'], ['附件1', 'E40', 'target/mark-missing', 'error']];
    const a = run('B5', v, expected);
    expect(a.sheets.map((s) => s.kind)).toEqual(['report-text', 'target-progress', 'livelihood-projects', 'task-decomposition']);
    expectFindings(a, expected);
    const l = a.recomputed.keywork?.livelihood;
    expect([l?.all.counts.total, l?.all.counts.done, l?.all.counts.onSchedule]).toEqual([46, 15, 31]);
  });

  it('B6 a row of column numbers under the header of 附件1, 附件2 and 任务分解: never a target, a project or a measure; a target marked twice', () => {
    const at: Record<string, number> = { 附件1: 4, 附件2: 3, 任务分解: 2 };
    const base = copy();
    setCell(findGrid(base, '附件1'), 'E6', '√'); // target 2 is marked 相对滞后 in G6
    const v = base.map((g) => (at[g.name] !== undefined ? insertRow(g, at[g.name] as number, numbers(g)) : g));
    let expected: Expected = [...EXPECTED_B, ['附件1', 'E6', 'target/mark-multiple', 'error']];
    for (const [sheet, row] of Object.entries(at)) expected = moved(expected, sheet, (c) => shiftedCell(c, row));
    const a = run('B6', v, expected);
    expectFindings(a, expected);
    expect(a.records['target-progress']?.rows).toHaveLength(80);
    expect(a.records['livelihood-projects']?.rows).toHaveLength(46);
    expect(a.records['task-decomposition']?.rows).toHaveLength(18);
  });
});
