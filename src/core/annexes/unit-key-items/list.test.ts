/**
 * 附件2's item lists. Needs: 具体事项. Finds: numbering with a gap, a repeat or unnumbered lines among numbered
 * ones (keyitems/numbering, on the list cell, once per unit); the same item listed twice (keyitems/duplicate-item,
 * once per item, with how many times). Must not find: 1., 2., 3. in order; lists with no numbers at all; the
 * same item under two different units.
 */
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { keyItemsGrid, type KeyItemsRow } from '../../../../test/helpers/incentive';
import { keyItemsList } from './list';

const OK: KeyItemsRow[] = [
  ['州本级', 1, '1.推进养老服务体系建设'],
  ['吉首市', 3, '1.推进养老服务体系建设\n2、营商环境\n（3）高质量发展'],
  ['龙山县', 2, '营商环境\n推进养老服务体系建设'],
];

describe('keyItemsList', () => {
  it('needs 具体事项: without it, it does not run', () => {
    const r = runRule(keyItemsList, [keyItemsGrid(OK, ['项数', '备注'])]);
    expect(kinds(r.audit)['附件2']).toBe('unit-key-items');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a gap in the numbering, on the list cell, naming the unit and the missing number', () => {
    const rows = [...OK];
    rows[1] = ['吉首市', 2, '1.推进养老服务体系建设\n3.营商环境'];
    const r = runRule(keyItemsList, [keyItemsGrid(rows)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'keyitems/numbering', severity: 'warning', cell: 'C7', params: { unit: '吉首市', detail: { 'zh-CN': '缺少：2', 'en-US': 'missing: 2' } } },
    ]);
  });

  it('finds a repeated number and an unnumbered line among numbered ones in one finding', () => {
    const r = runRule(keyItemsList, [keyItemsGrid([['吉首市', 3, '1.推进养老服务体系建设\n1.营商环境\n高质量发展']])]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'keyitems/numbering', severity: 'warning', cell: 'C6', params: { unit: '吉首市', detail: { 'zh-CN': '重复：1，1条未编号', 'en-US': 'repeated: 1; 1 unnumbered' } } },
    ]);
  });

  it('finds an item listed twice under one unit, once, with how many times', () => {
    const r = runRule(keyItemsList, [keyItemsGrid([['吉首市', 3, '1.营商环境\n2.高质量发展\n3.营商环境。']])]);
    expect(r.findings.map(shape)).toEqual([{ code: 'keyitems/duplicate-item', severity: 'warning', cell: 'C6', params: { unit: '吉首市', item: '营商环境' }, actual: 2 }]);
  });

  it('finds nothing for lists numbered in order (any of 1. 2、 （3）), unnumbered lists, or one item under two units', () => {
    expect(runRule(keyItemsList, [keyItemsGrid(OK)]).findings).toEqual([]);
  });

  it('each unit is checked on its own: a repeat in one does not mark the others', () => {
    const rows = [...OK, ['泸溪县', 2, '1.营商环境\n1.高质量发展'] as const];
    expect(where(runRule(keyItemsList, [keyItemsGrid(rows)]).findings)).toEqual(['keyitems/numbering 附件2!C9']);
  });
});
