/** The pane's Excel-mode services against the fake Excel host: check, recompute, clear, settings, failures. */
import { auditWorkbook, summaryChartViews } from '../../src/core';
import { createExcelServices } from '../../src/taskpane/services/excelMode';
import type { FakeExcelHost } from '../fakes/excel';
import { sampleHost } from '../excel/support';
import { sampleGrids } from '../helpers/grids';

let host: FakeExcelHost;
const steps: string[] = [];
const step = (s: string) => steps.push(s);
const stored = new Map<string, unknown>();

beforeEach(async () => {
  host = await sampleHost('incentive-2022.xlsx');
  steps.length = 0;
  stored.clear();
  const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
  office['AsyncResultStatus'] = { Succeeded: 'succeeded', Failed: 'failed' };
  office['context'] = {
    ...(office['context'] as object),
    document: {
      settings: {
        get: (k: string) => stored.get(k) ?? null,
        set: (k: string, v: unknown) => stored.set(k, v),
        saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
      },
    },
  };
});

afterEach(() => host.uninstall());

function ourMarks(): string[] {
  return host.workbook.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => JSON.stringify(cf).includes('annex-audit')).map(() => s.name));
}

describe('Excel mode services', () => {
  it('校验 reads the open workbook, returns the same findings as the core, and marks their cells', async () => {
    const services = createExcelServices();
    const view = await services.check({}, 'zh-CN', step);
    const expected = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    expect(view.findings).toEqual(expected.findings);
    expect(view.counts).toEqual({ error: 2, warning: 12, info: 3 });
    // The pane's charts come from the same chart plans the hosts write.
    expect(view.charts).toEqual(summaryChartViews(expected));
    expect(view.charts?.['en-US'].map((c) => c.title)).toEqual(['Ratings per lead unit', 'Completion rate per lead unit (highest first, overall last)']);
    expect(new Set(ourMarks())).toEqual(new Set(['附件2', '附件3', '附件4', '附件5']));
    expect(steps).toEqual(['reading', 'writing']);
    // One user action, one Excel.run (read, audit and mark inside it), with delayForCellEdit.
    expect(host.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(host.syncs).toBe(6);
  });

  it('重算汇总 writes the summary sheets; 清除标记 removes exactly our marks', async () => {
    const services = createExcelServices();
    const out = await services.summarize?.({}, 'zh-CN', step);
    expect(out?.sheets).toEqual(['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
    expect(host.runOptions).toHaveLength(1);
    expect(host.workbook.sheets.map((s) => s.name)).toContain('汇总-研判统计');
    expect(ourMarks().length).toBeGreaterThan(0);
    await services.clearMarks?.(step);
    expect(ourMarks()).toEqual([]);
  });

  it('settings are stored with the workbook and read back', async () => {
    const services = createExcelServices();
    expect(await services.saveSettings({ guaranteedQuotaIsVeryLikely: false })).toBe('workbook');
    expect(await services.loadSettings()).toMatchObject({ guaranteedQuotaIsVeryLikely: false });
  });

  it('校验 on a submission made on our template (annex sheets protected): findings shown, the protected sheet not marked, one note (problem 1)', async () => {
    const sheet = host.workbook.sheets.find((s) => s.name === '附件4');
    if (!sheet) throw new Error('no 附件4');
    sheet.protected = true;
    const services = createExcelServices();
    const view = await services.check({}, 'zh-CN', step);
    const expected = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    expect(view.findings).toEqual(expected.findings);
    expect(view.notes).toEqual(['工作表“附件4”受保护，未标记其中的问题单元格；校验结果不受影响。']);
    expect(new Set(ourMarks())).toEqual(new Set(['附件2', '附件3', '附件5']));
    const en = await services.check({}, 'en-US', step);
    expect(en.notes).toEqual(['Sheet "附件4" is protected, so its finding cells were not marked; the check results are complete.']);
  });

  it('重算汇总 with a protected annex sheet: summaries written, findings returned, and no message claims nothing changed (problem 1)', async () => {
    (host.workbook.sheets.find((s) => s.name === '附件4') as { protected: boolean }).protected = true;
    const services = createExcelServices();
    const out = await services.summarize?.({}, 'zh-CN', step);
    expect(out?.sheets).toEqual(['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果']);
    expect(out?.view?.counts).toEqual({ error: 2, warning: 12, info: 3 });
    expect(out?.notes).toEqual(['工作表“附件4”受保护，未标记其中的问题单元格；校验结果不受影响。']);
    for (const n of out?.notes ?? []) expect(n).not.toMatch(/未做任何更改|nothing was changed/);
  });

  it('重算汇总 with 保护工作簿: findings returned, nothing written, the note says the workbook was not changed', async () => {
    host.workbook.structureProtected = true;
    const before = host.workbook.sheets.map((s) => s.name);
    const out = await createExcelServices().summarize?.({}, 'zh-CN', step);
    expect(out?.sheets).toEqual([]);
    expect(out?.view?.findings.length).toBe(17);
    expect(out?.notes?.[0]).toBe('工作簿结构受保护，未写入汇总表，工作簿未被更改。请撤销“保护工作簿”后再重算汇总。');
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(before);
  });

  it('a summary write that fails half-way: findings returned; the note names the sheets that may be incomplete, never "nothing changed"', async () => {
    // Syncs 1–3 read, 4 surveys the workbook for summaries, 5 creates and fills the sheets: fail there.
    host.failures.failAtSync = { sync: 5, code: 'GeneralException' };
    const out = await createExcelServices().summarize?.({}, 'zh-CN', step);
    expect(out?.view?.counts).toEqual({ error: 2, warning: 12, info: 3 });
    expect(out?.sheets).toEqual([]);
    expect(out?.notes?.[0]).toMatch(/^汇总表未全部写完：“汇总-研判统计、汇总-县市区事项、汇总-完成率、通报草稿、校验结果”可能不完整/);
    expect(out?.notes?.[0]).toContain('原因：Excel 暂时无法完成此操作');
    expect(out?.notes?.[0]).not.toMatch(/GeneralException|internal error/);
  });

  it('a hung Excel call ends with the timeout message, not a hang', async () => {
    host.failures = { hangAtSync: 2 };
    const { checkWorkbook } = await import('../../src/excel');
    const err = await checkWorkbook({ timeoutMs: 200 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(/没有响应/);
  });
});
