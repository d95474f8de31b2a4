/**
 * Reader comparison: exceljs 4.4 against SheetJS CE 0.20.3 (`@e965/xlsx`) on ../shared/corpus-cases and
 * the samples — read or not, time, peak memory, merged areas and number formats kept — each file in a
 * child process with a 60 s limit (exceljs hangs on whole-sheet validations). Plus the CLI's `check`
 * before and after (BASE_CLI=path/to/old/dist/cli/main.js) and the gzipped size of each library as the
 * pane would load it on demand. Prints markdown; `--write` puts it into docs/benchmarks.md between the
 * READERS markers. Run: `npm run build && npx tsx scripts/bench-readers.ts --write`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus-cases');
const files = [
  ...readdirSync(CORPUS)
    .filter((f) => /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(f))
    .map((f) => join(CORPUS, f)),
  join(ROOT, 'samples', 'incentive-2022.xlsx'),
  join(ROOT, 'samples', 'keywork-2024.xlsx'),
];

const EXCELJS = `
const E = require('exceljs'); const f = process.argv[1]; const t0 = performance.now();
new E.Workbook().xlsx.readFile(f).then((wb) => {
  let merges = 0, formats = 0, cells = 0;
  for (const ws of wb.worksheets) { merges += (ws.model.merges || []).length;
    ws.eachRow((row) => row.eachCell((c) => { cells++; if (c.numFmt && c.numFmt !== 'General') formats++; })); }
  const ok = wb.worksheets.length > 0;
  console.log(JSON.stringify({ ok, ms: performance.now() - t0, mb: process.resourceUsage().maxRSS / 1024, merges, formats, cells, err: ok ? '' : 'no sheets' }));
}, (e) => console.log(JSON.stringify({ ok: false, err: String(e.message).slice(0, 60) })));`;

const SHEETJS = `
const X = require('@e965/xlsx'); const f = process.argv[1]; const t0 = performance.now();
try { const wb = X.read(require('fs').readFileSync(f), { dense: true, cellNF: true, cellFormula: true });
  let merges = 0, formats = 0, cells = 0;
  for (const n of wb.SheetNames) { const ws = wb.Sheets[n]; merges += (ws['!merges'] || []).length;
    for (const r of ws['!data'] || []) for (const c of r || []) if (c) { cells++; if (c.z && c.z !== 'General') formats++; } }
  console.log(JSON.stringify({ ok: true, ms: performance.now() - t0, mb: process.resourceUsage().maxRSS / 1024, merges, formats, cells }));
} catch (e) { console.log(JSON.stringify({ ok: false, err: String(e.message).slice(0, 60) })); }`;

interface Result {
  ok: boolean;
  ms?: number;
  mb?: number;
  merges?: number;
  formats?: number;
  cells?: number;
  err?: string;
}

function run(script: string, file: string): Result {
  const r = spawnSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 20 });
  if (r.error || r.signal) return { ok: false, err: 'killed after 60 s' };
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Result;
  } catch {
    return { ok: false, err: 'crashed' };
  }
}

function cell(r: Result): string {
  if (!r.ok) return `✗ ${r.err ?? ''}`;
  return `${Math.round(r.ms ?? 0)} ms, ${Math.round(r.mb ?? 0)} MB, ${r.merges} merges, ${r.formats} fmt`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

type CliTiming = { ms: number; mb: number; code: number | null };

/**
 * `check FILE --format json` wall time and peak RSS with each CLI entry, median of 9 runs taken in turn
 * (before, now, before, now …) so that load from other jobs on a shared machine falls on both alike.
 */
function cliRuns(entries: readonly string[], file: string, runs = 9): CliTiming[] {
  const wrapper = `require(process.argv[2]).main(['check',process.argv[1],'--format','json'],{out(){},err(){}}).then((c)=>{console.log(JSON.stringify({c,mb:process.resourceUsage().maxRSS/1024}))})`;
  const acc = entries.map(() => ({ times: [] as number[], mb: 0, code: null as number | null, killed: false }));
  for (let i = 0; i < runs; i++) {
    entries.forEach((entry, k) => {
      const a = acc[k];
      if (!a || a.killed) return;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-e', wrapper, file, entry], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      if (r.error || r.signal) {
        a.killed = true;
        return;
      }
      a.times.push(performance.now() - t0);
      try {
        const m = JSON.parse(r.stdout.trim()) as { c: number; mb: number };
        a.mb = Math.max(a.mb, m.mb);
        a.code = m.c;
      } catch {
        /* no output */
      }
    });
  }
  return acc.map((a) => (a.killed ? { ms: 60_000, mb: NaN, code: null } : { ms: median(a.times), mb: a.mb, code: a.code }));
}

function bundleKb(pkgEntry: string): number {
  return gzipSync(readFileSync(require.resolve(pkgEntry))).length / 1024;
}

function main(): void {
  const lines: string[] = [];
  lines.push('<!-- READERS:START (written by `npx tsx scripts/bench-readers.ts --write`) -->');
  lines.push('## Reader: exceljs or SheetJS CE (measured, issue 12)');
  lines.push('');
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}. Run on ${new Date().toISOString().slice(0, 10)}.`);
  lines.push('Each file read in its own process (60 s limit): time to read, peak RSS of the process, merged areas and cells with a number format kept.');
  lines.push('');
  lines.push('| file | size | exceljs 4.4.0 | SheetJS CE 0.20.3 (`@e965/xlsx`) |');
  lines.push('|---|---:|---|---|');
  let okE = 0;
  let okS = 0;
  for (const f of files) {
    const e = run(EXCELJS, f);
    const s = run(SHEETJS, f);
    if (e.ok) okE++;
    if (s.ok) okS++;
    lines.push(`| ${basename(f).slice(0, 48)} | ${Math.round(statSync(f).size / 1024)} KB | ${cell(e)} | ${cell(s)} |`);
    process.stderr.write('.');
  }
  lines.push(`| **read** | | **${okE} of ${files.length}** | **${okS} of ${files.length}** |`);
  lines.push('');
  const sheetjsKb = bundleKb('@e965/xlsx/dist/xlsx.full.min.js');
  const exceljsKb = bundleKb('exceljs/dist/exceljs.min.js');
  lines.push(`Library size gzipped, as a browser build: exceljs ${exceljsKb.toFixed(0)} KB, SheetJS CE ${sheetjsKb.toFixed(0)} KB (full build with codepages; the pane's on-demand \`files\` chunk is reported by \`npm run bench\`).`);
  lines.push('exceljs fails on prefixed namespaces, address-less cells, .xls/.xlsb/.ods (it reports an empty workbook for two of them) and hangs on whole-sheet validations and 50,000 merges; SheetJS reads all, keeps merges and number formats, and never expands validations. Chosen: SheetJS CE for reading; writing adds our parts to the original package (src/xlsx/ooxml), so neither library re-serialises a user\'s workbook.');
  lines.push('');
  const base = process.env['BASE_CLI'];
  const current = join(ROOT, 'dist', 'cli', 'main.js');
  const cliFiles = [
    join(ROOT, 'samples', 'incentive-2022.xlsx'),
    join(ROOT, 'samples', 'keywork-2024.xlsx'),
    join(CORPUS, 'test-data__spreadsheet__57893-many-merges.xlsx'),
    join(CORPUS, 'spec__integration__data__test-issue-877.xlsx'),
    join(CORPUS, 'sample-with-whole-column-validation.xlsx'),
    join(CORPUS, 'spec__integration__data__test-issue-1842.xlsx'),
  ];
  lines.push('`annex-audit check FILE --format json`, whole process (start-up included), median of 9 runs taken in turn, peak RSS:');
  lines.push('');
  lines.push(`| file | ${base && existsSync(base) ? 'before (exceljs reader, main 42c4fb9) | ' : ''}now (SheetJS reader) |`);
  lines.push(`|---|${base && existsSync(base) ? '---|' : ''}---|`);
  const withBase = base !== undefined && existsSync(base);
  const fmt = (r: CliTiming) => (r.code === null ? '✗ killed after 60 s' : `${Math.round(r.ms)} ms, ${Math.round(r.mb)} MB (exit ${r.code})`);
  for (const f of cliFiles) {
    const [first, second] = cliRuns(withBase ? [base, current] : [current], f);
    lines.push(`| ${basename(f).slice(0, 48)} | ${withBase && first && second ? `${fmt(first)} | ${fmt(second)}` : first ? fmt(first) : ''} |`);
    process.stderr.write('.');
  }
  lines.push('<!-- READERS:END -->');
  const block = lines.join('\n');
  process.stdout.write(`${block}\n`);
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'docs', 'benchmarks.md');
    const doc = readFileSync(file, 'utf8');
    const next = /<!-- READERS:START[\s\S]*?<!-- READERS:END -->/.test(doc)
      ? doc.replace(/<!-- READERS:START[\s\S]*?<!-- READERS:END -->/, block)
      : doc.replace(/\n## Batch check/, `\n${block}\n\n## Batch check`);
    writeFileSync(file, next);
  }
}

main();
