/**
 * keyitems/count on 附件2. Needs: 项数 and 具体事项. Finds: a unit whose 项数 is not the number of items listed, on
 * the 项数 cell, with the items cell related. Must not find: counts that match (numbered or one item per line), a
 * blank 项数 (nothing stated), a word where the count belongs (its own finding), rows that are not units, an item
 * wrapped onto a second line counted as one. With a 项数 formula counting the cell's lines, keyitems/count-by-lines
 * says why it is off (test/unit/rules-a.test.ts).
 */
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { keyItemsGrid, type KeyItemsRow } from '../../../../test/helpers/incentive';
import { keyItemsCount } from './count';

const OK: KeyItemsRow[] = [
  ['州本级', 1, '1.推进养老服务体系建设'],
  ['吉首市', 2, '1.推进养老服务体系建设\n2.营商环境'],
  ['龙山县', 3, '营商环境\n高质量发展\n义务教育'],
];

describe('keyItemsCount', () => {
  it('needs 项数 and 具体事项: with 项数 missing it does not run', () => {
    const r = runRule(keyItemsCount, [keyItemsGrid(OK, ['备注', '具体事项'])]);
    expect(kinds(r.audit)['附件2']).toBe('unit-key-items');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a 项数 that is not the number of items listed, on the 项数 cell, the list related', () => {
    const rows = [...OK];
    rows[1] = ['吉首市', 3, '1.推进养老服务体系建设\n2.营商环境'];
    const r = runRule(keyItemsCount, [keyItemsGrid(rows)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'keyitems/count', severity: 'error', cell: 'B7', params: { unit: '吉首市' }, expected: 2, actual: 3, related: [{ sheet: '附件2', cell: 'C7' }] },
    ]);
  });

  it('a stated count over an empty list is a mismatch too', () => {
    expect(where(runRule(keyItemsCount, [keyItemsGrid([...OK, ['泸溪县', 1, null]])]).findings)).toEqual(['keyitems/count 附件2!B9']);
  });

  it('an item wrapped onto a second line is one item (between two numbered items it can be nothing else)', () => {
    const wrapped = (n: number): KeyItemsRow[] => [OK[0] as KeyItemsRow, ['吉首市', n, '1.推进养老服务\n体系建设\n2.营商环境']];
    expect(runRule(keyItemsCount, [keyItemsGrid(wrapped(2))]).findings).toEqual([]);
    expect(where(runRule(keyItemsCount, [keyItemsGrid(wrapped(3))]).findings)).toEqual(['keyitems/count 附件2!B7']);
  });

  it('finds nothing when every count matches its list', () => {
    expect(runRule(keyItemsCount, [keyItemsGrid(OK)]).findings).toEqual([]);
  });

  it('a 合计 row under the units is not a unit: its count of every item is not compared with an empty list', () => {
    expect(runRule(keyItemsCount, [keyItemsGrid([...OK, ['合  计', 6, null]])]).findings).toEqual([]);
  });

  it('checks no blank 项数 and no word where the count belongs', () => {
    const rows: KeyItemsRow[] = [['州本级', null, '1.推进养老服务体系建设'], ['吉首市', '两项', '1.推进养老服务体系建设\n2.营商环境']];
    expect(runRule(keyItemsCount, [keyItemsGrid(rows)]).findings).toEqual([]);
  });
});
