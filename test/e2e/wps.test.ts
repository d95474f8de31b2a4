/**
 * End to end in real headless Chromium: the built WPS folder (npm run build:wps; the run's shared build,
 * test/helpers/builds.ts) served on localhost, with a WPS-like global injected into the page before it loads — the
 * fake WPS host of the unit tests (test/fakes/wps.ts), compiled for the browser and seeded with the incentive
 * sample. 校验, 重算汇总 and 清除标记 go through the WPS adapter into that object; the test then reads the fake's
 * workbook from the page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { transformSync } from '@swc/core';
import type { Browser, Page } from 'playwright-core';
import { wpsBuild } from '../helpers/builds';
import { chromiumAvailable, launchChromium, newPage } from '../helpers/chromium';
import { sampleGrids } from '../helpers/grids';

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
    page = await newPage(browser, { viewport: { width: 320, height: 720 } });
    page.on('request', (q) => {
      if (q.resourceType() === 'script') scripts.push(new URL(q.url()).pathname);
    });
    await page.addInitScript(`${fakeScript()}\nwindow.Application = window.__FakeWps.FakeWpsApp.fromGrids(${JSON.stringify(grids)});`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

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
    await page.getByText('自检完成：12/12 项通过。').first().waitFor();
    const report = await page.getByRole('textbox', { name: '自检结果（可复制发给管理员）' }).inputValue();
    expect(report).toContain('WPS 版本: WPS 表格 12.1 12.1.0.16250');
    expect((await state(page)).sheets).toHaveLength(10);
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
