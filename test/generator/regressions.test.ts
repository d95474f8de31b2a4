/**
 * Editions the generator once failed on, kept as regular tests (shrunk to their fewest steps). Each names the
 * mechanism that fixed it.
 */
import { build } from './editions';
import { base, check } from './property';

describe('generator regressions', () => {
  it('a signature line (填表人：… 审核人：…) under 附件1 is a note, not a unit row (tally totals were then "wrong")', async () => {
    expect(await check('incentive', [{ name: 'note under the table', seed: 1493180639 }], 0)).toBeNull();
  });

  it('a signature line under 附件2 of the key-work sample is not a livelihood project (the 通报 total was then "wrong")', async () => {
    expect(await check('keywork', [{ name: 'note under the table', seed: 1712378903 }], 0)).toBeNull();
  });

  it('the header written again under a data row with two cells: one table, not a second 附件4 (the 5,000-edition run found it)', async () => {
    expect(await check('incentive', [{ name: 'header repeated inside the table', seed: 277563607 }], 0)).toBeNull();
    expect(await check('incentive', [{ name: 'header repeated inside the table', seed: 334582506 }], 0)).toBeNull();
    expect(await check('incentive', [{ name: 'tables stacked in one sheet', seed: 44361634 }, { name: 'header repeated inside the table', seed: 599853177 }], 0)).toBeNull();
  });

  it('a signature line under the targets table is not a target without a mark', async () => {
    expect(await check('keywork', [{ name: 'note under the table', seed: 1463762388 }], 0)).toBeNull();
  });

  it('a 完成时限 column is added to a sheet holding one table only: appended beside a shorter table its dates landed on that table\'s note rows (the 5,000-edition run found it)', async () => {
    const steps = [{ name: 'tables side by side', seed: 1036765788 }, { name: 'deadline column', seed: 509116589 }];
    const b = await base('keywork');
    // 附件1 now holds 附件2 beside it: the column goes to the 任务分解 sheet, or nowhere.
    const log = build('keywork', b.grids, steps).log[1] ?? '';
    expect(log).not.toMatch(/附件1: ".*" column/);
    expect(await check('keywork', steps, 0)).toBeNull();
    expect(await check('keywork', [{ name: 'tables side by side', seed: 1258796032 }, { name: 'deadline column', seed: 363636420 }], 0)).toBeNull();
  });

  it('附件1 put beside 附件3 far down (43 rows above it): a "header" across the spacer column, with one of 附件3\'s 难度较大 cells as a label, no longer cuts 附件3 in two (the second 5,000-edition run found it)', async () => {
    expect(await check('incentive', [{ name: 'rows above the table', seed: 321678051 }, { name: 'tables side by side', seed: 1156688179 }], 0)).toBeNull();
  });
});
