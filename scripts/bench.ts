/**
 * `npm run bench`: measured numbers, one JSON object per line ({"metric","value","unit"}), and
 * docs/benchmarks.md rewritten between its BENCH markers. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { auditWorkbook, buildSummaryPlans } from '../src/core';
import { readGrids } from '../src/xlsx';
import { MAX_MERGES_PER_SHEET, openWorkbook } from '../src/xlsx/open';
import { syntheticIncentive } from './bench/synthetic';

const ROOT = join(__dirname, '..');
const results: { metric: string; value: number; unit: string }[] = [];

function emit(metric: string, value: number, unit: string): void {
  const v = Math.round(value * 100) / 100;
  results.push({ metric, value: v, unit });
  process.stdout.write(`${JSON.stringify({ metric, value: v, unit })}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function time(fn: () => void, runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

function nodeMs(args: string[], runs = 5): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    xs.push(performance.now() - t0);
    if (r.status === null) throw new Error(`failed: ${args.join(' ')}`);
  }
  return median(xs);
}

async function engine(): Promise<void> {
  const sample = await readGrids(readFileSync(join(ROOT, 'samples', 'incentive-2022.xlsx')));
  const g10k = syntheticIncentive(sample, 10_000);
  const g100k = syntheticIncentive(sample, 100_000);
  auditWorkbook(g10k); // warm-up
  const ms10k = time(() => buildSummaryPlans(auditWorkbook(g10k)), 5);
  const ms100k = time(() => buildSummaryPlans(auditWorkbook(g100k)), 3);
  emit('engine.ms.rows_10000', ms10k, 'ms');
  emit('engine.ms.rows_100000', ms100k, 'ms');
  emit('engine.ratio.rows_100000_vs_10000', ms100k / ms10k, 'x');
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const audit = auditWorkbook(g100k);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(timer);
  emit('engine.mb.rows_100000', (peak - before) / 1024 / 1024, 'MB');
  emit('engine.findings.rows_100000', audit.findings.length, 'findings');
}

function cli(): void {
  const sample = join('samples', 'incentive-2022.xlsx');
  const cliMs = nodeMs(['bin/annex-audit.js', 'check', sample, '--format', 'json']);
  // The baseline is merely opening the file with the reader `check` uses (SheetJS CE, since issue 12).
  const readMs = nodeMs(['-e', `require('@e965/xlsx').read(require('fs').readFileSync(${JSON.stringify(sample)}),{dense:true,cellNF:true,cellFormula:true})`]);
  emit('cli.ms.sample', cliMs, 'ms');
  emit('cli.ms.read_only', readMs, 'ms');
  emit('cli.ratio_vs_read', cliMs / readMs, 'x');
}

/** A sheet past the merge limit is refused (test/hostile/files.test.ts); how soon, measured here rather than in a test. */
async function limits(): Promise<void> {
  const XLSX = await import('@e965/xlsx');
  const ws = XLSX.utils.aoa_to_sheet([['附件1']]);
  ws['!merges'] = Array.from({ length: MAX_MERGES_PER_SHEET + 1 }, (_, r) => ({ s: { r, c: 0 }, e: { r, c: 1 } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '附件1');
  const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
  const ms = time(() => {
    try {
      openWorkbook(bytes, 'merges.xlsx');
    } catch {
      /* refused, as it must be */
    }
  }, 3);
  emit('reader.ms.past_merge_limit', ms, 'ms');
}

function pane(): void {
  const dir = join(ROOT, 'pane-preview');
  if (!existsSync(join(dir, 'taskpane.html'))) {
    spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dir], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, OFFICE_JS_URL: '/office-js/office.js' },
    });
  }
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  // The page's own scripts, as the runtime-floor loader lists them (current webviews load only these; older ones
  // load the polyfill chunk first: reported apart).
  const listed = (name: string) => (new RegExp(`data-annex-${name}="([^"]*)"`).exec(html)?.[1] ?? '').split(' ').filter(Boolean);
  const initial = listed('scripts');
  const bytes = initial.reduce((a, f) => a + gzipSync(readFileSync(join(dir, f))).length, 0);
  emit('pane.kb.initial_gzip', bytes / 1024, 'KB');
  emit('pane.kb.legacy_polyfills_gzip', listed('legacy').reduce((a, f) => a + gzipSync(readFileSync(join(dir, f))).length, 0) / 1024, 'KB');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'pane-render.js')], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(r.stdout.trim());
  if (Number.isFinite(ms) && ms > 0) emit('pane.ms.first_render', ms, 'ms');
}

function excel(): void {
  const script = join(ROOT, 'scripts', 'bench-excel.ts');
  if (!existsSync(script)) return;
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), script], { cwd: ROOT, encoding: 'utf8' });
  for (const line of r.stdout.split('\n')) {
    try {
      const m = JSON.parse(line) as { metric: string; value: number; unit: string };
      if (m.metric) emit(m.metric, m.value, m.unit);
    } catch {
      /* not a metric line */
    }
  }
}

function target(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

function writeDoc(): void {
  const v = (m: string) => results.find((r) => r.metric === m)?.value;
  const row = (r: { metric: string; value: number; unit: string }) => `| \`${r.metric}\` | ${r.value} | ${r.unit} |`;
  const ms10k = v('engine.ms.rows_10000') ?? NaN;
  const ms100k = v('engine.ms.rows_100000') ?? NaN;
  const lines = [
    '<!-- BENCH:START (written by `npm run bench`; edit outside the markers) -->',
    '## Engine, CLI, Excel round trips and pane',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}. Run on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| metric | value | unit |',
    '|---|---|---|',
    ...results.map(row),
    '',
    '| target | status |',
    '|---|---|',
    `| engine linear: rows_100000 ≤ 12 × rows_10000 | ${target(ms100k <= 12 * ms10k)} (${(ms100k / ms10k).toFixed(1)}×) |`,
    `| engine rows_100000 < 2 s | ${target(ms100k < 2000)} |`,
    `| CLI ratio vs reading the file ≤ 1.5 | ${target((v('cli.ratio_vs_read') ?? 99) <= 1.5)} |`,
    `| initial pane ≤ 200 KB gzipped | ${target((v('pane.kb.initial_gzip') ?? 999) <= 200)} |`,
    `| a sheet past the merge limit refused in < 20 s | ${target((v('reader.ms.past_merge_limit') ?? Infinity) < 20_000)} |`,
    ...(v('excel.ratio_vs_naive') !== undefined ? [`| naive reader ≥ 20 × slower at 50 ms latency | ${target((v('excel.ratio_vs_naive') ?? 0) >= 20)} |`] : []),
    '<!-- BENCH:END -->',
  ];
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const block = lines.join('\n');
  const next = /<!-- BENCH:START[\s\S]*?<!-- BENCH:END -->/.test(current)
    ? current.replace(/<!-- BENCH:START[\s\S]*?<!-- BENCH:END -->/, block)
    : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

async function mainBench(): Promise<void> {
  await engine();
  await limits();
  cli();
  excel();
  pane();
  writeDoc();
}

void mainBench();
