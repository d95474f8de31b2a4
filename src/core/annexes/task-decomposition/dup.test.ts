/**
 * dup/task on the task decomposition: the same incentive measure twice. Needs: the measure column. Finds: the later
 * row, on its measure cell, with both 序号, the first related; the measure is compared without its
 * `（牵头单位：…）` note. Must not find: distinct measures, rows without a measure.
 */
import { taskGrid } from '../../../../test/profileB/keywork';
import { reorderColumns } from '../../../../test/helpers/grids';
import { kinds, runRule, shape } from '../../../../test/helpers/rules';
import { dupTask } from './dup';

const A = '对推动高质量发展成效明显的县市区，予以资金奖励。';
const B = '对守牢生态环境底线成效明显的县市区予以奖励。';

describe('dupTask', () => {
  it('needs the measure column: without it, it does not run', () => {
    const grid = reorderColumns(taskGrid([['1', A, '区发改局', '区科工局'], ['2', A, '区财政局', '税务局']]), [0, 2, 3]);
    const r = runRule(dupTask, [grid], { sheetKinds: { 任务分解: 'task-decomposition' } });
    expect(kinds(r.audit)['任务分解']).toBe('task-decomposition');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a measure twice, its 牵头单位 notes aside, on the later measure cell, with both 序号', () => {
    const r = runRule(dupTask, [taskGrid([
      ['1', `${A}（牵头单位：省发展改革委）`, '区发改局', '区科工局'],
      ['2', B, '生态环境分局', '各镇（街道）'],
      ['3', `${A}(牵头单位:省财政厅)`, '区财政局', '税务局'],
    ])]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'dup/task', severity: 'warning', cell: 'B5', params: { seq: 3, otherSeq: 1, otherCell: 'B3' }, related: [{ sheet: '任务分解', cell: 'B3' }] },
    ]);
  });

  it('finds nothing for distinct measures, nor for rows without a measure', () => {
    expect(runRule(dupTask, [taskGrid([['1', A, '区发改局', '区科工局'], ['2', B, '生态环境分局', '各镇（街道）']])]).findings).toEqual([]);
    expect(runRule(dupTask, [taskGrid([['1', A, '区发改局', '区科工局'], ['2', '', '区财政局', '税务局'], ['3', '', '区财政局', '税务局']])]).findings).toEqual([]);
  });
});
