/**
 * dup/liaison on 附件5: the same (county, item) twice. Needs: county and item. Finds: the later row, on its item
 * cell, naming the county and the item, the first related; a county written with and without 县/市 is one county.
 * Must not find: one county with two items, one item for two counties, a row with no item.
 */
import { liaisonGrid, type LiaisonRow } from '../../../../test/helpers/incentive';
import { kinds, runRule, shape } from '../../../../test/helpers/rules';
import { dupLiaison } from './dup';

const ROWS: LiaisonRow[] = [
  ['吉首市', '推进养老服务体系建设', '8月12日，民政局长赴省民政厅汇报。'],
  ['龙山县', '营商环境', '4月21日，县发改局到州营商环境推进专班汇报。'],
  ['龙山县', '推进养老服务体系建设', '5月6日，县民政局赴省民政厅对接。'],
  ['吉首市', '营商环境', '6月3日，市发改局赴省发改委汇报。'],
];

describe('dupLiaison', () => {
  it('needs the county column: without it, it does not run', () => {
    const r = runRule(dupLiaison, [liaisonGrid([...ROWS, ROWS[0]!], ['备注', '重点事项', '对接情况'])]);
    expect(kinds(r.audit)['附件5']).toBe('liaison-log');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a county\'s item twice, on the later item cell, the first related', () => {
    const r = runRule(dupLiaison, [liaisonGrid([...ROWS, ['吉首市', '推进养老服务体系建设', '9月1日，再次汇报。']])]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'dup/liaison', severity: 'warning', cell: 'B9', params: { unit: '吉首市', item: '推进养老服务体系建设', otherCell: 'B5' }, related: [{ sheet: '附件5', cell: 'B5' }] },
    ]);
  });

  it('吉首 and 吉首市 are one county: the same item under both is a repeat', () => {
    const r = runRule(dupLiaison, [liaisonGrid([...ROWS, ['吉首', '推进养老服务体系建设', '9月1日，再次汇报。']])]);
    expect(r.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['dup/liaison B9']);
  });

  it('finds nothing for one county with two items or one item for two counties', () => {
    expect(runRule(dupLiaison, [liaisonGrid(ROWS)]).findings).toEqual([]);
  });

  it('rows without an item repeat nothing', () => {
    expect(runRule(dupLiaison, [liaisonGrid([...ROWS, ['吉首市', '', '另有对接。'], ['吉首市', '', '又有对接。']])]).findings).toEqual([]);
  });
});
