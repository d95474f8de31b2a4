/**
 * Our sheet tags are defined names, and a defined name may hold only letters, digits, `_` and `.` (Excel and
 * WPS "repair" a file otherwise): 合并报送's `merged-rating-tally` is written `AnnexAudit_merged_rating_tally`,
 * and a file an earlier version tagged with the raw id is still recognised and its tag replaced, not doubled.
 */
import ExcelJS from 'exceljs';
import { applySheetPlan } from '../../src/xlsx/write';
import { taggedSheets } from '../../src/xlsx/read';
import { SHEET_TAG_PREFIX, type SheetPlan } from '../../src/core';

function plan(id: string, name: string): SheetPlan {
  return {
    id,
    name,
    rows: [],
    merges: [],
    columnWidths: [10],
    frozenRows: 0,
    printTitleRows: [1, 1],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
    styles: {},
  };
}

const LEGAL = /^[A-Za-z_][A-Za-z0-9_.]*$/;

describe('sheet tags are legal defined names', () => {
  it('a plan id with a hyphen is tagged with a legal name, and found again on the next write', () => {
    const wb = new ExcelJS.Workbook();
    applySheetPlan(wb, plan('merged-rating-tally', '附件1'));
    const names = (wb as unknown as { definedNames: { model: { name: string }[] } }).definedNames.model.map((n) => n.name);
    expect(names).toEqual([`${SHEET_TAG_PREFIX}merged_rating_tally`]);
    expect(names.every((n) => LEGAL.test(n))).toBe(true);
    const again = applySheetPlan(wb, plan('merged-rating-tally', '附件1'));
    expect(again.replaced).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1']);
  });

  it('a workbook tagged by an earlier version (raw id) is recognised, and its old tag replaced', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('附件1');
    (wb as unknown as { definedNames: { add: (ref: string, name: string) => void } }).definedNames.add(`'附件1'!$A$1`, `${SHEET_TAG_PREFIX}merged-rating-tally`);
    expect(taggedSheets(wb).get('merged-rating-tally')).toBe('附件1');
    const out = applySheetPlan(wb, plan('merged-rating-tally', '附件1'));
    expect(out.replaced).toBe(true);
    const names = (wb as unknown as { definedNames: { model: { name: string }[] } }).definedNames.model.map((n) => n.name);
    expect(names).toEqual([`${SHEET_TAG_PREFIX}merged_rating_tally`]);
  });
});
