/**
 * End to end in real headless Chromium against the built pane served by `npm run preview` (file mode:
 * Office.js outside Office resolves host null): the run's shared build and preview (test/helpers/builds.ts).
 * Screenshots go to test-artifacts/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { bomb } from '../hostile/make';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readZip } from '../../src/xlsx/zip';
import type { Browser, Page } from 'playwright-core';
import { previewServer } from '../helpers/builds';
import { chromiumAvailable, launchChromium, newPage } from '../helpers/chromium';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const run = chromiumAvailable() || process.env['CI'] ? describe : describe.skip;

run('task pane in headless Chromium (file mode)', () => {
  // Waits on the run's pane build (another suite may be making it) and on Chromium: bounded by a hang, not by speed.
  jest.setTimeout(600_000);
  let browser: Browser;
  let page: Page;
  let url: string;
  /** What the page's Content-Security-Policy refused, over the whole session (must stay empty). */
  const refused: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    url = `${await previewServer()}/taskpane.html`;
    browser = await launchChromium();
    page = await newPage(browser, { viewport: { width: 320, height: 720 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) refused.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the page carries a Content-Security-Policy, and nothing the pane does is refused by it (checked after every other test)', async () => {
    await page.goto(url);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('renders in zh-CN with the file-mode actions, without loading the file reader', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(url);
    await page.getByRole('button', { name: '打开工作簿' }).waitFor();
    // The initial scripts the page lists (the pane's entry and the two chunks split from it to compile in parallel),
    // then, once it has rendered, the settings accordion's chunks (the accordion, what it opens, and the Fluent code
    // they share with other chunks, numbered): no other named chunk, the file reader and the checking engine least of all.
    const ours = scripts.filter((p) => !p.startsWith('/office-js/'));
    const listed = ((await page.locator('script[data-annex-scripts]').getAttribute('data-annex-scripts')) ?? '').split(' ').map((f) => `/${f}`);
    expect(listed.map((f) => f.replace(/\.[0-9a-f]+\.js$/, ''))).toEqual(['/taskpane', '/pane-react', '/pane-fluent']);
    expect(ours).toEqual(expect.arrayContaining(listed));
    expect(ours.filter((p) => !listed.includes(p) && !/^\/(settings|settings-panel|[0-9]+)\.[0-9a-f]+\.js$/.test(p))).toEqual([]);
    expect(await page.getByRole('heading', { name: '附件审核助手' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '校验', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-empty-320.png'), fullPage: true });
  });

  it('opens the sample through 打开工作簿, checks it and lists findings naming 附件4', async () => {
    const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'samples', 'incentive-2022.xlsx'));
    await page.getByText('已打开“incentive-2022.xlsx”').waitFor();
    // The reader and the package writer arrive only now, on demand; exceljs never does.
    const loaded = await page.evaluate((n) => performance.getEntriesByType('resource').slice(n).map((e) => e.name), before);
    expect(loaded.some((u) => /\/files\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    expect(loaded.some((u) => /exceljs|\/xlsx\.[0-9a-f]+\.js$/.test(u))).toBe(false);
    const region = page.getByRole('region', { name: '附件4' });
    await region.waitFor();
    expect(await region.getByText('日期“28月16日”不存在（2022年）。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText('校验完成：2 个错误、12 个警告、3 条提示。').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'pane-findings-320.png'), fullPage: true });
  });

  it('nothing overflows horizontally at 320 px', async () => {
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *')).filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length,
    );
    expect(overflowing).toBe(0);
  });

  it('自检 in the settings: outside Excel it says so, with the browser it ran in, as text to copy', async () => {
    await page.getByRole('button', { name: '自检' }).click();
    await page.getByRole('button', { name: '运行自检' }).click();
    await page.getByText('未在 Excel 中运行（当前为浏览器文件模式），无法测试 Excel 接口。').first().waitFor();
    const report = await page.getByRole('textbox', { name: '自检结果（可复制发给管理员）' }).inputValue();
    expect(report).toContain('浏览器组件: Chromium');
    expect(report).toContain('附件审核助手 自检');
    await page.screenshot({ path: join(ARTIFACTS, 'pane-selftest-320.png'), fullPage: true });
  });

  it('Office.js that cannot load: opened by Office the pane says so (not file mode); in a plain browser file mode stays', async () => {
    const blocked = await newPage(browser, { viewport: { width: 320, height: 720 } });
    try {
      await blocked.route('**/office-js/office.js', (r) => r.fulfill({ status: 404, body: 'not found' }));
      await blocked.goto(`${url}?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
      await blocked.getByText(/^Office\.js 未能加载（\/office-js\/office\.js），无法访问当前工作簿。/).waitFor();
      expect(await blocked.getByRole('button', { name: '打开工作簿' }).count()).toBe(0);
      await blocked.screenshot({ path: join(ARTIFACTS, 'pane-officejs-missing-320.png'), fullPage: true });
      await blocked.goto(url);
      await blocked.getByRole('button', { name: '打开工作簿' }).waitFor();
    } finally {
      await blocked.close();
    }
  });

  it('下载结果 gives a workbook with the summary sheets', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
    const path = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toBe('incentive-2022-审核结果.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5', '汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
    // The user's own package with ours added: every original part is still there.
    const partNames = (b: Uint8Array) => readZip(b).map((e) => e.name);
    expect(partNames(new Uint8Array(readFileSync(path)))).toEqual(expect.arrayContaining(partNames(new Uint8Array(readFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx'))))));
    await page.screenshot({ path: join(ARTIFACTS, 'pane-downloaded-320.png'), fullPage: true });
  });

  it.each([
    ['incentive-2022.xlsx', 'zh-CN', ['各牵头单位研判等级分布', '各牵头单位考核指标完成率（由高到低，末行为合计）']],
    ['incentive-2022.xlsx', 'en-US', ['Ratings per lead unit', 'Completion rate per lead unit (highest first, overall last)']],
    ['keywork-2024.xlsx', 'zh-CN', ['目标任务推进情况（全部）', '各牵头单位目标任务推进情况', '重点民生实事完成进度（填报量化数据，目标＝100%）']],
    ['keywork-2024.xlsx', 'en-US', ['Targets by progress (all)', 'Targets per lead unit by progress', 'Livelihood projects: progress against target (stated, target = 100%)']],
  ] as const)('the summary charts under the counts, drawn from the chart plans, from their own chunk (%s, %s)', async (sample, lang, titles) => {
    const p = await newPage(browser, { viewport: { width: 320, height: 720 } });
    try {
      await p.addInitScript((l) => window.localStorage.setItem('annex-audit.lang', l), lang);
      const scripts: string[] = [];
      p.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await p.goto(url);
      await p.locator('input[type=file]').setInputFiles(join(ROOT, 'samples', sample));
      const charts = p.getByTestId('summary-charts');
      await charts.waitFor();
      // The chart component arrives only with an audit, in its own chunk.
      expect(scripts.some((s) => /\/charts\.[0-9a-f]+\.js$/.test(s))).toBe(true);
      for (const title of titles) expect(await charts.getByRole('img', { name: title }).isVisible()).toBe(true);
      // Readable at 320 px: nothing wider than the pane.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await charts.screenshot({ path: join(ARTIFACTS, `pane-charts-${sample.replace(/-\d+\.xlsx$/, '')}-${lang}-320.png`) });
    } finally {
      await p.close();
    }
  });

  it('checks a .xls (Excel 97–2003) like the .xlsx, and offers the copy as .xlsx', async () => {
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test', 'fixtures', 'formats', 'incentive-2022.xls'));
    await page.getByText('已打开“incentive-2022.xls”').waitFor();
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText('校验完成：2 个错误、12 个警告、3 条提示。').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
    expect(download.suggestedFilename()).toBe('incentive-2022-审核结果.xlsx');
  });

  it('指定列: a header worded differently is said once, mapped by the user, and the file checked again at once', async () => {
    // Another office's edition: 附件2's 具体事项 headed 栏目三.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx'))).buffer);
    wb.getWorksheet('附件2')?.eachRow((row) => row.eachCell((c) => {
      if (c.value === '具体事项') c.value = '栏目三';
    }));
    const edition = join(ARTIFACTS, 'edition-栏目三.xlsx');
    await wb.xlsx.writeFile(edition);
    await page.locator('input[type=file]').setInputFiles(edition);
    await page.getByText('已打开“edition-栏目三.xlsx”').waitFor();
    const sheet2 = page.getByRole('region', { name: '附件2' });
    await sheet2.getByText(/表头中未找到“具体事项”列/).waitFor();
    await sheet2.getByRole('button', { name: '指定列' }).click();
    await sheet2.getByRole('combobox', { name: '“具体事项”是哪一列？' }).selectOption('栏目三');
    await page.screenshot({ path: join(ARTIFACTS, 'pane-map-column-320.png'), fullPage: true });
    await sheet2.getByRole('button', { name: '保存并重新校验' }).click();
    await page.getByText(/已保存列映射（栏目三 → 具体事项），并重新校验。 校验完成：2 个错误、12 个警告、3 条提示。/).waitFor();
    expect(await page.getByText(/表头中未找到“具体事项”列/).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-mapped-320.png'), fullPage: true });
  });

  it('指定单位: units named two ways are said once, linked by the user in one choice each, and the file checked again; 查看读取方式 shows how the sheet was read', async () => {
    // Another office's edition: 附件3 names the units by codes the resolver cannot know.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx'))).buffer);
    const codes = new Map<string, string>();
    wb.getWorksheet('附件3')?.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value !== 'string' || !/^州.{1,10}(局|委|办)$/.test(c.value)) return;
      if (!codes.has(c.value)) codes.set(c.value, `单位${String(codes.size + 1).padStart(2, '0')}`);
      c.value = codes.get(c.value) ?? c.value;
    }));
    const edition = join(ARTIFACTS, 'edition-unit-codes.xlsx');
    await wb.xlsx.writeFile(edition);
    await page.locator('input[type=file]').setInputFiles(edition);
    await page.getByText('已打开“edition-unit-codes.xlsx”').waitFor();
    const sheet1 = page.getByRole('region', { name: '附件1', exact: true });
    await sheet1.getByText(/单位名称大多对不上/).waitFor();
    await sheet1.getByRole('button', { name: '指定单位' }).click();
    let linked = 0;
    for (const [name, code] of codes) {
      const box = sheet1.getByRole('combobox', { name: `“${code}”是附件1中的哪个单位？` });
      if ((await box.count()) === 0) continue;
      if ((await box.locator('option', { hasText: name }).count()) === 0) continue;
      await box.selectOption({ label: name });
      linked++;
    }
    expect(linked).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-link-units-320.png'), fullPage: true });
    await sheet1.getByRole('button', { name: '保存并重新校验' }).click();
    await page.getByText(/已保存单位对应（单位01 → .+），并重新校验。/).waitFor();
    expect(await page.getByRole('region', { name: '附件1', exact: true }).getByText(/单位名称大多对不上/).count()).toBe(0);
    // How a sheet was read, under its findings.
    const sheet4 = page.getByRole('region', { name: '附件4' });
    await sheet4.getByRole('button', { name: '查看读取方式' }).click();
    const explained = page.getByTestId('explain-附件4');
    await explained.getByText(/工作表“附件4”：进展情况表（附件4）|工作表“附件4”：/).first().waitFor();
    expect(await explained.innerText()).toMatch(/“牵头单位”← A列/);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-explain-320.png'), fullPage: true });
  });

  it.each([
    // The worst of the security review: a sheet that says 1,000 bytes and inflates past the part limit, and one
    // whose honest sizes pass every byte limit but whose cells would exhaust the parser.
    ['a zip bomb that lies about its size', 'bomb-lying.xlsx', () => bomb(200 * 1024 * 1024, 1000), /解压后超过 100 MB（单个部件的上限）/],
    ['cells under every byte limit', 'bomb-cells.xlsx', () => bomb(60 * 1024 * 1024, 'honest', 'cells'), /单元格个数的上限/],
  ])('hostile file (%s): the pane says why in one sentence and stays usable', async (_label, name, make, reason) => {
    await page.goto(url);
    const file = join(ARTIFACTS, name);
    writeFileSync(file, make());
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(reason).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `pane-${name.replace(/\.xlsx$/, '')}-320.png`), fullPage: true });
    // Still usable: the sample opens and checks as before.
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'samples', 'incentive-2022.xlsx'));
    await page.getByText('已打开“incentive-2022.xlsx”').waitFor();
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await page.getByText('校验完成：2 个错误、12 个警告、3 条提示。').waitFor();
  });

  it('no Content-Security-Policy refusal in the whole session', () => {
    expect(refused).toEqual([]);
  });
});

