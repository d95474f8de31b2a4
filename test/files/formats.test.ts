/**
 * Every format colleagues send is checked like .xlsx: the samples saved by LibreOffice as .xls and .ods,
 * written by SheetJS as .xlsb, and one annex as CSV in UTF-8 and GB18030 give the .xlsx's findings.
 * Fixtures and the commands that made them: test/fixtures/formats/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { auditWorkbook, messageOf } from '../../src/core';
import { openWorkbook } from '../../src/xlsx/files';
import { sampleBytes } from '../helpers/grids';

const FIXTURES = join(__dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

function findings(bytes: Uint8Array, file: string) {
  const opened = openWorkbook(bytes, file);
  const audit = auditWorkbook(opened.grids);
  return {
    format: opened.format,
    profile: audit.profile,
    kinds: audit.sheets.map((s) => `${s.name}:${s.kind}`),
    findings: audit.findings.map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell} ${messageOf(f)}`),
    counts: audit.counts,
  };
}

const SAMPLES = ['incentive-2022', 'keywork-2024'] as const;

describe('the samples in other formats give exactly the .xlsx findings', () => {
  it.each(SAMPLES)('%s.xls (LibreOffice, BIFF8)', (name) => {
    const xlsx = findings(sampleBytes(`${name}.xlsx`), `${name}.xlsx`);
    const xls = findings(fixture(`${name}.xls`), `${name}.xls`);
    expect(xls.format).toBe('xls');
    expect(xlsx.findings.length).toBeGreaterThan(0);
    expect({ ...xls, format: 'xlsx' }).toEqual(xlsx);
  });

  it('keywork-2024.ods (LibreOffice)', () => {
    const ods = findings(fixture('keywork-2024.ods'), 'keywork-2024.ods');
    expect(ods.format).toBe('ods');
    expect({ ...ods, format: 'xlsx' }).toEqual(findings(sampleBytes('keywork-2024.xlsx'), 'keywork-2024.xlsx'));
  });

  it.each(SAMPLES)('%s.xlsb (SheetJS)', (name) => {
    const wb = XLSX.read(sampleBytes(`${name}.xlsx`), { cellFormula: true, cellNF: true, cellStyles: true });
    const xlsb = new Uint8Array(XLSX.write(wb, { bookType: 'xlsb', type: 'array' }) as ArrayBuffer);
    const got = findings(xlsb, `${name}.xlsb`);
    expect(got.format).toBe('xlsb');
    expect({ ...got, format: 'xlsx' }).toEqual(findings(sampleBytes(`${name}.xlsx`), `${name}.xlsx`));
  });

  it('a .xls whose name says .xlsx is still read as what it is', () => {
    expect(findings(fixture('incentive-2022.xls'), '附件.xlsx').counts).toEqual({ error: 2, warning: 12, info: 3 });
  });
});

describe('CSV in UTF-8 and GB18030', () => {
  const utf8 = fixture('keywork-附件1-utf8.csv');
  const gb = fixture('keywork-附件1-gb18030.csv');

  it('the two files really differ in encoding (the GB18030 one is not valid UTF-8)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(Buffer.compare(Buffer.from(utf8), Buffer.from(gb))).not.toBe(0);
  });

  it('both read to the same grid as 附件1 of the .xlsx, and the annex is recognised', () => {
    const a = openWorkbook(utf8, '附件1.csv');
    const b = openWorkbook(gb, '附件1.csv');
    expect(a.format).toBe('csv');
    expect(b.grids[0]?.values).toEqual(a.grids[0]?.values);
    const xlsx = openWorkbook(sampleBytes('keywork-2024.xlsx'), 'k.xlsx').grids.find((g) => g.name === '附件1');
    // Text as text, numbers as numbers, row by row (CSV has no merged areas or formulas).
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
    expect(a.grids[0]?.values.map((r) => r.map(text).join('|').replace(/\|+$/, ''))).toEqual(xlsx?.values.map((r) => r.map(text).join('|').replace(/\|+$/, '')));
    for (const wb of [a, b]) {
      const audit = auditWorkbook(wb.grids);
      expect(audit.sheets.map((s) => s.kind)).toEqual(['target-progress']);
      expect(audit.counts.error).toBe(0);
    }
  });

  it('a UTF-8 file with a BOM, and a UTF-16 one, read the same', () => {
    const text = new TextDecoder().decode(utf8);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const base = openWorkbook(utf8, 'a.csv').grids[0]?.values;
    expect(openWorkbook(bom, 'a.csv').grids[0]?.values).toEqual(base);
    expect(openWorkbook(utf16, 'a.csv').grids[0]?.values).toEqual(base);
  });
});
