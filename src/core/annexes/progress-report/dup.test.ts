/**
 * dup/item on 附件4: the same item twice under the same lead unit. Needs: unit and item. Finds: the later row, on its
 * item cell, the first related. Must not find: the same item under two units, distinct items, the same item
 * written once with and once without its trailing stop (that is a repeat, see the first case).
 */
import { progressGrid, type ProgressRow } from '../../../../test/helpers/incentive';
import { kinds, runRule, shape } from '../../../../test/helpers/rules';
import { dupProgressItem } from './dup';

const ROWS: ProgressRow[] = [
  ['州发改委', '高质量发展', '已完成2项考核指标。'],
  ['州发改委', '营商环境', '县市完成率均超过九成。'],
  ['州民政局', '推进养老服务体系建设', '已完成3项基本指标。'],
];

describe('dupProgressItem', () => {
  it('needs the unit column: without it (the sheet read as 附件4 all the same), it does not run', () => {
    const r = runRule(dupProgressItem, [progressGrid([...ROWS, ROWS[0]!], ['主办', '激励事项', '最新进展', '存在问题', '与上级部门对接情况'])], { sheetKinds: { 附件4: 'progress-report' } });
    expect(kinds(r.audit)['附件4']).toBe('progress-report');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds an item twice under one unit, on the later item cell, the first related', () => {
    const r = runRule(dupProgressItem, [progressGrid([...ROWS, ['州发改委', '营商环境。', '另有进展。']])]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'dup/item', severity: 'warning', cell: 'B7', params: { unit: '州发改委', item: '营商环境。', otherCell: 'B5' }, related: [{ sheet: '附件4', cell: 'B5' }] },
    ]);
  });

  it('finds nothing for the same item under two units, nor for distinct items', () => {
    expect(runRule(dupProgressItem, [progressGrid([...ROWS, ['州民政局', '营商环境', '配合推进。']])]).findings).toEqual([]);
    expect(runRule(dupProgressItem, [progressGrid(ROWS)]).findings).toEqual([]);
  });
});
