/**
 * 附件1 vs the tally recomputed from 附件3. Needs: 附件1's unit column and 附件3's unit, item and assessment.
 * Finds: a count that differs from the recomputed one (cross/tally-mismatch, on 附件1's cell, 附件3's assessments
 * related); a 附件1 unit with items that 附件3 does not have (cross/tally-unit-extra); a 附件3 unit with no 附件1 row
 * (cross/tally-unit-missing, on 附件3); most units unmatched (cross/units-unmatched, said once instead).
 * Must not find: a 附件1 that is 附件3 recounted, the 合计 row, a unit row with nothing in it.
 */
import { analysisGrid, type AnalysisRow, tallyGrid, type TallyRow } from '../../../../test/helpers/incentive';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { crossTally } from './cross';

/** 州发改委: 有可能 1, 难度较大 1; 州民政局: 很有可能 1 (the best of its counties' ratings). */
const ANALYSIS: AnalysisRow[] = [
  ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大'],
  [null, '第3项', '营商环境', '4个市州\n10个县市', '龙山县：有可能'],
  ['州民政局', '第31项', '推进养老服务体系建设', '4个市州\n10个县市', '州本级：有可能\n吉首市：很有可能'],
];
const TALLY: TallyRow[] = [
  ['州发改委', 2, null, 1, 1, null],
  ['州民政局', 1, 1, null, null, null],
];

describe('crossTally', () => {
  it('needs 附件3\'s assessment column: without it, it does not run', () => {
    const header = ['牵头单位', '序  号', '激励事项', '激励名额', '备注', '2021年获激励情况', '2020年获激励情况'];
    const r = runRule(crossTally, [tallyGrid([['州发改委', 5, 5, null, null, null]]), analysisGrid(ANALYSIS, undefined, header)]);
    expect(kinds(r.audit)).toEqual({ 附件1: 'rating-tally', 附件3: 'incentive-analysis' });
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('needs 附件3: with 附件1 alone it does not run', () => {
    const r = runRule(crossTally, [tallyGrid([['州发改委', 5, 5, null, null, null]])]);
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a count that is not 附件3 recounted, on 附件1\'s cell, with 附件3\'s assessments of that rating related', () => {
    const tally: TallyRow[] = [['州发改委', 2, null, 2, null, null], TALLY[1]!];
    const r = runRule(crossTally, [tallyGrid(tally), analysisGrid(ANALYSIS)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/tally-mismatch', severity: 'error', cell: 'D6', params: { unit: '州发改委', column: '有可能', source: '附件3' }, expected: 1, actual: 2, related: [{ sheet: '附件3', cell: 'E6' }] },
      { code: 'cross/tally-mismatch', severity: 'error', cell: 'E6', params: { unit: '州发改委', column: '难度较大', source: '附件3' }, expected: 1, actual: 0, related: [{ sheet: '附件3', cell: 'E5' }] },
    ]);
  });

  it('finds a 附件1 unit with items 附件3 does not have, and a 附件3 unit with no 附件1 row', () => {
    const tally: TallyRow[] = [TALLY[0]!, ['州教体局', 1, null, 1, null, null]];
    const r = runRule(crossTally, [tallyGrid(tally), analysisGrid(ANALYSIS)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/tally-unit-extra', severity: 'error', cell: 'A7', params: { unit: '州教体局', source: '附件3' }, expected: 0, actual: 1 },
      { code: 'cross/tally-unit-missing', severity: 'error', cell: 'A7', params: { unit: '州民政局', source: '附件3', target: '附件1' }, expected: 1 },
    ]);
    expect(r.findings[1]?.sheet).toBe('附件3');
  });

  it('a unit written in its formal name in 附件1 is the same unit (州发展和改革委员会 = 州发改委)', () => {
    const tally: TallyRow[] = [['州发展和改革委员会', 2, null, 1, 1, null], TALLY[1]!];
    expect(runRule(crossTally, [tallyGrid(tally), analysisGrid(ANALYSIS)]).findings).toEqual([]);
  });

  it('most units unmatched (named another way in 附件1) is said once, not once per unit', () => {
    const analysis: AnalysisRow[] = [
      ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大'],
      ['州民政局', '第2项', '养老服务', '10个县市区', '难度较大'],
      ['州教体局', '第3项', '义务教育', '10个县市区', '难度较大'],
    ];
    const tally: TallyRow[] = [['发展改革口', 1, null, null, 1, null], ['州民政局', 1, null, null, 1, null], ['教育体育口', 1, null, null, 1, null]];
    const r = runRule(crossTally, [tallyGrid(tally), analysisGrid(analysis)]);
    expect(where(r.findings)).toEqual(['cross/units-unmatched 附件1!A6']);
    expect(shape(r.findings[0]).params).toMatchObject({ source: '附件3', target: '附件1', count: 3, unmatched: 2 });
  });

  it('finds nothing when 附件1 is 附件3 recounted; the 合计 row and a unit with nothing stated are not units to compare', () => {
    expect(runRule(crossTally, [tallyGrid(TALLY), analysisGrid(ANALYSIS)]).findings).toEqual([]);
    const withEmpty: TallyRow[] = [...TALLY, ['州教体局', null, null, null, null, null]];
    expect(runRule(crossTally, [tallyGrid(withEmpty), analysisGrid(ANALYSIS)]).findings).toEqual([]);
  });

  it('a 小计 row is not a unit 附件3 lacks', () => {
    const rows: TallyRow[] = [...TALLY, ['小计', 3, 1, 1, 1, null]];
    expect(runRule(crossTally, [tallyGrid(rows), analysisGrid(ANALYSIS)]).findings).toEqual([]);
  });
});
