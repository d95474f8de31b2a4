/**
 * Contract: one workbook, described in Excel's terms (test/fakes/description.ts, not read by either
 * adapter), read by the xlsx adapter (from an .xlsx exceljs writes from the description) and by the Office.js
 * adapter (from the fake host seeded with the description) gives the same grids and the same audit.
 * The samples are also round-tripped: seeded from the xlsx reader's grids and read back through Office.js.
 */
import { auditWorkbook } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { readWorkbookGrids, runExcel } from '../../src/excel';
import { readGrids } from '../../src/xlsx';
import { CONTRACT_DESCRIPTION as DESCRIPTION, fakeFromDescription, type WorkbookDescription, xlsxFromDescription } from '../fakes/description';
import { FakeWorkbook, installFakeExcel } from '../fakes/excel';
import { sampleGrids } from '../helpers/grids';
import { SAMPLES } from './support';

/** Merged areas are a set: Excel reports them by position, the xlsx file in its own order. */
function sorted(g: Grid): Grid {
  return { ...g, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) };
}

describe('contract on a workbook described in Excel’s terms', () => {
  it('the xlsx adapter and the Office.js adapter read the same grids and make the same audit', async () => {
    const viaXlsx = (await readGrids(await xlsxFromDescription(DESCRIPTION), 'described.xlsx')).map(sorted);
    const viaExcel = (await readThroughExcel(fakeFromDescription(DESCRIPTION))).map(sorted);
    expect(viaExcel).toEqual(viaXlsx);
    expect(viaExcel[0]?.values[6]).toEqual([null, '合计', null, 7, { error: '#REF!' }, true]);
    expect(viaExcel[0]?.formulas?.[6]?.[3]).toBe('SUM(D5:D6)');
    expect(viaExcel[1]?.hidden).toBe(true);
    const a = auditWorkbook(viaXlsx);
    const b = auditWorkbook(viaExcel);
    expect(b.sheets).toEqual(a.sheets);
    expect(b.findings).toEqual(a.findings);
  });

  it('known difference, pinned: text that reads like an error ("#N/A" typed as text) is an error through Office.js (Range.values cannot tell), text through the file', async () => {
    const desc: WorkbookDescription = [{ name: 'S', cells: { A1: '#N/A' } }];
    const viaXlsx = await readGrids(await xlsxFromDescription(desc), 's.xlsx');
    const viaExcel = await readThroughExcel(fakeFromDescription(desc));
    expect(viaXlsx[0]?.values[0]).toEqual(['#N/A']);
    expect(viaExcel[0]?.values[0]).toEqual([{ error: '#N/A' }]);
  });
});

/** Merged areas are a set: Excel reports them by position, the xlsx file in its own order. */
function normalized(g: Grid): Grid {
  return { ...g, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) };
}

async function readThroughExcel(wb: FakeWorkbook): Promise<Grid[]> {
  const host = installFakeExcel(wb);
  try {
    return await runExcel((context) => readWorkbookGrids(context));
  } finally {
    host.uninstall();
  }
}

describe.each(SAMPLES)('round trip: Office.js reader on %s (seeded from the xlsx reader’s grids)', (sample) => {
  it('gives grids equal to the xlsx reader’s', async () => {
    const expected = await sampleGrids(sample);
    const got = await readThroughExcel(FakeWorkbook.fromGrids(expected));
    expect(got.map((g) => g.name)).toEqual(expected.map((g) => g.name));
    expect(got).toEqual(expected.map(normalized));
  });

  it('gives the same audit: profile, sheets, findings', async () => {
    const expected = await sampleGrids(sample);
    const got = await readThroughExcel(FakeWorkbook.fromGrids(expected));
    const a = auditWorkbook(expected);
    const b = auditWorkbook(got);
    expect(b.profile).toBe(a.profile);
    expect(b.sheets).toEqual(a.sheets);
    expect(b.findings).toEqual(a.findings);
    expect(b.counts).toEqual(a.counts);
  });
});

describe('Office.js reader details', () => {
  it('reads error values, formulas without =, dates as serials, booleans, number formats, hidden sheets, and offsets of the used range', async () => {
    const wb = new FakeWorkbook();
    const ws = wb.addSheet('数据');
    // Content starts at C3: the used range does not start at A1.
    ws.ensure(2, 2).value = '标题';
    Object.assign(ws.ensure(3, 2), { value: 45292, numberFormat: 'yyyy-mm-dd' });
    Object.assign(ws.ensure(3, 3), { value: { error: '#REF!' }, formula: '=#REF!+1' });
    Object.assign(ws.ensure(3, 4), { value: 3, formula: '=SUM(C4:D4)' });
    ws.ensure(4, 3).value = true;
    // Text that looks like a formula, stored as text: not a formula.
    Object.assign(ws.ensure(4, 4), { value: '=不是公式', textPrefix: true });
    // A cell with only a format is not part of the grid.
    ws.ensure(6, 6).numberFormat = '0.00';
    const hidden = wb.addSheet('隐藏');
    hidden.visibility = 'VeryHidden';
    hidden.ensure(0, 0).value = 'x';
    wb.addSheet('空表');

    const [data, secret, empty] = await readThroughExcel(wb);
    expect(data).toEqual({
      name: '数据',
      values: [[], [], [null, null, '标题'], [null, null, 45292, { error: '#REF!' }, 3], [null, null, null, true, '=不是公式']],
      formulas: [[], [], [null, null, null], [null, null, null, '#REF!+1', 'SUM(C4:D4)'], [null, null, null, null, null]],
      numberFormats: [[], [], [null, null, null], [null, null, 'yyyy-mm-dd', null, null], [null, null, null, null, null]],
      merges: [],
      hidden: false,
    });
    expect(secret).toMatchObject({ name: '隐藏', hidden: true, values: [['x']] });
    expect(empty).toEqual({ name: '空表', values: [], formulas: [], numberFormats: [], merges: [], hidden: false });
  });

  it('finds more than 512 merged areas (queried in row blocks) and areas that start above a block', async () => {
    const wb = new FakeWorkbook();
    const ws = wb.addSheet('合并');
    // 3,000 rows × 4 columns; a vertical 2-row merge in column A every 2 rows (1,500 areas) and one tall area.
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 4; c++) if (r % 2 === 0 || c > 0) ws.ensure(r, c).value = `${r}-${c}`;
    for (let r = 0; r < 3000; r += 2) ws.merges.push({ top: r, left: 0, bottom: r + 1, right: 0 });
    ws.merges.push({ top: 10, left: 3, bottom: 400, right: 3 });
    for (let r = 11; r <= 400; r++) ws.ensure(r, 3).value = null;
    const [grid] = await readThroughExcel(wb);
    expect(grid?.merges).toHaveLength(1501);
    expect(grid?.merges).toContainEqual({ top: 10, left: 3, bottom: 400, right: 3 });
    expect(grid?.merges).toContainEqual({ top: 2998, left: 0, bottom: 2999, right: 0 });
  });
});
