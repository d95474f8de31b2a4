/**
 * `npm run bench`: measured numbers, one JSON object per line ({"metric","value","unit"}, and "before" where the
 * figure is also measured on the previous commit), and docs/benchmarks.md rewritten between its BENCH markers.
 * Not part of `npm test`.
 *
 * The figures of issue 21 (CLI against reading the file, the engine at 10,000 and 100,000 rows, 批量校验报送 in
 * the pane) are measured on this checkout and on the commit before (`--against REF`, default HEAD~1; built
 * in a temporary directory), in separate processes, alternately, `--rounds N` times (default 3): the same
 * machine, the same load, for both. Medians.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { auditWorkbook, buildSummaryPlans } from '../src/core';
import { readGrids } from '../src/xlsx';
import { MAX_MERGES_PER_SHEET, openWorkbook } from '../src/xlsx/open';
import { syntheticIncentive } from './bench/synthetic';

const ROOT = join(__dirname, '..');
const results: { metric: string; value: number; unit: string; before?: number }[] = [];

function emit(metric: string, value: number, unit: string, before?: number): void {
  const v = Math.round(value * 100) / 100;
  const b = before === undefined ? undefined : Math.round(before * 100) / 100;
  results.push({ metric, value: v, unit, ...(b !== undefined ? { before: b } : {}) });
  process.stdout.write(`${JSON.stringify({ metric, value: v, unit, ...(b !== undefined ? { before: b } : {}) })}\n`);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const AGAINST = option('--against') ?? process.env['BENCH_AGAINST'] ?? 'HEAD~1';
const ROUNDS = Math.max(1, Number(option('--rounds') ?? 3) || 3);
const loadAtStart = loadavg()[0] ?? 0;

/** A checkout of `ref` with its CLI built, in a temporary directory kept between runs (keyed by commit). */
function checkout(ref: string): { dir: string; sha: string } {
  const sha = execFileSync('git', ['rev-parse', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `annex-bench-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'dist', 'cli', 'main.js'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C "${dir}"`], { cwd: ROOT });
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'ignore' });
  }
  return { dir, sha };
}

/** The pane of a checkout, built for the preview server (once per commit; this checkout's every run). */
function paneOf(dir: string, key: string, fresh: boolean): string {
  const out = join(tmpdir(), `annex-bench-pane-${key}`);
  if (fresh || !existsSync(join(out, 'taskpane.html'))) {
    spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, OFFICE_JS_URL: '/office-js/office.js', ADDIN_BASE_URL: 'http://127.0.0.1:3000', ALLOW_HTTP_BASE_URL: '1', OFFICE_JS_QUIET: '1' },
    });
  }
  return out;
}

function wall(args: string[], cwd = ROOT): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  if (r.status === null) throw new Error(`failed: ${args.join(' ')}`);
  return performance.now() - t0;
}

function jsonLines<T>(args: string[]): T[] {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);
}

/**
 * Issue 21's figures, this checkout (after) against `AGAINST` (before), alternately.
 * CLI: `check` on the incentive sample and merely reading it with SheetJS, 3 × ROUNDS processes each.
 * Engine: ROUNDS processes per side at 10,000 rows (5 runs each, after a warm-up) and at 100,000 (1 run and the heap).
 * Pane: 批量校验报送 on 50 and 200 submissions in headless Chromium (scripts/bench-pane-batch.ts), a fresh page per run.
 */
function compare(): void {
  const base = checkout(AGAINST);
  const sides = [
    { name: 'before', root: base.dir },
    { name: 'after', root: ROOT },
  ] as const;
  process.stderr.write(`bench: against ${AGAINST} (${base.sha.slice(0, 7)}), ${ROUNDS} rounds\n`);
  const sample = join(ROOT, 'samples', 'incentive-2022.xlsx');
  const cli: Record<string, number[]> = { before: [], after: [], read: [] };
  for (let i = 0; i < 3 * ROUNDS; i++) {
    for (const side of sides) cli[side.name]?.push(wall([join(side.root, 'bin', 'annex-audit.js'), 'check', sample, '--format', 'json']));
    cli['read']?.push(wall(['-e', `require('@e965/xlsx').read(require('fs').readFileSync(${JSON.stringify(sample)}),{dense:true,cellNF:true,cellFormula:true})`]));
  }
  const readMs = median(cli['read'] ?? []);
  emit('cli.ms.sample', median(cli['after'] ?? []), 'ms', median(cli['before'] ?? []));
  emit('cli.ms.read_only', readMs, 'ms', readMs);
  emit('cli.ratio_vs_read', median(cli['after'] ?? []) / readMs, 'x', median(cli['before'] ?? []) / readMs);

  const engineRun = (root: string, rows: number, runs: number) =>
    jsonLines<{ ms: number[]; mb: number; findings: number }>(['--expose-gc', '-r', 'tsx/cjs', join(ROOT, 'scripts', 'bench', 'engine-run.ts'), root, String(rows), String(runs)])[0];
  const e10: Record<string, number[]> = { before: [], after: [] };
  const e100: Record<string, number[]> = { before: [], after: [] };
  const mb100: Record<string, number[]> = { before: [], after: [] };
  let findings = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of sides) {
      const r = engineRun(side.root, 10_000, 5);
      if (r) e10[side.name]?.push(median(r.ms));
    }
  }
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of sides) {
      const r = engineRun(side.root, 100_000, 1);
      if (!r) continue;
      e100[side.name]?.push(...r.ms);
      mb100[side.name]?.push(r.mb);
      findings = r.findings;
    }
  }
  const m = (x: Record<string, number[]>, k: 'before' | 'after') => median(x[k] ?? []);
  emit('engine.ms.rows_10000', m(e10, 'after'), 'ms', m(e10, 'before'));
  emit('engine.ms.rows_100000', m(e100, 'after'), 'ms', m(e100, 'before'));
  emit('engine.ratio.rows_100000_vs_10000', m(e100, 'after') / m(e10, 'after'), 'x', m(e100, 'before') / m(e10, 'before'));
  emit('engine.mb.rows_100000', m(mb100, 'after'), 'MB', m(mb100, 'before'));
  emit('engine.findings.rows_100000', findings, 'findings');

  const panes = { before: paneOf(base.dir, base.sha.slice(0, 12), false), after: paneOf(ROOT, 'current', true) };
  for (const copies of [50, 200]) {
    const ms: Record<string, number[]> = { before: [], after: [] };
    const heap: Record<string, number[]> = { before: [], after: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const side of sides) {
        const runs = jsonLines<{ ms: number; peakUsed: number }>(['-r', 'tsx/cjs', join(ROOT, 'scripts', 'bench-pane-batch.ts'), '--pane', panes[side.name], '--copies', String(copies), '--runs', '1', '--json']);
        for (const r of runs) {
          ms[side.name]?.push(r.ms);
          heap[side.name]?.push(r.peakUsed / 1024 / 1024);
        }
      }
    }
    emit(`pane.ms.batch_${copies}`, m(ms, 'after'), 'ms', m(ms, 'before'));
    emit(`pane.mb.batch_${copies}.page_heap_peak`, m(heap, 'after'), 'MB', m(heap, 'before'));
  }
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

/** The engine in this process (kept for `--no-compare`): this checkout only. */
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

/** The CLI against reading the file (kept for `--no-compare`): this checkout only. */
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
  // The pane compare() built from this checkout, else pane-preview/ (built here when missing).
  const fresh = join(tmpdir(), 'annex-bench-pane-current');
  const dir = existsSync(join(fresh, 'taskpane.html')) ? fresh : join(ROOT, 'pane-preview');
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
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'pane-render.js')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PREVIEW_OUT: dir } });
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
  const row = (r: { metric: string; value: number; unit: string; before?: number }) => `| \`${r.metric}\` | ${r.before ?? ''} | ${r.value} | ${r.unit} |`;
  const ms10k = v('engine.ms.rows_10000') ?? NaN;
  const ms100k = v('engine.ms.rows_100000') ?? NaN;
  const lines = [
    '<!-- BENCH:START (written by `npm run bench`; edit outside the markers) -->',
    '## Engine, CLI, Excel round trips and pane',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}. Run on ${new Date().toISOString().slice(0, 10)}; 1-minute load ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    `“before”: ${process.argv.includes('--no-compare') ? 'not measured (--no-compare)' : `\`${AGAINST}\`, measured alternately with this checkout, ${ROUNDS} rounds, medians`}.`,
    '',
    '| metric | before | after | unit |',
    '|---|---|---|---|',
    ...results.map(row),
    '',
    '| target | status |',
    '|---|---|',
    `| engine rows_10000 ≤ 200 ms | ${target(ms10k <= 200)} |`,
    `| engine linear: rows_100000 ≤ 11 × rows_10000 | ${target(ms100k <= 11 * ms10k)} (${(ms100k / ms10k).toFixed(1)}×) |`,
    `| engine rows_100000 < 2 s | ${target(ms100k < 2000)} |`,
    `| engine rows_100000 < 300 MB | ${target((v('engine.mb.rows_100000') ?? Infinity) < 300)} |`,
    `| CLI ratio vs reading the file ≤ 1.3 | ${target((v('cli.ratio_vs_read') ?? 99) <= 1.3)} |`,
    ...(v('pane.ms.batch_200') !== undefined ? [`| 批量校验报送, 200 files < 5 s | ${target((v('pane.ms.batch_200') ?? Infinity) < 5000)} |`] : []),
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
  if (process.argv.includes('--no-compare')) {
    await engine();
    cli();
  } else compare();
  await limits();
  excel();
  pane();
  writeDoc();
}

void mainBench();
