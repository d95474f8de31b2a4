/**
 * Writes the full-size hostile workbooks of security review 3 into a folder, for measuring the CLI:
 *   npx tsx scripts/make-hostile.ts /tmp/hostile
 *   /usr/bin/time -f '%e s %M KB' node bin/annex-audit.js check /tmp/hostile/bomb-2g-zero.xlsx
 * The same generators, at a few MB, are what test/hostile runs against small injected budgets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { bomb, csv, editSample, hyperlinkOver, manyEntries, odsRepeated, partsOf, repeatedDeflate, sample, strayCells, utf16Sample, writeRawZip } from '../test/hostile/make';

const dir = process.argv[2] ?? 'hostile';
mkdirSync(dir, { recursive: true });
const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** The sample with some parts replaced by deflate streams built without holding their bytes. */
function withStreams(edits: Record<string, { raw: Uint8Array; size: number; crc: number }>): Uint8Array {
  return writeRawZip(
    [...partsOf(sample())].map(([name, data]) => {
      const d = edits[name];
      return d ? { name, method: 8 as const, raw: d.raw, declared: d.size, crc: d.crc } : { name, method: 8 as const, raw: new Uint8Array(deflateRawSync(data)), declared: data.length, crc: crc32(data) };
    }),
  );
}

const spaces = (mb: number) => repeatedDeflate(SHEET_HEAD, ' '.repeat(65536), Math.floor((mb * MB) / 65536), '</sheetData></worksheet>');

/** A sheet of `cells` cells, four a row: two formulas and two inline strings (what costs SheetJS most per cell). */
function mixedCells(cells: number): Uint8Array {
  const row = '<row><c><f>SUM(A1:A100)*2</f><v>2</v></c><c><f>SUM(B1:B100)*2</f><v>2</v></c><c t="inlineStr"><is><t>单位名称文本</t></is></c><c t="inlineStr"><is><t>重点事项说明</t></is></c></row>';
  const per = Math.floor(65536 / row.length);
  return withStreams({ 'xl/worksheets/sheet1.xml': repeatedDeflate(SHEET_HEAD, row.repeat(per), Math.floor(cells / 4 / per), '</sheetData></worksheet>') });
}

function cjkSharedStrings(mb: number): { raw: Uint8Array; size: number; crc: number } {
  const orig = new TextDecoder().decode(partsOf(sample()).get('xl/sharedStrings.xml'));
  const unit = `<si><t>${'甲'.repeat(10000)}</t></si>`;
  return repeatedDeflate(orig.slice(0, orig.lastIndexOf('</sst>')), unit, Math.floor((mb * MB) / unit.length / 3), '</sst>');
}

const files: Record<string, () => Uint8Array> = {
  'bomb-2g-honest.xlsx': () => bomb(2 * GB, 'honest'),
  'bomb-2g-cdlie.xlsx': () => bomb(2 * GB, 1000),
  'bomb-2g-zero.xlsx': () => bomb(2 * GB, 0),
  'bomb-390m-underlimit.xlsx': () => bomb(391 * MB, 'honest', 'cells'),
  'many-100k.xlsx': () => manyEntries(100_000),
  'many-19990.xlsx': () => manyEntries(19_990),
  'extent-xfd1-a1048576.xlsx': () => strayCells(['XFD1', 'A1048576']),
  'bad-refs.xlsx': () => strayCells(['XFE1', 'A0', 'A1048577']),
  'bad-col-zzzz.xlsx': () => strayCells(['ZZZZ40']),
  'missing-part.xlsx': () => editSample({ 'xl/worksheets/sheet1.xml': null }),
  'sst-oob.xlsx': () => editSample({ 'xl/worksheets/sheet1.xml': (x) => x.replace('<c r="A1" s="1" t="s"><v>0</v></c>', '<c r="A1" s="1" t="s"><v>99999</v></c>') }),
  'invalid-xml.xlsx': () => editSample({ 'xl/worksheets/sheet1.xml': (x) => x.slice(0, Math.floor(x.length * 0.6)) }),
  'invalid-xml-workbook.xlsx': () => editSample({ 'xl/workbook.xml': (x) => x.slice(0, Math.floor(x.length * 0.8)) }),
  'percent-rels.xlsx': () => editSample({ 'xl/_rels/workbook.xml.rels': (x) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet%E4%1.xml') }),
  'utf16le-bom.xlsx': () => utf16Sample('le', true),
  'utf16be-bom.xlsx': () => utf16Sample('be', true),
  'utf16le.xlsx': () => utf16Sample('le', false),
  'utf16be.xlsx': () => utf16Sample('be', false),
  // Shapes under the byte limits, to measure what is accepted at the edge of each limit.
  'spaces-99m.xlsx': () => withStreams({ 'xl/worksheets/sheet1.xml': spaces(99) }),
  'spaces-2x79m.xlsx': () => withStreams({ 'xl/worksheets/sheet1.xml': spaces(79), 'xl/worksheets/sheet2.xml': spaces(79) }),
  'sst-79m-sheet-79m.xlsx': () => withStreams({ 'xl/worksheets/sheet2.xml': spaces(79), 'xl/sharedStrings.xml': cjkSharedStrings(79) }),
  'cells-0.74m.xlsx': () => bomb((0.74e6 / 4) * 71, 'honest', 'cells'),
  'cells-0.74m-mixed.xlsx': () => mixedCells(740_000),
  'cells-1.9m-mixed.xlsx': () => mixedCells(1_900_000),
  // Classes found while building these: one hyperlink over the grid, an ODS repeat, a CSV of many cells.
  'hyperlink-grid.xlsx': () => hyperlinkOver('A1:XFD1048576'),
  'ods-repeat.ods': () => odsRepeated(1_048_575, 16_384),
  'csv-2m-cells.csv': () => csv(200_000, 10),
};

for (const [name, make] of Object.entries(files)) {
  const bytes = make();
  writeFileSync(join(dir, name), bytes);
  process.stdout.write(`${name}\t${bytes.length.toLocaleString('en-US')} bytes\n`);
}
