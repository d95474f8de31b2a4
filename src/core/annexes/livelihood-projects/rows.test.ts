/**
 * The rows of the livelihood annex (附件2). Needs: the annex; each row check runs only with its columns (量化数据
 * against achieved ÷ target needs 目标任务, 进展情况 and 量化数据; 进度评价 checks need 进度评价). Finds, per row:
 * 量化数据 off achieved ÷ target beyond its shown rounding (livelihood/pct-mismatch); a blank 量化数据
 * (livelihood/not-quantifiable); an error or a word where the percentage belongs (cell/excel-error,
 * cell/not-a-number); 已完成 below 100% (livelihood/status-not-met); 100% not rated done (livelihood/status-met); a
 * 进度评价 the vocabulary does not know (livelihood/status-vocabulary), or a closed set of them, said once
 * (livelihood/status-words). Must not find: consistent rows, 4018 of 4000 shown as 100.45%, a row with nothing to do,
 * a note under the table, a figure that cannot be read one way only.
 */
import { LIVELIHOOD_ROW, livelihoodGrid, type LivelihoodSpecRow } from '../../../../test/profileB/keywork';
import { reorderColumns } from '../../../../test/helpers/grids';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { livelihoodRows } from './rows';

const LIV = LIVELIHOOD_ROW;
const liv = (...rows: Partial<LivelihoodSpecRow>[]): LivelihoodSpecRow[] => rows.map((r, i) => ({ ...LIV, seq: i + 1, project: `项目${i + 1}`, ...r }));
const run = (rows: LivelihoodSpecRow[], note?: string) => runRule(livelihoodRows, [livelihoodGrid(rows, note)]);

describe('livelihoodRows', () => {
  it('needs the annex: with none it does not run', () => {
    expect(runRule(livelihoodRows, []).ran).toBe(false);
  });

  it('without 进度评价 (the sheet read as 附件2 all the same) it checks no status, but still the percentage', () => {
    const grid = reorderColumns(livelihoodGrid(liv({ pct: 0.65, status: '已完成' }, { status: '进行中' })), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const r = runRule(livelihoodRows, [grid], { sheetKinds: { 附件2: 'livelihood-projects' } });
    expect(kinds(r.audit)['附件2']).toBe('livelihood-projects');
    expect(where(r.findings)).toEqual(['livelihood/pct-mismatch 附件2!I4']);
  });

  it('finds 量化数据 off achieved ÷ target beyond its rounding, on the 量化数据 cell, with both percentages', () => {
    const r = run(liv({ pct: 0.65 }));
    expect(r.findings.map(shape)).toEqual([
      { code: 'livelihood/pct-mismatch', severity: 'error', cell: 'I4', params: { indicator: '城镇新增就业', achieved: '3096人', target: '5600人' }, expected: '55%', actual: '65%' },
    ]);
  });

  it('4018 of 4000 shown as 100.45% is right; 100.54% is not', () => {
    const row = { value: '4000人', progress: '已完成4018人。', fmt: '0.00%', status: '已完成' };
    expect(run(liv({ ...row, pct: 1.0045 })).findings).toEqual([]);
    expect(where(run(liv({ ...row, pct: 1.0054 })).findings)).toEqual(['livelihood/pct-mismatch 附件2!I4']);
  });

  it('never guesses achieved ÷ target: another unit, or no done-verb, is not compared', () => {
    expect(run(liv({ progress: '截至6月底，已投入资金300万元。', pct: 0.9 })).findings).toEqual([]);
    expect(run(liv({ progress: '计划6月底前招聘3096人。', pct: 0.9 })).findings).toEqual([]);
  });

  it('finds a blank 量化数据 (info), an Excel error and a word where the percentage belongs', () => {
    const r = run(liv({ pct: null }, { pct: { error: '#DIV/0!' } }, { pct: '推进中' }));
    expect(r.findings.map(shape)).toEqual([
      { code: 'livelihood/not-quantifiable', severity: 'info', cell: 'I4', params: { indicator: '城镇新增就业' } },
      { code: 'cell/excel-error', severity: 'error', cell: 'I5', params: { column: '量化数据' }, actual: '#DIV/0!' },
      { code: 'cell/not-a-number', severity: 'error', cell: 'I6', params: { column: '量化数据' }, actual: '推进中' },
    ]);
  });

  it('finds 已完成 below 100% and 100% rated 正常推进, on the 进度评价 cell, the percentage related', () => {
    const r = run(liv({ status: '已完成' }, { value: '17公里', progress: '完成17公里。', pct: 1, status: '正常推进' }));
    expect(r.findings.map(shape)).toEqual([
      { code: 'livelihood/status-not-met', severity: 'error', cell: 'J4', params: { indicator: '城镇新增就业' }, expected: '100%', actual: '55%', related: [{ sheet: '附件2', cell: 'I4' }] },
      { code: 'livelihood/status-met', severity: 'warning', cell: 'J5', params: { indicator: '城镇新增就业', status: '正常推进' }, actual: '100%', related: [{ sheet: '附件2', cell: 'I5' }] },
    ]);
  });

  it('finds a 进度评价 the vocabulary does not know; a closed set of them is said once as the column\'s own words', () => {
    expect(run(liv({ status: '进行中' })).findings.map(shape)).toEqual([{ code: 'livelihood/status-vocabulary', severity: 'warning', cell: 'J4', params: {}, actual: '进行中' }]);
    const own = run(liv({ status: '进展顺利' }, { status: '进展顺利' }, { status: '有序推进中' }, { status: '有序推进中' }));
    expect(where(own.findings)).toEqual(['livelihood/status-words 附件2!J4']);
  });

  it('finds nothing for consistent rows, a row with nothing to do, or a note under the table', () => {
    const rows = liv({}, { value: '92件', progress: '已受理法律援助案件92件。', pct: 1, status: '已完成' }, { value: '1600元/月', progress: '无集中养育孤儿。', pct: null, status: '已完成' });
    expect(run(rows, '注：1-3项为省级重点民生实事。').findings).toEqual([]);
  });

  it('99% rated 正常推进 is fine', () => {
    expect(run(liv({ value: '100个', progress: '完成99个。', pct: 0.99, status: '正常推进' })).findings).toEqual([]);
  });
});
