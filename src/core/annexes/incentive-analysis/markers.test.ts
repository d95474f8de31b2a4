/**
 * cross/marker-count: 附件3's note states how many items carry ● and Ⅱ/Ⅲ. Needs: the item column (the markers lead
 * the item names) and a note that states a count. Finds: a stated count that is not the number of marked items, on
 * the note, per marker, with the marked items related. Must not find: counts that match, a note that states no
 * count, no note, a marker inside a name (only leading markers count).
 */
import { ANALYSIS_NOTE, analysisGrid, type AnalysisRow } from '../../../../test/helpers/incentive';
import { reorderColumns } from '../../../../test/helpers/grids';
import { kinds, runRule, shape } from '../../../../test/helpers/rules';
import { markerCount } from './markers';

/** ● on one item, Ⅲ on one. */
const ITEMS: AnalysisRow[] = [
  ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大'],
  [null, '第3项', '营商环境', '4个市州\n10个县市', '龙山县：有可能'],
  ['州民政局', '第31项', '●Ⅲ推进养老服务体系建设', '4个市州\n10个县市', '吉首市：很有可能'],
];

describe('markerCount', () => {
  it('needs the item column: without it, it does not run', () => {
    const grid = reorderColumns(analysisGrid(ITEMS, ANALYSIS_NOTE(5, 5)), [0, 1, 3, 4, 5, 6]);
    const r = runRule(markerCount, [grid]);
    expect(kinds(r.audit)['附件3']).toBe('incentive-analysis');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a stated ● count that is not the number of ● items, on the note, the ● items related', () => {
    const r = runRule(markerCount, [analysisGrid(ITEMS, ANALYSIS_NOTE(2, 1))]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/marker-count', severity: 'error', cell: 'A3', params: { marker: '●' }, expected: 1, actual: 2, related: [{ sheet: '附件3', cell: 'C7' }] },
    ]);
  });

  it('finds a stated Ⅱ/Ⅲ count that is not the number of Ⅱ/Ⅲ items', () => {
    const items: AnalysisRow[] = [...ITEMS, ['州教体局', '第5项', 'Ⅱ义务教育均衡', '10个县市区', '难度较大']];
    const r = runRule(markerCount, [analysisGrid(items, ANALYSIS_NOTE(1, 1))]);
    expect(r.findings.map(shape)).toEqual([
      {
        code: 'cross/marker-count',
        severity: 'error',
        cell: 'A3',
        params: { marker: { 'zh-CN': 'Ⅱ或Ⅲ', 'en-US': 'Ⅱ or Ⅲ' } },
        expected: 2,
        actual: 1,
        related: [{ sheet: '附件3', cell: 'C7' }, { sheet: '附件3', cell: 'C8' }],
      },
    ]);
  });

  it('finds nothing when the note\'s counts are the markers\' (a marker inside a name is not a marker)', () => {
    expect(runRule(markerCount, [analysisGrid(ITEMS, ANALYSIS_NOTE(1, 1))]).findings).toEqual([]);
    const inside: AnalysisRow[] = [...ITEMS, ['州教体局', '第5项', '义务教育●均衡', '10个县市区', '难度较大']];
    expect(runRule(markerCount, [analysisGrid(inside, ANALYSIS_NOTE(1, 1))]).findings).toEqual([]);
  });

  it('finds nothing without a note, or with a note that states no count', () => {
    expect(runRule(markerCount, [analysisGrid(ITEMS)]).findings).toEqual([]);
    expect(runRule(markerCount, [analysisGrid(ITEMS, '注：●表示该项2021年14个市州全获激励。')]).findings).toEqual([]);
  });
});
