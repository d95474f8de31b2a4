/**
 * Issue 24 item 8 (reader part): XML parts in UTF-16 LE/BE, with or without a byte-order mark, are read as
 * Excel reads them; a CSV's one sheet is named after its file, as Excel, WPS and LibreOffice name it.
 */
import { auditSubmission, buildSummaryPlans } from '../../src/core';
import { copyTarget } from '../../src/xlsx/files';
import { openWorkbook } from '../../src/xlsx/open';
import { csv, sample, utf16Sample } from './make';

describe('XML parts in UTF-16', () => {
  const base = openWorkbook(sample(), 'incentive-2022.xlsx');
  const baseAudit = auditSubmission(base.grids);

  it.each([
    ['LE with a BOM', 'le', true],
    ['BE with a BOM', 'be', true],
    ['LE without a BOM', 'le', false],
    ['BE without a BOM', 'be', false],
  ] as const)('%s: the same grids and findings as the UTF-8 sample, and summarize writes into it', (_label, order, bom) => {
    const bytes = utf16Sample(order, bom);
    const opened = openWorkbook(bytes, 'utf16.xlsx');
    expect(opened.format).toBe('xlsx');
    expect(opened.grids).toEqual(base.grids);
    const audit = auditSubmission(opened.grids);
    expect(audit.findings).toEqual(baseAudit.findings);
    const target = copyTarget(bytes, opened, 'utf16.xlsx');
    const applied = target.pkg.applySheetPlans(buildSummaryPlans(audit));
    const again = openWorkbook(target.pkg.toBytes({ recalculate: true }), 'out.xlsx');
    expect(again.grids.map((g) => g.name)).toEqual([...base.grids.map((g) => g.name), ...applied.map((a) => a.name)]);
  });
});

describe('a CSV\'s one sheet is named after its file', () => {
  it.each([
    ['附件1.csv', '附件1'],
    ['/data/报送/州财政局-附件1.csv', '州财政局-附件1'],
    ['C:\\报送\\附件2.txt', '附件2'],
    ['a[1]*?.csv', 'a_1___'],
    [`${'长'.repeat(40)}.csv`, '长'.repeat(31)],
    ['.csv', 'Sheet1'],
  ])('%s → %s', (file, name) => {
    expect(openWorkbook(csv(3, 2), file).grids.map((g) => g.name)).toEqual([name]);
  });
});
