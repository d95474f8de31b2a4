/**
 * The submission actions in Excel mode against the fake Excel host: 生成填报模板 creates a workbook with
 * Excel.createWorkbook (feature-detected; without ExcelApi 1.8 the template is offered as a download; Office's
 * own text never shown); 与上一版比较, 批量校验报送 and 合并报送 write their sheets into the open workbook in
 * one Excel.run each, with the syncs counted.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';
import { createExcelSubmissions } from '../../src/taskpane/services/excelSubmissions';
import { isPaneError } from '../../src/taskpane/services/types';
import { type FakeExcelHost, fakeValue, RAW_OFFICE_TEXT } from '../fakes/excel';
import { hostWith, sampleHost } from '../excel/support';
import { sampleGrids } from '../helpers/grids';
import { gridsToBytes, splitSubmissions } from '../submissions/support';

let host: FakeExcelHost;
const saved: { name: string; bytes: Uint8Array }[] = [];
const save = (name: string, bytes: Uint8Array) => saved.push({ name, bytes });
const noop = () => undefined;

beforeEach(async () => {
  host = await sampleHost('incentive-2022.xlsx');
  saved.length = 0;
});

afterEach(() => host.uninstall());

async function fileOf(name: string, grids: readonly Grid[]): Promise<File> {
  return new File([new Uint8Array(await gridsToBytes(grids))], name);
}

function sheetRows(name: string): unknown[][] {
  const ws = host.workbook.findSheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws.rows.map((row) => (row ?? []).map((c) => fakeValue(c)));
}

async function failure(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!isPaneError(e)) throw new Error(`expected a PaneError, got ${String(e)}`);
  return e.userMessage;
}

describe('Excel mode: 生成填报模板', () => {
  it('creates and opens a new workbook from the template bytes: no Excel.run, no sync, nothing downloaded', async () => {
    const out = await createExcelSubmissions(save).makeTemplate({ kinds: ['rating-tally', 'liaison-log'], year: 2023 }, 'zh-CN');
    expect(out).toMatchObject({ created: true, marker: 'rating-tally+liaison-log@1', sheets: ['研判统计表（附件1）', '对接情况统计（附件5）'] });
    expect(host.createdWorkbooks).toHaveLength(1);
    expect(host.runOptions).toHaveLength(0);
    expect(host.syncs).toBe(0);
    expect(saved).toHaveLength(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from(host.createdWorkbooks[0] ?? '', 'base64')).buffer);
    expect(wb.worksheets.filter((w) => w.state === 'visible')).toHaveLength(2);
    expect(String(wb.getWorksheet('AnnexAuditTemplate')?.getCell('A1').value)).toBe('rating-tally+liaison-log@1');
  });

  it('below ExcelApi 1.8 it does not call createWorkbook: the template is offered as a download', async () => {
    host.excelApi = '1.7';
    const out = await createExcelSubmissions(save).makeTemplate({ kinds: ['rating-tally'], year: 2023 }, 'zh-CN');
    expect(out.created).toBe(false);
    expect(host.createdWorkbooks).toHaveLength(0);
    expect(saved.map((s) => s.name)).toEqual(['填报模板-2023-rating-tally-v1.xlsx']);
    expect(out.file).toBe('填报模板-2023-rating-tally-v1.xlsx');
  });

  it.each([
    ['refused (GeneralException)', (h: FakeExcelHost): void => void (h.failures.createWorkbook = 'GeneralException'), 'Excel 暂时无法完成此操作（内部错误）'],
    ['past the 5 MB request limit on the web', (h: FakeExcelHost): void => void (h.createWorkbookLimit = 1_000), '数据量超出 Excel 单次传输的上限'],
    ['held while a cell is edited', (h: FakeExcelHost): void => void (h.cellEdit = true), 'Excel 在 1 秒内没有响应'],
  ] as const)('a createWorkbook %s: the template is offered as a download instead of an error, with the reason (never Office\'s text)', async (_label, refuse, reason) => {
    refuse(host);
    const out = await createExcelSubmissions(save, { timeoutMs: 50 }).makeTemplate({ kinds: ['rating-tally'], year: 2023 }, 'zh-CN');
    expect(out).toMatchObject({ created: false, file: '填报模板-2023-rating-tally-v1.xlsx' });
    expect(saved.map((s) => s.name)).toEqual(['填报模板-2023-rating-tally-v1.xlsx']);
    expect(out.createFailed).toContain(reason);
    expect(out.createFailed).not.toContain(RAW_OFFICE_TEXT.GeneralException);
    expect(out.createFailed).not.toMatch(/GeneralException|RequestPayload/);
    host.exitCellEdit();
  });
});

describe('Excel mode: 与上一版比较', () => {
  it('the open workbook is the new version: one Excel.run reads it and writes 版本比较; syncs counted', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const earlier = grids.map((g) =>
      g.name === '附件3' ? { ...g, values: g.values.map((row, r) => (r === 5 ? row.map((v) => (typeof v === 'string' && v.length > 8 ? `${v}（旧）` : v)) : row)) } : g,
    );
    const steps: string[] = [];
    const out = await createExcelSubmissions(save).compare(await fileOf('上一版.xlsx', earlier), {}, 'zh-CN', (s) => steps.push(s));
    expect(out.changes.length).toBeGreaterThan(0);
    expect(out.sheet).toBe('版本比较');
    expect(host.runOptions).toEqual([{ delayForCellEdit: true }]);
    // Read (3 syncs, as 校验), then the sheet written in 3 (as 重算汇总): constant, never per row.
    expect(host.syncs).toBe(6);
    const rows = sheetRows('版本比较');
    expect(rows[0]?.[0]).toBe('版本比较：上一版.xlsx → 当前工作簿');
    expect(rows.some((r) => r[0] === '文字变化' && r[1] === '研判分析表（附件3）')).toBe(true);
    expect(steps).toEqual(['reading', 'reading', 'writing']);
  });

  it('the same workbook in English: the sheet is written in English', async () => {
    const out = await createExcelSubmissions(save).compare(await fileOf('old.xlsx', await sampleGrids('incentive-2022.xlsx')), {}, 'en-US', noop);
    expect(out.sheet).toBe('Version comparison');
    expect(sheetRows('Version comparison')[0]?.[0]).toBe('Comparison: old.xlsx → this workbook');
    expect(out.changes).toEqual([]);
  });

  it('an earlier file of the other kind of workbook: a clear message and nothing written', async () => {
    const before = host.workbook.sheets.map((s) => s.name);
    const message = await failure(createExcelSubmissions(save).compare(await fileOf('重点工作.xlsx', await sampleGrids('keywork-2024.xlsx')), {}, 'zh-CN', noop));
    expect(message).toMatch(/^两个文件不是同一类工作簿/);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(before);
  });
});

describe('Excel mode: 批量校验报送', () => {
  it('a row per file (the unreadable one with its reason), the missing unit, and 报送情况 written in one Excel.run', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const files = [await fileOf('龙山县.xlsx', grids), new File([new TextEncoder().encode('%PDF-1.4')], '永顺县.xlsx'), new File(['x'], 'notes.txt')];
    const progress: string[] = [];
    const out = await createExcelSubmissions(save).checkBatch(files, { expectedUnits: ['龙山县', '永顺县', '花垣县'] }, 'zh-CN', (d, t, f) => progress.push(`${d}/${t} ${f}`), new AbortController().signal);
    expect(out.rows.map((r) => [r.unit, r.state])).toEqual([
      ['永顺县', 'unreadable'],
      ['龙山县', 'errors'],
    ]);
    expect(out.rows[0]?.reason).toContain('PDF');
    expect(out.missing).toEqual(['花垣县']);
    expect(progress).toEqual(['0/2 永顺县.xlsx', '1/2 龙山县.xlsx', '2/2 龙山县.xlsx']);
    expect(out.sheet).toBe('报送情况');
    expect(host.runOptions).toHaveLength(1);
    expect(host.syncs).toBe(3);
    const rows = sheetRows('报送情况');
    expect(rows[2]).toEqual(['序号', '单位', '文件', '模板版本', '错误', '警告', '状态', '说明']);
    expect(rows[3]?.slice(0, 7)).toEqual([1, '永顺县', '永顺县.xlsx', null, '—', '—', '无法读取']);
    expect(rows[4]?.slice(0, 7)).toEqual([2, '龙山县', '龙山县.xlsx', '非模板', 2, 12, '有错误']);
    expect(rows.some((r) => r[1] === '花垣县' && r[6] === '未报送')).toBe(true);
  });

  it('cancelled: stops before the next file, writes nothing, never calls Excel', async () => {
    const controller = new AbortController();
    const grids = await sampleGrids('incentive-2022.xlsx');
    const files = [await fileOf('a.xlsx', grids), await fileOf('b.xlsx', grids), await fileOf('c.xlsx', grids)];
    const out = await createExcelSubmissions(save).checkBatch(files, {}, 'zh-CN', (done) => done === 1 && controller.abort(), controller.signal);
    expect(out.cancelled).toBe(true);
    expect(out.rows).toHaveLength(1);
    expect(out.sheet).toBeUndefined();
    expect(host.runOptions).toHaveLength(0);
  });
});

describe('Excel mode: 合并报送', () => {
  it('the merged annexes written into the open workbook in one Excel.run, every row naming its source file', async () => {
    host.uninstall();
    host = hostWith([{ name: 'Sheet1', values: [['汇总']], merges: [] }]);
    const parts = splitSubmissions(await sampleGrids('incentive-2022.xlsx'), 3);
    const files = await Promise.all(parts.map((g, i) => fileOf(`单位${i + 1}.xlsx`, g)));
    const out = await createExcelSubmissions(save).merge(files, {}, 'zh-CN', noop, new AbortController().signal);
    expect(out.files).toBe(3);
    expect(out.sheets).toEqual(expect.arrayContaining(['附件1', '附件3', '附件4']));
    expect(host.runOptions).toHaveLength(1);
    expect(host.syncs).toBe(3);
    const rows = sheetRows('附件3');
    const header = rows.findIndex((r) => r.includes('来源文件'));
    expect(header).toBeGreaterThanOrEqual(0);
    const col = rows[header]?.indexOf('来源文件') ?? -1;
    expect(new Set(rows.slice(header + 1).map((r) => r[col]).filter((v) => typeof v === 'string' && v !== ''))).toEqual(new Set(['单位1.xlsx', '单位2.xlsx', '单位3.xlsx']));
    expect(saved).toHaveLength(0);
  });
});
