/**
 * The submission actions in WPS mode against the fake WPS host (issue 20 item 4): 生成填报模板 is a download;
 * 与上一版比较, 批量校验报送 and 合并报送 write their sheets into the open workbook through the WPS adapter;
 * WPS's own text never shown.
 */
import type { Grid } from '../../src/core/grid';
import { createWpsSubmissions } from '../../src/taskpane/services/wpsSubmissions';
import { isPaneError } from '../../src/taskpane/services/types';
import { FakeWpsApp } from '../fakes/wps';
import { sampleGrids } from '../helpers/grids';
import { gridsToBytes, splitSubmissions } from '../submissions/support';

const saved: { name: string; bytes: Uint8Array }[] = [];
const save = (name: string, bytes: Uint8Array) => saved.push({ name, bytes });
const noop = () => undefined;

beforeEach(() => {
  saved.length = 0;
});

async function fileOf(name: string, grids: readonly Grid[]): Promise<File> {
  return new File([new Uint8Array(await gridsToBytes(grids))], name);
}

function rowsOf(app: FakeWpsApp, sheet: string): unknown[][] {
  const out: unknown[][] = [];
  for (const [k, c] of app.workbook!.sheet(sheet).cells) {
    const [r, col] = k.split(',').map(Number) as [number, number];
    (out[r] ??= [])[col] = c.value;
  }
  return out.map((row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
}

describe('WPS mode: 报送工作', () => {
  it('生成填报模板 is offered as a download', async () => {
    const app = new FakeWpsApp();
    const out = await createWpsSubmissions(app as never, save).makeTemplate({ kinds: ['rating-tally'], year: 2023 }, 'zh-CN');
    expect(out).toMatchObject({ created: false, file: '填报模板-2023-rating-tally-v1.xlsx' });
    expect(saved.map((s) => s.name)).toEqual(['填报模板-2023-rating-tally-v1.xlsx']);
  });

  it('与上一版比较 writes 版本比较 into the open workbook (the new version)', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const app = FakeWpsApp.fromGrids(grids);
    const older = grids.map((g) => (g.name === '附件1' ? { ...g, values: g.values.slice(0, -1) } : g));
    const steps: string[] = [];
    const out = await createWpsSubmissions(app as never, save).compare(await fileOf('上一版.xlsx', older), {}, 'zh-CN', (s) => steps.push(s));
    expect(out.sheet).toBe('版本比较');
    expect(steps).toEqual(['reading', 'reading', 'writing']);
    expect(rowsOf(app, '版本比较')[0]?.[0]).toBe('版本比较：上一版.xlsx → 当前工作簿');
  });

  it('批量校验报送 writes 报送情况; an unreadable file is a row', async () => {
    const app = new FakeWpsApp();
    app.workbook!.addSheet('Sheet1');
    const files = [new File([new TextEncoder().encode('%PDF-1.4')], '永顺县.xlsx'), await fileOf('龙山县.xlsx', await sampleGrids('incentive-2022.xlsx'))];
    const out = await createWpsSubmissions(app as never, save).checkBatch(files, { expectedUnits: ['龙山县', '永顺县', '花垣县'] }, 'zh-CN', noop, new AbortController().signal);
    expect(out.sheet).toBe('报送情况');
    expect(out.missing).toEqual(['花垣县']);
    expect(rowsOf(app, '报送情况')[2]).toEqual(['序号', '单位', '文件', '模板版本', '错误', '警告', '状态', '说明']);
  });

  it('合并报送 writes the merged annexes into the open workbook, every row naming its source file', async () => {
    const app = new FakeWpsApp();
    app.workbook!.addSheet('Sheet1');
    const parts = splitSubmissions(await sampleGrids('incentive-2022.xlsx'), 3);
    const files = await Promise.all(parts.map((g, i) => fileOf(`单位${i + 1}.xlsx`, g)));
    const out = await createWpsSubmissions(app as never, save).merge(files, {}, 'zh-CN', noop, new AbortController().signal);
    expect(out.notes).toEqual([]);
    expect(out.sheets).toEqual(expect.arrayContaining(['附件1', '附件3', '附件4']));
    const rows = rowsOf(app, '附件3');
    const header = rows.find((r) => r.includes('来源文件')) ?? [];
    const col = header.indexOf('来源文件');
    expect(new Set(rows.map((r) => r[col]).filter((v) => typeof v === 'string' && /^单位\d\.xlsx$/.test(v)))).toEqual(new Set(['单位1.xlsx', '单位2.xlsx', '单位3.xlsx']));
  });

  it('a WPS failure is the catalogue message, never WPS\'s text', async () => {
    const app = new FakeWpsApp();
    app.workbook = null;
    const e = await createWpsSubmissions(app as never, save)
      .checkBatch([await fileOf('a.xlsx', await sampleGrids('incentive-2022.xlsx'))], {}, 'zh-CN', noop, new AbortController().signal)
      .catch((x: unknown) => x);
    expect(isPaneError(e) && e.userMessage).toBe('WPS 表格中没有打开的工作簿。请先打开要校验的工作簿。');
  });
});
