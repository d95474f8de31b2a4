/**
 * Written workbooks open in LibreOffice, and the live formulas of our summary sheets, recalculated by
 * LibreOffice, give the values the core computed — and follow a clerk's correction of a rating.
 * CI installs LibreOffice (.ci/run); locally the suite is skipped only when soffice is missing and CI is unset.
 */
import ExcelJS from 'exceljs';
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbook, WorkbookPackage } from '../../src/xlsx/files';
import { CORPUS } from '../helpers/corpus';
import { sampleBytes } from '../helpers/grids';
import { recalcWithLibreOffice, sofficePath } from '../helpers/libreoffice';

const available = sofficePath() !== null;
const run = available || process.env['CI'] ? describe : describe.skip;

/** The sample summarised as `summarize` does: our sheets added to the original package. */
async function summarizedBytes(edit?: (wb: ExcelJS.Workbook) => void, sample = 'incentive-2022.xlsx'): Promise<{ bytes: Uint8Array; audit: ReturnType<typeof auditWorkbook> }> {
  const source = new Uint8Array(sampleBytes(sample));
  const audit = auditWorkbook(openWorkbook(source, sample).grids);
  const pkg = WorkbookPackage.open(source, sample);
  pkg.applySheetPlans(buildSummaryPlans(audit));
  const bytes = pkg.toBytes({ recalculate: true });
  if (!edit) return { bytes, audit };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  edit(wb);
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), audit };
}

function resultOf(ws: ExcelJS.Worksheet | undefined, ref: string): unknown {
  // `cell.result`, not `cell.value.result`: exceljs drops a cached result of 0 from `value`.
  const cell = ws?.getCell(ref);
  if (cell?.type === ExcelJS.ValueType.Formula) return cell.result;
  return cell?.value;
}

run('LibreOffice recalculation of the written summary', () => {
  jest.setTimeout(240_000);

  it('recalculated formulas equal the core’s figures', async () => {
    const { bytes, audit } = await summarizedBytes();
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.load(new Uint8Array(recalcWithLibreOffice(bytes)).buffer);
    const ws = recalculated.getWorksheet('汇总-研判统计');
    expect(ws).toBeDefined();
    const r = audit.recomputed.incentive;
    const total = r?.tallyTotal;
    expect(['B4', 'C4', 'D4', 'E4', 'F4'].map((c) => resultOf(ws, c))).toEqual([total?.total, total?.veryLikely, total?.likely, total?.hard, total?.unlikely]);
    (r?.tally ?? []).forEach((u, i) => {
      const row = 5 + i;
      expect(['A', 'B', 'C', 'D', 'E', 'F'].map((c) => resultOf(ws, `${c}${row}`))).toEqual([u.unit, u.total, u.veryLikely, u.likely, u.hard, u.unlikely]);
    });
    const completion = recalculated.getWorksheet('汇总-完成率');
    const first = r?.completion.items[0];
    expect(resultOf(completion, 'E4')).toBeCloseTo(first?.rate ?? -1, 9);
  });

  it('a corrected rating in the helper table moves the tally (the formulas are live)', async () => {
    // 州发改委's first item (高质量发展) is 难度较大; the clerk changes it to 很有可能 after our write.
    const { bytes } = await summarizedBytes((wb) => {
      const ws = wb.getWorksheet('汇总-研判统计');
      if (!ws) throw new Error('no summary');
      expect(ws.getCell('K4').value).toBe('难度较大');
      ws.getCell('K4').value = '很有可能';
    });
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.load(new Uint8Array(recalcWithLibreOffice(bytes)).buffer);
    const ws = recalculated.getWorksheet('汇总-研判统计');
    expect(['B5', 'C5', 'D5', 'E5', 'F5'].map((c) => resultOf(ws, c))).toEqual([7, 2, 2, 2, 1]);
    expect(['C4', 'E4'].map((c) => resultOf(ws, c))).toEqual([13, 20]);
  });

  it('profile B: recalculated shares and counts equal the core’s figures', async () => {
    const { bytes, audit } = await summarizedBytes(undefined, 'keywork-2024.xlsx');
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.load(new Uint8Array(recalcWithLibreOffice(bytes)).buffer);
    const ws = recalculated.getWorksheet('汇总-目标任务');
    const t = audit.recomputed.keywork?.targets;
    expect(['B4', 'B5', 'B6', 'B7'].map((c) => resultOf(ws, c))).toEqual([t?.counts.done, t?.counts.onSchedule, t?.counts.lagging, t?.counts.total]);
    expect(resultOf(ws, 'C4')).toBeCloseTo(7 / 80, 9);
    expect(resultOf(ws, 'C6')).toBeCloseTo(9 / 80, 9);
    expect(resultOf(ws, 'C7')).toBeCloseTo(1, 9);
    const lv = recalculated.getWorksheet('汇总-民生实事');
    expect(resultOf(lv, 'E4')).toBeCloseTo(15 / 46, 9);
    expect(resultOf(lv, 'F5')).toBeCloseTo(23 / 35, 9);
    expect(resultOf(lv, 'E6')).toBeCloseTo(3 / 11, 9);
  });
});

run('LibreOffice opens the copies written into other writers’ packages', () => {
  jest.setTimeout(240_000);

  it.each([
    ['Strict OOXML', 'src__TestData__strict__TestOpen.xlsx'],
    ['x:-prefixed XML', 'ClosedXML.Tests__Resource__Examples__Columns__ColumnSettings.xlsx'],
    ['ns2:-prefixed XML', 'easyexcel-test__src__test__resources__compatibility__t04.xlsx'],
    ['a chart', 'test__Book1.xlsx'],
    ['macros', 'test-data__spreadsheet__47026.xlsm'],
  ])('%s', (_label, name) => {
    const source = new Uint8Array(readFileSync(join(CORPUS, name)));
    const before = openWorkbook(source, name);
    const audit = auditWorkbook(before.grids);
    const pkg = WorkbookPackage.open(source, name);
    pkg.applySheetPlans(buildSummaryPlans(audit));
    const saved = new Uint8Array(recalcWithLibreOffice(pkg.toBytes({ recalculate: true }), name.replace(/\.xlsm$/, '.xlsx')));
    const after = openWorkbook(saved, name);
    expect(after.grids.map((g) => g.name)).toEqual([...before.grids.map((g) => g.name), '校验结果']);
    const findings = after.grids.find((g) => g.name === '校验结果');
    expect(findings?.values.length).toBeGreaterThanOrEqual(2);
  });
});
