/**
 * The CLI through `main(argv, io)`: the JSON contract of DESIGN.md, exit codes, languages, the table view,
 * and one clear sentence (never a stack trace) for files that cannot be read and for bad arguments.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { FINDINGS, type FindingCode } from '../../src/core';
import { type CellValue, type Grid, isErrorValue } from '../../src/core/grid';
import { makeGrid, SAMPLES, sampleBytes } from '../helpers/grids';

// Several files are checked in worker threads: bounded by what a hang would be, not by how fast a loaded machine is.
jest.setTimeout(120_000);

const SAMPLE = join(SAMPLES, 'incentive-2022.xlsx');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  // main's io type is inferred from its default (process.stdout.write), so the sinks return a boolean.
  const code = await main(argv, {
    out: (s) => out.push(s) > 0,
    err: (s) => err.push(s) > 0,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json(...argv: string[]): Promise<{ code: number; body: unknown; err: string }> {
  const r = await run('check', ...argv, '--format', 'json');
  return { code: r.code, body: JSON.parse(r.out) as unknown, err: r.err };
}

interface FindingJson {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  sheet: string;
  cell: string;
  message: string;
  expected?: string | number;
  actual?: string | number;
  related?: { sheet: string; cell: string }[];
}

interface ResultJson {
  file: string;
  profile: string | null;
  sheets: { name: string; kind: string | null; headerRow: number | null; firstDataRow: number | null; lastDataRow: number | null }[];
  findings: FindingJson[];
  counts: { error: number; warning: number; info: number };
}

/** A message rendered from the catalogue template of its code, in the given language. */
function templateRegex(code: FindingCode, lang: 'zh-CN' | 'en-US'): RegExp {
  const t = FINDINGS[code].message[lang];
  const escaped = t.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, '[\\s\\S]*')}$`);
}

// ── workbooks written for the tests ─────────────────────────────────────────────────────────────────

let dir: string;
const savedLang = process.env['ANNEX_AUDIT_LANG'];

async function writeWorkbook(path: string, grids: readonly Grid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c] ?? null;
        if ((v === null || v === undefined) && f === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (f !== null) cell.value = { formula: f, result: v as number };
        else cell.value = isErrorValue(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : (v as string | number | boolean);
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  await wb.xlsx.writeFile(path);
}

function smallAnnexes(tally: CellValue[] = ['州发改委', 2, null, 1, 1, null]): Grid[] {
  return [
    makeGrid(
      '附件1',
      [
        ['附件1'],
        ['2022年省政府真抓实干激励事项研判统计表', null, null, null, null, null],
        ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '不太可能'],
        ['合  计', 2, 0, 1, 1, 0],
        tally,
      ],
      ['A2:F2'],
      { B4: 'SUM(B5:B5)', C4: 'SUM(C5:C5)', D4: 'SUM(D5:D5)', E4: 'SUM(E5:E5)', F4: 'SUM(F5:F5)' },
    ),
    makeGrid(
      '附件3',
      [
        ['附件3'],
        ['2022年省政府真抓实干激励事项研判分析表（统计截止10月10日）'],
        ['牵头单位', '序  号', '激励事项', '激励名额', '州直研判情况', '2021年获激励情况', '2020年获激励情况'],
        ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大', '花垣县', '×'],
        [null, '第3项', '营商环境', '4个市州\n10个县市', '有可能', '×', '——'],
      ],
      ['A2:G2', 'A4:A5'],
    ),
    makeGrid(
      '附件4',
      [
        ['附件4'],
        ['2022年省政府真抓实干激励事项进展情况（统计截止10月10日）', null, null, null, null],
        ['牵头单位', '激励事项', '最新进展', '存在问题', '与上级部门对接情况'],
        ['州发改委', '高质量发展', '共有考核指标10项，截止目前已完成2项，未完成8项。', '无', '9月2日，到省发改委汇报。'],
        ['州发改委', '营商环境', '县市完成率均超过九成，差距较小。', '无', '7月26日，到省发改委对接。'],
      ],
      ['A2:E2'],
    ),
  ];
}

let CLEAN: string;
let WARN_ONLY: string;
let WITH_ERROR: string;

beforeAll(async () => {
  delete process.env['ANNEX_AUDIT_LANG'];
  dir = mkdtempSync(join(tmpdir(), 'annex-cli-'));
  CLEAN = join(dir, 'clean.xlsx');
  WARN_ONLY = join(dir, 'warn-only.xlsx');
  WITH_ERROR = join(dir, 'with-error.xlsx');
  await writeWorkbook(CLEAN, smallAnnexes());
  const warn = smallAnnexes();
  const progressRows = warn[2]?.values as CellValue[][];
  (progressRows[4] as CellValue[])[4] = '9月1月—2日，到省发改委对接。';
  await writeWorkbook(WARN_ONLY, warn);
  await writeWorkbook(WITH_ERROR, smallAnnexes(['州发改委', 3, null, 1, 1, null]));
});

afterAll(() => {
  if (savedLang === undefined) delete process.env['ANNEX_AUDIT_LANG'];
  else process.env['ANNEX_AUDIT_LANG'] = savedLang;
  rmSync(dir, { recursive: true, force: true });
});

// ── the JSON contract ───────────────────────────────────────────────────────────────────────────────

describe('check --format json', () => {
  it('follows the contract exactly, with no params field', async () => {
    const { body } = await json(SAMPLE);
    const r = body as ResultJson;
    expect(Object.keys(r).sort()).toEqual(['counts', 'file', 'findings', 'profile', 'sheets']);
    expect(r.file).toBe(SAMPLE);
    expect(r.profile).toBe('incentive');
    for (const s of r.sheets) expect(Object.keys(s).sort()).toEqual(['firstDataRow', 'headerRow', 'kind', 'lastDataRow', 'name']);
    expect(Object.keys(r.counts).sort()).toEqual(['error', 'info', 'warning']);
    expect(r.findings.length).toBeGreaterThan(0);
    const allowed = ['actual', 'cell', 'code', 'expected', 'message', 'related', 'severity', 'sheet'];
    for (const f of r.findings) {
      expect(f).not.toHaveProperty('params');
      for (const k of Object.keys(f)) expect(allowed).toContain(k);
      for (const k of ['code', 'severity', 'sheet', 'cell', 'message']) expect(f).toHaveProperty(k);
      expect(Object.keys(FINDINGS)).toContain(f.code);
      expect(f.severity).toBe(FINDINGS[f.code].severity);
      expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
      expect(r.sheets.map((s) => s.name)).toContain(f.sheet);
      for (const rel of f.related ?? []) expect(Object.keys(rel).sort()).toEqual(['cell', 'sheet']);
    }
  });

  it('counts agree with the findings', async () => {
    const r = (await json(SAMPLE)).body as ResultJson;
    const n = (s: string) => r.findings.filter((f) => f.severity === s).length;
    expect(r.counts).toEqual({ error: n('error'), warning: n('warning'), info: n('info') });
  });

  it('describes the sample sheets with 1-based rows', async () => {
    const r = (await json(SAMPLE)).body as ResultJson;
    expect(r.sheets.map((s) => [s.name, s.kind, s.headerRow, s.lastDataRow])).toEqual([
      ['附件1', 'rating-tally', 4, 31],
      ['附件2', 'unit-key-items', 4, 15],
      ['附件3', 'incentive-analysis', 4, 69],
      ['附件4', 'progress-report', 3, 68],
      ['附件5', 'liaison-log', 4, 102],
    ]);
    for (const s of r.sheets) expect(s.firstDataRow).toBeGreaterThan(s.headerRow ?? Infinity);
  });

  it('writes JSON only to stdout and nothing to stderr', async () => {
    const r = await run('check', SAMPLE, '--format', 'json');
    expect(r.err).toBe('');
    expect(() => JSON.parse(r.out) as unknown).not.toThrow();
  });
});

// ── exit codes ──────────────────────────────────────────────────────────────────────────────────────

describe('exit codes', () => {
  it('exits 1 on the incentive sample, which has error findings', async () => {
    const { code, body } = await json(SAMPLE);
    expect((body as ResultJson).counts.error).toBeGreaterThan(0);
    expect(code).toBe(1);
  });

  it('exits 0 on a clean workbook written with exceljs', async () => {
    const { code, body } = await json(CLEAN);
    const r = body as ResultJson;
    expect(r.profile).toBe('incentive');
    expect(r.sheets.map((s) => s.kind)).toEqual(['rating-tally', 'incentive-analysis', 'progress-report']);
    expect(r.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('exits 0 when there are warnings but no errors', async () => {
    const { code, body } = await json(WARN_ONLY);
    const r = body as ResultJson;
    expect(r.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual(['cell/malformed-date 附件4!E5']);
    expect(code).toBe(0);
  });

  it('exits 1 on a workbook with one error, naming its cell', async () => {
    const { code, body } = await json(WITH_ERROR);
    const r = body as ResultJson;
    expect(r.findings.find((f) => f.code === 'tally/row-sum')).toMatchObject({ sheet: '附件1', cell: 'B5', expected: 2, actual: 3 });
    expect(code).toBe(1);
  });

  it('--no-guarantee turns the 必有1个名额 convention off', async () => {
    const on = (await json(SAMPLE)).body as ResultJson;
    const off = (await json(SAMPLE, '--no-guarantee')).body as ResultJson;
    expect(on.findings.filter((f) => f.code === 'cross/tally-mismatch')).toEqual([]);
    expect(off.findings.filter((f) => f.code === 'cross/tally-mismatch').length).toBeGreaterThan(0);
  });

  it('--settings FILE: the settings object the pane stores, applied to every file; bad entries become findings', async () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ guaranteedQuotaIsVeryLikely: false, year: 1800 }));
    const r = (await json(SAMPLE, '--settings', file)).body as ResultJson;
    expect(r.findings.filter((f) => f.code === 'cross/tally-mismatch').length).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.code === 'settings/invalid').map((f) => f.message)).toEqual([expect.stringContaining('year')]);
  });

  it('--settings with a column mapping places a header worded differently', async () => {
    const grids = [
      makeGrid('附件1', [
        ['2022年激励事项研判统计表'],
        ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '第四档'],
        ['州发改委', 3, 1, 1, 0, 0],
      ]),
    ];
    const book = join(dir, 'mapped.xlsx');
    await writeWorkbook(book, grids);
    const plain = (await json(book)).body as ResultJson;
    expect(plain.findings.map((f) => f.code)).toContain('structure/column-missing');
    expect(plain.findings.map((f) => f.code)).not.toContain('tally/row-sum');
    const file = join(dir, 'map.json');
    writeFileSync(file, JSON.stringify({ columnMap: { 'rating-tally': { 第四档: 'unlikely' } } }));
    const mapped = await json(book, '--settings', file);
    const codes = (mapped.body as ResultJson).findings.map((f) => f.code);
    expect(codes).not.toContain('structure/column-missing');
    expect(codes).toContain('tally/row-sum');
    expect(mapped.code).toBe(1);
  });

  it('--settings with a file that is not JSON: exit 2 and one sentence', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ not json');
    const r = await run('check', SAMPLE, '--settings', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('设置文件');
    expect(r.err).not.toMatch(/at .*\.ts|SyntaxError/);
  });
});

// ── languages ───────────────────────────────────────────────────────────────────────────────────────

describe('--lang', () => {
  it('renders every message from its zh-CN template by default', async () => {
    const r = (await json(SAMPLE)).body as ResultJson;
    for (const f of r.findings) expect(f.message).toMatch(templateRegex(f.code, 'zh-CN'));
  });

  it('--lang en-US gives English messages for the same findings', async () => {
    const zh = (await json(SAMPLE)).body as ResultJson;
    const en = (await json(SAMPLE, '--lang', 'en-US')).body as ResultJson;
    expect(en.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual(zh.findings.map((f) => [f.code, f.sheet, f.cell]));
    for (const f of en.findings) {
      expect(f.message).toMatch(templateRegex(f.code, 'en-US'));
      expect(f.message).not.toMatch(templateRegex(f.code, 'zh-CN'));
    }
    const date = en.findings.find((f) => f.code === 'cell/invalid-date');
    expect(date?.message).toBe('The date "28月16日" does not exist (year 2022).');
  });

  it('--lang=en-US (inline value) works too', async () => {
    const r = await run('check', CLEAN, '--lang=en-US', '--format=table');
    expect(r.out).toContain('No findings.');
    expect(r.code).toBe(0);
  });
});

// ── the table view ──────────────────────────────────────────────────────────────────────────────────

describe('--format table', () => {
  it('groups findings by sheet, in workbook order, each under its sheet heading', async () => {
    const data = (await json(SAMPLE)).body as ResultJson;
    const r = await run('check', SAMPLE, '--format', 'table');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const sections = new Map<string, string[]>();
    let current: string | null = null;
    for (const line of lines) {
      const h = /^── 工作表“(.+?)”/.exec(line);
      if (h) {
        current = h[1] ?? null;
        if (current !== null) sections.set(current, []);
        continue;
      }
      const code = line.trim();
      if (current !== null && /^[a-z]+\/[a-z-]+$/.test(code)) sections.get(current)?.push(code);
    }
    const sheetsWithFindings = data.sheets.map((s) => s.name).filter((n) => data.findings.some((f) => f.sheet === n));
    expect([...sections.keys()]).toEqual(sheetsWithFindings);
    for (const [sheet, codes] of sections) {
      expect(codes).toEqual(data.findings.filter((f) => f.sheet === sheet).map((f) => f.code));
    }
    expect(r.out).toContain('── 工作表“附件4”（进展情况（附件4））');
    expect(r.out).toContain(`共 ${data.counts.error} 个错误、${data.counts.warning} 个警告、${data.counts.info} 条提示。`);
  });

  it('shows each finding with its cell and message on one line', async () => {
    const r = await run('check', SAMPLE, '--format', 'table');
    const line = r.out.split('\n').find((l) => l.includes('28月16日'));
    expect(line).toMatch(/错误\s+E60\s+日期“28月16日”不存在（2022年）。/);
  });

  it('says so when there is nothing to report', async () => {
    const r = await run('check', CLEAN, '--format', 'table');
    expect(r.out).toContain('未发现问题。');
    expect(r.out).not.toContain('── 工作表');
  });
});

// ── several files ───────────────────────────────────────────────────────────────────────────────────

describe('several files', () => {
  it('gives a JSON array, one result per file in order', async () => {
    const { code, body } = await json(SAMPLE, CLEAN);
    expect(Array.isArray(body)).toBe(true);
    const rs = body as ResultJson[];
    expect(rs.map((r) => r.file)).toEqual([SAMPLE, CLEAN]);
    expect(rs[1]?.findings).toEqual([]);
    expect(code).toBe(1);
  });

  it('reports an unreadable file on stderr, checks the others, and exits 2', async () => {
    const missing = join(dir, 'missing.xlsx');
    const r = await run('check', CLEAN, missing, '--format', 'json');
    const rs = JSON.parse(r.out) as (ResultJson | { file: string; error: string })[];
    expect(rs.map((x) => x.file)).toEqual([CLEAN, missing]);
    expect(rs[1]).toEqual({ file: missing, error: `找不到文件“${missing}”。` });
    expect(r.err).toBe(`找不到文件“${missing}”。`);
    expect(r.code).toBe(2);
  });
});

// ── files that cannot be read, bad arguments ─────────────────────────────────────────────────────────

function expectOneClearSentence(err: string, mustContain: string): void {
  const first = err.split('\n')[0] ?? '';
  expect(first).toMatch(/[\u4e00-\u9fff]/);
  expect(first).toMatch(/。$/);
  expect(first).toContain(mustContain);
  expect(err).not.toMatch(/^\s*at /m);
  expect(err).not.toMatch(/Error:/);
  expect(err).not.toMatch(/\.ts:\d+|\.js:\d+/);
}

describe('a file that cannot be read: exit 2, one Chinese sentence, no stack trace', () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  async function check(file: string): Promise<Run> {
    const r = await run('check', file, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    return r;
  }

  it('a missing file', async () => {
    const file = join(dir, 'nope.xlsx');
    expectOneClearSentence((await check(file)).err, `找不到文件“${file}”`);
  });

  it('a text file renamed .xlsx', async () => {
    const file = join(dir, 'notes.xlsx');
    writeFileSync(file, '这不是工作簿，只是一段文字。\n');
    expectOneClearSentence((await check(file)).err, '是文本文件；如果是逗号分隔的表格，请把扩展名改为 .csv');
  });

  it('a truncated copy of the sample (first half of the bytes)', async () => {
    const bytes = sampleBytes('incentive-2022.xlsx');
    const file = join(dir, 'truncated.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // The true reason, in words a clerk can act on: the file stops short (never "damaged").
    expectOneClearSentence((await check(file)).err, '不完整：文件在工作簿结束之前就断了');
  });

  it('an encrypted workbook (OLE file with an EncryptionInfo stream)', async () => {
    const file = join(dir, 'locked.xlsx');
    writeFileSync(file, Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(1024)]));
    expectOneClearSentence((await check(file)).err, '已加密');
  });

  it('an OLE file that is no Excel 97–2003 workbook (a real .xls is read: test/files/formats.test.ts)', async () => {
    const file = join(dir, 'old.xls');
    writeFileSync(file, Buffer.concat([OLE, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(1024)]));
    expectOneClearSentence((await check(file)).err, '不是可读取的 Excel 97–2003 工作簿');
  });

  it('an empty file', async () => {
    const file = join(dir, 'empty.xlsx');
    writeFileSync(file, Buffer.alloc(0));
    expectOneClearSentence((await check(file)).err, '是空文件（0 字节）');
  });

  it.each([
    ['a PDF', 'scan.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), '是 PDF 文件，不是电子表格'],
    ['an image', 'photo.xls', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '不是电子表格，无法检查'],
  ])('%s', async (_label, name, bytes, sentence) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    expectOneClearSentence((await check(file)).err, sentence);
  });

  it('a Word document and a plain zip archive', async () => {
    const { zipSync } = await import('fflate');
    const docx = join(dir, 'report.xlsx');
    writeFileSync(docx, zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode('<w:document/>') }));
    expectOneClearSentence((await check(docx)).err, '是 Word 文档，不是电子表格');
    const archive = join(dir, 'all.xlsx');
    writeFileSync(archive, zipSync({ 'a.txt': new TextEncoder().encode('hi') }));
    expectOneClearSentence((await check(archive)).err, '是压缩包，不是工作簿');
  });
});

describe('bad arguments: exit 2 with a clear sentence, then the usage', () => {
  it.each([
    [['check', 'x.xlsx', '--format', 'xml'], '选项“--format”的值“xml”无效。'],
    [['check', '--format=csv', 'x.xlsx'], '选项“--format”的值“csv”无效。'],
    [['check', 'x.xlsx', '--lang', 'fr'], '选项“--lang”的值“fr”无效。'],
    [['check', 'x.xlsx', '--format'], '选项“--format”的值“”无效。'],
    [['check', '--bogus', 'x.xlsx'], '未知选项“--bogus”。'],
    [['check'], '请指定要检查的工作簿文件（.xlsx、.xls、.xlsb、.ods、.csv 等）或目录。'],
    [['frobnicate'], '未知命令“frobnicate”。'],
  ])('%j', async (argv, sentence) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe(sentence);
    expect(r.err).toContain('用法');
    expectOneClearSentence(r.err, sentence);
  });

  it('does not read any file when an option is bad', async () => {
    const r = await run('check', SAMPLE, '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('prints the usage on --help and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('annex-audit check');
  });
});
