/**
 * Writes the full-size hostile workbooks of security review 3 into a folder, for measuring the CLI:
 *   npx tsx scripts/make-hostile.ts /tmp/hostile
 *   /usr/bin/time -f '%e s %M KB' node bin/annex-audit.js check /tmp/hostile/bomb-2g-zero.xlsx
 * The same generators, at a few MB, are what test/hostile runs against small injected budgets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bomb, editSample, manyEntries, strayCells, utf16Sample } from '../test/hostile/make';

const dir = process.argv[2] ?? 'hostile';
mkdirSync(dir, { recursive: true });
const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

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
};

for (const [name, make] of Object.entries(files)) {
  const bytes = make();
  writeFileSync(join(dir, name), bytes);
  process.stdout.write(`${name}\t${bytes.length.toLocaleString('en-US')} bytes\n`);
}
