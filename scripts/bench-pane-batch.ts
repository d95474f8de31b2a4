/**
 * 批量校验报送 in the browser: 50 submissions (copies of the two samples, alternating, named by unit) chosen as
 * a folder in the built pane (file mode, headless Chromium, 320 px), from the files handed to the page to the
 * pane's "已校验 50 个文件" line. Peak memory: the page's JS heap sampled every 25 ms over CDP
 * (`Performance.getMetrics` JSHeapUsedSize / JSHeapTotalSize) and `performance.memory`.
 *
 *   npx tsx scripts/bench-pane-batch.ts [--copies 50] [--runs 3] [--write] [--pane DIR] [--json]
 *
 * `--write` replaces the `## Batch check in the pane` section of docs/benchmarks.md (other sections are kept).
 * Medians of the runs (a fresh page each). Nothing here is asserted: tests never time anything.
 * `--pane DIR` serves a pane built already; `--json` prints one line per run and nothing else (npm run bench).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(__dirname, '..');
const samples = ['incentive-2022.xlsx', 'keywork-2024.xlsx'].map((s) => join(root, 'samples', s));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function paneArg(): string | null {
  const i = process.argv.indexOf('--pane');
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

async function up(url: string, server: ChildProcess): Promise<void> {
  let exited = false;
  server.once('exit', () => (exited = true));
  for (let i = 0; i < 2400 && !exited; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('preview did not start');
}

async function main(): Promise<void> {
  const copies = arg('--copies', 50);
  const runs = arg('--runs', 3);
  const work = mkdtempSync(join(tmpdir(), 'annex-pane-batch-'));
  const folder = join(work, '报送');
  mkdirSync(folder);
  let bytes = 0;
  for (let i = 0; i < copies; i++) {
    const src = samples[i % 2] as string;
    const dst = join(folder, `单位${String(i + 1).padStart(2, '0')}-${i % 2 === 0 ? '附件' : '重点工作'}.xlsx`);
    copyFileSync(src, dst);
    bytes += readFileSync(dst).length;
  }
  const port = 4600 + Math.floor(Math.random() * 300);
  const url = `http://127.0.0.1:${port}/taskpane.html`;
  // `--pane DIR`: serve a pane built already (npm run bench builds this commit's and the previous one's).
  const prebuilt = paneArg();
  const server = spawn(process.execPath, [join(root, 'scripts', 'preview.js'), ...(prebuilt ? ['--no-build'] : [])], { cwd: root, env: { ...process.env, PORT: String(port), PREVIEW_OUT: prebuilt ?? join(work, 'pane') }, stdio: 'ignore' });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: { ms: number; peakUsed: number; peakTotal: number; memPeak: number; before: number }[] = [];
  try {
    await up(url, server);
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url);
      await page.getByRole('button', { name: '批量校验报送' }).click();
      const metric = async (name: string) => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0);
      const before = await metric('JSHeapUsedSize');
      let peakUsed = before;
      let peakTotal = await metric('JSHeapTotalSize');
      let sampling = true;
      const sampler = (async (): Promise<void> => {
        while (sampling && !page.isClosed()) {
          peakUsed = Math.max(peakUsed, await metric('JSHeapUsedSize'));
          peakTotal = Math.max(peakTotal, await metric('JSHeapTotalSize'));
          await new Promise((res) => setTimeout(res, 25));
        }
      })().catch(() => undefined);
      // A string, not a function: tsx's keepNames would put a `__name` helper the page does not have into it.
      await page.evaluate(
        'window.__memPeak = performance.memory ? performance.memory.usedJSHeapSize : 0; window.__memTimer = setInterval(function () { window.__memPeak = Math.max(window.__memPeak, performance.memory ? performance.memory.usedJSHeapSize : 0); }, 10);',
      );
      const t0 = Date.now();
      await page.getByTestId('batch-folder-input').setInputFiles(folder);
      await page.getByText(new RegExp(`^已校验 ${copies} 个文件`)).waitFor({ timeout: 600_000 });
      const ms = Date.now() - t0;
      sampling = false;
      await sampler;
      const memPeak = Number(await page.evaluate('clearInterval(window.__memTimer); window.__memPeak'));
      results.push({ ms, peakUsed, peakTotal, memPeak, before });
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ ms, peakUsed, peakTotal, memPeak, before })}\n`);
      process.stderr.write(`run ${r + 1}: ${ms} ms, heap used peak ${mb(peakUsed)} MB (before ${mb(before)} MB), heap total peak ${mb(peakTotal)} MB, performance.memory peak ${mb(memPeak)} MB\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  if (process.argv.includes('--json')) {
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const version = (await (async () => {
    const b = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
    const v = b.version();
    await b.close();
    return v;
  })()) as string;
  rmSync(work, { recursive: true, force: true });

  const ms = median(results.map((x) => x.ms));
  const lines = [
    '## Batch check in the pane',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench-pane-batch.ts\` (\`npx tsx scripts/bench-pane-batch.ts --write\`): 批量校验报送 on`,
    `${copies} submissions chosen as a folder (copies of the two samples, alternating; ${mb(bytes)} MB in all) in the built pane, file mode,`,
    `headless Chromium ${version} at 320 px, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores shared (1-minute load ${loadavg()[0]?.toFixed(2)}).`,
    `Time: from the files handed to the page to the pane's "已校验 ${copies} 个文件" line (reading, checking every file with`,
    '`auditSubmission`, the table); the on-demand chunk (reader + writer) is fetched on the first file and counted. Memory: the page\'s JS heap, sampled every 25 ms over',
    'CDP (`Performance.getMetrics`) and every 10 ms from `performance.memory` (`--enable-precise-memory-info`). Median of',
    `${runs} runs, a fresh page each.`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| wall time, ${copies} files | ${(ms / 1000).toFixed(2)} s |`,
    `| per file | ${(ms / copies).toFixed(0)} ms |`,
    `| JS heap used before the batch | ${mb(median(results.map((x) => x.before)))} MB |`,
    `| peak JS heap used (CDP) | ${mb(median(results.map((x) => x.peakUsed)))} MB |`,
    `| peak JS heap used (\`performance.memory\`) | ${mb(median(results.map((x) => x.memPeak)))} MB |`,
    `| peak JS heap allocated (CDP JSHeapTotalSize) | ${mb(median(results.map((x) => x.peakTotal)))} MB |`,
    '',
    'Files are checked in Web Workers, one per core (`navigator.hardwareConcurrency`), each holding one file at a time;',
    'the page\'s thread only reads the next file and draws progress (取消 ends the workers). Only each file\'s row is kept,',
    'never its bytes or grids. The page\'s heap above does not include the workers\' heaps.',
    '',
  ];
  const block = lines.join('\n');
  process.stdout.write(`${block}\n`);
  if (process.argv.includes('--write')) {
    const file = join(root, 'docs', 'benchmarks.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
    const re = /## Batch check in the pane\n[\s\S]*?(?=\n## |$)/;
    const next = re.test(current) ? current.replace(re, block.trimEnd() + '\n') : current.replace(/\n## Engine, CLI/, `\n${block}\n## Engine, CLI`);
    writeFileSync(file, next);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
