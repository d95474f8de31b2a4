/**
 * Every text cell we write stays within Excel's 32,767 characters (review D10: `diff -o` wrote 32,769): cut,
 * ending in a visible mark, on every writer — the lossless package (summarize), exceljs (diff, merge,
 * status, templates), the merged sheets, the ⟦…⟧ rich text, and the value sent to Excel or WPS.
 */
import ExcelJS from 'exceljs';
import { fitCellText, MAX_CELL_TEXT, overlongCells, type SheetPlan, truncationMark } from '../../src/core';
import type { MergedSheet } from '../../src/core/submissions/merge';
import { cellInput } from '../../src/hosts/cells';
import { applySheetPlans, readGrids } from '../../src/xlsx';
import { WorkbookPackage } from '../../src/xlsx/files';
import { applyMarkedRichText, writeMergedWorkbook } from '../../src/xlsx/merge';
import { sampleBytes } from '../helpers/grids';

// Whole CLI runs on the samples; a busy machine can take seconds for one.
jest.setTimeout(60_000);

const LONG = '文'.repeat(40_000);
const MARK_ZH = '…（已截断）';

function plan(text: string): SheetPlan {
  return {
    id: 'long',
    name: '长文本',
    rows: [[{ value: '短' }, { value: text }]],
    merges: [],
    columnWidths: [10, 10],
    frozenRows: 0,
    printTitleRows: [0, 0],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: false },
    styles: {},
  };
}

function expectCut(text: unknown, mark = MARK_ZH): void {
  expect(typeof text).toBe('string');
  const s = text as string;
  expect(s).toHaveLength(MAX_CELL_TEXT);
  expect(s.endsWith(mark)).toBe(true);
  expect(s.startsWith('文文文')).toBe(true);
}

describe('text cells within 32,767 characters', () => {
  it('fitCellText keeps text that fits and cuts the rest with a visible mark, never inside a surrogate pair', () => {
    expect(truncationMark('zh-CN')).toBe(MARK_ZH);
    expect(fitCellText('短')).toBe('短');
    const exact = 'x'.repeat(MAX_CELL_TEXT);
    expect(fitCellText(exact)).toBe(exact);
    expectCut(fitCellText(LONG));
    expectCut(fitCellText(LONG, 'en-US'), '… (truncated)');
    const emoji = fitCellText('😀'.repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(emoji.slice(0, -MARK_ZH.length)).toBe('😀'.repeat((MAX_CELL_TEXT - MARK_ZH.length - 1) / 2));
    expect(overlongCells(plan(LONG).rows)).toEqual(['B1']);
    expect(overlongCells([[null, 'x', LONG]])).toEqual(['C1']);
  });

  it('the package writer (summarize) and the exceljs writer (diff, merge, status) cut a long plan cell', async () => {
    const pkg = WorkbookPackage.open(sampleBytes('incentive-2022.xlsx'), 'x.xlsx');
    pkg.applySheetPlans([plan(LONG)]);
    const grids = await readGrids(pkg.toBytes(), 'out.xlsx');
    expectCut(grids.find((g) => g.name === '长文本')?.values[0]?.[1]);

    const wb = new ExcelJS.Workbook();
    applySheetPlans(wb, [plan(LONG)], 'en-US');
    expectCut(wb.getWorksheet('长文本')?.getCell('B1').value, '… (truncated)');
  });

  it('merged sheets and ⟦…⟧ rich text stay within the limit (D10: two runs of 32,768 + 1)', () => {
    const grid = { name: '附件3', values: [['标题'], [LONG]], merges: [] };
    const sheet: MergedSheet = {
      kind: 'incentive-analysis',
      grid,
      origins: [],
      rowOrigins: [],
      layout: { source: 0, sheet: '附件3' },
      provenanceCol: null,
      headerRows: [0, 0],
      rowsFrom: [],
    };
    const wb = writeMergedWorkbook([sheet], []);
    expectCut(wb.getWorksheet('附件3')?.getCell('A2').value);

    const ws = new ExcelJS.Workbook().addWorksheet('版本比较');
    ws.getCell('A1').value = `${'文'.repeat(32_766)}⟦改⟧`;
    expect(applyMarkedRichText(ws, [0])).toBe(1);
    const runs = (ws.getCell('A1').value as ExcelJS.CellRichTextValue).richText;
    expect(runs.map((r) => r.text).join('').length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(runs.map((r) => r.text).join('').endsWith(MARK_ZH)).toBe(true);
  });

  it('the value sent to Excel or WPS is cut too (the guard apostrophe is not counted)', () => {
    expectCut(cellInput({ value: LONG }));
    const guarded = cellInput({ value: `=${LONG}` }) as string;
    expect(guarded.startsWith("'=")).toBe(true);
    expect(guarded.slice(1)).toHaveLength(MAX_CELL_TEXT);
  });
});
