/** 自检 on the fake host: every step passes, the temporary sheet is gone, a fault shows as a failed line. */
import { renderSelfTest, runSelfTest } from '../../src/excel';
import type { FakeExcelHost } from '../fakes/excel';
import { sampleGrids } from '../helpers/grids';
import { hostWith } from './support';

async function withHost<T>(body: (host: FakeExcelHost) => Promise<T>): Promise<T> {
  const host = hostWith(await sampleGrids('incentive-2022.xlsx'));
  try {
    return await body(host);
  } finally {
    host.uninstall();
  }
}

describe('self-test (自检)', () => {
  it('on a healthy host every line passes, the temporary hidden sheet is removed, and the user data is untouched', async () => {
    await withHost(async (host) => {
      const before = host.workbook.snapshot();
      host.workbook.activeSheet = '附件2';
      const report = await runSelfTest();
      expect(report.lines.map((l) => [l.step, l.ok])).toEqual([
        ['addSheet', true],
        ['write', true],
        ['read', true],
        ['mergedAreas', true],
        ['conditionalFormats', true],
        ['names', true],
        ['table', true],
        ['freeze', true],
        ['pageLayout', true],
        ['calculation', true],
        ['protection', true],
        ['select', true],
        ['removeSheet', true],
      ]);
      expect(report.leftover).toBeUndefined();
      expect(host.workbook.snapshot()).toEqual(before);
      expect(host.workbook.activeSheet).toBe('附件2');
      expect(host.runOptions).toHaveLength(1);
      const text = renderSelfTest(report, 'zh-CN');
      expect(text.summary).toBe('自检完成：13/13 项通过。');
      expect(text.text).toContain('Office 版本: 16.0.99999.10000 (fake)');
      expect(text.text).toContain('支持的接口集: ExcelApi 1.1–1.17');
      expect(text.text).toContain('[通过] 条件格式：添加、读取、删除');
    });
  });

  it('a fault shows as a failed line with Office’s code (never its text); the other steps still run and the sheet is removed', async () => {
    await withHost(async (host) => {
      host.failures.pageLayout = 'InvalidArgument';
      const report = await runSelfTest();
      expect(report.lines.find((l) => l.step === 'pageLayout')).toEqual({ step: 'pageLayout', ok: false, code: 'InvalidArgument' });
      expect(report.lines.filter((l) => l.ok !== true).map((l) => l.step)).toEqual(['pageLayout']);
      expect(host.workbook.sheets.some((s) => s.name.startsWith('AnnexAudit'))).toBe(false);
      const text = renderSelfTest(report, 'en-US');
      expect(text.summary).toBe('Self-test done: 12/13 passed, 1 failed. Copy the result for your administrator.');
      expect(text.text).toContain('[FAIL] Page setup (A4 landscape, fit to width, print titles) — InvalidArgument');
      expect(text.text).not.toContain('The argument is invalid');
    });
  });

  it('ExcelApi 1.12: the merged-areas line is not run; 保护工作簿: adding the sheet fails and nothing else is tried on it', async () => {
    await withHost(async (host) => {
      host.excelApi = '1.12';
      const report = await runSelfTest();
      expect(report.lines.find((l) => l.step === 'mergedAreas')?.ok).toBeNull();
      host.excelApi = '1.17';
      host.workbook.structureProtected = true;
      const locked = await runSelfTest();
      expect(locked.lines.find((l) => l.step === 'addSheet')).toEqual({ step: 'addSheet', ok: false, code: 'AccessDenied' });
      expect(locked.lines.find((l) => l.step === 'write')?.ok).toBeNull();
      expect(locked.lines.find((l) => l.step === 'protection')).toMatchObject({ ok: true, info: expect.stringContaining('workbook protected') });
    });
  });

  it('Excel stops answering: the hung step fails with "timeout", the rest is not run, the leftover sheet is named', async () => {
    await withHost(async (host) => {
      host.failures.hangAtSync = 3;
      const report = await runSelfTest({ timeoutMs: 50 });
      expect(report.lines.find((l) => l.step === 'read')).toEqual({ step: 'read', ok: false, code: 'timeout' });
      expect(report.lines.find((l) => l.step === 'removeSheet')?.ok).toBeNull();
      expect(report.leftover).toMatch(/^AnnexAudit自检/);
      expect(renderSelfTest(report).text).toContain('未能删除，请手动删除');
    });
  });

  it.each(['accept', 'reject'] as const)('freezing panes is a step of its own (freeze on a hidden sheet: %s): a refusal never skips read, merged areas or table', async (hiddenSheetFreeze) => {
    await withHost(async (host) => {
      host.hiddenSheetFreeze = hiddenSheetFreeze;
      const report = await runSelfTest();
      expect(report.lines.filter((l) => l.ok !== true)).toEqual([]);
      expect(report.lines.find((l) => l.step === 'freeze')).toEqual({ step: 'freeze', ok: true });
      expect(host.workbook.sheets.some((s) => s.name.startsWith('AnnexAudit'))).toBe(false);
    });
  });

  it('a freeze Excel refuses on any sheet fails that line only', async () => {
    await withHost(async (host) => {
      // Syncs: add 1, write 2, read 3, merged areas 4, CFs 5–7, names 8–10, table 11, freeze 12 (show) and 13.
      host.failures.failAtSync = { sync: 13, code: 'InvalidOperation' };
      const report = await runSelfTest();
      expect(report.lines.filter((l) => l.ok === false)).toEqual([{ step: 'freeze', ok: false, code: 'InvalidOperation' }]);
      expect(report.lines.find((l) => l.step === 'read')?.ok).toBe(true);
      expect(report.lines.find((l) => l.step === 'table')?.ok).toBe(true);
    });
  });

  it('cell-edit mode: the held add-sheet request is reported as a possible leftover, and Excel does add it later', async () => {
    await withHost(async (host) => {
      host.cellEdit = true;
      const report = await runSelfTest({ timeoutMs: 50 });
      expect(report.lines.find((l) => l.step === 'addSheet')).toEqual({ step: 'addSheet', ok: false, code: 'busy' });
      expect(report.lines.filter((l) => l.ok === true)).toEqual([]);
      expect(report.leftover).toMatch(/^AnnexAudit自检/);
      expect(report.leftoverUncertain).toBe(true);
      expect(renderSelfTest(report).text).toContain(`Excel 可能稍后仍会建立临时工作表“${report.leftover}”`);
      host.exitCellEdit();
      await new Promise((r) => setTimeout(r, 20));
      expect(host.workbook.sheets.some((s) => s.name === report.leftover)).toBe(true);
      // The next self-test finds it and names it, in both languages.
      const next = await runSelfTest();
      expect(next.earlier).toEqual([report.leftover]);
      expect(next.lines.filter((l) => l.ok !== true)).toEqual([]);
      expect(renderSelfTest(next).text).toContain(`工作簿中有以前自检留下的临时工作表：${report.leftover}`);
      expect(renderSelfTest(next, 'en-US').text).toContain(`temporary sheets an earlier self-test left behind: ${report.leftover}`);
    });
  });

  it('outside Excel: no lines, and the summary says it is not in Excel', async () => {
    const report = await runSelfTest();
    expect(report.lines).toEqual([]);
    expect(renderSelfTest(report).summary).toContain('未在 Excel 中运行');
  });
});
