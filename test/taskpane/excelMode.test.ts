/** The pane's Excel-mode services against the fake Excel host: check, recompute, clear, settings, failures. */
import { auditWorkbook } from '../../src/core';
import { createExcelServices } from '../../src/taskpane/services/excelMode';
import { isPaneError } from '../../src/taskpane/services/types';
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
    expect(new Set(ourMarks())).toEqual(new Set(['附件2', '附件3', '附件4', '附件5']));
    expect(steps).toEqual(['reading', 'writing']);
    // One user action, one Excel.run (read, audit and mark inside it), with delayForCellEdit.
    expect(host.runOptions).toEqual([{ delayForCellEdit: true }]);
    expect(host.syncs).toBe(6);
  });

  it('重算汇总 writes the summary sheets; 清除标记 removes exactly our marks', async () => {
    const services = createExcelServices();
    const out = await services.summarize?.({}, 'zh-CN', step);
    expect(out?.sheets).toEqual(['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '校验结果']);
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

  it('a protected sheet gives the catalogue message in the user’s language, and nothing changes', async () => {
    const sheet = host.workbook.sheets.find((s) => s.name === '附件4');
    if (!sheet) throw new Error('no 附件4');
    sheet.protected = true;
    const services = createExcelServices();
    const err = await services.check({}, 'zh-CN', step).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isPaneError(err)).toBe(true);
    expect((err as Error).message).toMatch(/受保护/);
    expect((err as Error).message).not.toMatch(/AccessDenied|InvalidOperation/);
    expect(ourMarks()).toEqual([]);
  });

  it('a hung Excel call ends with the timeout message, not a hang', async () => {
    host.failures = { hangAtSync: 1 };
    const { checkWorkbook } = await import('../../src/excel');
    const err = await checkWorkbook({ timeoutMs: 200 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(/没有响应/);
  });
});
