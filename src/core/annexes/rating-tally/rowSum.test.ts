/**
 * tally/row-sum on 附件1. Needs: 总项数 and the four rating columns. Finds: a unit row whose 总项数 is not the sum of
 * its ratings (blank ratings are 0), on the 总项数 cell. Must not find: rows that add up, a word or an error
 * among the ratings (its own finding; the sum is not guessed), a blank 总项数, the 合计 row.
 */
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { tallyGrid, type TallyRow } from '../../../../test/helpers/incentive';
import { tallyRowSum } from './rowSum';

const OK: TallyRow[] = [
  ['州发改委', 2, null, 1, 1, null],
  ['州民政局', 1, 1, null, null, null],
  ['州教体局', 3, 1, 1, 0, 1],
];

describe('tallyRowSum', () => {
  it('needs 总项数 and every rating column: without 不太可能 it does not run', () => {
    const grid = tallyGrid([['州发改委', 5, 1, 1, 1, null]], { total: 'none', header: ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '备注'] });
    const r = runRule(tallyRowSum, [grid]);
    expect(kinds(r.audit)).toEqual({ 附件1: 'rating-tally' });
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a 总项数 that is not the sum of the ratings, on the 总项数 cell, with both figures and the rating cells', () => {
    const rows: TallyRow[] = [...OK];
    rows[1] = ['州民政局', 2, 1, null, null, null];
    const r = runRule(tallyRowSum, [tallyGrid(rows)]);
    expect(r.ran).toBe(true);
    expect(where(r.findings)).toEqual(['tally/row-sum 附件1!B7']);
    expect(shape(r.findings[0])).toEqual({
      code: 'tally/row-sum',
      severity: 'error',
      cell: 'B7',
      params: { unit: '州民政局' },
      expected: 1,
      actual: 2,
      related: ['C7', 'D7', 'E7', 'F7'].map((cell) => ({ sheet: '附件1', cell })),
    });
  });

  it('finds every row that does not add up, each once', () => {
    const rows: TallyRow[] = [['州发改委', 3, null, 1, 1, null], OK[1]!, ['州教体局', 2, 1, 1, 0, 1]];
    expect(where(runRule(tallyRowSum, [tallyGrid(rows)]).findings)).toEqual(['tally/row-sum 附件1!B6', 'tally/row-sum 附件1!B8']);
  });

  it('finds nothing when every row adds up, blank ratings counted as 0', () => {
    expect(runRule(tallyRowSum, [tallyGrid(OK)]).findings).toEqual([]);
  });

  it('does not guess a sum over a word or an error among the ratings, nor check a blank 总项数', () => {
    const rows: TallyRow[] = [['州发改委', 3, '若干', 1, null, null], ['州民政局', 1, { error: '#REF!' }, null, null, null], ['州教体局', null, 1, 1, 0, 1]];
    expect(runRule(tallyRowSum, [tallyGrid(rows)]).findings).toEqual([]);
  });

  it('a count in words with one reading (一, 两项) is read, so its row is checked like a typed one', () => {
    const fine: TallyRow[] = [['州发改委', 3, '两项', 1, null, null]];
    expect(runRule(tallyRowSum, [tallyGrid(fine)]).findings).toEqual([]);
    const off: TallyRow[] = [['州发改委', 3, '一', 1, null, null]];
    expect(runRule(tallyRowSum, [tallyGrid(off)]).findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['tally/row-sum@B6']);
  });

  it('the 合计 row is not a unit: a 合计 that does not add up across is not a row-sum finding', () => {
    expect(runRule(tallyRowSum, [tallyGrid(OK, { total: [9, 2, 2, 1, 1] })]).findings).toEqual([]);
  });
});
