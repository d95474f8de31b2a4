/**
 * 批量校验报送 in the browser: 50 submissions (copies of the two samples, alternating, named by unit) chosen as
 * a folder in the built pane (file mode, headless Chromium, 320 px), from the files handed to the page to the
 * pane's "已校验 50 个文件" line. Peak memory: the page's JS heap sampled every 25 ms over CDP
 * (`Performance.getMetrics` JSHeapUsedSize / JSHeapTotalSize) and `performance.memory`.
 *
 *   npx tsx scripts/bench-pane-batch.ts [--copies 50] [--runs 3] [--write] [--pane DIR] [--json]
 *
 * `--write` replaces the `## Batch check in the pane` section of docs/benchmarks.md (other sections are kept).
 * CPU time (Linux): every thread of the browser's processes read from /proc every 50 ms during the batch, by
 * thread — the batch's workers, the page's main thread, V8's background threads (garbage collection,
 * compiling) and the rest (compositor, GPU, browser) — since on a shared machine the wall time says more
 * about the load than about the pane, and CPU time does not.
 * Medians of the runs (a fresh page each). Nothing here is asserted: tests never time anything.
 * `--pane DIR` serves a pane built already; `--json` prints one line per run and nothing else (npm run bench).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** CPU ms so far of every thread of `root`'s descendant processes (Linux /proc; empty elsewhere), by `pid/tid`, with its kind. */
function threadTimes(root: number): Map<string, { kind: string; ms: number }> {
  const out = new Map<string, { kind: string; ms: number }>();
  const stat = (path: string): { comm: string; fields: string[] } | null => {
    try {
      const st = readFileSync(path, 'utf8');
      return { comm: st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')), fields: st.slice(st.lastIndexOf(')') + 2).split(' ') };
    } catch {
      return null;
    }
  };
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return out;
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const ppid = Number(stat(`/proc/${pid}/stat`)?.fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tick = 1000 / 100; // USER_HZ
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    queue.push(...(children.get(pid) ?? []));
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('chrom')) continue;
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const t = stat(`/proc/${pid}/task/${tid}/stat`);
      if (!t) continue;
      const kind =
        type !== 'renderer' ? 'other' : t.comm.startsWith('DedicatedWorker') ? 'workers' : t.comm.startsWith('ThreadPoolForeg') ? 'v8' : String(tid) === String(pid) ? 'page' : 'other';
      out.set(`${pid}/${tid}`, { kind, ms: (Number(t.fields[11]) + Number(t.fields[12])) * tick });
    }
  }
  return out;
}

type Cpu = { total: number; workers: number; page: number; v8: number; other: number };

/** CPU ms each kind of thread spent between `start` and the last sample (a thread that ended counts to its last sample). */
function cpuBetween(start: Map<string, { kind: string; ms: number }>, last: Map<string, { kind: string; ms: number }>): Cpu {
  const cpu: Cpu = { total: 0, workers: 0, page: 0, v8: 0, other: 0 };
  for (const [k, v] of last) {
    const d = v.ms - (start.get(k)?.ms ?? 0);
    if (d <= 0) continue;
    cpu.total += d;
    cpu[v.kind as 'workers' | 'page' | 'v8' | 'other'] += d;
  }
  return cpu;
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
  const results: { ms: number; peakUsed: number; peakTotal: number; memPeak: number; before: number; cpu: Cpu }[] = [];
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
      // Threads that end (the workers, at the end of the batch) keep the time of their last sample.
      const cpuStart = threadTimes(process.pid);
      const cpuSeen = new Map(cpuStart);
      const cpuSampler = (async (): Promise<void> => {
        while (sampling) {
          for (const [k, v] of threadTimes(process.pid)) cpuSeen.set(k, v);
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
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
      for (const [k, v] of threadTimes(process.pid)) cpuSeen.set(k, v);
      sampling = false;
      await sampler;
      await cpuSampler;
      const cpu = cpuBetween(cpuStart, cpuSeen);
      const memPeak = Number(await page.evaluate('clearInterval(window.__memTimer); window.__memPeak'));
      results.push({ ms, peakUsed, peakTotal, memPeak, before, cpu });
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ ms, peakUsed, peakTotal, memPeak, before, cpu })}\n`);
      process.stderr.write(
        `run ${r + 1}: ${ms} ms, heap used peak ${mb(peakUsed)} MB (before ${mb(before)} MB), heap total peak ${mb(peakTotal)} MB, performance.memory peak ${mb(memPeak)} MB; ` +
          `CPU ${cpu.total} ms (workers ${cpu.workers}, page ${cpu.page}, V8 background ${cpu.v8}, other ${cpu.other})\n`,
      );
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
    ...(median(results.map((x) => x.cpu.total)) > 0
      ? [
          `| CPU time, all of the browser's threads | ${(median(results.map((x) => x.cpu.total)) / 1000).toFixed(2)} s |`,
          `| … in the workers | ${(median(results.map((x) => x.cpu.workers)) / 1000).toFixed(2)} s |`,
          `| … V8's background threads (garbage collection, compiling) | ${(median(results.map((x) => x.cpu.v8)) / 1000).toFixed(2)} s |`,
          `| … the page's main thread | ${(median(results.map((x) => x.cpu.page)) / 1000).toFixed(2)} s |`,
          `| … the rest (compositor, GPU, browser process) | ${(median(results.map((x) => x.cpu.other)) / 1000).toFixed(2)} s |`,
        ]
      : []),
    '',
    'Files are checked in Web Workers, one per core (`navigator.hardwareConcurrency`), started when the batch panel',
    'opens, each handed the chosen File (a handle) a file ahead and reading it itself as it is handed over, its zip',
    'parts inflated by the browser (`DecompressionStream`); the page\'s thread only hands out files and draws progress',
    'at most every 250 ms (取消 ends the workers). Only each file\'s row is kept, never its bytes or grids; a worker holds',
    'at most two files\' bytes. The page\'s heap above does not include the workers\' heaps.',
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
