/**
 * End to end in real headless Chromium: the built WPS folder (npm run build:wps; the run's shared build,
 * test/helpers/builds.ts) served on localhost, with a WPS-like global injected into the page before it loads — the
 * fake WPS host of the unit tests (test/fakes/wps.ts), compiled for the browser and seeded with the incentive
 * sample. 校验, 重算汇总 and 清除标记 go through the WPS adapter into that object; the test then reads the fake's
 * workbook from the page.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { transformSync } from '@swc/core';
import type { Browser, Page } from 'playwright-core';
import { wpsBuild } from '../helpers/builds';
import { chromiumAvailable, launchChromium, newPage } from '../helpers/chromium';
import { sampleGrids } from '../helpers/grids';
import { splitSubmissions, writeGrids } from '../submissions/support';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const run = chromiumAvailable() || process.env['CI'] ? describe : describe.skip;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml' };

/** The fake WPS host as a browser script defining `window.__FakeWps`. */
function fakeScript(): string {
  const { code } = transformSync(readFileSync(join(ROOT, 'test', 'fakes', 'wps.ts'), 'utf8'), {
    filename: 'wps.ts',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2017' },
    module: { type: 'commonjs' },
  });
  return `(function () { var exports = {}; var module = { exports: exports };\n${code}\nwindow.__FakeWps = exports; })();`;
}

interface PageState {
  sheets: string[];
  marks: number;
  ours: number;
  tags: string[];
  selection: unknown;
}

function state(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const app = (window as unknown as { Application: { workbook: { sheets: { Name: string; conditions: { formula1: string }[] }[]; names: { Name: string }[] }; selection: unknown } }).Application;
    const conditions = app.workbook.sheets.flatMap((s) => s.conditions);
    return {
      sheets: app.workbook.sheets.map((s) => s.Name),
      marks: conditions.length,
      ours: conditions.filter((c) => c.formula1.includes('"annex-audit:')).length,
      tags: app.workbook.names.map((n) => n.Name),
      selection: app.selection,
    };
  });
}

run('task pane in headless Chromium as a WPS加载项 (a WPS-like global injected)', () => {
  // Waits on the run's WPS build (another suite may be making it) and on Chromium: bounded by a hang, not by speed.
  jest.setTimeout(600_000);
  let out: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url: string;
  let work: string;
  const scripts: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The pane page is opened directly: the URL the folder was built for (main.js, jsplugins.xml) is not used here.
    out = await wpsBuild();
    server = createServer((req, res) => {
      const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(out, p === '/' ? 'index.html' : p.slice(1)));
      try {
        if (!file.startsWith(out)) throw new Error('outside');
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    url = `http://127.0.0.1:${port}/`;
    const grids = await sampleGrids('incentive-2022.xlsx');
    browser = await launchChromium();
    work = mkdtempSync(join(tmpdir(), 'annex-e2e-wps-'));
    page = await newPage(browser, { viewport: { width: 320, height: 720 }, acceptDownloads: true });
    page.on('request', (q) => {
      if (q.resourceType() === 'script') scripts.push(new URL(q.url()).pathname);
    });
    await page.addInitScript(`${fakeScript()}\nwindow.Application = window.__FakeWps.FakeWpsApp.fromGrids(${JSON.stringify(grids)});`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const section = () => page.getByRole('region', { name: '报送工作' });
  const sheetRows = (name: string): Promise<unknown[][]> =>
    page.evaluate((n) => {
      const app = (window as unknown as { Application: { workbook: { sheet(n: string): { cells: Map<string, { value: unknown }> } } } }).Application;
      const out: unknown[][] = [];
      for (const [k, c] of app.workbook.sheet(n).cells) {
        const [r, col] = k.split(',').map(Number) as [number, number];
        (out[r] ??= [])[col] = c.value;
      }
      return out.map((row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
    }, name);

  it('opens in WPS mode: the workbook actions, the WPS subtitle, no Office.js and no file mode', async () => {
    await page.goto(`${url}taskpane.html`);
    await page.getByText('在 WPS 表格中校验当前工作簿的附件表').waitFor();
    for (const name of ['校验', '重算汇总', '清除标记']) expect(await page.getByRole('button', { name, exact: true }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: '打开工作簿' }).count()).toBe(0);
    expect(scripts.some((s) => /office/i.test(s))).toBe(false);
    expect(scripts.some((s) => /^\/wps\.[0-9a-f]+\.js$/.test(s))).toBe(true);
  });

  it('校验 reads the workbook through the WPS adapter, lists the findings and marks their cells with our rules', async () => {
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText('校验完成：2 个错误、12 个警告、3 条提示。').waitFor();
    expect(await page.getByRole('region', { name: '附件4' }).getByText('日期“28月16日”不存在（2022年）。').isVisible()).toBe(true);
    const s = await state(page);
    expect(s.marks).toBeGreaterThan(0);
    expect(s.ours).toBe(s.marks);
    await page.screenshot({ path: join(ARTIFACTS, 'wps-pane-findings-320.png'), fullPage: true });
  });

  it('a finding jumps to its cell in the workbook', async () => {
    const link = page.getByRole('region', { name: '附件4' }).getByRole('button', { name: /^转到 附件4!/ }).first();
    const cell = ((await link.getAttribute('aria-label')) ?? '').replace('转到 附件4!', '');
    await link.click();
    await page.waitForFunction(() => (window as unknown as { Application: { selection: unknown } }).Application.selection !== null);
    expect((await state(page)).selection).toEqual({ sheet: '附件4', address: cell });
  });

  it('重算汇总 writes the summary sheets into the workbook, tagged as ours', async () => {
    await page.getByRole('button', { name: '重算汇总' }).click();
    await page.getByText(/^已写入汇总表：汇总-研判统计、汇总-县市区事项、汇总-完成率、通报草稿、校验结果。/).waitFor();
    const s = await state(page);
    expect(s.sheets).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5', '汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
    expect(s.tags.filter((t) => t.startsWith('AnnexAudit_'))).toHaveLength(5);
    await page.screenshot({ path: join(ARTIFACTS, 'wps-pane-summary-320.png'), fullPage: true });
  });

  it('清除标记 removes every mark we added', async () => {
    expect((await state(page)).ours).toBeGreaterThan(0);
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText('已清除标记。').waitFor();
    expect((await state(page)).marks).toBe(0);
  });

  it('自检 runs against WPS and passes', async () => {
    await page.getByRole('button', { name: '自检' }).click();
    await page.getByRole('button', { name: '运行自检' }).click();
    await page.getByText('自检完成：13/13 项通过。').first().waitFor();
    const report = await page.getByRole('textbox', { name: '自检结果（可复制发给管理员）' }).inputValue();
    expect(report).toContain('WPS 版本: WPS 表格 12.1 12.1.0.16250');
    expect((await state(page)).sheets).toHaveLength(10);
  });

  it('报送工作 is offered in WPS mode, as in Excel mode', async () => {
    await section().waitFor();
    for (const name of ['生成填报模板', '与上一版比较', '批量校验报送', '合并报送']) expect(await section().getByRole('button', { name }).isEnabled()).toBe(true);
  });

  it('生成填报模板: offered as a download (WPS opens workbooks from paths, not bytes)', async () => {
    await section().getByRole('button', { name: '生成填报模板' }).click();
    const panel = page.getByRole('group', { name: '生成填报模板' });
    await panel.getByRole('spinbutton').fill('2023');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '生成模板' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^填报模板-2023-.+\.xlsx$/);
    await page.getByText(`已生成“${download.suggestedFilename()}”`).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'wps-actions-template-320.png'), fullPage: true });
  });

  it('与上一版比较: the open workbook is the new version; 版本比较 is written into it through the WPS adapter', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const annex4 = grids.find((g) => g.name === '附件4');
    if (!annex4) throw new Error('no 附件4');
    let changed = false;
    const values = annex4.values.map((row, r) =>
      row.map((v) => {
        if (!changed && r > 3 && typeof v === 'string' && v.length > 30) {
          changed = true;
          return v.slice(0, 20);
        }
        return v;
      }),
    );
    const oldFile = await writeGrids(join(work, '上一版.xlsx'), grids.map((g) => (g === annex4 ? { ...g, values } : g)));
    await section().getByRole('button', { name: '与上一版比较' }).click();
    const panel = page.getByRole('group', { name: '与上一版比较' });
    expect(await panel.getByText('当前工作簿为新版本，请选择上一版文件。').isVisible()).toBe(true);
    await panel.getByTestId('earlier-input').setInputFiles(oldFile);
    await page.getByText(/^版本比较：上一版\.xlsx → 当前工作簿：/).waitFor();
    expect(await panel.getByRole('list', { name: /^变化（\d+）$/ }).getByText(/\[文字变化\] 进展情况（附件4）/).first().isVisible()).toBe(true);
    expect((await state(page)).sheets).toContain('版本比较');
    expect((await sheetRows('版本比较'))[0]?.[0]).toBe('版本比较：上一版.xlsx → 当前工作簿');
    await page.screenshot({ path: join(ARTIFACTS, 'wps-actions-compare-320.png'), fullPage: true });
  });

  it('批量校验报送: a row per file, the units missing, 报送情况 written into the workbook; the unit list travels with the workbook', async () => {
    const folder = join(work, '收到的报送');
    mkdirSync(folder);
    copyFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx'), join(folder, '龙山县-附件.xlsx'));
    copyFileSync(join(ROOT, 'samples', 'keywork-2024.xlsx'), join(folder, '保靖县-重点工作.xlsx'));
    writeFileSync(join(folder, '泸溪县-附件.xlsx'), '%PDF-1.4 not a workbook');
    await section().getByRole('button', { name: '批量校验报送' }).click();
    const panel = page.getByRole('group', { name: '批量校验报送' });
    const units = panel.getByRole('textbox', { name: '应报送单位（每行一个，可留空）' });
    await units.fill('龙山县\n保靖县\n泸溪县\n花垣县');
    await units.blur();
    await panel.getByTestId('batch-folder-input').setInputFiles(folder);
    await page.getByText(/^已校验 3 个文件：1 个通过，1 个有错误，1 个无法读取；应报未报 1 个单位。/).waitFor();
    expect(await panel.getByRole('table', { name: '逐个文件的校验结果' }).getByRole('row').count()).toBe(4);
    expect((await state(page)).sheets).toContain('报送情况');
    expect((await sheetRows('报送情况'))[0]?.[0]).toBe('报送情况（3 个文件）');
    // The units are a setting kept in the workbook (hidden names AnnexAuditSettings_n).
    expect((await state(page)).tags.some((t) => t.startsWith('AnnexAuditSettings_'))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'wps-actions-batch-320.png'), fullPage: true });
    const overflowing = await page.evaluate(() => Array.from(document.querySelectorAll('main *')).filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length);
    expect(overflowing).toBe(0);
  });

  it('合并报送: the units\' files merged into the open workbook, every row naming its source file', async () => {
    const parts = splitSubmissions(await sampleGrids('incentive-2022.xlsx'), 3);
    const files = await Promise.all(parts.map((g, i) => writeGrids(join(work, `单位${i + 1}.xlsx`), g)));
    await section().getByRole('button', { name: '合并报送' }).click();
    const panel = page.getByRole('group', { name: '合并报送' });
    expect(await panel.getByText('选择各单位的报送文件，合并后的附件写入当前工作簿。').isVisible()).toBe(true);
    const before = (await state(page)).sheets;
    await panel.getByTestId('merge-files-input').setInputFiles(files);
    await page.getByText(/^已合并 3 个文件，写入工作表：/).waitFor();
    const added = (await state(page)).sheets.filter((n) => !before.includes(n));
    expect(added.length).toBeGreaterThanOrEqual(3);
    const annex3 = await sheetRows(added.find((n) => n.startsWith('附件3')) ?? '');
    const header = annex3.find((r) => r.includes('来源文件')) ?? [];
    const col = header.indexOf('来源文件');
    expect(new Set(annex3.map((r) => r[col]).filter((v) => typeof v === 'string' && /^单位\d\.xlsx$/.test(v)))).toEqual(new Set(['单位1.xlsx', '单位2.xlsx', '单位3.xlsx']));
    await page.screenshot({ path: join(ARTIFACTS, 'wps-actions-merge-320.png'), fullPage: true });
  });

  it('without the WPS globals the same page falls back to file mode (a plain browser)', async () => {
    const plain = await newPage(browser, { viewport: { width: 320, height: 720 } });
    try {
      await plain.goto(`${url}taskpane.html`);
      await plain.getByRole('button', { name: '打开工作簿' }).waitFor();
    } finally {
      await plain.close();
    }
  });
});
