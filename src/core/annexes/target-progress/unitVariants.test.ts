/**
 * units/variant: one unit written two ways across the key-work annexes (附件1, 附件2, 任务分解). Needs: any of them.
 * Finds: each less used form, once, where it first appears, the most used form expected and related. Must not
 * find: units written one way, different units, group words (各镇（街道）, 各相关单位).
 */
import { reportGrid, targetGrid, type TargetSpecRow, taskGrid } from '../../../../test/profileB/keywork';
import { runRule, shape, where } from '../../../../test/helpers/rules';
import { unitVariants } from './unitVariants';

const ON: TargetSpecRow['marks'] = [null, '√', null];
const targets = (units: readonly string[]): TargetSpecRow[] => units.map((unit, i) => ({ seq: i + 1, target: `目标任务${i + 1}`, unit, marks: ON }));

describe('unitVariants', () => {
  it('needs a key-work table: with the 通报 alone it does not run', () => {
    const r = runRule(unitVariants, [reportGrid(['关于上半年重点工作推进情况，现通报如下。'])]);
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds each less used form once, where it first appears, the most used form expected', () => {
    const r = runRule(unitVariants, [
      targetGrid(targets(['区发改局', '区发改局', '区发展和改革局', '区发展和改革局'])),
      taskGrid([['1', '对推动高质量发展成效明显的县市区，予以资金奖励。', '发改局', '区科工局']]),
    ]);
    expect(where(r.findings).sort()).toEqual(['units/variant 任务分解!C3', 'units/variant 附件1!C7']);
    const main = { sheet: '附件1', cell: 'C5' };
    expect(r.findings.map(shape).sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
      { code: 'units/variant', severity: 'info', cell: 'C3', params: { otherSheet: '附件1', otherCell: 'C5' }, expected: '区发改局', actual: '发改局', related: [main] },
      { code: 'units/variant', severity: 'info', cell: 'C7', params: { otherSheet: '附件1', otherCell: 'C5' }, expected: '区发改局', actual: '区发展和改革局', related: [main] },
    ]);
  });

  it('finds nothing for units written one way, different units, or group words', () => {
    const r = runRule(unitVariants, [
      targetGrid(targets(['区交通局', '区公路建养中心', '区交通局'])),
      taskGrid([['1', '对推动县市区予以奖励。', '区交通局', '各相关单位'], ['2', '对守牢生态环境底线的予以奖励。', '区公路建养中心', '各镇（街道）']]),
    ]);
    expect(r.ran).toBe(true);
    expect(r.findings).toEqual([]);
  });
});
