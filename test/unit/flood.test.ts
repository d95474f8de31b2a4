/**
 * Degrade, never flood (issue 18, item 7): a check about to put errors on a large share of a table's rows
 * reports one warning naming the reading it doubts, never a flood of errors. Built from tables written in
 * the tests: the sample's annexes pasted one under another in one sheet (the 311-error case of the issue),
 * and a table whose numbers were all typed as words.
 */
import { auditWorkbook, messageOf } from '../../src/core';
import type { CellValue, Grid, MergeArea } from '../../src/core/grid';
import { collapseFloods, collapseRepeats, FLOOD_MIN_ROWS } from '../../src/core/flood';
import { highlightPlan as buildHighlightPlan } from '../../src/core/plans/highlight';
import { type Finding, makeFinding } from '../../src/core/finding';
import { sampleGrids } from '../helpers/grids';

/** The grids one under another in one sheet, with two blank rows between. */
function stacked(name: string, grids: readonly Grid[]): Grid {
  const values: CellValue[][] = [];
  const merges: MergeArea[] = [];
  const formulas: (string | null)[][] = [];
  for (const g of grids) {
    const top = values.length;
    g.values.forEach((row, r) => {
      values.push([...row]);
      formulas.push([...(g.formulas?.[r] ?? [])].map(() => null));
    });
    for (const m of g.merges) merges.push({ top: m.top + top, bottom: m.bottom + top, left: m.left, right: m.right });
    values.push([], []);
    formulas.push([], []);
  }
  return { name, values, formulas, merges };
}

describe('never flood', () => {
  it('the incentive annexes pasted one under another are read table by table (src/core/blocks.ts): no flood, no doubt', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const one = stacked('汇总表', grids.filter((g) => /^附件[1-5]$/.test(g.name)));
    const a = auditWorkbook([one]);
    expect(a.sheets.map((s) => s.kind)).toEqual(['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log']);
    expect(a.findings.filter((f) => f.code === 'engine/misread-suspected')).toEqual([]);
  });

  it('the same sheet read whole as one table (the user said it is 附件1): no flood of errors, a warning that says why', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const one = stacked('汇总表', grids.filter((g) => /^附件[1-5]$/.test(g.name)));
    // Told what the sheet is, the engine does not cut it: the later tables' rows then read as units.
    const a = auditWorkbook([one], { sheetKinds: { 汇总表: 'rating-tally' } });
    const errors = a.findings.filter((f) => f.severity === 'error');
    // Before this mechanism: hundreds of errors ("应为数字，实际为…" on every later title, header and text row).
    expect(errors.length).toBeLessThan(FLOOD_MIN_ROWS);
    const warned = a.findings.filter((f) => f.code === 'engine/misread-suspected');
    expect(warned.length).toBeGreaterThan(0);
    expect(messageOf(warned[0]!)).toContain('没有被正确读懂');
    expect(warned[0]?.related?.length).toBeGreaterThan(0);
  });

  it('a group below the threshold stays as it is: the samples keep their findings', async () => {
    const a = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    expect(a.counts).toEqual({ error: 2, warning: 12, info: 3 });
    expect(a.findings.some((f) => f.code === 'engine/misread-suspected')).toBe(false);
  });

  it('collapses by code and sheet, on the share of the table’s rows; other codes and sheets are kept', () => {
    const at = (cell: string, sheet = '附件1') => makeFinding('cell/count-range', { sheet, cell }, { column: '总项数' });
    const many = Array.from({ length: 8 }, (_, i) => at(`B${6 + i}`));
    const other = at('B6', '附件2');
    const sheets = [
      { name: '附件1', firstDataRow: 6, lastDataRow: 20 },
      { name: '附件2', firstDataRow: 6, lastDataRow: 20 },
    ];
    const out = collapseFloods([...many, other], sheets);
    expect(out.filter((f) => f.code === 'cell/count-range').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['附件2!B6']);
    const w = out.find((f) => f.code === 'engine/misread-suspected');
    expect(w).toMatchObject({ severity: 'warning', sheet: '附件1', cell: 'B6' });
    expect(w?.related).toHaveLength(8);
    // 8 of 100 rows is not a flood.
    expect(collapseFloods(many, [{ name: '附件1', firstDataRow: 6, lastDataRow: 105 }]).map((f) => f.code)).toEqual(many.map((f) => f.code));
  });
});

describe('one cause said once: many cells of one table written the same wrong way', () => {
  const atCells = (code: 'cell/number-as-text' | 'cell/full-width-digits', n: number, sheet = '附件1') =>
    Array.from({ length: n }, (_, i) => makeFinding(code, { sheet, cell: `B${6 + i}` }, { column: '总项数' }, { actual: String(i) }));
  const table = [{ name: '附件1', firstDataRow: 5, lastDataRow: 40 }];

  it(`${FLOOD_MIN_ROWS} or more of one code in one table become one cell/repeated warning naming every cell`, () => {
    const out = collapseRepeats(atCells('cell/number-as-text', 26), table);
    expect(out.map((f) => f.code)).toEqual(['cell/repeated']);
    expect(out[0]).toMatchObject({ sheet: '附件1', cell: 'B6', severity: 'warning' });
    expect(out[0]?.related).toHaveLength(26);
    expect(messageOf(out[0] as Finding, 'zh-CN')).toBe('本表有26处“数字以文本形式存储（含全角数字），仍按数值参与核对”：B6、B7、B8、B9、B10、B11、B12、B13等（另有18处）。同一原因，只提醒一次；请逐处更正（各处已标出）。');
  });

  it('fewer stay one by one, and two codes or two sheets are two groups', () => {
    expect(collapseRepeats(atCells('cell/number-as-text', FLOOD_MIN_ROWS - 1), table).map((f) => f.code)).toEqual(Array(FLOOD_MIN_ROWS - 1).fill('cell/number-as-text'));
    const mixed = [...atCells('cell/number-as-text', 6), ...atCells('cell/full-width-digits', 6), ...atCells('cell/number-as-text', 3, '附件2')];
    expect(collapseRepeats(mixed, [...table, { name: '附件2', firstDataRow: 5, lastDataRow: 40 }]).map((f) => f.code).sort()).toEqual(['cell/number-as-text', 'cell/number-as-text', 'cell/number-as-text', 'cell/repeated', 'cell/repeated']);
  });

  it('the sample with every count typed as text: one warning per code, every cell still marked', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const a1 = grids.find((g) => g.name === '附件1') as Grid;
    let n = 0;
    (a1.values as CellValue[][]).forEach((r, i) => {
      if (i >= 5 && typeof r[1] === 'number') {
        r[1] = String(r[1]);
        n++;
      }
    });
    const a = auditWorkbook(grids);
    expect(a.findings.filter((f) => f.code === 'cell/number-as-text')).toEqual([]);
    expect(a.findings.filter((f) => f.code === 'cell/repeated')).toHaveLength(1);
    const marks = buildHighlightPlan(a, grids.map((g) => g.name)).marks.find((m) => m.sheet === '附件1' && m.severity === 'warning');
    for (let r = 6; r < 6 + n; r++) expect(marks?.cells).toContain(`B${r}`);
  });
});
