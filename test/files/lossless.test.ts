/**
 * Writing without loss: `summarize` (with marks) and `clear` keep every part of the original package.
 * The part list of the copy contains every original part, and each part we did not mean to touch has
 * the same bytes — stored (compressed) and inflated. The parts we edit are edited by insertion only:
 * a marked sheet without our marks is the original sheet again, and `clear` restores it byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { openWorkbook } from '../../src/xlsx/files';
import { withoutOurMarks } from '../../src/xlsx/ooxml/package';
import { entryData, readZip, type ZipEntry } from '../../src/xlsx/zip';
import { SAMPLES } from '../helpers/grids';
import { CORPUS, needCorpus } from '../helpers/corpus';

/** The corpus cases need ../shared/corpus-cases; without it they are skipped (and said so), the sample's case still runs. */
const withCorpus = needCorpus('test/files/lossless.test.ts');
const itCorpus = withCorpus ? it : it.skip;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lossless-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

function parts(file: string): Map<string, ZipEntry> {
  return new Map(readZip(new Uint8Array(readFileSync(file))).map((e) => [e.name, e]));
}

const text = (e: ZipEntry | undefined) => (e ? new TextDecoder().decode(entryData(e)) : '');

/** Parts a summary may edit: the workbook, its rels, the content types, the styles and the marked sheets. */
const EDITABLE = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

function expectKept(before: Map<string, ZipEntry>, after: Map<string, ZipEntry>): { touched: string[] } {
  const touched: string[] = [];
  for (const [name, e] of before) {
    const a = after.get(name);
    expect({ name, present: a !== undefined }).toEqual({ name, present: true });
    if (!a) continue;
    const same = Buffer.compare(Buffer.from(entryData(e)), Buffer.from(entryData(a))) === 0;
    if (!same) {
      touched.push(name);
      expect(name).toMatch(EDITABLE);
      continue;
    }
    // Untouched parts are copied as they were stored, not re-compressed.
    expect({ name, raw: Buffer.compare(Buffer.from(e.raw), Buffer.from(a.raw)) }).toEqual({ name, raw: 0 });
    expect(a.crc).toBe(e.crc);
  }
  return { touched };
}

const CORPUS_CASES: [string, string][] = [
  ['a chart (test__Book1.xlsx)', join(CORPUS, 'test__Book1.xlsx')],
  ['data bars (LibreOffice databar.xlsx)', join(CORPUS, 'ClosedXML.Tests__Resource__TryToLoad__LO__xlsx__databar.xlsx')],
  ['VBA macros (47026.xlsm)', join(CORPUS, 'test-data__spreadsheet__47026.xlsm')],
  ['x:-prefixed XML (ClosedXML)', join(CORPUS, 'ClosedXML.Tests__Resource__Examples__Columns__ColumnSettings.xlsx')],
  ['ns2:-prefixed XML (腾讯文档)', join(CORPUS, 'easyexcel-test__src__test__resources__compatibility__t04.xlsx')],
  ['Strict OOXML', join(CORPUS, 'src__TestData__strict__TestOpen.xlsx')],
  ['whole-column validations', join(CORPUS, 'sample-with-whole-column-validation.xlsx')],
];
const CASES: [string, string][] = [...(withCorpus ? CORPUS_CASES : []), ['the incentive sample', join(SAMPLES, 'incentive-2022.xlsx')]];

describe('summarize --mark keeps every part of the original package', () => {
  it.each(CASES)('%s', async (_label, file) => {
    const macro = file.endsWith('.xlsm');
    const out = join(dir, `${_label.replace(/\W+/g, '_')}.xlsx`);
    const r = await cli('summarize', file, '-o', out, '--mark');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const written = macro ? out.replace(/\.xlsx$/, '.xlsm') : out;
    const before = parts(file);
    const after = parts(written);
    const { touched } = expectKept(before, after);
    // Only the workbook's own parts and marked sheets changed; our sheets (and their charts: a drawing, chart
    // parts and their relationships, each with a name no original part had) were added as new parts.
    expect(touched).toEqual(expect.arrayContaining(['xl/workbook.xml', '[Content_Types].xml']));
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added.filter((n) => !/^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?|charts\/chart\d+\.xml)$/.test(n))).toEqual([]);
    // A new sheet's relationships are our drawing only.
    for (const rels of added.filter((n) => /^xl\/worksheets\/_rels\//.test(n))) {
      expect(before.has(rels.replace('_rels/', '').replace(/\.rels$/, ''))).toBe(false);
      expect([...text(after.get(rels)).matchAll(/Type="([^"]+)"/g)].map((m) => m[1]?.replace(/.*\//, ''))).toEqual(['drawing']);
    }
    // A marked sheet is the original plus our conditional formats, nothing else.
    for (const name of touched.filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(withoutOurMarks(text(after.get(name))).next).toBe(text(before.get(name)));
    }
    // The copy reads back: the source sheets as they were, our summary sheets after them.
    const orig = openWorkbook(new Uint8Array(readFileSync(file)), file);
    const copy = openWorkbook(new Uint8Array(readFileSync(written)), written);
    expect(copy.grids.slice(0, orig.grids.length)).toEqual(orig.grids);
    expect(copy.grids.slice(orig.grids.length).map((g) => g.name)).toContain('校验结果');
    expect(copy.format).toBe(macro ? 'xlsm' : 'xlsx');
  });

  itCorpus('an .xlsm copy keeps its macros, its content type and an .xlsm name (Excel refuses macros under .xlsx)', async () => {
    const file = join(CORPUS, 'test-data__spreadsheet__47026.xlsm');
    const out = join(dir, 'macro-copy.xlsx');
    const r = await cli('summarize', file, '-o', out);
    expect(r.out[0]).toContain('macro-copy.xlsm');
    const after = parts(join(dir, 'macro-copy.xlsm'));
    expect(text(after.get('[Content_Types].xml'))).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  itCorpus('the chart, its drawing and their relationships are all still there', async () => {
    const file = join(CORPUS, 'test__Book1.xlsx');
    const before = [...parts(file).keys()].filter((n) => /chart|drawing/.test(n));
    expect(before.length).toBeGreaterThan(0);
    const out = join(dir, 'chart.xlsx');
    await cli('summarize', file, '-o', out);
    expect([...parts(out).keys()]).toEqual(expect.arrayContaining(before));
  });
});

describe('clear removes exactly our marks', () => {
  it('summarize --mark, then clear: every original part has its original bytes again', async () => {
    const file = join(SAMPLES, 'incentive-2022.xlsx');
    const marked = join(dir, 'marked.xlsx');
    const cleared = join(dir, 'cleared.xlsx');
    await cli('summarize', file, '-o', marked, '--mark');
    const r = await cli('clear', marked, '-o', cleared);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/已清除 [1-9]\d* 组标记/);
    const before = parts(file);
    const after = parts(cleared);
    for (const [name, e] of before) {
      if (!name.startsWith('xl/worksheets/')) continue;
      expect({ name, same: text(after.get(name)) === text(e) }).toEqual({ name, same: true });
    }
    // Nothing left to clear.
    const again = await cli('clear', cleared, '-o', join(dir, 'cleared2.xlsx'));
    expect(again.out.join('\n')).toMatch(/已清除 0 组标记/);
  });

  it('summarizing twice replaces our sheets instead of adding more', async () => {
    const once = join(dir, 'once.xlsx');
    const twice = join(dir, 'twice.xlsx');
    await cli('summarize', join(SAMPLES, 'keywork-2024.xlsx'), '-o', once, '--mark');
    await cli('summarize', once, '-o', twice, '--mark');
    const a = openWorkbook(new Uint8Array(readFileSync(once)), once);
    const b = openWorkbook(new Uint8Array(readFileSync(twice)), twice);
    expect(b.grids.map((g) => g.name)).toEqual(a.grids.map((g) => g.name));
    expect([...parts(twice).keys()].sort()).toEqual([...parts(once).keys()].sort());
  });
});

describe('formats we cannot add to are written as a new .xlsx, and the user is told', () => {
  it('.xls → .xlsx with the summary sheets and one sentence saying what was not carried over', async () => {
    const out = join(dir, 'from-xls.xls');
    const r = await cli('summarize', join(__dirname, '..', 'fixtures', 'formats', 'incentive-2022.xls'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/是 \.xls 文件，不能原样保留；汇总副本另存为 \.xlsx/);
    const copy = openWorkbook(new Uint8Array(readFileSync(join(dir, 'from-xls.xlsx'))), 'from-xls.xlsx');
    expect(copy.format).toBe('xlsx');
    expect(copy.grids.map((g) => g.name)).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5', '汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
  });
});
