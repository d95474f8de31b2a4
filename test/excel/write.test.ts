/**
 * Summary sheets written through Office.js (on the fake host) equal those the exceljs writer produces from
 * the same plans, cell by cell; re-runs replace our sheets only; text is never turned into a formula.
 */
import type ExcelJS from 'exceljs';
import { auditWorkbook, buildSummaryPlans, type SheetPlan, SHEET_TAG_PREFIX } from '../../src/core';
import { a1 } from '../../src/core/grid';
import { applySheetPlans, checkWorkbook, excelText, runExcel, writeSummaries } from '../../src/excel';
import { cellInput, widthPoints } from '../../src/excel/write';
import { applySheetPlans as applyXlsx, loadWorkbook } from '../../src/xlsx';
import type { FakeExcelHost, FakeSheet } from '../fakes/excel';
import { sampleBytes, sampleGrids, setCell } from '../helpers/grids';
import { hostWith, SAMPLES } from './support';
import { planFormulas } from '../helpers/plans';
import { renderHostNote } from '../../src/hosts/errors';

type CellView = { value?: unknown; formula?: string; link?: string; numberFormat: string | null };

function xlsxCells(ws: ExcelJS.Worksheet): Record<string, CellView> {
  const out: Record<string, CellView> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs shows a merged area's value in every cell of it; Excel keeps it in the top-left cell only.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as unknown;
      const numberFormat = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
      const ref = a1(r - 1, c - 1);
      if (v && typeof v === 'object' && 'formula' in v) out[ref] = { formula: (v as { formula: string }).formula, numberFormat };
      else if (v && typeof v === 'object' && 'hyperlink' in v) {
        const h = v as { text: string; hyperlink: string };
        out[ref] = { value: h.text, link: h.hyperlink.replace(/^#/, ''), numberFormat };
        // An empty string is an empty cell in Excel (writing "" clears a cell); exceljs keeps it as a string cell.
      } else if (v !== null && v !== undefined && v !== '') out[ref] = { value: v, numberFormat };
    }),
  );
  return out;
}

function fakeCells(ws: FakeSheet): Record<string, CellView> {
  const out: Record<string, CellView> = {};
  for (const { row, col, cell } of ws.cells()) {
    if (cell.value === null && cell.formula === undefined) continue;
    const numberFormat = cell.numberFormat ?? null;
    const ref = a1(row, col);
    if (cell.formula !== undefined) out[ref] = { formula: cell.formula.slice(1), numberFormat };
    else if (cell.hyperlink?.documentReference !== undefined) out[ref] = { value: cell.value, link: cell.hyperlink.documentReference, numberFormat };
    else out[ref] = { value: cell.value, numberFormat };
  }
  return out;
}

function fakeFormulas(ws: FakeSheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { row, col, cell } of ws.cells()) if (cell.formula !== undefined) out[a1(row, col)] = cell.formula;
  return out;
}

/** Every styled plan cell carries its style in the fake workbook: font, fill, thin borders, wrap, alignment. */
function expectStyles(ws: FakeSheet, plan: SheetPlan): void {
  plan.rows.forEach((row, r) =>
    row.forEach((pc, c) => {
      const s = pc.style ? plan.styles[pc.style] : undefined;
      if (!s) return;
      const got = ws.cell(r, c)?.style;
      expect(got?.font).toEqual({ name: '宋体', size: s.fontSize ?? 11, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}), ...(s.fontColor ? { color: `#${s.fontColor}` } : {}) });
      expect(got?.fill).toBe(s.fill ? `#${s.fill}` : undefined);
      const thin = { style: 'Continuous', weight: 'Thin', color: '#808080' };
      expect(got?.borders).toEqual(s.border ? { top: thin, bottom: thin, left: thin, right: thin } : undefined);
      expect(got?.wrapText).toBe(s.wrap ? true : undefined);
      expect(got?.horizontalAlignment).toBe(s.hAlign ? { left: 'Left', center: 'Center', right: 'Right' }[s.hAlign] : undefined);
      expect(got?.verticalAlignment).toBe(s.vAlign ? { top: 'Top', middle: 'Center' }[s.vAlign] : undefined);
    }),
  );
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
}

async function bothWriters(sample: string, plansFor?: (plans: SheetPlan[]) => SheetPlan[]): Promise<{ xwb: ExcelJS.Workbook; host: FakeExcelHost; plans: SheetPlan[] }> {
  const grids = await sampleGrids(sample);
  const plans0 = buildSummaryPlans(auditWorkbook(grids));
  const plans = plansFor ? plansFor(plans0) : plans0;
  const xwb = await loadWorkbook(sampleBytes(sample));
  applyXlsx(xwb, plans);
  const host = hostWith(grids);
  await runExcel((context) => applySheetPlans(context, plans));
  return { xwb, host, plans };
}

describe.each(SAMPLES)('summary sheets via Office.js on %s', (sample) => {
  it('equal the exceljs writer’s, cell by cell (values, formulas, links, number formats, styles), with the same layout', async () => {
    const { xwb, host, plans } = await bothWriters(sample);
    try {
      const wb = host.workbook;
      expect(wb.sheets.map((s) => s.name)).toEqual(xwb.worksheets.map((w) => w.name));
      for (const plan of plans) {
        const xs = xwb.getWorksheet(plan.name);
        if (!xs) throw new Error(`exceljs has no ${plan.name}`);
        const fs = wb.sheet(plan.name);
        expect(fakeCells(fs)).toEqual(xlsxCells(xs));
        // The formulas Excel receives are the plan's, cell for cell (so the LibreOffice recalculation of
        // the plans in test/xlsx/recalc-all.test.ts speaks for Excel mode too).
        expect(fakeFormulas(fs)).toEqual(planFormulas(plan));
        expect(Object.fromEntries([...fs.rowHeights].map(([r, h]) => [r + 1, h]))).toEqual(plan.rowHeights ?? {});
        expectStyles(fs, plan);
        expect(fs.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort()).toEqual(mergesOf(xs));
        expect(fs.freezeRows).toBe((xs.views[0] as { ySplit?: number }).ySplit);
        expect(fs.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: `$${plan.printTitleRows[0]}:$${plan.printTitleRows[1]}` });
        expect(plan.columnWidths.map((_, c) => fs.columnWidths.get(c))).toEqual(plan.columnWidths.map(widthPoints));
        const table = wb.tables.find((t) => t.sheet === fs);
        if (plan.table) expect(table && `${a1(table.area.top, table.area.left)}:${a1(table.area.bottom, table.area.right)}`).toBe(xs.autoFilter);
        else expect(table).toBeUndefined();
        // Tagged by a workbook-level name pointing at A1.
        const tag = wb.names.find((n) => n.name === SHEET_TAG_PREFIX + plan.id);
        expect(tag?.sheet).toBe(fs);
        expect(tag?.area).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
      }
    } finally {
      host.uninstall();
    }
  });
});

describe('summary sheets via Office.js: re-runs and names', () => {
  it('a re-run replaces our own sheets; a user sheet with one of our names is never touched', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      const user = host.workbook.addSheet('校验结果');
      user.ensure(0, 0).value = '我的笔记';
      const before = JSON.stringify(user);
      const { audit } = await checkWorkbook();
      const first = await writeSummaries(audit);
      expect(first.sheets.find((s) => s.id === 'findings')).toMatchObject({ name: '校验结果 (2)', renamed: true, replaced: false });
      expect(first.notes).toContainEqual({ key: 'excel.note.renamed', params: { wanted: '校验结果', name: '校验结果 (2)' } });
      expect(excelText('excel.note.renamed', 'zh-CN', { wanted: '校验结果', name: '校验结果 (2)' })).toBe('已有用户工作表名为“校验结果”，汇总写入“校验结果 (2)”。');
      const namesAfterFirst = host.workbook.sheets.map((s) => s.name);

      const second = await writeSummaries(audit);
      expect(second.sheets.every((s) => s.replaced)).toBe(true);
      expect(second.sheets.find((s) => s.id === 'findings')?.name).toBe('校验结果 (2)');
      expect(host.workbook.sheets.map((s) => s.name).sort()).toEqual([...namesAfterFirst].sort());
      expect(JSON.stringify(host.workbook.sheet('校验结果'))).toBe(before);
      expect(host.workbook.names.filter((n) => n.name.startsWith(SHEET_TAG_PREFIX))).toHaveLength(second.sheets.length);
      expect(host.workbook.names.every((n) => n.sheet !== null)).toBe(true);
      expect(host.workbook.tables.map((t) => t.name)).toEqual(['AnnexAuditFindings']);
    } finally {
      host.uninstall();
    }
  });

  it('writes text that starts with = + - @ (and text Excel would parse) as text; only our formulas become formulas', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      const risky = ['=1+1', '+86 0743', '-', '-5', '@家', "'引号", '001', '2024-01-01', 'TRUE', '#N/A', '50%', '普通文本'];
      const plan: SheetPlan = {
        id: 'probe',
        name: '探针',
        rows: [risky.map((value) => ({ value })), [{ value: 3, formula: 'SUM(1,2)' }, { value: 7 }, { value: true }, { value: null }]],
        merges: [],
        columnWidths: [],
        frozenRows: 0,
        printTitleRows: [1, 1],
        print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: false },
        styles: {},
      };
      await runExcel((context) => applySheetPlans(context, [plan]));
      const ws = host.workbook.sheet('探针');
      risky.forEach((text, c) => {
        expect(ws.cell(0, c)).toMatchObject({ value: text });
        expect(ws.cell(0, c)?.formula).toBeUndefined();
      });
      expect(ws.cell(1, 0)?.formula).toBe('=SUM(1,2)');
      expect(ws.cell(1, 1)).toMatchObject({ value: 7 });
      expect(ws.cell(1, 2)).toMatchObject({ value: true });
      expect(ws.cell(1, 3)?.value ?? null).toBeNull();
      // Only text Excel could parse carries the text prefix; ordinary text is sent as it is.
      expect(cellInput({ value: '=1+1' })).toBe("'=1+1");
      expect(cellInput({ value: 'Mar 5' })).toBe("'Mar 5");
      expect(cellInput({ value: '2024年1月5日' })).toBe("'2024年1月5日");
      expect(cellInput({ value: '附件3' })).toBe('附件3');
      expect(cellInput({ value: '第1项' })).toBe('第1项');
      expect(cellInput({ value: 3, formula: 'SUM(1,2)' })).toBe('=SUM(1,2)');
    } finally {
      host.uninstall();
    }
  });

  it('user text =HYPERLINK(…) in an annex reaches the summary as text, never as a formula', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const sheet3 = grids.find((g) => g.name === '附件3');
    if (!sheet3) throw new Error('no 附件3');
    setCell(sheet3, 'C7', '=HYPERLINK("http://x","社会信用体系建设")');
    const host = hostWith(grids);
    try {
      const { audit } = await checkWorkbook();
      await writeSummaries(audit);
      let found = 0;
      for (const name of ['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']) {
        for (const { cell } of host.workbook.sheet(name).cells()) {
          if (typeof cell.value === 'string' && cell.value.startsWith('=HYPERLINK')) found++;
          expect(cell.formula ?? '').not.toContain('HYPERLINK');
        }
      }
      expect(found).toBeGreaterThan(0);
    } finally {
      host.uninstall();
    }
  });
});

describe('page setup Excel refuses (audit §2.5: unverified in real Excel, so it is its own step)', () => {
  it('summaries are written in full without the page setup, and a note names the sheets', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const audit = auditWorkbook(grids);
    const host = hostWith(grids);
    host.failures.pageLayout = 'InvalidArgument';
    try {
      const result = await writeSummaries(audit);
      expect(result.sheets.map((s) => s.name)).toEqual(['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
      const names = ['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果'];
      // The names are a list in the reader's language, rendered when the note is shown.
      expect(result.notes).toEqual([{ key: 'excel.note.pageLayoutSkipped', params: { sheets: { list: names } } }]);
      expect(renderHostNote(result.notes[0]!, 'en-US')).toContain(names.join(', '));
      const ws = host.workbook.sheet('校验结果');
      expect(ws.pageLayout).toEqual({});
      expect(ws.at('A3')?.value).toBe('错误');
      expect(ws.freezeRows).toBe(2);
    } finally {
      host.uninstall();
    }
  });
});
