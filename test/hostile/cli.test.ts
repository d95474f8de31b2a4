/**
 * Hostile inputs at the CLI's edges (review security-3, D6 D8 D9c D10; issue 24 items 5–8): sheet names that
 * Excel would not take, a cell past Excel's length limit, an output path that is an input, control characters
 * in cell text and file names. Each gets a true sentence or a correct result.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { progressLine } from '../../src/cli/commands/batch';
import { writeAtomically } from '../../src/cli/output';
import { type CheckResult, renderTable } from '../../src/cli/report';
import { inert } from '../../src/cli/terminal';
import { MAX_CELL_TEXT, t } from '../../src/core';
import { loadWorkbook, openWorkbook } from '../../src/xlsx';
import { sampleBytes } from '../helpers/grids';

// Whole CLI runs on the samples; a busy machine can take seconds for one.
jest.setTimeout(60_000);

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s) > 0, err: (s) => err.push(s) > 0 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Raw characters that would steer a terminal (a newline is allowed: the views' own layout). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const UNEXPECTED = /意外错误|unexpected error/;

let dir: string;
const savedLang = process.env['ANNEX_AUDIT_LANG'];

/** The incentive sample with its 附件3 sheet renamed in workbook.xml (as another program may write it). */
function withSheetName(name: string): Uint8Array {
  const z = unzipSync(sampleBytes('incentive-2022.xlsx'));
  const xml = strFromU8(z['xl/workbook.xml'] as Uint8Array);
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
  return zipSync({ ...z, 'xl/workbook.xml': strToU8(xml.replace('name="附件3"', `name="${escaped}"`)) });
}

/** The sample with one 附件4 text cell replaced (via exceljs, so `_x001B_` escapes reach the reader as controls). */
async function withCell(text: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sampleBytes('incentive-2022.xlsx') as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('附件4');
  if (!ws) throw new Error('no 附件4');
  ws.getCell('C11').value = text;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HOSTILE_NAMES = ['a/b\\c', 'x[1]*?:', "'quoted'", 'History', '四十个字符的工作表名称'.repeat(4)];

beforeAll(() => {
  delete process.env['ANNEX_AUDIT_LANG'];
  dir = mkdtempSync(join(tmpdir(), 'annex-hostile-cli-'));
  writeFileSync(join(dir, 'old.xlsx'), sampleBytes('incentive-2022.xlsx'));
  HOSTILE_NAMES.forEach((name, i) => writeFileSync(join(dir, `name-${i}.xlsx`), withSheetName(name)));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedLang === undefined) delete process.env['ANNEX_AUDIT_LANG'];
  else process.env['ANNEX_AUDIT_LANG'] = savedLang;
});

describe('sheet names Excel would not take (D9c): merge and diff -o still write, and say why a name changed', () => {
  it.each(HOSTILE_NAMES.map((name, i) => [name, i] as const))('merge with a sheet named %j', async (name, i) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const out = join(dir, `merged-${i}.xlsx`);
      const r = await run('merge', join(dir, `name-${i}.xlsx`), '-o', out, '--format', 'json');
      expect(r.err).not.toMatch(UNEXPECTED);
      expect(r.code).not.toBe(2);
      const sheets = (await loadWorkbook(readFileSync(out), out)).worksheets.map((w) => w.name);
      const renamed = sheets.find((s) => !['附件1', '附件2', '附件4', '附件5'].includes(s) && !s.startsWith('汇总') && !s.startsWith('校验'));
      expect(renamed).toBeDefined();
      expect(renamed!.length).toBeLessThanOrEqual(31);
      expect(r.err).toBe(t('merge.sheetRenamed', 'zh-CN', { wanted: name, name: renamed!, reason: t('sheetName.illegal', 'zh-CN') }));
      // exceljs's own "exceeds 31 chars" lines never reach the user.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it.each(HOSTILE_NAMES.map((name, i) => [name, i] as const))('diff -o with a sheet named %j', async (name, i) => {
    const out = join(dir, `diff-${i}.xlsx`);
    const r = await run('diff', join(dir, 'old.xlsx'), join(dir, `name-${i}.xlsx`), '-o', out, '--format', 'table');
    expect(r.err).not.toMatch(UNEXPECTED);
    expect(r.err).not.toContain('不符合我们能读取');
    expect(r.code).not.toBe(2);
    expect(r.err).toBe(t('diff.copyIllegalName', 'zh-CN', { file: join(dir, `name-${i}.xlsx`), sheet: name }));
    expect(r.out).toContain(t('diff.writtenAlone', 'zh-CN', { out, sheet: '版本比较' }));
    expect((await loadWorkbook(readFileSync(out), out)).worksheets.map((w) => w.name)).toEqual(['版本比较']);
  });
});

describe('a cell at Excel’s limit (D10): diff -o cuts, marks and says so', () => {
  it('版本比较 never holds more than 32,767 characters in a cell', async () => {
    const base = (await loadWorkbook(sampleBytes('incentive-2022.xlsx'))).getWorksheet('附件4')?.getCell('C11').value as string;
    const newer = join(dir, 'cell-32767.xlsx');
    writeFileSync(newer, await withCell((base + '甲'.repeat(40_000)).slice(0, MAX_CELL_TEXT)));
    const out = join(dir, 'diff-long.xlsx');
    const r = await run('diff', join(dir, 'old.xlsx'), newer, '-o', out, '--format', 'json');
    expect(r.code).toBe(1);
    JSON.parse(r.out);
    expect(r.err).toMatch(/^“.*diff-long\.xlsx”的工作表“版本比较”中有 1 个单元格的文字超过 Excel 的上限 32,767 个字符，已截断并以“…（已截断）”结尾：F4。$/);
    const ws = (await loadWorkbook(readFileSync(out), out)).getWorksheet('版本比较');
    let longest = 0;
    ws?.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? (v as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join('') : '';
        longest = Math.max(longest, text.length);
      }),
    );
    expect(longest).toBe(MAX_CELL_TEXT);
  });
});

describe('never the input (D8): an output that resolves to an input is refused with one sentence', () => {
  let work: string;
  let input: string;
  let before: Buffer;

  beforeEach(() => {
    work = mkdtempSync(join(dir, 'same-'));
    input = join(work, 'a.xlsx');
    writeFileSync(input, sampleBytes('incentive-2022.xlsx'));
    before = readFileSync(input);
    symlinkSync(input, join(work, 'link.xlsx'));
    linkSync(input, join(work, 'hard.xlsx'));
  });

  const variants = (): [string, string][] => [
    ['the same path', input],
    ['another spelling of it', join(work, '.', 'sub', '..', 'a.xlsx')],
    ['a symbolic link to it', join(work, 'link.xlsx')],
    ['a hard link to it', join(work, 'hard.xlsx')],
  ];

  function expectRefused(r: Run, out: string, file: string): void {
    expect(r.code).toBe(2);
    expect(r.err).toBe(t('cli.outputIsInput', 'zh-CN', { out, file }));
    expect(r.out).toBe('');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['a.xlsx', 'hard.xlsx', 'link.xlsx', ...(existsSync(join(work, 'sub')) ? ['sub'] : [])].sort());
  }

  it.each(['summarize', 'clear'] as const)('%s', async (command) => {
    mkdirSync(join(work, 'sub'));
    for (const [, out] of variants()) expectRefused(await run(command, input, '-o', out), out, input);
    // The name without its extension becomes a.xlsx once the copy's extension is added: refused too.
    expectRefused(await run(command, input, '-o', join(work, 'a')), join(work, 'a.xlsx'), input);
  });

  it('merge, also when a folder of inputs holds the output', async () => {
    mkdirSync(join(work, 'sub'));
    for (const [, out] of variants()) expectRefused(await run('merge', input, '-o', out), out, input);
    expectRefused(await run('merge', work, '-o', join(work, 'hard.xlsx')), join(work, 'hard.xlsx'), join(work, 'a.xlsx'));
  });

  it('diff -o, naming either version', async () => {
    mkdirSync(join(work, 'sub'));
    const old = join(dir, 'old.xlsx');
    for (const [, out] of variants()) expectRefused(await run('diff', old, input, '-o', out), out, input);
    const oldBefore = readFileSync(old);
    const r = await run('diff', old, input, '-o', old);
    expect(r.code).toBe(2);
    expect(r.err).toBe(t('cli.outputIsInput', 'zh-CN', { out: old, file: old }));
    expect(readFileSync(old).equals(oldBefore)).toBe(true);
  });

  it('a different file whose name differs only in case (on a file system that keeps case) is written', async () => {
    const upper = join(work, 'A.xlsx');
    writeFileSync(upper, 'old output');
    if (readFileSync(input).equals(readFileSync(upper))) return; // this file system ignores case: covered above
    const r = await run('summarize', input, '-o', upper);
    expect(r.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(openWorkbook(readFileSync(upper), upper).grids.map((g) => g.name)).toContain('校验结果');
  });
});

describe('every output is written to a temporary file and renamed', () => {
  it('a failed write leaves the old file whole and no temporary file behind', async () => {
    const work = mkdtempSync(join(dir, 'atomic-'));
    const out = join(work, 'out.xlsx');
    writeFileSync(out, 'the earlier output');
    const failing = { ...fsp, rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) };
    await expect(writeAtomically(out, new Uint8Array(1000), failing)).rejects.toThrow('disk full');
    expect(readFileSync(out, 'utf8')).toBe('the earlier output');
    expect(readdirSync(work)).toEqual(['out.xlsx']);
  });

  it('a successful write replaces the file and leaves nothing else', async () => {
    const work = mkdtempSync(join(dir, 'atomic-'));
    const out = join(work, 'out.xlsx');
    writeFileSync(out, 'the earlier output');
    const r = await run('summarize', join(dir, 'old.xlsx'), '-o', out);
    expect(r.code).toBe(0);
    expect(readdirSync(work)).toEqual(['out.xlsx']);
    expect(openWorkbook(readFileSync(out), out).grids.map((g) => g.name)).toContain('校验结果');
  });
});

describe('text on a terminal is inert (D6)', () => {
  const PAYLOAD = 'A_x001B_]0;PWNED-TITLE_x0007__x001B_[31mRED\u202eEVIL\nFAKE-LINE';

  it('inert shows controls, DEL, C1 and bidi characters as escapes', () => {
    expect(inert('a\x1b[31mb\x07c\nd\re\tf\x7fg\x9bh\u202ei\u2066j')).toBe('a\\x1b[31mb\\x07c\\nd\\re\\tf\\x7fg\\x9bh\\u202ei\\u2066j');
    expect(inert('附件3 第1项')).toBe('附件3 第1项');
  });

  it('diff --format table shows a cell’s ESC sequence escaped; JSON keeps the text, JSON-escaped', async () => {
    const newer = join(dir, 'ansi.xlsx');
    writeFileSync(newer, await withCell(PAYLOAD));
    const table = await run('diff', join(dir, 'old.xlsx'), newer, '--format', 'table');
    expect(table.out).not.toMatch(RAW_CONTROL);
    expect(table.out).toContain('\\x1b]0;PWNED-TITLE\\x07\\x1b[31mRED\\u202eEVIL↵FAKE-LINE'); // the excerpt shows a newline as ↵
    expect(table.out.split('\n').some((line) => line.startsWith('FAKE-LINE'))).toBe(false);
    const json = await run('diff', join(dir, 'old.xlsx'), newer, '--format', 'json');
    expect(json.out).toContain('\\u001b]0;PWNED-TITLE');
    expect(JSON.stringify(JSON.parse(json.out))).toContain('\\u001b]0;PWNED-TITLE\\u0007');
  });

  it('the check table shows sheet names and messages (which quote cell text) escaped', () => {
    const result = {
      file: 'f\x1b[2J.xlsx',
      profile: null,
      sheets: [{ name: '附件\u202e3', kind: null, headerRow: null, firstDataRow: null, lastDataRow: null }],
      findings: [{ code: 'table/blank-key', severity: 'error', sheet: '附件\u202e3', cell: 'B5', message: '“\x1b]0;T\x07”\nFAKE-LINE' }],
      counts: { error: 1, warning: 0, info: 0 },
    } as unknown as CheckResult;
    const table = renderTable(result, 'zh-CN');
    expect(table).not.toMatch(RAW_CONTROL);
    expect(table).toContain('“\\x1b]0;T\\x07”\\nFAKE-LINE');
    expect(table).toContain('附件\\u202e3');
    expect(table.split('\n').some((line) => line.startsWith('FAKE-LINE'))).toBe(false);
  });

  it('check DIR --format table: file names with ESC or a newline cannot recolour or forge a summary line', async () => {
    const names = mkdtempSync(join(dir, 'names-'));
    writeFileSync(join(names, 'esc-\x1b[31mred.xlsx'), sampleBytes('incentive-2022.xlsx'));
    writeFileSync(join(names, 'line1\nFAKE-LINE.xlsx'), sampleBytes('incentive-2022.xlsx'));
    writeFileSync(join(names, 'broken-\x1b]0;T\x07.xlsx'), 'not a workbook');
    const r = await run('check', names, '--format', 'table', '--jobs', '1');
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.err).not.toMatch(RAW_CONTROL);
    expect(r.out.split('\n').some((line) => line.startsWith('FAKE-LINE'))).toBe(false);
    expect(r.out).toContain('line1\\nFAKE-LINE.xlsx');
    expect(r.out).toContain('esc-\\x1b[31mred.xlsx');
    expect(r.err).toContain('broken-\\x1b]0;T\\x07.xlsx');
    // header + 3 files + blank + total
    expect(r.out.split('\n')).toHaveLength(6);
    const single = await run('check', join(names, 'esc-\x1b[31mred.xlsx'), '--format', 'table');
    expect(single.out).not.toMatch(RAW_CONTROL);
    expect(single.out.split('\n')[0]).toContain('esc-\\x1b[31mred.xlsx');
  });

  it('the progress line shows the file name escaped; only our own \\r\\x1b[K stays raw', () => {
    const line = progressLine(1, 2, 'x\x1b]0;T\x07\ny.xlsx', 'zh-CN');
    expect(line.startsWith('\r\x1b[K')).toBe(true);
    expect(line.slice(4)).not.toMatch(RAW_CONTROL);
    expect(line).toContain('x\\x1b]0;T\\x07\\ny.xlsx');
  });

  it('messages on stderr that name a file show it escaped', async () => {
    const missing = join(dir, 'gone-\x1b[2J.xlsx');
    for (const argv of [
      ['check', missing, '--format', 'json'],
      ['summarize', missing, '-o', join(dir, 'x.xlsx')],
      ['diff', missing, join(dir, 'old.xlsx')],
      ['merge', missing, '-o', join(dir, 'x.xlsx')],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('gone-\\x1b[2J.xlsx');
      expect(r.err).not.toMatch(RAW_CONTROL);
    }
  });
});
