/**
 * Issue 24 item 2: the cost of a sheet is the cells it holds, never the rectangle of its used range. A
 * stray far cell costs what one cell costs; references outside A1:XFD1048576 are ignored with one warning.
 */
import { auditSubmission, auditWorkbook, messageOf } from '../../src/core';
import { type CellValue, cellsOf, type Grid } from '../../src/core/grid';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../src/xlsx/open';
import { worksheetToGrid } from '../../src/xlsx/read';
import { findGrid, sampleGrids } from '../helpers/grids';
import { sample, strayCells } from './make';

// No wall-clock assertion here (speed belongs to `npm run bench`): the old code scanned the used rectangle
// and took minutes on these inputs, so jest's limit (60 s) is the hang guard.

const intact = () => auditSubmission(openWorkbook(sample(), 'incentive-2022.xlsx').grids);

describe('a stray far cell costs what one cell costs', () => {
  it('the sample plus one value at XFD1 and one at A1048576 is checked in seconds (was 45–90 s)', () => {
    const audit = auditSubmission(openWorkbook(strayCells(['XFD1', 'A1048576']), 'extent.xlsx').grids);
    expect(audit.sheets.map((s) => s.kind)).toEqual(intact().sheets.map((s) => s.kind));
    // The other annexes' findings are the intact sample's.
    const others = (a: typeof audit) => a.findings.filter((f) => f.sheet !== '附件1').map((f) => `${f.code} ${f.sheet}!${f.cell}`);
    expect(others(audit)).toEqual(others(intact()));
    // On 附件1 itself: the lone value at A1048576 is no unit row (it was five 合计-formula errors), and it is said once.
    const tally = (a: typeof audit) => a.findings.filter((f) => f.sheet === '附件1' && f.code !== 'structure/stray-cells').map((f) => `${f.code} ${f.cell}`);
    expect(tally(audit)).toEqual(tally(intact()));
    expect(audit.findings.filter((f) => f.code === 'structure/stray-cells').map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(['附件1!A1048576 info']);
  });

  it('a row holding one cell at XFD is sparse: the grid does not fill 16,384 columns', () => {
    const g = openWorkbook(strayCells(['XFD1']), 'x.xlsx').grids[0] as Grid;
    expect(g.values[0]?.[16383]).toBe('多余');
    expect(cellsOf(g.values[0]).length).toBeLessThan(10);
    expect(Object.keys(g.values[0] ?? []).length).toBeLessThan(10);
  });

  it('a value at A1048576 leaves a million empty rows between, which the grid holds as one empty row, not three million arrays', () => {
    const g = openWorkbook(strayCells(['A1048576']), 'x.xlsx').grids[0] as Grid;
    expect(g.values).toHaveLength(1_048_576);
    expect(g.values[1_048_575]?.[0]).toBe('多余');
    // The arrays the grid's three layers hold: the sheet's own rows, and one shared empty row for all the rest.
    const held = openWorkbook(sample(), 'incentive-2022.xlsx').grids[0] as Grid;
    const distinct = new Set<unknown>([...g.values, ...(g.formulas ?? []), ...(g.numberFormats ?? [])]);
    expect(distinct.size).toBeLessThanOrEqual(3 * held.values.length + 3 + 1);
    const gap = g.values[500_000];
    expect(gap).toEqual([]);
    expect(Object.isFrozen(gap)).toBe(true);
  });

  it('the exceljs reader (报送 merged by exceljs) holds the empty rows below a value at A200000 as one empty row too', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('附件1');
    ws.getCell('B2').value = '单位';
    ws.getCell('A200000').value = '多余';
    const g = worksheetToGrid(ws);
    expect(g.values).toHaveLength(200_000);
    expect([g.values[1]?.[1], g.values[199_999]?.[0]]).toEqual(['单位', '多余']);
    expect(new Set<unknown>([...g.values, ...(g.formulas ?? []), ...(g.numberFormats ?? [])]).size).toBe(2 * 3 + 1);
    expect(g.values[100_000]).toEqual([]);
  });

  it('100,000 rows, each with a cell in A and one at XFD, below a real table: the check reads the cells, not 1.6 billion positions', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const tally = findGrid(grids, '附件1');
    const values = tally.values.map((r) => [...r]) as CellValue[][];
    for (let r = 0; r < 100_000; r++) {
      const row: CellValue[] = [];
      row[0] = `备注${r}`;
      row[16_383] = 'x';
      values.push(row);
    }
    const big: Grid = { ...tally, values, formulas: undefined, numberFormats: undefined };
    const audit = auditWorkbook([big, ...grids.filter((g) => g !== tally)]);
    expect(audit.sheets.length).toBe(grids.length);
  });
});

describe('references outside Excel\'s grid are ignored with one warning', () => {
  it('A0, XFE1 and A1048577: one read/outside-grid warning naming them, every other finding as for the intact sample', () => {
    const audit = auditSubmission(openWorkbook(strayCells(['XFE1', 'A0', 'A1048577']), 'bad-refs.xlsx').grids);
    const outside = audit.findings.filter((f) => f.code === 'read/outside-grid');
    expect(outside).toHaveLength(1);
    expect(outside[0]?.severity).toBe('warning');
    expect(messageOf(outside[0]!)).toBe('工作表“附件1”有 3 个单元格的地址超出 Excel 的表格范围 A1:XFD1048576（A0、XFE1、A1048577），Excel 不会显示它们，已忽略。');
    const rest = audit.findings.filter((f) => f.code !== 'read/outside-grid').map((f) => `${f.code} ${f.sheet}!${f.cell}`);
    expect(rest).toEqual(intact().findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`));
  });

  it('one cell at ZZZZ40 builds no grid 475,254 columns wide', () => {
    const opened = openWorkbook(strayCells(['ZZZZ40']), 'zzzz.xlsx');
    const g = opened.grids[0] as Grid;
    expect(Math.max(...g.values.map((r) => r.length))).toBeLessThanOrEqual(16_384);
    expect(g.readProblems).toEqual([{ kind: 'outside-grid', count: 1, cells: ['ZZZZ40'] }]);
  });
});
