/**
 * Batch-check benchmark: 50 copies of the samples (25 of each), checked
 *   (a) one `annex-audit check FILE` process per file, as a script looping over files would, and
 *   (b) one `annex-audit check DIR` (worker threads, bounded by os.availableParallelism()), and
 *   (c) the same with `--jobs 1` (one process, files one after another), to separate start-up from threads.
 *
 *   npm run build && npx tsx scripts/bench-batch.ts [--copies 50] [--runs 3] [--write]
 *
 * `--write` replaces the `## Batch check` section of docs/benchmarks.md (other sections are kept).
 * Wall times are medians of the runs. Nothing here is asserted: tests never time anything.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const bin = join(root, 'bin', 'annex-audit.js');
const samples = ['incentive-2022.xlsx', 'keywork-2024.xlsx'].map((s) => join(root, 'samples', s));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/**
 * How much parallel CPU the machine really gives: the same busy loop in 1 process and in N at once.
 * effective cores = N × t(1) / t(N); a container's "2 CPUs" may be far less.
 */
function effectiveCores(n: number): number {
  const loop = 'let x=0;for(let i=0;i<2e8;i++){x+=i%7}if(x<0)console.log(x)';
  const t = (k: number) => {
    const t0 = process.hrtime.bigint();
    execFileSync('sh', ['-c', Array.from({ length: k }, () => `"${process.execPath}" -e "${loop}" &`).join(' ') + ' wait'], { stdio: 'pipe' });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const one = median([t(1), t(1), t(1)]);
  const many = median([t(n), t(n), t(n)]);
  return (n * one) / many;
}

const copies = arg('--copies', 50);
const runs = arg('--runs', 3);

function timeIt(args: string[]): number {
  const t0 = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [bin, ...args], { stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    // Exit 1 (error findings in the sample) is a normal outcome here.
    const status = (e as { status?: number }).status;
    if (status !== 1) throw e;
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function fmt(s: number): string {
  return `${s.toFixed(2)} s`;
}

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('Build first: npm run build\n');
  process.exit(2);
}

const loadBefore = loadavg()[0] ?? 0;
const dir = mkdtempSync(join(tmpdir(), 'annex-bench-'));
const batchDir = join(dir, 'submissions');
mkdirSync(batchDir);
const files: string[] = [];
for (let i = 0; i < copies; i++) {
  const src = samples[i % samples.length] as string;
  const f = join(batchDir, `unit${String(i + 1).padStart(3, '0')}-${src.endsWith('incentive-2022.xlsx') ? 'incentive' : 'keywork'}.xlsx`);
  copyFileSync(src, f);
  files.push(f);
}

// (a) one process per file: median single-check time of each sample, times its number of copies.
const single = samples.map((s) => median(Array.from({ length: Math.max(3, runs) }, () => timeIt(['check', s, '--format', 'json']))));
const perFile = files.map((_, i) => single[i % samples.length] as number);
const loop = perFile.reduce((a, b) => a + b, 0);
// Also measured for real once: the loop itself.
const loopMeasured = files.reduce((a, f) => a + timeIt(['check', f, '--format', 'json']), 0);
// (b) one batch over the directory, worker threads.
const batch = median(Array.from({ length: runs }, () => timeIt(['check', batchDir, '--format', 'json'])));
// (c) one process, sequential.
const sequential = median(Array.from({ length: runs }, () => timeIt(['check', batchDir, '--format', 'json', '--jobs', '1'])));
// (d) threads against one thread on a batch four times larger, where thread start-up weighs less.
const bigDir = join(dir, 'big');
mkdirSync(bigDir);
for (let k = 0; k < 4; k++) files.forEach((f, i) => copyFileSync(f, join(bigDir, `r${k}-${i}.xlsx`)));
const bigSequential = median(Array.from({ length: runs }, () => timeIt(['check', bigDir, '--format', 'json', '--jobs', '1'])));
const bigBatch = median(Array.from({ length: runs }, () => timeIt(['check', bigDir, '--format', 'json'])));

rmSync(dir, { recursive: true, force: true });
const cores = effectiveCores(availableParallelism());

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const section = [
  '## Batch check',
  '',
  `Measured ${date} by \`scripts/bench-batch.ts\` (\`npm run build && npx tsx scripts/bench-batch.ts --write\`):`,
  `${copies} submissions (copies of \`samples/incentive-2022.xlsx\` and \`samples/keywork-2024.xlsx\`, alternating),`,
  `Node ${process.version}, ${cpu}, \`os.availableParallelism()\` = ${availableParallelism()}. Wall times, median of ${runs} runs.`,
  `Parallel capacity of this machine: ${availableParallelism()} copies of a CPU-bound loop run at ${cores.toFixed(2)}× the throughput of one`,
  `(${cores.toFixed(2)} effective cores); 1-minute load average ${loadBefore.toFixed(2)} before the run, ${(loadavg()[0] ?? 0).toFixed(2)} after`,
  '(a shared machine: other jobs running at the same time slow every row alike).',
  '',
  '| how | wall time | per file |',
  '|---|---:|---:|',
  `| single check, incentive sample (one \`check FILE\` process) | ${fmt(single[0] ?? 0)} | |`,
  `| single check, key-work sample (one \`check FILE\` process) | ${fmt(single[1] ?? 0)} | |`,
  `| ${copies} × single check (sum of the medians above) | ${fmt(loop)} | ${fmt(loop / copies)} |`,
  `| ${copies} × single check, measured as a loop of processes | ${fmt(loopMeasured)} | ${fmt(loopMeasured / copies)} |`,
  `| \`check DIR\`, one process, \`--jobs 1\` (no threads) | ${fmt(sequential)} | ${fmt(sequential / copies)} |`,
  `| \`check DIR\`, worker threads (default jobs = ${availableParallelism()}) | ${fmt(batch)} | ${fmt(batch / copies)} |`,
  `| ${4 * copies} submissions, \`check DIR --jobs 1\` | ${fmt(bigSequential)} | ${fmt(bigSequential / (4 * copies))} |`,
  `| ${4 * copies} submissions, \`check DIR\`, worker threads | ${fmt(bigBatch)} | ${fmt(bigBatch / (4 * copies))} |`,
  '',
  `Batch vs ${copies} × single: **${(loop / batch).toFixed(1)}×** faster (${fmt(loop)} → ${fmt(batch)}).`,
  `Of that, one Node start-up and module load instead of ${copies} gives ${(loop / sequential).toFixed(1)}×;`,
  `the worker threads change that by ${(sequential / batch).toFixed(2)}× here (${cores.toFixed(2)} effective cores), and by`,
  `${(bigSequential / bigBatch).toFixed(2)}× on ${4 * copies} submissions.`,
  'The main thread checks files itself while the worker threads start; each worker thread loads exceljs and',
  'the checker once (about half a second of CPU) and then takes file after file. On a machine with spare',
  'cores the lanes run side by side; where the cores are not really there, that start-up is the price, and',
  '`--jobs 1` checks everything in one thread.',
  '',
].join('\n');

process.stdout.write(`${section}\n`);

if (process.argv.includes('--write')) {
  const target = join(root, 'docs', 'benchmarks.md');
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf('## Batch check');
  let next = start >= 0 ? current.indexOf('\n## ', start + 1) : -1;
  if (next >= 0) next += 1;
  const updated =
    start >= 0
      ? `${current.slice(0, start)}${section}${next >= 0 ? `\n${current.slice(next)}` : ''}`
      : `${current.replace(/\s*$/, '\n\n')}${section}`;
  writeFileSync(target, updated);
  process.stdout.write(`wrote ${target}\n`);
}
