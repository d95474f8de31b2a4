/**
 * 附件2 vs the counties 附件3 names with 有可能 or better, both directions. Needs: 附件2's unit and items, 附件3's unit,
 * item and assessment. Finds: an item 附件3 rates 有可能+ for a county that the county's list lacks
 * (cross/key-item-missing); an item a list has that 附件3 does not rate 有可能+ for it (cross/key-item-extra); a county
 * 附件3 names with no 附件2 row (cross/key-unit-missing, on the 单位 header); a name that is no known unit
 * (units/unknown-unit). Must not find: lists that are 附件3's, a county rated only 难度较大 (not a key item), a
 * shortened item name (营商环境 for 优化营商环境), a county written without 县/市 (吉首 for 吉首市).
 */
import { analysisGrid, type AnalysisRow, keyItemsGrid, type KeyItemsRow } from '../../../../test/helpers/incentive';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { crossKeyItems } from './cross';

const ANALYSIS: AnalysisRow[] = [
  ['州发改委', '第1项', '高质量发展', '10个县市区', '龙山县：难度较大'],
  [null, '第3项', '营商环境', '4个市州\n10个县市', '龙山县：有可能'],
  ['州民政局', '第31项', '推进养老服务体系建设', '4个市州\n10个县市', '州本级：有可能\n吉首市：很有可能'],
];
const KEY_ITEMS: KeyItemsRow[] = [
  ['州本级', 1, '1.推进养老服务体系建设'],
  ['吉首市', 1, '1.推进养老服务体系建设'],
  ['龙山县', 1, '1.营商环境'],
];

describe('crossKeyItems', () => {
  it('needs 附件2\'s items column: without it, it does not run', () => {
    const r = runRule(crossKeyItems, [keyItemsGrid([['龙山县', 1, '1.义务教育']], ['项数', '备注']), analysisGrid(ANALYSIS)]);
    expect(kinds(r.audit)).toEqual({ 附件2: 'unit-key-items', 附件3: 'incentive-analysis' });
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('needs 附件3: with 附件2 alone it does not run', () => {
    const r = runRule(crossKeyItems, [keyItemsGrid(KEY_ITEMS)]);
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds an item 附件3 rates 有可能+ for a county that its list lacks, on the list cell, with the rating', () => {
    const rows: KeyItemsRow[] = [KEY_ITEMS[0]!, ['吉首市', 0, null], KEY_ITEMS[2]!];
    const r = runRule(crossKeyItems, [keyItemsGrid(rows), analysisGrid(ANALYSIS)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/key-item-missing', severity: 'warning', cell: 'C7', params: { unit: '吉首市', item: '推进养老服务体系建设', rating: '很有可能', source: '附件3' }, related: [{ sheet: '附件3', cell: 'E7' }] },
    ]);
  });

  it('finds an item a list has that 附件3 rates below 有可能 for that county, with 附件3\'s item related', () => {
    const rows: KeyItemsRow[] = [KEY_ITEMS[0]!, KEY_ITEMS[1]!, ['龙山县', 2, '1.营商环境\n2.高质量发展']];
    const r = runRule(crossKeyItems, [keyItemsGrid(rows), analysisGrid(ANALYSIS)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/key-item-extra', severity: 'warning', cell: 'C8', params: { unit: '龙山县', item: '高质量发展', source: '附件3' }, related: [{ sheet: '附件3', cell: 'E5' }] },
    ]);
  });

  it('finds a county 附件3 rates 有可能+ that has no 附件2 row, once, on the 单位 header', () => {
    const analysis: AnalysisRow[] = [...ANALYSIS, ['州教体局', '第5项', '义务教育均衡', '10个县市区', '泸溪县：有可能']];
    const r = runRule(crossKeyItems, [keyItemsGrid(KEY_ITEMS), analysisGrid(analysis)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'cross/key-unit-missing', severity: 'warning', cell: 'A4', params: { unit: '泸溪县', source: '附件3' }, expected: 1, related: [{ sheet: '附件3', cell: 'E8' }] },
    ]);
  });

  it('finds a name in an assessment that is neither a 附件2 unit nor a county, on 附件3', () => {
    const analysis: AnalysisRow[] = [...ANALYSIS, ['州教体局', '第5项', '义务教育均衡', '10个县市区', '经开区管委会：有可能']];
    const r = runRule(crossKeyItems, [keyItemsGrid(KEY_ITEMS), analysisGrid(analysis)]);
    expect(where(r.findings)).toEqual(['units/unknown-unit 附件3!E8']);
    expect(shape(r.findings[0]).params).toEqual({ unit: '经开区管委会', count: 1 });
  });

  it('a park named in the settings\' county aliases counts for its county, said as an info on 附件3', () => {
    const analysis: AnalysisRow[] = [ANALYSIS[0]!, [null, '第3项', '营商环境', '10个县市', '龙山县：有可能\n湘西高新区：有可能'], ANALYSIS[2]!];
    const rows: KeyItemsRow[] = [KEY_ITEMS[0]!, ['吉首市', 2, '1.推进养老服务体系建设\n2.营商环境'], KEY_ITEMS[2]!];
    const r = runRule(crossKeyItems, [keyItemsGrid(rows), analysisGrid(analysis)], { countyAliases: { 湘西高新区: '吉首市' } });
    expect(r.findings.map(shape)).toEqual([{ code: 'units/alias-applied', severity: 'info', cell: 'E6', params: { alias: '湘西高新区', unit: '吉首市' } }]);
    // Without the alias, 吉首市's second item has no 附件3 rating behind it, and the park is no known unit.
    expect(where(runRule(crossKeyItems, [keyItemsGrid(rows), analysisGrid(analysis)]).findings)).toEqual(['units/unknown-unit 附件3!E6', 'cross/key-item-extra 附件2!C7']);
  });

  it('finds nothing when each list is what 附件3 rates 有可能+ for its county (难度较大 is not a key item)', () => {
    expect(runRule(crossKeyItems, [keyItemsGrid(KEY_ITEMS), analysisGrid(ANALYSIS)]).findings).toEqual([]);
  });

  it('a shortened item name and a county written without 市 are the same item and county', () => {
    const analysis: AnalysisRow[] = [ANALYSIS[0]!, [null, '第3项', '优化营商环境', '10个县市', '龙山县：有可能'], ['州民政局', '第31项', '推进养老服务体系建设', '10个县市', '州本级：有可能\n吉首：很有可能']];
    expect(runRule(crossKeyItems, [keyItemsGrid(KEY_ITEMS), analysisGrid(analysis)]).findings).toEqual([]);
  });
});
