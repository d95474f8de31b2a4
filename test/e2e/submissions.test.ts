/**
 * The pane's submission actions end to end in real headless Chromium at 320 px, file mode (the built pane
 * served by `npm run preview`: the run's shared build and preview, test/helpers/builds.ts): 生成填报模板, 与上一版比较, 批量校验报送 (a folder,
 * progress, cancel, an unreadable file as a row, the units expected but missing) and 合并报送. Every result
 * is a download, opened here and checked; screenshots go to test-artifacts/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { previewServer } from '../helpers/builds';
import { chromiumAvailable, launchChromium, newPage } from '../helpers/chromium';
import { sampleGrids } from '../helpers/grids';
import { splitSubmissions, writeGrids } from '../submissions/support';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const run = chromiumAvailable() || process.env['CI'] ? describe : describe.skip;

async function workbookOf(download: Download, dir: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  return wb;
}

function rowTexts(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
    out.push(cells);
  });
  return out;
}

run('submission actions in headless Chromium (file mode, 320 px)', () => {
  // Waits on the run's pane build (another suite may be making it) and on Chromium: bounded by a hang, not by speed.
  jest.setTimeout(600_000);
  let browser: Browser;
  let page: Page;
  let work: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'annex-e2e-sub-'));
    const url = `${await previewServer()}/taskpane.html`;
    browser = await launchChromium();
    page = await newPage(browser, { viewport: { width: 320, height: 720 }, acceptDownloads: true });
    await page.goto(url);
    await page.getByRole('region', { name: '报送工作' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const section = () => page.getByRole('region', { name: '报送工作' });

  it('生成填报模板: kinds and year chosen → a template workbook to download, protected, with its marker', async () => {
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(before.some((u) => /\/submissions\.[0-9a-f]+\.js$/.test(u))).toBe(false);
    await section().getByRole('button', { name: '生成填报模板' }).click();
    const panel = page.getByRole('group', { name: '生成填报模板' });
    await panel.getByRole('checkbox', { name: '对接情况统计（附件5）' }).uncheck();
    await panel.getByRole('spinbutton').fill('2023');
    await page.screenshot({ path: join(ARTIFACTS, 'actions-template-320.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '生成模板' }).click()]);
    const file = download.suggestedFilename();
    expect(file).toMatch(/^填报模板-2023-.+\.xlsx$/);
    const wb = await workbookOf(download, work);
    const visible = wb.worksheets.filter((w) => w.state === 'visible');
    expect(visible).toHaveLength(4);
    const marker = wb.getWorksheet('AnnexAuditTemplate');
    expect(marker?.state).toBe('veryHidden');
    expect(String(marker?.getCell('A1').value)).toBe('rating-tally+unit-key-items+incentive-analysis+progress-report@1');
    expect(visible.map((w) => rowTexts(w).flat().join('')).join('')).toContain('2023');
    await page.getByText(`已生成“${file}”`).waitFor();
    // The writer arrived only now, on demand.
    const after = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(after.some((u) => /\/submissions\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  });

  it('与上一版比较: the opened workbook is the new version; the list of changes, then a download with 版本比较', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const annex4 = grids.find((g) => g.name === '附件4');
    if (!annex4) throw new Error('no 附件4');
    // The earlier version lacked a sentence in one narrative.
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
    expect(await panel.getByText('请先用“打开工作簿”打开新版本。').isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: '选择上一版' }).isDisabled()).toBe(true);
    await page.getByTestId('file-input').setInputFiles(join(ROOT, 'samples', 'incentive-2022.xlsx'));
    await page.getByText('已打开“incentive-2022.xlsx”').waitFor();
    await panel.getByTestId('earlier-input').setInputFiles(oldFile);
    await page.getByText(/^版本比较：上一版\.xlsx → incentive-2022\.xlsx：/).waitFor();
    const list = panel.getByRole('list', { name: /^变化（\d+）$/ });
    expect(await list.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect(await list.getByText(/\[文字变化\] 进展情况（附件4）/).first().isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'actions-compare-320.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载比较结果' }).click()]);
    expect(download.suggestedFilename()).toBe('incentive-2022-版本比较.xlsx');
    const wb = await workbookOf(download, work);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5', '版本比较']);
    const sheet = rowTexts(wb.getWorksheet('版本比较') as ExcelJS.Worksheet);
    expect(sheet[0]?.[0]).toBe('版本比较：上一版.xlsx → incentive-2022.xlsx');
    expect(sheet.some((r) => r[0] === '文字变化' && r[1] === '进展情况（附件4）')).toBe(true);
  });

  it('批量校验报送 on a folder: a row per file (an unreadable one with its reason), the units missing, a 报送情况 download', async () => {
    const folder = join(work, '收到的报送');
    mkdirSync(folder);
    copyFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx'), join(folder, '龙山县-附件.xlsx'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'formats', 'incentive-2022.xls'), join(folder, '永顺县-附件.xls'));
    copyFileSync(join(ROOT, 'samples', 'keywork-2024.xlsx'), join(folder, '保靖县-重点工作.xlsx'));
    writeFileSync(join(folder, '泸溪县-附件.xlsx'), '%PDF-1.4 not a workbook');
    writeFileSync(join(folder, '~$龙山县-附件.xlsx'), 'lock');
    writeFileSync(join(folder, '说明.txt'), 'notes');

    await section().getByRole('button', { name: '批量校验报送' }).click();
    const panel = page.getByRole('group', { name: '批量校验报送' });
    const units = panel.getByRole('textbox', { name: '应报送单位（每行一个，可留空）' });
    await units.fill('龙山县\n永顺县\n保靖县\n泸溪县\n花垣县');
    await units.blur();
    await panel.getByTestId('batch-folder-input').setInputFiles(folder);
    await page.getByText('已校验 4 个文件：1 个通过，2 个有错误，1 个无法读取；应报未报 1 个单位。').waitFor();
    const table = panel.getByRole('table', { name: '逐个文件的校验结果' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(5);
    const texts = await rows.allInnerTexts();
    expect(texts[1]).toMatch(/保靖县\s*保靖县-重点工作\.xlsx[\s\S]*0[\s\S]*通过/);
    expect(texts.find((r) => r.includes('泸溪县-附件.xlsx'))).toMatch(/是 PDF 文件，不是电子表格[\s\S]*无法读取/);
    expect(texts.find((r) => r.includes('龙山县-附件.xlsx'))).toMatch(/2\s+12\s+有错误/);
    expect(await panel.getByText('应报未报：花垣县').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'actions-batch-320.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载报送情况' }).click()]);
    expect(download.suggestedFilename()).toBe('报送情况.xlsx');
    const sheet = rowTexts((await workbookOf(download, work)).getWorksheet('报送情况') as ExcelJS.Worksheet);
    expect(sheet[0]?.[0]).toBe('报送情况（4 个文件）');
    expect(sheet[2]).toEqual(['序号', '单位', '文件', '模板版本', '错误', '警告', '状态', '说明']);
    const unreadable = sheet.find((r) => r[2] === '泸溪县-附件.xlsx');
    expect(unreadable?.[6]).toBe('无法读取');
    expect(unreadable?.[7]).toContain('PDF');
    expect(sheet.find((r) => r[1] === '花垣县')?.[6]).toBe('未报送');
    // The unit list is a setting: it is still there after a reload.
    await page.reload();
    await section().getByRole('button', { name: '批量校验报送' }).click();
    expect(await page.getByRole('textbox', { name: '应报送单位（每行一个，可留空）' }).inputValue()).toBe('龙山县\n永顺县\n保靖县\n泸溪县\n花垣县');
  });

  it('nothing overflows horizontally at 320 px with the batch table shown', async () => {
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *')).filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length,
    );
    expect(overflowing).toBe(0);
  });

  it('批量校验报送 shows progress and can be cancelled: it stops before the next file and writes nothing', async () => {
    const many = join(work, 'many');
    mkdirSync(many);
    const files: string[] = [];
    for (let i = 1; i <= 150; i++) {
      const f = join(many, `单位${String(i).padStart(3, '0')}.xlsx`);
      copyFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx'), f);
      files.push(f);
    }
    const panel = page.getByRole('group', { name: '批量校验报送' });
    await panel.getByTestId('batch-files-input').setInputFiles(files);
    // The caption names the file being checked (done + 1); the bar counts files finished. Wait for the
    // second file so at least one is finished and the bar has moved.
    await page.getByText(/^正在校验 ([2-9]|\d{2,})\/150：/).waitFor();
    const bar = page.getByRole('progressbar');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'actions-batch-progress-320.png'), fullPage: true });
    await page.getByRole('button', { name: '取消' }).click();
    const message = page.getByText(/^已取消：已校验 (\d+)\/150 个文件，未写入报送情况。$/);
    await message.waitFor();
    const done = Number(/已校验 (\d+)\//.exec(await message.innerText())?.[1]);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(150);
    expect(await panel.getByRole('table').getByRole('row').count()).toBe(done + 1);
    expect(await panel.getByRole('button', { name: '下载报送情况' }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'actions-batch-cancelled-320.png'), fullPage: true });
  });

  it('合并报送: the units\' files merged into one workbook to download, every row naming its source file', async () => {
    const parts = splitSubmissions(await sampleGrids('incentive-2022.xlsx'), 3);
    const files = await Promise.all(parts.map((g, i) => writeGrids(join(work, `单位${i + 1}.xlsx`), g)));
    await section().getByRole('button', { name: '合并报送' }).click();
    const panel = page.getByRole('group', { name: '合并报送' });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('merge-files-input').setInputFiles(files)]);
    expect(download.suggestedFilename()).toBe('合并报送.xlsx');
    await page.getByText(/^已合并 3 个文件，生成“合并报送\.xlsx”：/).waitFor();
    const wb = await workbookOf(download, work);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['附件1', '附件3', '附件4', '校验结果']));
    const annex3 = rowTexts(wb.getWorksheet('附件3') as ExcelJS.Worksheet);
    const header = annex3.find((r) => r.includes('来源文件'));
    expect(header).toBeDefined();
    const col = header?.indexOf('来源文件') ?? -1;
    const sources = new Set(annex3.map((r) => r[col]).filter((v): v is string => typeof v === 'string' && /^单位\d\.xlsx$/.test(v)));
    expect(sources).toEqual(new Set(['单位1.xlsx', '单位2.xlsx', '单位3.xlsx']));
    await page.screenshot({ path: join(ARTIFACTS, 'actions-merge-320.png'), fullPage: true });
  });

  it('an unreadable file stops a merge with its reason (a merge silently lacking a unit is worse than none)', async () => {
    const bad = join(work, '坏文件.xlsx');
    writeFileSync(bad, 'PK\u0003\u0004 cut');
    const panel = page.getByRole('group', { name: '合并报送' });
    await panel.getByTestId('merge-files-input').setInputFiles([join(ROOT, 'samples', 'incentive-2022.xlsx'), bad]);
    await page.getByText(/^未合并：“坏文件\.xlsx”/).waitFor();
  });
});
