/**
 * The 合计 row of 附件1. Needs: the unit column (to find the rows). Finds: no 合计 row (structure/total-row-missing,
 * on the unit header); a SUM that leaves out a unit row (tally/total-formula-range); a typed number among the 合计
 * formulas (tally/total-typed-over-formula); a 合计 that is not the sum of the unit rows (tally/column-total).
 * Must not find: a 合计 row of SUMs over every unit row, a typed 合计 that adds up, unit rows as totals.
 */
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { setCell } from '../../../../test/helpers/grids';
import { tallyGrid, type TallyRow } from '../../../../test/helpers/incentive';
import { tallyTotals } from './totals';

const OK: TallyRow[] = [
  ['州发改委', 2, null, 1, 1, null],
  ['州民政局', 1, 1, null, null, null],
  ['州教体局', 3, 1, 1, 0, 1],
];

describe('tallyTotals', () => {
  it('needs the unit column: without it, it does not run', () => {
    const r = runRule(tallyTotals, [tallyGrid(OK, { total: 'none', header: ['备注', '总项数', '很有可能', '有可能', '难度较大', '不太可能'] })]);
    expect(kinds(r.audit)['附件1']).toBe('rating-tally');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a missing 合计 row, once, on the unit column header', () => {
    const r = runRule(tallyTotals, [tallyGrid(OK, { total: 'none' })]);
    expect(r.findings.map(shape)).toEqual([{ code: 'structure/total-row-missing', severity: 'info', cell: 'A4', params: {} }]);
  });

  it('finds a SUM that leaves out the last unit row, with the range it should cover', () => {
    const r = runRule(tallyTotals, [tallyGrid(OK, { formulas: { C: 'SUM(C6:C7)' } })]);
    expect(where(r.findings)).toEqual(['tally/total-formula-range 附件1!C5']);
    expect(shape(r.findings[0])).toMatchObject({ params: { column: '很有可能' }, expected: 'SUM(C6:C8)', actual: 'SUM(C6:C7)' });
  });

  it('finds a number typed over a formula when the other 合计 cells are formulas', () => {
    const r = runRule(tallyTotals, [tallyGrid(OK, { formulas: { D: null } })]);
    expect(r.findings.map(shape)).toEqual([{ code: 'tally/total-typed-over-formula', severity: 'warning', cell: 'D5', params: { column: '有可能' }, actual: 2 }]);
  });

  it('finds a 合计 that is not the sum of the unit rows, with both figures', () => {
    const r = runRule(tallyTotals, [tallyGrid(OK, { total: [6, 2, 2, 2, 1] })]);
    expect(r.findings.map(shape)).toEqual([{ code: 'tally/column-total', severity: 'error', cell: 'E5', params: { column: '难度较大' }, expected: 1, actual: 2 }]);
  });

  it('finds nothing for a 合计 row of SUMs over every unit row, nor for a typed 合计 that adds up', () => {
    expect(runRule(tallyTotals, [tallyGrid(OK)]).findings).toEqual([]);
    expect(runRule(tallyTotals, [tallyGrid(OK, { total: [6, 2, 2, 1, 1] })]).findings).toEqual([]);
  });

  it('a note under the table is not a unit row: the SUMs need not cover it, and it adds nothing to the 合计', () => {
    const grid = tallyGrid(OK);
    setCell(grid, 'A10', '注：研判等级以州直单位研判为准。');
    expect(runRule(tallyTotals, [grid]).findings).toEqual([]);
  });

  it('a 小计 row among the units is not a unit: the 合计 is not expected to count it twice', () => {
    const rows: TallyRow[] = [OK[0]!, OK[1]!, ['小  计', 3, 1, 1, 1, 0], OK[2]!];
    expect(runRule(tallyTotals, [tallyGrid(rows, { total: [6, 2, 2, 1, 1] })]).findings).toEqual([]);
  });

  it('a SUM over a wider range than the unit rows is fine (rows added later are covered)', () => {
    expect(runRule(tallyTotals, [tallyGrid(OK, { formulas: { B: 'SUM(B6:B30)' } })]).findings).toEqual([]);
  });
});
