/** The fake Excel host behaves like Excel where the adapter's tests rely on it. */
import { FakeContext, FakeWorkbook, installFakeExcel } from '../fakes/excel';

type AnyProxy = Record<string, unknown> & { load(s?: string): AnyProxy };

async function inRun<T>(wb: FakeWorkbook, body: (ctx: FakeContext) => Promise<T>): Promise<T> {
  const host = installFakeExcel(wb);
  try {
    const excel = (globalThis as unknown as { Excel: { run(b: (ctx: FakeContext) => Promise<T>): Promise<T> } }).Excel;
    return await excel.run(body);
  } finally {
    host.uninstall();
  }
}

function sheetWith(rows: number, cols: number): FakeWorkbook {
  const wb = new FakeWorkbook();
  const ws = wb.addSheet('S');
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) ws.ensure(r, c).value = r * cols + c;
  return wb;
}

describe('fake Excel host', () => {
  it('throws PropertyNotLoaded for a property read before load + sync, and for isNullObject before sync', async () => {
    await inRun(sheetWith(2, 2), async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:B2') as unknown as AnyProxy;
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const missing = ctx.workbook.names.getItemOrNullObject('nope');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([
        [0, 1],
        [2, 3],
      ]);
      expect(missing.isNullObject).toBe(true);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('reports merged areas only by their top-left cell, and fails past 512 areas in one range', async () => {
    const wb = sheetWith(1100, 2);
    const ws = wb.sheet('S');
    for (let r = 0; r < 1100; r += 2) ws.merges.push({ top: r, left: 0, bottom: r + 1, right: 0 });
    await inRun(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('S');
      const block = sheet.getRange('A2:B11').getMergedAreasOrNullObject();
      block.load('areas/items/rowIndex');
      await ctx.sync();
      // A1:A2 starts above the block: not reported; A3:A4 … A11:A12 are.
      expect(block.areas.items.map((a: { rowIndex: number }) => a.rowIndex)).toEqual([2, 4, 6, 8, 10]);
      const all = sheet.getRange('A1:B1100').getMergedAreasOrNullObject();
      all.load('areas/items/rowIndex');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
  });

  it('rejects a sync past the payload limit, applying nothing, and counts bytes per sync', async () => {
    const wb = sheetWith(1, 1);
    const host = installFakeExcel(wb);
    host.payloadLimit = 1000;
    try {
      const excel = (globalThis as unknown as { Excel: { run(b: (ctx: FakeContext) => Promise<void>): Promise<void> } }).Excel;
      await excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('S').getRange('A1:A100');
        range.values = Array.from({ length: 100 }, () => ['一段比较长的中文文本']);
        await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      });
      expect(wb.sheet('S').cell(1, 0)).toBeUndefined();
      expect(host.syncLog).toHaveLength(1);
      expect(host.syncLog[0]?.requestBytes).toBeGreaterThan(1000);
    } finally {
      host.uninstall();
    }
  });

  it('parses unguarded text as Excel parses typed input; a leading apostrophe keeps it text', async () => {
    const wb = sheetWith(1, 1);
    await inRun(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A2:F2').values = [['=1+1', '001', 'TRUE', '+x', "'=1+1", "'001"]];
      await ctx.sync();
    });
    const ws = wb.sheet('S');
    expect(ws.at('A2')).toMatchObject({ formula: '=1+1' });
    expect(ws.at('B2')).toMatchObject({ value: 1 });
    expect(ws.at('C2')).toMatchObject({ value: true });
    expect(ws.at('D2')).toMatchObject({ formula: '=+x' });
    expect(ws.at('E2')).toMatchObject({ value: '=1+1', textPrefix: true });
    expect(ws.at('F2')).toMatchObject({ value: '001', textPrefix: true });
  });

  it('rejects writes to a protected sheet with AccessDenied', async () => {
    const wb = sheetWith(1, 1);
    wb.sheet('S').protected = true;
    await inRun(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(wb.sheet('S').at('A1')?.value).toBe(0);
  });
});
