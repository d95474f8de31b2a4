/**
 * Editions the generator once failed on, kept as regular tests (shrunk to their fewest steps). Each names the
 * mechanism that fixed it.
 */
import { check } from './property';

describe('generator regressions', () => {
  it('a signature line (填表人：… 审核人：…) under 附件1 is a note, not a unit row (tally totals were then "wrong")', async () => {
    expect(await check('incentive', [{ name: 'note under the table', seed: 1493180639 }], 0)).toBeNull();
  });

  it('a signature line under 附件2 of the key-work sample is not a livelihood project (the 通报 total was then "wrong")', async () => {
    expect(await check('keywork', [{ name: 'note under the table', seed: 1712378903 }], 0)).toBeNull();
  });

  it('a signature line under the targets table is not a target without a mark', async () => {
    expect(await check('keywork', [{ name: 'note under the table', seed: 1463762388 }], 0)).toBeNull();
  });
});
