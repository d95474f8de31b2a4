import { duplicatesByKey } from '../../src/core/rules';

describe('duplicatesByKey', () => {
  it('pairs each repeat with the first row of its key', () => {
    const rows = [{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }, { k: 'a', n: 4 }];
    expect(duplicatesByKey(rows, (r) => r.k).map((d) => [d.row.n, d.first.n])).toEqual([[3, 1], [4, 1]]);
  });

  it('never counts blank keys (a row whose name was not read repeats nothing)', () => {
    const rows = [{ k: '' }, { k: '' }, { k: '|' }, { k: '|' }];
    expect(duplicatesByKey(rows, (r) => r.k)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const rows = Object.freeze([Object.freeze({ k: 'a' }), Object.freeze({ k: 'a' })]);
    expect(duplicatesByKey(rows, (r) => r.k)).toHaveLength(1);
  });
});
