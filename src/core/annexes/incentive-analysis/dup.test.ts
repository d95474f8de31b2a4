/**
 * dup/item on 附件3: the same item twice under the same lead unit. Needs: unit and item. Finds: the later row, on its
 * item cell, the first related. Must not find: the same item under two units, different items, rows without an item.
 */
import { analysisGrid, type AnalysisRow } from '../../../../test/helpers/incentive';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { dupAnalysisItem } from './dup';

const ITEMS: AnalysisRow[] = [
  ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大'],
  [null, '第3项', '营商环境', '4个市州\n10个县市', '龙山县：有可能'],
  ['州民政局', '第31项', '推进养老服务体系建设', '4个市州\n10个县市', '吉首市：很有可能'],
];

describe('dupAnalysisItem', () => {
  it('needs the unit column: without it, it does not run', () => {
    const dup: AnalysisRow[] = [...ITEMS, ['州民政局', '第31项', '推进养老服务体系建设', '10个县市', '难度较大']];
    const r = runRule(dupAnalysisItem, [analysisGrid(dup, undefined, ['主办', '序  号', '激励事项', '激励名额', '州直研判情况', '2021年获激励情况', '2020年获激励情况'])]);
    expect(kinds(r.audit)['附件3']).toBe('incentive-analysis');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds an item twice under one unit (the unit continued by a merge), on the later item cell', () => {
    const dup: AnalysisRow[] = [...ITEMS.slice(0, 2), [null, '第3项', '营商环境。', '10个县市', '难度较大'], ITEMS[2]!];
    const r = runRule(dupAnalysisItem, [analysisGrid(dup)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'dup/item', severity: 'warning', cell: 'C7', params: { unit: '州发改委', item: '营商环境。', otherCell: 'C6' }, related: [{ sheet: '附件3', cell: 'C6' }] },
    ]);
  });

  it('each later repeat is one finding pointing at the first', () => {
    const dup: AnalysisRow[] = [...ITEMS, ['州民政局', '第32项', '推进养老服务体系建设', '10个县市', '难度较大'], ['州民政局', '第33项', '推进养老服务体系建设', '10个县市', '难度较大']];
    const r = runRule(dupAnalysisItem, [analysisGrid(dup)]);
    expect(where(r.findings)).toEqual(['dup/item 附件3!C8', 'dup/item 附件3!C9']);
    expect(r.findings.map((f) => shape(f).params['otherCell'])).toEqual(['C7', 'C7']);
  });

  it('finds nothing for the same item under two units, nor for distinct items', () => {
    const two: AnalysisRow[] = [...ITEMS, ['州教体局', '第3项', '营商环境', '10个县市', '难度较大']];
    expect(runRule(dupAnalysisItem, [analysisGrid(two)]).findings).toEqual([]);
    expect(runRule(dupAnalysisItem, [analysisGrid(ITEMS)]).findings).toEqual([]);
  });
});
