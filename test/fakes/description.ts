/**
 * A workbook described in Excel's own terms — what `Range.values`, `formulas` and `numberFormat` report and
 * where the merged areas are — independent of both adapters. The contract suite seeds the fake Excel host
 * from it and writes the same workbook to .xlsx with exceljs directly, then reads each through its adapter.
 */
import ExcelJS from 'exceljs';
import { parseA1 } from '../../src/core/grid';
import { FakeWorkbook, parseAddress } from './excel';
import { FakeWpsApp, type FakeWpsOptions } from './wps';

export type DescribedValue = string | number | boolean | { error: string };

export interface DescribedCell {
  /** The value Excel reports (a formula's cached result). */
  readonly v?: DescribedValue;
  /** The formula as `Range.formulas` reports it, with `=`. */
  readonly f?: string;
  /** The number format as `Range.numberFormat` reports it (`General` when absent). */
  readonly nf?: string;
}

export interface DescribedSheet {
  readonly name: string;
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  readonly cells: Readonly<Record<string, DescribedValue | DescribedCell>>;
  readonly merges?: readonly string[];
}

export type WorkbookDescription = readonly DescribedSheet[];

function cellOf(c: DescribedValue | DescribedCell): DescribedCell {
  return typeof c === 'object' && !('error' in c) ? c : { v: c };
}

export function fakeFromDescription(desc: WorkbookDescription): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const s of desc) {
    const ws = wb.addSheet(s.name);
    ws.visibility = s.visibility ?? 'Visible';
    for (const [ref, raw] of Object.entries(s.cells)) {
      const p = parseA1(ref);
      if (!p) throw new Error(`bad ref ${ref}`);
      const c = cellOf(raw);
      const cell = ws.ensure(p.row, p.col);
      cell.value = c.v === undefined ? null : typeof c.v === 'object' ? { error: c.v.error } : c.v;
      if (c.f) cell.formula = c.f;
      if (c.nf && c.nf !== 'General') cell.numberFormat = c.nf;
    }
    ws.merges = (s.merges ?? []).map((m) => {
      const a = parseAddress(m);
      if (!a) throw new Error(`bad merge ${m}`);
      return a;
    });
  }
  return wb;
}

/** The same workbook in the fake WPS host: what `Value2`, `Formula` and `NumberFormat` report, and the merged areas. */
export function wpsFromDescription(desc: WorkbookDescription, options: FakeWpsOptions = {}): FakeWpsApp {
  const app = new FakeWpsApp(options);
  const wb = app.workbook;
  if (!wb) throw new Error('no workbook');
  for (const s of desc) {
    const ws = wb.addSheet(s.name);
    ws.Visible = s.visibility === 'Hidden' ? 0 : s.visibility === 'VeryHidden' ? 2 : -1;
    for (const [ref, raw] of Object.entries(s.cells)) {
      const p = parseA1(ref);
      if (!p) throw new Error(`bad ref ${ref}`);
      const c = cellOf(raw);
      const cell = ws.ensure(p.row, p.col);
      cell.value = c.v === undefined ? null : typeof c.v === 'object' ? { error: c.v.error } : c.v;
      if (c.f) cell.formula = c.f;
      if (c.nf && c.nf !== 'General') cell.numberFormat = c.nf;
    }
    ws.merges = (s.merges ?? []).map((m) => {
      const a = parseAddress(m);
      if (!a) throw new Error(`bad merge ${m}`);
      return a;
    });
  }
  return app;
}

/** An annex-like sheet with Excel's edge cases: offset used range, formulas with cached results, an error, a date, merges, a hidden sheet. */
export const CONTRACT_DESCRIPTION: WorkbookDescription = [
  {
    name: '附件1',
    cells: {
      B2: '附件1',
      B3: '2022年度激励事项研判统计表',
      B4: '序号',
      C4: '县市区',
      D4: '事项数',
      E4: '完成日期',
      B5: 1,
      C5: '甲县',
      D5: 3,
      E5: { v: 44805, nf: 'yyyy-mm-dd' },
      B6: 2,
      C6: '乙县',
      D6: { v: 4, nf: '0' },
      E6: { v: 44835, nf: 'yyyy"年"m"月"d"日"' },
      B7: '合计',
      D7: { v: 7, f: '=SUM(D5:D6)' },
      E7: { v: { error: '#REF!' }, f: '=#REF!+1' },
      F7: { v: true },
      C8: { v: '=不是公式' },
      D9: { v: 0.25, nf: '0.00%' },
    },
    merges: ['B3:E3', 'B7:C7'],
  },
  { name: '说明', visibility: 'Hidden', cells: { A1: '填表说明', A2: { v: 12.5, nf: '#,##0.00' } } },
  { name: '空表', cells: {} },
];

/** The same workbook as an .xlsx file, written with exceljs (not through src/xlsx). */
export async function xlsxFromDescription(desc: WorkbookDescription): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of desc) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === 'Hidden' ? 'hidden' : s.visibility === 'VeryHidden' ? 'veryHidden' : 'visible' });
    for (const [ref, raw] of Object.entries(s.cells)) {
      const c = cellOf(raw);
      const cell = ws.getCell(ref);
      if (c.f) cell.value = { formula: c.f.slice(1), result: c.v as ExcelJS.CellFormulaValue['result'] };
      else if (c.v !== undefined) cell.value = typeof c.v === 'object' ? { error: c.v.error as ExcelJS.CellErrorValue['error'] } : c.v;
      if (c.nf && c.nf !== 'General') cell.numFmt = c.nf;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
