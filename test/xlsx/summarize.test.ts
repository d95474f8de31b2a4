/** `summarize` through the xlsx adapter: summary sheets added, source sheets untouched, marks removable. */
import ExcelJS from 'exceljs';
import { auditWorkbook, buildSummaryPlans, highlightPlan, isOurMarkFormula } from '../../src/core';
import { applyHighlights, applySheetPlans, clearMarks, loadWorkbook, taggedSheets, workbookToGrids } from '../../src/xlsx';
import { sampleBytes } from '../helpers/grids';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buf);
  return again;
}

/** Every cell's value, formula, number format and fill of the named sheets. */
function cellSignature(wb: ExcelJS.Workbook, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`missing ${name}`);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out.push(`${name}!${r},${c}=${JSON.stringify(cell.value)}|${cell.numFmt ?? ''}|${JSON.stringify(cell.fill ?? null)}`);
      });
    });
    out.push(`${name} merges=${JSON.stringify((ws.model as { merges?: string[] }).merges ?? [])}`);
  }
  return out;
}

async function summarized(mark = false): Promise<{ source: ExcelJS.Workbook; out: ExcelJS.Workbook; names: string[] }> {
  const source = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
  const names = source.worksheets.map((w) => w.name);
  const wb = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
  const audit = auditWorkbook(workbookToGrids(wb));
  applySheetPlans(wb, buildSummaryPlans(audit));
  if (mark) applyHighlights(wb, highlightPlan(audit, names));
  return { source, out: await roundTrip(wb), names };
}

describe('summary sheets written with exceljs', () => {
  it('adds the four summary sheets and leaves every source cell as it was', async () => {
    const { source, out, names } = await summarized(true);
    expect(out.worksheets.map((w) => w.name)).toEqual([...names, '汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
    expect(cellSignature(out, names)).toEqual(cellSignature(source, names));
  });

  it('writes the tally as live exact-match counts and SUMs with the core’s results', async () => {
    const { out } = await summarized();
    const ws = out.getWorksheet('汇总-研判统计');
    const b4 = ws?.getCell('B4').value as ExcelJS.CellFormulaValue;
    expect(b4.formula).toMatch(/^SUM\(B5:B30\)$/);
    expect(b4.result).toBe(65);
    const c5 = ws?.getCell('C5').value as ExcelJS.CellFormulaValue;
    // Exact matches, never COUNTIFS criteria: a unit named `州财政局*` is not a wildcard.
    expect(c5.formula).toBe('SUMPRODUCT(--($H$4:$H$68=$A5),--($K$4:$K$68=C$3))');
    expect(c5.result).toBe(1);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws?.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:3' });
  });

  it('lists every finding in 校验结果, errors first, each cell a link to it', async () => {
    const { out } = await summarized();
    const ws = out.getWorksheet('校验结果');
    expect(ws).toBeDefined();
    const audit = auditWorkbook(workbookToGrids(await loadWorkbook(sampleBytes('incentive-2022.xlsx'))));
    expect((ws?.actualRowCount ?? 0) - 2).toBe(audit.findings.length);
    expect(ws?.getCell('A3').value).toBe('错误');
    const link = ws?.getCell('C3').value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toBe("#'附件3'!A3");
    expect(ws?.autoFilter).toBe(`A2:G${audit.findings.length + 2}`);
  });

  it('re-running replaces our own sheets in place and never touches a user sheet with one of our names', async () => {
    const wb = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
    const user = wb.addWorksheet('校验结果');
    user.getCell('A1').value = '我的笔记';
    const audit = auditWorkbook(workbookToGrids(wb));
    const first = applySheetPlans(wb, buildSummaryPlans(audit));
    expect(first.find((a) => a.id === 'findings')).toMatchObject({ name: '校验结果 (2)', renamed: true });
    const again = await roundTrip(wb);
    expect([...taggedSheets(again).values()]).toContain('校验结果 (2)');
    const second = applySheetPlans(again, buildSummaryPlans(audit));
    expect(second.every((a) => a.replaced)).toBe(true);
    expect(second.find((a) => a.id === 'findings')?.name).toBe('校验结果 (2)');
    expect(again.worksheets.filter((w) => w.name.startsWith('汇总-')).length).toBe(3);
    expect(again.getWorksheet('校验结果')?.getCell('A1').value).toBe('我的笔记');
  });

  it('marks by conditional formats only, and clear removes exactly ours', async () => {
    const { out, names } = await summarized(true);
    const ws = out.getWorksheet('附件4') as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] };
    const ours = ws.conditionalFormattings.filter((cf) => cf.rules.some((r) => (r.formulae ?? []).some(isOurMarkFormula)));
    expect(ours.map((cf) => cf.ref).join(' ')).toContain('E60');
    // A user's own conditional format survives clear.
    out.getWorksheet('附件4')?.addConditionalFormatting({ ref: 'B4', rules: [{ type: 'expression', priority: 2, formulae: ['LEN(B4)>100'], style: {} }] });
    clearMarks(out);
    const after = await roundTrip(out);
    const left = (after.getWorksheet('附件4') as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(left.map((cf) => cf.ref)).toEqual(['B4']);
    const source = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
    expect(cellSignature(after, names)).toEqual(cellSignature(source, names));
  });

  it('writes user text that starts with = + - @ as text, never as a formula', async () => {
    const wb = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
    const sheet3 = wb.getWorksheet('附件3');
    if (!sheet3) throw new Error('no 附件3');
    sheet3.getCell('C7').value = '=HYPERLINK("http://x","社会信用体系建设")';
    const audit = auditWorkbook(workbookToGrids(wb));
    applySheetPlans(wb, buildSummaryPlans(audit));
    const out = await roundTrip(wb);
    const ws = out.getWorksheet('汇总-研判统计');
    let found = false;
    ws?.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.startsWith('=HYPERLINK')) found = true;
        if (cell.formula) expect(cell.formula).not.toContain('HYPERLINK');
      }),
    );
    expect(found).toBe(true);
  });

  it('profile B: adds 汇总-目标任务, 汇总-民生实事, 通报草稿 and 校验结果 with the recomputed figures', async () => {
    const wb = await loadWorkbook(sampleBytes('keywork-2024.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    const audit = auditWorkbook(workbookToGrids(wb));
    applySheetPlans(wb, buildSummaryPlans(audit));
    const out = await roundTrip(wb);
    expect(out.worksheets.map((w) => w.name)).toEqual([...names, '汇总-目标任务', '汇总-民生实事', '通报草稿', '校验结果']);
    const t = out.getWorksheet('汇总-目标任务');
    const result = (ref: string) => (t?.getCell(ref).value as ExcelJS.CellFormulaValue | undefined)?.result;
    expect([result('B4'), result('B5'), result('B6')]).toEqual([7, 64, 9]);
    expect((t?.getCell('B4').value as ExcelJS.CellFormulaValue).formula).toBe('SUMPRODUCT(--($K$4:$K$83=$A4))');
    expect([t?.getCell('D4').value, t?.getCell('D6').value]).toEqual([0.088, 0.112]);
    const draft = String(out.getWorksheet('通报草稿')?.getCell('A4').value ?? '');
    expect(draft).toContain('80项目标任务中，已完成年度目标任务的7项，占8.8%');
    expect(draft).toContain('进展相对滞后的9项，占11.2%');
    const source = await loadWorkbook(sampleBytes('keywork-2024.xlsx'));
    expect(cellSignature(out, names)).toEqual(cellSignature(source, names));
  });

  it('checking the written copy again ignores our own summary sheets', async () => {
    const { out } = await summarized(true);
    const again = auditWorkbook(workbookToGrids(out));
    const original = auditWorkbook(workbookToGrids(await loadWorkbook(sampleBytes('incentive-2022.xlsx'))));
    expect(again.findings).toEqual(original.findings);
    expect(again.sheets.filter((s) => s.kind === null).map((s) => s.name)).toEqual(['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
  });
});
