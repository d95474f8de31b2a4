/**
 * Failures reach the user as catalogue messages (zh-CN / en-US), never as Office's own text: protected
 * sheets, hung syncs, a busy Excel, payloads past the limit (retried in smaller chunks), name clashes.
 */
import { auditWorkbook, type Audit } from '../../src/core';
import {
  checkRequirements,
  checkWorkbook,
  excelText,
  ExcelAdapterError,
  isExcelAdapterError,
  readWorkbookGrids,
  runExcel,
  selectCell,
  writeSummaries,
} from '../../src/excel';
import { toExcelAdapterError } from '../../src/excel/errors';
import { FakeOfficeError, RAW_OFFICE_TEXT } from '../fakes/excel';
import { sampleGrids } from '../helpers/grids';
import { hostWith } from './support';

async function failure(p: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await p;
  } catch (e) {
    if (isExcelAdapterError(e)) return e;
    throw new Error(`not an ExcelAdapterError: ${String(e)}`);
  }
  throw new Error('did not fail');
}

function expectNoRawOfficeText(e: ExcelAdapterError): void {
  for (const raw of Object.values(RAW_OFFICE_TEXT)) {
    expect(e.message).not.toContain(raw);
    expect(e.userMessage('zh-CN')).not.toContain(raw);
    expect(e.userMessage('en-US')).not.toContain(raw);
  }
}

let audit: Audit;
beforeAll(async () => {
  audit = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
});

describe('Office failures → catalogue messages', () => {
  it('a protected workbook structure (保护工作簿): no summary sheet is attempted, the note says nothing changed', async () => {
    const host = hostWith(await sampleGrids('incentive-2022.xlsx'));
    try {
      host.workbook.structureProtected = true;
      const before = host.workbook.snapshot();
      const result = await writeSummaries(audit);
      expect(result).toEqual({ sheets: [], notes: [{ key: 'excel.note.summariesProtected' }] });
      expect(excelText('excel.note.summariesProtected')).toContain('工作簿未被更改');
      expect(host.workbook.snapshot()).toEqual(before);
    } finally {
      host.uninstall();
    }
  });

  it('AccessDenied from Excel → the mapped zh-CN message; Office text kept for logs only', async () => {
    const host = hostWith(await sampleGrids('incentive-2022.xlsx'));
    try {
      host.failures.failAtSync = { sync: 2, code: 'AccessDenied' };
      const e = await failure(writeSummaries(audit));
      expect(e.problem).toBe('protected');
      expect(e.officeCode).toBe('AccessDenied');
      expect(e.message).toBe('工作表或工作簿受保护，无法写入。请先撤销保护（“审阅”→“撤销工作表保护”/“保护工作簿”）后重试。');
      expect(e.userMessage('en-US')).toBe(excelText('excel.protected', 'en-US'));
      expectNoRawOfficeText(e);
      expect(e.detail).toContain(RAW_OFFICE_TEXT.AccessDenied);
    } finally {
      host.uninstall();
    }
  });

  it('a sync that never resolves: timeout error with the zh-CN message', async () => {
    const host = hostWith(await sampleGrids('incentive-2022.xlsx'));
    try {
      host.failures.hangAtSync = 2;
      const e = await failure(checkWorkbook({ timeoutMs: 50 }));
      expect(e.problem).toBe('timeout');
      expect(e.message).toBe(excelText('excel.timeout', 'zh-CN', { seconds: 1 }));
      expect(e.message).toContain('Excel 在 1 秒内没有响应');
      expect(host.syncLog.map((s) => s.outcome)).toEqual(['ok', 'hung']);
    } finally {
      host.uninstall();
    }
  });

  it('payload too large: the read is retried in smaller row chunks and succeeds with the same grids', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      const expected = await runExcel((context) => readWorkbookGrids(context));
      host.resetStats();
      host.payloadLimit = 48 * 1024;
      const got = await runExcel((context) => readWorkbookGrids(context));
      expect(got).toEqual(expected);
      const rejected = host.syncLog.filter((s) => s.outcome === 'rejected');
      expect(rejected.length).toBeGreaterThan(0);
      expect(host.syncLog.filter((s) => s.outcome === 'ok').every((s) => s.responseBytes <= 48 * 1024)).toBe(true);
    } finally {
      host.uninstall();
    }
  });

  it('payload too large: summaries are written in smaller row chunks and equal the unchunked result', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const whole = hostWith(grids);
    await writeSummaries(audit);
    whole.uninstall();
    const host = hostWith(grids);
    try {
      host.payloadLimit = 24 * 1024;
      await writeSummaries(audit);
      expect(host.syncLog.some((s) => s.outcome === 'rejected')).toBe(true);
      expect(host.workbook.snapshot()).toEqual(whole.workbook.snapshot());
    } finally {
      host.uninstall();
    }
  });

  it('a payload too large for any split: the mapped message', async () => {
    const host = hostWith(await sampleGrids('keywork-2024.xlsx'));
    try {
      host.payloadLimit = 200;
      const e = await failure(checkWorkbook());
      expect(e.problem).toBe('payload-too-large');
      expect(e.message).toBe(excelText('excel.payloadTooLarge'));
      expectNoRawOfficeText(e);
    } finally {
      host.uninstall();
    }
  });

  it('GeneralException on a large write: the mapped message, no raw text', async () => {
    const host = hostWith(await sampleGrids('incentive-2022.xlsx'));
    try {
      host.failures.generalExceptionAboveCells = 50;
      const e = await failure(writeSummaries(audit));
      expect(e.problem).toBe('general');
      expect(e.message).toBe(excelText('excel.general'));
      expectNoRawOfficeText(e);
    } finally {
      host.uninstall();
    }
  });

  it('a sheet that is gone: not-found message; a name clash: name-clash message', async () => {
    const host = hostWith(await sampleGrids('incentive-2022.xlsx'));
    try {
      expect((await failure(selectCell('不存在', 'A1'))).problem).toBe('not-found');
      host.failures.failAtSync = { sync: host.syncs + 2, code: 'ItemAlreadyExists' };
      const e = await failure(writeSummaries(audit));
      expect(e.problem).toBe('name-clash');
      expect(e.message).toBe(excelText('excel.nameClash'));
    } finally {
      host.uninstall();
    }
  });

  it.each([
    ['AccessDenied', 'protected'],
    ['InvalidOperation', 'rejected'],
    ['InvalidOperationInCellEditMode', 'cell-edit'],
    ['Conflict', 'conflict'],
    ['MergedRangeConflict', 'merged-conflict'],
    ['ItemAlreadyExists', 'name-clash'],
    ['ItemNotFound', 'not-found'],
    ['RequestPayloadSizeLimitExceeded', 'payload-too-large'],
    ['ResponsePayloadSizeLimitExceeded', 'payload-too-large'],
    ['PayloadTooLarge', 'payload-too-large'],
    ['GeneralException', 'general'],
    ['SomethingNew', 'unexpected'],
  ])('Office code %s → %s', (code, problem) => {
    const e = toExcelAdapterError(new FakeOfficeError(code, 'raw office text'));
    expect(e.problem).toBe(problem);
    expect(e.message).not.toContain('raw office text');
    expect(e.userMessage('en-US')).not.toContain('raw office text');
  });
});

describe('requirements', () => {
  it('outside Excel: nothing supported, no crash, and the adapter says it is not in Excel', async () => {
    const req = checkRequirements();
    expect(req.supported.size).toBe(0);
    expect(req.missing.map((m) => m.requirement)).toContain('ExcelApi 1.9');
    expect(req.missing.find((m) => m.feature === 'core')?.message['zh-CN']).toBe(excelText('excel.req.core', 'zh-CN', { version: '1.9' }));
    const e = await failure(checkWorkbook());
    expect(e.problem).toBe('not-in-excel');
  });

  it('ExcelApi 1.12: check still works without merged areas and says so; below the manifest minimum (1.8): a clear unsupported error', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      host.excelApi = '1.12';
      expect(checkRequirements().missing.map((m) => m.feature)).toEqual(['mergedAreas']);
      const result = await checkWorkbook();
      expect(result.notes).toEqual([{ key: 'excel.req.mergedAreas' }]);
      expect(result.grids.every((g) => g.merges.length === 0)).toBe(true);
      host.excelApi = '1.8';
      const e = await failure(checkWorkbook());
      expect(e.problem).toBe('unsupported');
      expect(e.message).toBe(excelText('excel.unsupported', 'zh-CN', { feature: 'ExcelApi 1.9' }));
    } finally {
      host.uninstall();
    }
  });

  it('every run asks Excel to wait for cell editing to end (delayForCellEdit)', async () => {
    const host = hostWith(await sampleGrids('keywork-2024.xlsx'));
    try {
      await checkWorkbook();
      expect(host.runOptions).toEqual([{ delayForCellEdit: true }]);
    } finally {
      host.uninstall();
    }
  });
});
