/**
 * The real-world files of ../shared/corpus-cases (README there): each is read and bounded (no validation or merge
 * expanded), none is taken for an annex, ISO and Strict dates are dates, and the files that show one defect each
 * are read as Excel shows them. How fast is for the benchmark (scripts/bench-readers.ts times these files), not
 * for a test on a shared machine. Skipped, with a message, when ../shared/corpus-cases is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook } from '../../src/core';
import { openWorkbook } from '../../src/xlsx/files';
import { CORPUS, corpusAvailable, describeCorpus } from '../helpers/corpus';

const describeIt = describeCorpus('test/files/corpus.test.ts');
const files = (corpusAvailable ? readdirSync(CORPUS) : ['(corpus-cases absent).xlsx']).filter((f) => /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(f)).sort();
const bytes = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));
const find = (prefix: string) => {
  const f = files.find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`no corpus file ${prefix}`);
  return f;
};
const cell = (name: string, sheet: string, ref: [number, number]) => openWorkbook(bytes(name), name).grids.find((g) => g.name === sheet)?.values[ref[0]]?.[ref[1]];

/** Our own sample with list validations on whole columns: an annex, on purpose. */
const OUR_SAMPLE = 'sample-with-whole-column-validation.xlsx';

describeIt('corpus-cases: every file read, none taken for an annex', () => {
  it('holds the 16 workbooks of its README', () => {
    expect(files).toHaveLength(16);
  });

  it.each(files.filter((f) => f !== OUR_SAMPLE))('%s', (name) => {
    const opened = openWorkbook(bytes(name), name);
    const audit = auditWorkbook(opened.grids);
    expect(opened.grids.length).toBeGreaterThan(0);
    expect(audit.profile).toBeNull();
    expect(audit.sheets.filter((s) => s.kind !== null)).toEqual([]);
  });

  it('whole-column list validations are never expanded: our sample reads as the sample does', () => {
    const audit = auditWorkbook(openWorkbook(bytes(OUR_SAMPLE), OUR_SAMPLE).grids);
    expect(audit.counts).toEqual({ error: 2, warning: 12, info: 3 });
  });
});

describeIt('corpus-cases: read as Excel shows them', () => {
  it('ISO 8601 date cells (t="d") are dates, as serial numbers with their date format', () => {
    const name = find('tests__date_iso');
    const g = openWorkbook(bytes(name), name).grids[0];
    expect(g?.values[0]?.[0]).toBe(44197); // 2021-01-01
    expect(g?.values[1]?.[0]).toBeCloseTo(44197.4237268, 6); // 2021-01-01 10:10:10
    expect(g?.numberFormats?.[0]?.[0]).toBe('yyyy-mm-dd');
  });

  it('Strict OOXML: 2006-10-10 is the date 39000, not the number 2006', () => {
    const name = find('src__TestData__strict');
    expect(cell(name, 'Sheet1', [0, 0])).toBe(39000);
    expect(cell(name, 'Sheet1', [0, 3])).toBe('text');
    expect(cell(name, 'Sheet3', [0, 1])).toBeCloseTo(2.0002, 6);
  });

  it('prefixed namespaces (腾讯文档 ns2:, .NET x:) are read', () => {
    const tencent = find('easyexcel-test__src__test__resources__compatibility__t04');
    const g = openWorkbook(bytes(tencent), tencent).grids[0];
    expect(g?.merges.length).toBe(70);
    expect(g?.values.flat().filter((v) => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v)).length).toBeGreaterThan(20);
    const dotnet = find('ClosedXML.Tests__Resource__Examples__Columns');
    expect(openWorkbook(bytes(dotnet), dotnet).grids.map((x) => x.name)).toEqual(['Column Settings']);
  });

  it('cells without address attributes are placed by their order', () => {
    const name = find('tests__issue_261');
    const g = openWorkbook(bytes(name), name).grids[0];
    // Each <c> without r= takes the column after the previous one (row 12: A…G).
    expect(g?.values[11]).toEqual([45000, 'String Value 20', 'String Value 40', 903, null, null, 'String Value 23']);
  });

  it('50,000 merged areas are read and checked (in linear time: the benchmark times this file)', () => {
    const name = find('test-data__spreadsheet__57893');
    const g = openWorkbook(bytes(name), name).grids[0];
    auditWorkbook(g ? [g] : []);
    expect(g?.merges.length).toBe(50_000);
  });

  it('a validation over A1:XFD1048576 is not expanded', () => {
    const name = find('spec__integration__data__test-issue-1842');
    const g = openWorkbook(bytes(name), name).grids[0];
    expect(g?.values.length).toBeLessThan(10);
  });

  it('the formats are what the bytes say', () => {
    const formats = Object.fromEntries(files.map((f) => [f, openWorkbook(bytes(f), f).format]));
    expect(formats[find('test-data__spreadsheet__47026')]).toBe('xlsm');
    expect(formats[find('test-data__spreadsheet__bug66682')]).toBe('xlsb');
    expect(formats[find('AutoFilter')]).toBe('ods');
    expect(formats[find('hutool-poi')]).toBe('xls');
    expect(formats[find('easyexcel-test__src__test__resources__compatibility__t01')]).toBe('xls');
    expect(cell(find('hutool-poi'), '校园入学', [0, 0])).toEqual(expect.any(String));
  });

  it('a checklist of long strings is not a 通报', () => {
    const name = find('spec__integration__data__test-issue-877');
    const audit = auditWorkbook(openWorkbook(bytes(name), name).grids);
    expect(audit.sheets.map((s) => s.kind)).not.toContain('report-text');
  });
});
