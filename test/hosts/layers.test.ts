/**
 * One host layer (issue 20 item 7): what the Office.js adapter (src/excel) and the WPS adapter (src/wps) share —
 * address helpers, grid assembly, the self-test's steps, runner and renderer, errors and notes — lives once in
 * src/hosts; the adapters never import each other (lint zones in eslint.config.mjs), and neither keeps a copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ExcelAdapterError } from '../../src/excel';
import { HostAdapterError, type HostNote, renderHostNote } from '../../src/hosts/errors';
import { listParam } from '../../src/core/i18n/lists';
import { SELF_TEST_STEPS } from '../../src/hosts/selfTest';
import { renderExcelNote } from '../../src/excel/messages';
import { renderWpsNote, WpsAdapterError } from '../../src/wps';

const ROOT = join(__dirname, '..', '..');
const sources = (dir: string) =>
  readdirSync(join(ROOT, 'src', dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `src/${dir}/${f}`, text: readFileSync(join(ROOT, 'src', dir, f), 'utf8') }));

describe('one host layer', () => {
  it('the adapters import neither each other nor the pane; src/hosts imports no adapter', () => {
    for (const { file, text } of sources('excel')) expect({ file, bad: /from '\.\.\/(wps|taskpane)\b/.test(text) }).toEqual({ file, bad: false });
    for (const { file, text } of sources('wps')) expect({ file, bad: /from '\.\.\/(excel|taskpane)\b/.test(text) }).toEqual({ file, bad: false });
    for (const { file, text } of sources('hosts')) expect({ file, bad: /from '\.\.\/(excel|wps|taskpane|xlsx|cli)\b/.test(text) }).toEqual({ file, bad: false });
  });

  it('no parallel copies: the self-test runner, errors, notes, addresses and grid assembly are defined in src/hosts only', () => {
    const copies = [
      /class Mismatch\b/,
      /export const SELF_TEST_STEPS\b/,
      /export function webviewOf\b/,
      /function rectA1\b/,
      /function rangeAddress\b/,
      /function addressChunks\b/,
      /function cellsToRects\b/,
      /\.cause \? render\w*Note\(/,
      /const reason = note\.cause/,
      /while \(end > 0 && vs\[end - 1\] === null/,
    ];
    for (const { file, text } of [...sources('excel'), ...sources('wps')]) for (const re of copies) expect({ file, copy: re.test(text) ? String(re) : null }).toEqual({ file, copy: null });
    expect(SELF_TEST_STEPS).toContain('freeze');
  });

  it('both adapters\' errors are HostAdapterErrors, and their notes render through the one renderer', () => {
    const e = new ExcelAdapterError('timeout', { seconds: 60 });
    const w = new WpsAdapterError('timeout', { seconds: 120 });
    expect(e).toBeInstanceOf(HostAdapterError);
    expect(w).toBeInstanceOf(HostAdapterError);
    expect(w.userMessage('en-US')).toContain('120 seconds');
    expect(renderExcelNote).toBe(renderHostNote);
    expect(renderWpsNote).toBe(renderHostNote);
  });

  it('a note\'s parameters are typed per key like t()\'s; its {reason} comes from its cause', () => {
    const cause: HostNote = { key: 'wps.timeout', params: { seconds: 30 } };
    const notes: HostNote[] = [
      { key: 'wps.note.summariesFailed', params: { sheets: listParam(['汇总-研判统计', '校验结果']) }, cause },
      // @ts-expect-error — `sheets` is missing
      { key: 'wps.note.summariesFailed', params: {} },
      // @ts-expect-error — `sheet` is not a parameter of wps.note.summariesFailed
      { key: 'wps.note.summariesFailed', params: { sheets: 'x', sheet: 'y' } },
    ];
    expect(renderHostNote(notes[0]!, 'en-US')).toMatch(/^The summary sheets were not completed: "汇总-研判统计, 校验结果" may be incomplete.*Reason: .*30/);
  });

  it.each([
    ['src/excel/probe.ts', "import { wpsApplication } from '../wps/host';\nexport const x = wpsApplication;\n"],
    ['src/wps/probe.ts', "import { runExcel } from '../excel/run';\nexport const x = runExcel;\n"],
    ['src/hosts/probe.ts', "import { runExcel } from '../excel/run';\nexport const x = runExcel;\n"],
  ])('the lint zones refuse %s importing across', (filePath, code) => {
    // ESLint in a child process: its flat config is an ES module, which jest's VM cannot import.
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  }, 60_000);
});
