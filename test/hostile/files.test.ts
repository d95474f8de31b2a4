/**
 * Hostile files: each gets a clear message or a correct result, never a crash, a hang or a formula
 * injected into what we write.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import { isWorkbookReadError, loadWorkbook, readErrorMessage, readGrids, workbookToGrids } from '../../src/xlsx';
import { readLimits } from '../../src/xlsx/limits';
import { MAX_MERGES_PER_SHEET, openWorkbook } from '../../src/xlsx/open';
import { guardedZipEntries } from '../../src/xlsx/zipGuard';
import { sampleBytes } from '../helpers/grids';

/** A minimal zip (stored or deflated entries), written by hand so sizes can be anything. */
function zip(entries: { name: string; data: Uint8Array; inflatedSize: number; deflated: boolean }[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.inflatedSize, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(e.data));
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.deflated ? 8 : 0, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.inflatedSize, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, end]));
}

async function problemOf(bytes: Uint8Array): Promise<string> {
  try {
    await readGrids(bytes, 'x.xlsx');
    return 'ok';
  } catch (e) {
    if (isWorkbookReadError(e)) return e.problem;
    throw e;
  }
}

describe('hostile files', () => {
  it('a zip bomb (an entry inflating past the limit) is refused at the limit, whatever size it declares', async () => {
    const size = 4 * 1024 * 1024;
    const data = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
    const limits = readLimits({ partBytes: 1024 * 1024 });
    for (const declared of [size, 1000, 0]) {
      const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data, inflatedSize: declared, deflated: true }]);
      let error: unknown;
      try {
        guardedZipEntries(bomb, 'x.xlsx', limits);
      } catch (e) {
        error = e;
      }
      expect(isWorkbookReadError(error) && error.problem).toBe('part-too-large');
    }
  });

  it('an archive that is not a workbook, and a truncated one, get their own problems', async () => {
    const notWorkbook = zip([{ name: 'hello.txt', data: new TextEncoder().encode('hi'), inflatedSize: 2, deflated: false }]);
    expect(await problemOf(notWorkbook)).toBe('zip');
    const sample = sampleBytes('incentive-2022.xlsx');
    expect(await problemOf(new Uint8Array(sample.subarray(0, Math.floor(sample.length * 0.6))))).toBe('truncated');
    expect(await problemOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('truncated');
  });

  it('a sheet whose used range reaches row 1,048,576 is read and checked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件1');
    ws.getCell('A1').value = '附件1';
    ws.getCell('A1048576').value = '最后一行';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const grids = await readGrids(bytes);
    expect(grids[0]?.values.length).toBe(1_048_576);
    const audit = auditWorkbook(grids);
    expect(audit.sheets[0]?.kind).toBeNull();
    expect(audit.findings.map((f) => f.code)).toEqual(['structure/sheet-unrecognised']);
  });

  it('10,000 merged areas are read and do not break the check', async () => {
    const wb = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
    const extra = wb.addWorksheet('草稿');
    for (let r = 1; r <= 10_000; r++) {
      extra.getCell(r, 1).value = `第${r}行`;
      extra.mergeCells(r, 1, r, 3);
    }
    const grids = workbookToGrids(wb);
    expect(grids.find((g) => g.name === '草稿')?.merges.length).toBe(10_000);
    const audit = auditWorkbook(grids);
    expect(audit.counts).toEqual({ error: 2, warning: 12, info: 4 });
    expect(audit.findings.some((f) => f.sheet === '草稿' && f.code === 'structure/sheet-unrecognised')).toBe(true);
  });

  it('formulas whose cached results are missing raise no false alarm', async () => {
    const wb = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
    const t = wb.getWorksheet('附件1');
    for (const c of ['B5', 'C5', 'D5', 'E5', 'F5']) {
      const cell = t?.getCell(c);
      if (cell) cell.value = { formula: String((cell.value as ExcelJS.CellFormulaValue).formula) } as ExcelJS.CellFormulaValue;
    }
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const audit = auditWorkbook(workbookToGrids(again));
    expect(audit.findings.filter((f) => f.sheet === '附件1')).toEqual([]);
    expect(audit.counts.error).toBe(2);
  });

  it('user text that looks like a formula is carried into summaries as text only', async () => {
    const wb = await loadWorkbook(sampleBytes('keywork-2024.xlsx'));
    const s = wb.getWorksheet('附件1');
    if (!s) throw new Error('no 附件1');
    s.getCell('C6').value = '=cmd|" /c calc"!A1';
    const audit = auditWorkbook(workbookToGrids(wb));
    const plans = buildSummaryPlans(audit);
    for (const p of plans) {
      for (const row of p.rows) {
        for (const c of row) {
          if (c.formula !== undefined) expect(c.formula).not.toMatch(/cmd|calc/);
        }
      }
    }
  });

  it('past the merge limit the reader stops with one sentence naming the limit, instead of working on', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([['附件1']]);
    ws['!merges'] = Array.from({ length: MAX_MERGES_PER_SHEET + 1 }, (_, r) => ({ s: { r, c: 0 }, e: { r, c: 1 } }));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '附件1');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
    // It stops at the limit rather than working through the merges: the error itself says so (how fast is for the
    // benchmark, not for a test on a shared machine).
    let error: unknown;
    try {
      openWorkbook(bytes, 'merges.xlsx');
    } catch (e) {
      error = e;
    }
    expect(isWorkbookReadError(error) && error.problem).toBe('too-many-merges');
    if (isWorkbookReadError(error)) expect(readErrorMessage(error, 'zh-CN')).toBe('“merges.xlsx”的一个工作表含有超过 100,000 个合并区域，超出可检查的上限。');
  });
});
