/**
 * 附件4 covers the items of 附件3, under the same lead units. Needs: the item column of both. Finds: a 附件3 item with
 * no progress row (cross/progress-item-missing, on 附件3); a progress row for no 附件3 item (cross/progress-item-extra);
 * an item reported under another unit (cross/progress-unit-mismatch, on 附件4's unit); most items under other units
 * (cross/units-unmatched, once). Must not find: one row per item under its unit, a shortened item name, a
 * formal unit name for a short one, a row with no unit (continuing the one above is the parser's business).
 */
import { analysisGrid, type AnalysisRow, progressGrid, type ProgressRow } from '../../../../test/helpers/incentive';
import { reorderColumns } from '../../../../test/helpers/grids';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { crossProgress } from './cross';

const ANALYSIS: AnalysisRow[] = [
  ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大'],
  [null, '第3项', '营商环境', '4个市州\n10个县市', '龙山县：有可能'],
  ['州民政局', '第31项', '推进养老服务体系建设', '4个市州\n10个县市', '吉首市：很有可能'],
];
const PROGRESS: ProgressRow[] = [
  ['州发改委', '高质量发展', '已完成2项考核指标。'],
  ['州发改委', '营商环境', '县市完成率均超过九成。'],
  ['州民政局', '推进养老服务体系建设', '已完成3项基本指标。'],
];

describe('crossProgress', () => {
  it('needs 附件4\'s item column: without it, it does not run', () => {
    // 激励事项 (column B) left out.
    const r = runRule(crossProgress, [analysisGrid(ANALYSIS), reorderColumns(progressGrid([['州发改委', '无此事项', '推进中。']]), [0, 2, 3, 4])]);
    expect(kinds(r.audit)).toEqual({ 附件3: 'incentive-analysis', 附件4: 'progress-report' });
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('needs 附件3: with 附件4 alone it does not run', () => {
    const r = runRule(crossProgress, [progressGrid(PROGRESS)]);
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a 附件3 item with no progress row, on 附件3\'s item cell', () => {
    const r = runRule(crossProgress, [analysisGrid(ANALYSIS), progressGrid([PROGRESS[0]!, PROGRESS[2]!])]);
    expect(r.findings.map(shape)).toEqual([{ code: 'cross/progress-item-missing', severity: 'error', cell: 'C6', params: { unit: '州发改委', item: '营商环境', target: '附件4' } }]);
    expect(r.findings[0]?.sheet).toBe('附件3');
  });

  it('finds a progress row for an item 附件3 does not have, on 附件4\'s item cell', () => {
    const r = runRule(crossProgress, [analysisGrid(ANALYSIS), progressGrid([...PROGRESS, ['州教体局', '义务教育均衡发展', '已迎检。']])]);
    expect(r.findings.map(shape)).toEqual([{ code: 'cross/progress-item-extra', severity: 'warning', cell: 'B7', params: { item: '义务教育均衡发展', source: '附件3' } }]);
    expect(r.findings[0]?.sheet).toBe('附件4');
  });

  it('finds an item reported under another unit, on 附件4\'s unit cell, with both units', () => {
    const rows = [...PROGRESS];
    rows[2] = ['州卫健委', '推进养老服务体系建设', '已完成3项基本指标。'];
    const r = runRule(crossProgress, [analysisGrid(ANALYSIS), progressGrid(rows)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/progress-unit-mismatch', severity: 'warning', cell: 'A6', params: { item: '推进养老服务体系建设', source: '附件3' }, expected: '州民政局', actual: '州卫健委', related: [{ sheet: '附件3', cell: 'A7' }] },
    ]);
  });

  it('most items under other units is said once (the annexes name their units differently)', () => {
    const rows: ProgressRow[] = PROGRESS.map((p, i) => [['甲处', '乙处', '丙处'][i]!, p[1], p[2]]);
    const r = runRule(crossProgress, [analysisGrid(ANALYSIS), progressGrid(rows)]);
    expect(where(r.findings)).toEqual(['cross/units-unmatched 附件4!A4']);
  });

  it('finds nothing when every item has its row under its unit', () => {
    expect(runRule(crossProgress, [analysisGrid(ANALYSIS), progressGrid(PROGRESS)]).findings).toEqual([]);
  });

  it('a shortened item name and a unit\'s formal name are the same item and unit', () => {
    const rows: ProgressRow[] = [PROGRESS[0]!, ['州发展和改革委员会', '营商环境', '推进中。'], ['州民政局', '养老服务体系建设', '推进中。']];
    expect(runRule(crossProgress, [analysisGrid(ANALYSIS), progressGrid(rows)]).findings).toEqual([]);
  });
});
