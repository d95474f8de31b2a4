/**
 * Issue 24 item 1: budgets on what is really inflated and really parsed, not on what the file declares.
 * Each class of security review 3 is built here at a few MB against small injected budgets (the full-size
 * files of scripts/make-hostile.ts were measured: docs/security.md). Every refusal is one sentence that
 * names the limit it hit.
 */
import { auditSubmission, buildSummaryPlans } from '../../src/core';
import { createFileServices } from '../../src/taskpane/services/fileMode';
import { isWorkbookReadError, loadWorkbook, readErrorMessage, type WorkbookReadError } from '../../src/xlsx';
import { WorkbookPackage } from '../../src/xlsx/copy';
import { READ_LIMITS, readLimits, type ReadLimits } from '../../src/xlsx/limits';
import { openWorkbook } from '../../src/xlsx/open';
import { INFLATERS } from '../../src/xlsx/zipGuard';
import { bomb, csv, editSample, hyperlinkOver, manyEntries, odsRepeated, sample, refusal } from './make';

const KB = 1024;
const MB = 1024 * KB;

async function refusalOf(read: () => Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await read();
  } catch (e) {
    if (isWorkbookReadError(e)) return e;
    throw e;
  }
  throw new Error('the file was read');
}

const small: ReadLimits = readLimits({ partBytes: 1 * MB, totalBytes: 2 * MB });

describe.each([
  ['Node zlib (CLI)', true],
  ['fflate (the pane in a browser)', false],
])('zip bombs are stopped at the budget, whatever the headers declare — %s', (_name, native) => {
  const saved = INFLATERS.native;
  beforeAll(() => {
    if (!native) INFLATERS.native = null;
  });
  afterAll(() => {
    INFLATERS.native = saved;
  });

  it.each([
    ['0 (grow as needed)', 0],
    ['1,000 bytes', 1000],
    ['the truth', 'honest' as const],
  ])('a sheet declaring %s that inflates to 8 MB is refused, naming the part and the per-part limit', (_label, declared) => {
    const e = refusal(() => openWorkbook(bomb(8 * MB, declared), 'bomb.xlsx', { limits: small }));
    expect(e.problem).toBe('part-too-large');
    expect(e.part).toBe('xl/worksheets/sheet1.xml');
    expect(readErrorMessage(e, 'zh-CN')).toBe('“bomb.xlsx”中的部件“xl/worksheets/sheet1.xml”解压后超过 1 MB（单个部件的上限），远超任何附件工作簿，为防止占满内存未予读取。');
    expect(readErrorMessage(e, 'en-US')).toContain('the limit for one part');
  });

  it('parts each under the part limit but over the total limit together are refused, naming the total limit', () => {
    const e = refusal(() => openWorkbook(bomb(900 * KB, 'honest'), 'two.xlsx', { limits: readLimits({ partBytes: 1 * MB, totalBytes: 600 * KB }) }));
    expect(e.problem).toBe('too-large');
    expect(readErrorMessage(e, 'zh-CN')).toBe('“two.xlsx”解压后合计超过 600 KB（全部部件合计的上限），远超任何附件工作簿，为防止占满内存未予读取。');
  });
});

describe('the package writer and exceljs inflate nothing the reader did not budget', () => {
  it('summarize and clear (WorkbookPackage) refuse the bomb with the same sentence, never a RangeError', () => {
    const e = refusal(() => WorkbookPackage.open(bomb(8 * MB, 1000), 'bomb.xlsx', small));
    expect(e.problem).toBe('part-too-large');
  });

  it('merge and diff -o (exceljs) refuse it too', async () => {
    const e = await refusalOf(() => loadWorkbook(bomb(8 * MB, 0), 'bomb.xlsx', { limits: small }));
    expect(e.problem).toBe('part-too-large');
  });

  it('a part whose headers under-declare its size but which is within the budget is read and written whole', () => {
    const bytes = editSample({});
    // Declare 10 bytes for every part: the real sizes decide.
    const lying = new Uint8Array(bytes);
    const view = new DataView(lying.buffer);
    for (let p = 0; p + 4 <= lying.length; p++) {
      const sig = view.getUint32(p, true);
      if (sig === 0x04034b50) view.setUint32(p + 22, 10, true);
      if (sig === 0x02014b50) view.setUint32(p + 24, 10, true);
    }
    const opened = openWorkbook(lying, 'lying.xlsx');
    expect(opened.grids.map((g) => g.name)).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
    const pkg = WorkbookPackage.open(lying, 'lying.xlsx');
    const applied = pkg.applySheetPlans(buildSummaryPlans(auditSubmission(opened.grids)));
    const again = openWorkbook(pkg.toBytes(), 'out.xlsx');
    expect(applied.length).toBeGreaterThan(0);
    expect(again.grids.map((g) => g.name)).toEqual([...opened.grids.map((g) => g.name), ...applied.map((a) => a.name)]);
  });
});

describe('cells are counted before they are parsed', () => {
  it('a bomb under every byte limit but over the cell limit is refused before SheetJS builds its cells', () => {
    // 2.9 MB of rows of numbers: ~160,000 cells, against a budget of 50,000.
    const e = refusal(() => openWorkbook(bomb(2.9 * MB, 'honest', 'cells'), 'cells.xlsx', { limits: readLimits({ cells: 50_000 }) }));
    expect(e.problem).toBe('too-many-cells');
    expect(readErrorMessage(e, 'zh-CN')).toContain('超过 50,000 个单元格（单元格个数的上限');
  });

  it('a hyperlink over the whole grid (SheetJS makes a cell for each cell it covers) is counted as what it costs', () => {
    const e = refusal(() => openWorkbook(hyperlinkOver('A1:XFD1048576'), 'link.xlsx'));
    expect(e.problem).toBe('too-many-cells');
    // A hyperlink on one cell costs one cell: the workbook reads as before.
    expect(openWorkbook(hyperlinkOver('B5'), 'link.xlsx').grids).toHaveLength(5);
  });

  it('an OpenDocument row of repeated cells, repeated over a million rows, is refused', () => {
    const e = refusal(() => openWorkbook(odsRepeated(1_048_575, 16_384), 'repeat.ods'));
    expect(e.problem).toBe('too-many-cells');
    expect(openWorkbook(odsRepeated(3, 4), 'small.ods').grids[0]?.values).toHaveLength(4);
  });

  it('a CSV is counted too, and a text file past the size limit is refused naming it', () => {
    expect(refusal(() => openWorkbook(csv(20_000, 10), 'big.csv', { limits: readLimits({ cells: 100_000 }) })).problem).toBe('too-many-cells');
    const e = refusal(() => openWorkbook(csv(20_000, 10), 'big.csv', { limits: readLimits({ fileBytes: 64 * KB }) }));
    expect(e.problem).toBe('file-too-large');
    expect(readErrorMessage(e, 'zh-CN')).toBe('“big.csv”超过 64 KB（此类文件大小的上限），远超任何附件工作簿，为防止占满内存未予读取。');
  });
});

describe('the number of entries', () => {
  it.each([
    ['25,000 entries', 25_000],
    ['70,000 entries (ZIP64 end record)', 70_000],
  ])('%s are refused by the entry limit, and the sentence says so (not "inflates to more than 400 MB")', (_label, count) => {
    const e = refusal(() => openWorkbook(manyEntries(count), 'many.xlsx'));
    expect(e.problem).toBe('too-many-entries');
    expect(readErrorMessage(e, 'zh-CN')).toBe('“many.xlsx”含有超过 20,000 个压缩条目（部件个数的上限），远超任何附件工作簿，未予读取。');
    expect(readErrorMessage(e, 'en-US')).toBe('"many.xlsx" holds more than 20,000 zip entries (the limit on the number of parts), far beyond any annex workbook; it was not read.');
  });

  it('19,990 entries are within the limit and read', () => {
    expect(openWorkbook(manyEntries(19_990), 'many.xlsx').grids).toHaveLength(5);
  });
});

describe('the limits', () => {
  it('are the ones docs/security.md states', () => {
    expect(READ_LIMITS).toEqual({ entries: 20_000, partBytes: 100 * MB, totalBytes: 160 * MB, cells: 750_000, mergesPerSheet: 100_000, fileBytes: 100 * MB });
  });

  it('the pane\'s file mode reads through the same guarded reader, and says the same sentence', async () => {
    // A real bomb against the real limits: 101 MB declared as 0.
    const services = createFileServices(null, () => undefined);
    if (!services.openFile) throw new Error('file mode opens files');
    await services.openFile({ name: 'bomb.xlsx', arrayBuffer: async () => bomb(101 * MB, 0).buffer } as unknown as File);
    const e = refusal(() => openWorkbook(bomb(101 * MB, 0), 'bomb.xlsx'));
    await expect(services.check({}, 'zh-CN', () => undefined)).rejects.toThrow(readErrorMessage(e, 'zh-CN'));
  });

  it('the sample is read and checked as before under the real limits', () => {
    const audit = auditSubmission(openWorkbook(sample(), 'incentive-2022.xlsx').grids);
    expect(audit.counts).toEqual({ error: 2, warning: 12, info: 3 });
  });
});
