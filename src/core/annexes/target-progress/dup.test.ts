/**
 * dup/target on the target-progress annex (附件1): the same target twice. Needs: the target column. Finds: the later
 * row, on its target cell, with both 序号 and the target (cut at 30 characters), the first related. Must not find:
 * distinct targets, rows without a target.
 */
import { targetGrid, type TargetSpecRow } from '../../../../test/profileB/keywork';
import { reorderColumns } from '../../../../test/helpers/grids';
import { kinds, runRule, shape } from '../../../../test/helpers/rules';
import { dupTarget } from './dup';

const ON: TargetSpecRow['marks'] = [null, '√', null];
const rows = (targets: readonly string[]): TargetSpecRow[] => targets.map((target, i) => ({ seq: i + 1, target, unit: '区发改局', marks: ON }));
const LONG = '地区生产总值增长6.5%左右，规模以上工业增加值增长7%，固定资产投资增长6%以上';

describe('dupTarget', () => {
  it('needs the target column: without it, it does not run', () => {
    // 目标任务 (column B) left out.
    const grid = reorderColumns(targetGrid(rows(['目标任务1', '目标任务1'])), [0, 2, 3, 4, 5, 6]);
    const r = runRule(dupTarget, [grid], { sheetKinds: { 附件1: 'target-progress' } });
    expect(kinds(r.audit)['附件1']).toBe('target-progress');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a target twice (a trailing stop aside), on the later target cell, with both 序号', () => {
    const r = runRule(dupTarget, [targetGrid(rows(['目标任务1', '目标任务2', '目标任务1。']))]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'dup/target', severity: 'warning', cell: 'B7', params: { seq: 3, item: '目标任务1。', otherSeq: 1, otherCell: 'B5' }, related: [{ sheet: '附件1', cell: 'B5' }] },
    ]);
  });

  it('names a long target by its first 30 characters', () => {
    const r = runRule(dupTarget, [targetGrid(rows([LONG, LONG]))]);
    expect(shape(r.findings[0]).params['item']).toBe(`${LONG.slice(0, 30)}…`);
  });

  it('finds nothing for distinct targets, nor for rows without a target', () => {
    expect(runRule(dupTarget, [targetGrid(rows(['目标任务1', '目标任务2', '目标任务3']))]).findings).toEqual([]);
    expect(runRule(dupTarget, [targetGrid(rows(['目标任务1', '', '']))]).findings).toEqual([]);
  });
});
