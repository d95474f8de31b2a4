/**
 * LibreOffice opens the copies `summarize` writes into other writers' packages (Strict OOXML, prefixed XML,
 * charts, macros) with our sheet added. Recalculation of every formula we write, and live corrections, are
 * tested in recalc-all.test.ts. CI installs LibreOffice (.ci/run); locally the suite is skipped only when
 * soffice is missing and CI is unset.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import { openWorkbook, WorkbookPackage } from '../../src/xlsx/files';
import { CORPUS } from '../helpers/corpus';
import { recalcManyWithLibreOffice, sofficePath } from '../helpers/libreoffice';

const available = sofficePath() !== null && existsSync(CORPUS);
const run = available || process.env['CI'] ? describe : describe.skip;
if (!existsSync(CORPUS)) console.warn('libreoffice.test: ../shared/corpus-cases is absent; skipped');

const CASES: [string, string][] = [
  ['Strict OOXML', 'src__TestData__strict__TestOpen.xlsx'],
  ['x:-prefixed XML', 'ClosedXML.Tests__Resource__Examples__Columns__ColumnSettings.xlsx'],
  ['ns2:-prefixed XML', 'easyexcel-test__src__test__resources__compatibility__t04.xlsx'],
  ['a chart', 'test__Book1.xlsx'],
  ['macros', 'test-data__spreadsheet__47026.xlsm'],
];

run('LibreOffice opens the copies written into other writers’ packages', () => {
  jest.setTimeout(600_000);
  const saved = new Map<string, { before: string[]; after: Uint8Array }>();

  beforeAll(() => {
    const files = CASES.map(([, name]) => {
      const source = new Uint8Array(readFileSync(join(CORPUS, name)));
      const before = openWorkbook(source, name);
      const pkg = WorkbookPackage.open(source, name);
      pkg.applySheetPlans(buildSummaryPlans(auditWorkbook(before.grids)));
      saved.set(name, { before: before.grids.map((g) => g.name), after: new Uint8Array() });
      return { name: name.replace(/\.xlsm$/, '.xlsx'), bytes: pkg.toBytes({ recalculate: true }) };
    });
    const back = recalcManyWithLibreOffice(files);
    for (const [, name] of CASES) {
      const entry = saved.get(name);
      const bytes = back.get(name.replace(/\.xlsm$/, '.xlsx'));
      if (entry && bytes) saved.set(name, { ...entry, after: new Uint8Array(bytes) });
    }
  });

  it.each(CASES)('%s', (_label, name) => {
    const entry = saved.get(name);
    if (!entry) throw new Error(`${name} was not converted`);
    const after = openWorkbook(entry.after, name);
    expect(after.grids.map((g) => g.name)).toEqual([...entry.before, '校验结果']);
    const findings = after.grids.find((g) => g.name === '校验结果');
    expect(findings?.values.length).toBeGreaterThanOrEqual(2);
  });
});
