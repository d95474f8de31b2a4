/**
 * duplicatesByKey, the helper every dup rule uses. Needs: rows and a key. Finds: each later row with an
 * earlier row's key, paired with the first. Must not find: blank keys, keys whose every part is blank.
 */
import { duplicatesByKey } from './duplicates';

describe('duplicatesByKey', () => {
  it('pairs each repeat with the first row of its key, in row order', () => {
    const rows = [{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }, { k: 'a', n: 4 }];
    expect(duplicatesByKey(rows, (r) => r.k).map((d) => [d.row.n, d.first.n])).toEqual([[3, 1], [4, 1]]);
  });

  it('distinct keys give nothing', () => {
    expect(duplicatesByKey([{ k: 'a' }, { k: 'b' }, { k: 'a|b' }], (r) => r.k)).toEqual([]);
  });

  it('never counts blank keys, nor keys whose every part is blank (a row whose name was not read repeats nothing)', () => {
    const rows = [{ k: '' }, { k: '' }, { k: '|' }, { k: '|' }, { k: '||' }, { k: '||' }];
    expect(duplicatesByKey(rows, (r) => r.k)).toEqual([]);
  });

  it('a key with one part blank is still a key', () => {
    const rows = [{ k: '|x', n: 1 }, { k: '|x', n: 2 }];
    expect(duplicatesByKey(rows, (r) => r.k).map((d) => [d.row.n, d.first.n])).toEqual([[2, 1]]);
  });

  it('does not mutate its input', () => {
    const rows = Object.freeze([Object.freeze({ k: 'a' }), Object.freeze({ k: 'a' })]);
    expect(duplicatesByKey(rows, (r) => r.k)).toHaveLength(1);
  });
});
