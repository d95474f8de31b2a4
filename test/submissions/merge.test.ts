/**
 * merge: per-unit splits of the samples (built here) merge back into the sample's rows, cell for cell,
 * with the same findings; every row names its source file; duplicates across files are findings (an
 * identical row is kept once, a conflicting one is kept twice), never a silent overwrite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { auditWorkbook, messageOf, renderedFinding, resolveSettings } from '../../src/core';
import type { CellValue, Grid } from '../../src/core/grid';
import { mergeSubmissions, PROVENANCE_HEADER, templateWorkbook } from '../../src/core/submissions';
import { readGrids } from '../../src/xlsx';
import { buildTemplateWorkbook } from '../../src/xlsx/template';
import { makeGrid, sampleGrids } from '../helpers/grids';
import { INCENTIVE, type Row, typeRows } from './data';
import { run, splitSubmissions, tempDir, trimmed, writeGrids } from './support';

// Writes workbooks and runs the CLI over several files: bounded by what a hang would be, not by jest's 5 s default
// (which a loaded machine exceeds, in the hooks too).
jest.setTimeout(120_000);

interface CheckJson {
  file: string;
  findings: { code: string; severity: string; sheet: string; cell: string; message: string }[];
  counts: { error: number; warning: number; info: number };
}

const key = (f: CheckJson['findings'][number]) => `${f.code} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`;

function withoutColumn(values: readonly (readonly CellValue[])[], col: number): CellValue[][] {
  return values.map((r) => r.filter((_, c) => c !== col));
}

describe.each([
  ['incentive-2022.xlsx', 4],
  ['keywork-2024.xlsx', 3],
] as const)('merging %s split into %d submissions', (sample, parts) => {
  let dir: string;
  let files: string[];
  let sampleCheck: CheckJson;
  let merged: CheckJson;
  let code: number;
  let out: string;
  let original: Grid[];
  let result: Grid[];

  beforeAll(async () => {
    dir = tempDir();
    original = await sampleGrids(sample);
    const split = splitSubmissions(original, parts);
    files = [];
    for (let i = 0; i < split.length; i++) files.push(await writeGrids(join(dir, `part${i + 1}.xlsx`), split[i]!));
    out = join(dir, 'merged.xlsx');
    const r = await run('merge', ...files, '-o', out, '--format', 'json');
    code = r.code;
    merged = JSON.parse(r.out) as CheckJson;
    sampleCheck = JSON.parse((await run('check', join(__dirname, '..', '..', 'samples', sample), '--format', 'json')).out) as CheckJson;
    result = await readGrids(readFileSync(out), out);
  });

  it('the split really splits: each part has fewer data rows than the sample', async () => {
    const rows = (gs: Grid[]) => auditWorkbook(gs).sheets.reduce((a, s) => a + (s.lastDataRow !== null && s.firstDataRow !== null && s.kind !== 'report-text' ? s.lastDataRow - s.firstDataRow + 1 : 0), 0);
    const total = rows(original);
    for (const f of files) expect(rows(await readGrids(readFileSync(f), f))).toBeLessThan(total);
  });

  it('gives back the sample\'s rows: every annex sheet equal cell for cell, apart from the 来源文件 column', () => {
    for (const g of original) {
      const m = result.find((x) => x.name === g.name);
      expect(m).toBeDefined();
      const header = m!.values.findIndex((r) => r.includes(PROVENANCE_HEADER));
      const prov = header >= 0 ? m!.values[header]!.indexOf(PROVENANCE_HEADER) : -1;
      const values = prov >= 0 ? withoutColumn(m!.values, prov) : m!.values;
      expect(trimmed(values)).toEqual(trimmed(g.values));
      const formulas = (x: Grid) => x.formulas?.flatMap((r, i) => r.map((f, c) => (f ? `${i},${c}:${f}` : null))).filter((f) => f !== null);
      expect(formulas(m!)).toEqual(formulas(g));
      const merges = (x: Grid, skip: number) => x.merges.filter((a) => a.left !== skip).map((a) => `${a.top},${a.left},${a.bottom},${a.right}`).sort();
      expect(merges(m!, prov)).toEqual(merges(g, -1));
    }
  });

  it('every data row names the submission it came from', () => {
    const parts = new Set<string>();
    for (const m of result) {
      const header = m.values.findIndex((r) => r.includes(PROVENANCE_HEADER));
      if (header < 0) continue;
      const prov = m.values[header]!.indexOf(PROVENANCE_HEADER);
      const names = m.values.slice(header + 1).map((r) => r[prov]).filter((v) => v !== null && v !== undefined);
      for (const n of names) parts.add(String(n));
      expect(names.every((n) => /^part\d\.xlsx$/.test(String(n)))).toBe(true);
    }
    expect([...parts].sort()).toEqual(files.map((f) => f.split('/').pop()).sort());
  });

  it('runs the normal check on the result: the sample\'s findings, nothing more, same exit status', () => {
    expect(merged.file).toBe(out);
    expect(merged.findings.map(key)).toEqual(sampleCheck.findings.map(key));
    expect(merged.counts).toEqual(sampleCheck.counts);
    expect(code).toBe(sampleCheck.counts.error > 0 ? 1 : 0);
  });

  it('adds the summary sheets after the merged annexes', () => {
    const names = result.map((g) => g.name);
    expect(names.slice(0, original.length)).toEqual(original.map((g) => g.name));
    expect(names).toContain('校验结果');
  });
});

// ── duplicates and conflicts ───────────────────────────────────────────────────────────────────────

function liaison(rows: CellValue[][], cutoff = '统计截止10月10日', extra?: string): Grid {
  const header: CellValue[] = ['县市区', '重点事项', '对接情况', ...(extra ? [extra] : [])];
  return makeGrid('附件5', [['附件5'], ['2022年省政府真抓实干县市区对接情况统计'], [cutoff], header, ...rows]);
}

describe('the same key from two submissions', () => {
  const settings = resolveSettings({}).settings;

  it('identical rows: kept once, an info finding names both files', () => {
    const a = liaison([['吉首市', '营商环境', '9月2日对接。'], ['吉首市', '金融工作', '无']]);
    const b = liaison([['吉首市', '营商环境', '9月2日对接。'], ['泸溪县', '金融工作', '无']]);
    const r = mergeSubmissions([{ file: 'a.xlsx', grids: [a] }, { file: 'b.xlsx', grids: [b] }], settings);
    const sheet = r.sheets[0]!.grid;
    expect(sheet.values.slice(4).map((row) => row.slice(0, 4))).toEqual([
      ['吉首市', '营商环境', '9月2日对接。', 'a.xlsx'],
      ['吉首市', '金融工作', '无', 'a.xlsx'],
      ['泸溪县', '金融工作', '无', 'b.xlsx'],
    ]);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell, messageOf(f)])).toEqual([
      ['merge/duplicate', 'info', 'B5', '“吉首市 / 营商环境”在“b.xlsx”中与“a.xlsx”完全相同，已只保留一行。'],
    ]);
  });

  it('conflicting rows: both kept, a warning at the second naming the column, related to the first', () => {
    const a = liaison([['吉首市', '营商环境', '9月2日对接。']]);
    const b = liaison([['吉首市', '营商环境', '9月3日对接。']]);
    const r = mergeSubmissions([{ file: 'a.xlsx', grids: [a] }, { file: 'b.xlsx', grids: [b] }], settings);
    expect(r.sheets[0]!.grid.values.slice(4).map((row) => row[2])).toEqual(['9月2日对接。', '9月3日对接。']);
    expect(r.findings.map((f) => renderedFinding(f))).toEqual([
      expect.objectContaining({
        code: 'merge/conflict',
        severity: 'warning',
        sheet: '附件5',
        cell: 'B6',
        message: '“吉首市 / 营商环境”在“b.xlsx”与“a.xlsx”中内容不同（对接情况），两行均已保留，请核实以哪一份为准。',
        related: [{ sheet: '附件5', cell: 'B5' }],
      }),
    ]);
    // …and the checker then also sees the same key twice.
    const audit = auditWorkbook([r.sheets[0]!.grid]);
    expect(audit.findings.map((f) => f.code)).toContain('dup/liaison');
  });

  it('a different cut-off line, an extra column, a file without annexes: said, not hidden', () => {
    const a = liaison([['吉首市', '营商环境', '9月2日对接。']]);
    const b = liaison([['泸溪县', '金融工作', '无', '已核实']], '统计截止9月30日', '备注');
    const empty = makeGrid('Sheet1', [['随便写的']]);
    const r = mergeSubmissions([{ file: 'a.xlsx', grids: [a] }, { file: 'b.xlsx', grids: [b] }, { file: 'c.xlsx', grids: [empty] }], settings);
    expect(r.findings.map((f) => [f.code, messageOf(f)])).toEqual([
      ['merge/column-dropped', '“b.xlsx”的“备注”列在合并版式中没有对应列，其中的 1 个单元格未合并。'],
      ['merge/layout-differs', '“b.xlsx”的表头上方的标题或说明为“统计截止9月30日”，与“a.xlsx”的“统计截止10月10日”不同，合并结果采用“a.xlsx”的。'],
      ['merge/source-empty', '“c.xlsx”中没有识别出可合并的附件，未并入任何数据。'],
    ]);
  });
});

describe('annex-audit merge: inputs', () => {
  it('an unreadable input stops the merge with one sentence and writes nothing', async () => {
    const dir = tempDir();
    const good = await writeGrids(join(dir, 'good.xlsx'), [liaison([['吉首市', '营商环境', '9月2日对接。']])]);
    const out = join(dir, 'out.xlsx');
    const r = await run('merge', good, join(dir, 'missing.xlsx'), '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`找不到文件“${join(dir, 'missing.xlsx')}”。`);
    expect(existsSync(out)).toBe(false);
  });

  it('a directory of submissions, table output', async () => {
    const dir = tempDir();
    await writeGrids(join(dir, 'a.xlsx'), [liaison([['吉首市', '营商环境', '9月2日对接。']])]);
    await writeGrids(join(dir, 'b.xlsx'), [liaison([['泸溪县', '金融工作', '无']])]);
    const out = join(tempDir(), 'out.xlsx');
    const r = await run('merge', dir, '-o', out, '--format', 'table');
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^已合并 2 个文件，写入“${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”：附件5；汇总表：.+。$`));
    expect(existsSync(out)).toBe(true);
  });

  it('no output named: exit 2 with the usage', async () => {
    const r = await run('merge', 'a.xlsx');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('请用 -o 指定输出文件（不会覆盖原文件）。');
  });
});

describe('the whole round: template → units fill it in → merge → check', () => {
  it('two units\' filled templates merge into one clean set of annexes', async () => {
    const dir = tempDir();
    const blank = await buildTemplateWorkbook(templateWorkbook(['all-incentive'], { year: 2025 }));
    const bytes = Buffer.from(await blank.xlsx.writeBuffer());
    // Unit A: 州发改委's rows and the counties; unit B: 州财政局's rows.
    const pick = (sheet: string, rows: Row[]) => rows.filter((r) => (['附件2', '附件5'].includes(sheet) ? true : r[0] === '州发改委'));
    const rest = (sheet: string, rows: Row[]) => rows.filter((r) => !['附件2', '附件5'].includes(sheet) && r[0] !== '州发改委');
    const files: string[] = [];
    for (const [name, choose] of [['unit-a.xlsx', pick], ['unit-b.xlsx', rest]] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      for (const [sheet, [first, rows]] of Object.entries(INCENTIVE)) typeRows(wb.getWorksheet(sheet)!, first, choose(sheet, rows));
      const file = join(dir, name);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const out = join(dir, 'all.xlsx');
    const r = await run('merge', ...files, '-o', out, '--format', 'json');
    const body = JSON.parse(r.out) as CheckJson;
    expect(body.findings).toEqual([]);
    expect(r.code).toBe(0);
    const grids = await readGrids(readFileSync(out), out);
    const a3 = grids.find((g) => g.name === '附件3')!;
    expect(a3.values.slice(5, 8).map((row) => [row[0], row[2], row[10]])).toEqual([
      ['州发改委', '高质量发展', 'unit-a.xlsx'],
      ['州发改委', '营商环境', 'unit-a.xlsx'],
      ['州财政局', '财政管理', 'unit-b.xlsx'],
    ]);
    // The 合计 is rebuilt over the merged rows, with its value.
    const a1 = grids.find((g) => g.name === '附件1')!;
    expect(a1.formulas?.[4]?.[1]).toBe('SUM(B6:B7)');
    expect(a1.values[4]?.slice(1, 6)).toEqual([3, 1, 1, 1, 0]);
  });
});
