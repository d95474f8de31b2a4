/**
 * What real Excel does that the adapter must survive (issue 11; evidence in ../shared/reviews/officejs-audit.md):
 * cell-edit mode with delayForCellEdit (the first sync is held and applied later), Excel's error codes,
 * manual calculation, hidden sheets. Each behaviour is modelled by the fake host with its source cited there.
 */
import { auditWorkbook } from '../../src/core';
import { checkAndMark, checkWorkbook, clearFindingMarks, excelText, isExcelAdapterError, markFindings, renderExcelNote, selectCell, writeSummaries } from '../../src/excel';
import type { FakeExcelHost } from '../fakes/excel';
import { sampleGrids } from '../helpers/grids';
import { until } from '../helpers/wait';
import { hostWith } from './support';

async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isExcelAdapterError(e)) return e.problem;
    throw e;
  }
  throw new Error('did not fail');
}

async function withSample<T>(name: string, body: (host: FakeExcelHost) => Promise<T>): Promise<T> {
  const host = hostWith(await sampleGrids(name));
  try {
    return await body(host);
  } finally {
    host.uninstall();
  }
}

describe('cell-edit mode (problem 5): Excel holds the first sync and applies it later', () => {
  it('a user editing a cell: "busy" (not a 60 s "timeout"), and the held request, applied later, changes nothing', async () => {
    await withSample('incentive-2022.xlsx', async (host) => {
      host.cellEdit = true;
      const before = host.workbook.snapshot();
      expect(await problemOf(checkAndMark({ timeoutMs: 50 }))).toBe('busy');
      expect(excelText('excel.busy', 'zh-CN', { seconds: 1 })).toContain('工作簿未被更改');
      expect(host.syncLog.map((s) => s.outcome)).toEqual(['held']);
      host.exitCellEdit();
      await new Promise((r) => setTimeout(r, 20));
      // Excel applied the held request after we gave up; nothing further was sent, nothing changed.
      expect(host.syncLog.map((s) => s.outcome)).toEqual(['ok']);
      expect(host.workbook.snapshot()).toEqual(before);
    });
  });

  it('a cell edited only briefly: the held first sync comes back in time and the action completes', async () => {
    await withSample('keywork-2024.xlsx', async (host) => {
      host.cellEdit = true;
      const pending = checkWorkbook({ timeoutMs: 2000 });
      // The user leaves the cell once Excel holds the first sync.
      await until(() => host.syncLog.some((s) => s.outcome === 'held'));
      host.exitCellEdit();
      const result = await pending;
      expect(result.audit.findings.length).toBeGreaterThan(0);
      expect(host.syncLog.every((s) => s.outcome === 'ok')).toBe(true);
    });
  });

  it.each([
    ['check', () => checkWorkbook()],
    ['校验 (check and mark)', () => checkAndMark()],
    ['重算汇总', () => checkAndMark({ summaries: true })],
    ['write summaries', async () => writeSummaries(auditWorkbook(await sampleGrids('incentive-2022.xlsx')))],
    ['mark', async () => markFindings(auditWorkbook(await sampleGrids('incentive-2022.xlsx')))],
    ['clear marks', () => clearFindingMarks()],
  ])('%s: the first sync only reads, so a held first sync applied late can never write', async (_name, action) => {
    await withSample('incentive-2022.xlsx', async (host) => {
      await action();
      expect(host.syncLog[0]?.writes).toBe(0);
    });
  });

  it('editing starts mid-action (while marks are written): the findings are returned with a note that says changes may still apply; nothing more is sent', async () => {
    await withSample('incentive-2022.xlsx', async (host) => {
      // Syncs 1–3 read, 4–5 survey the marks, 6 writes them: the user starts editing just then.
      host.failures.cellEditAtSync = 6;
      const result = await checkAndMark({ timeoutMs: 50 });
      expect(result.audit.counts).toEqual({ error: 2, warning: 12, info: 3 });
      expect(result.notes).toEqual([{ key: 'excel.note.writeTimedOut', params: { seconds: 1 } }]);
      expect(renderExcelNote(result.notes[0] as never)).toContain('已发出的更改可能在 Excel 空闲后才生效');
      host.exitCellEdit();
      await new Promise((r) => setTimeout(r, 20));
      expect(host.syncLog.map((s) => s.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    });
  });
});

describe('manual calculation (problem 7)', () => {
  it('Manual: the workbook is recalculated before reading (a stale total is not judged) and a note says so', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const clean = auditWorkbook(grids);
    await withSample('incentive-2022.xlsx', async (host) => {
      host.workbook.calculationMode = 'Manual';
      // 附件1 B5 is =SUM(B6:B31) = 65; its cached result is stale until Excel calculates.
      const cell = host.workbook.sheet('附件1').at('B5');
      if (!cell) throw new Error('no B5');
      cell.pending = 65;
      cell.value = 64;
      const result = await checkAndMark();
      expect(host.workbook.calculations).toBe(1);
      expect(result.notes).toEqual([{ key: 'excel.note.manualCalc' }]);
      expect(result.audit.findings).toEqual(clean.findings);
      expect(renderExcelNote({ key: 'excel.note.manualCalc' })).toContain('修改数据后请按 F9');
    });
  });

  it('Automatic: no recalculation, no note, no extra sync', async () => {
    await withSample('incentive-2022.xlsx', async (host) => {
      const result = await checkWorkbook();
      expect(host.workbook.calculations).toBe(0);
      expect(result.notes).toEqual([]);
      expect(host.syncs).toBe(3);
    });
  });
});

describe('hidden sheets', () => {
  it('going to a cell on a hidden sheet names the sheet instead of a generic or "protected" message', async () => {
    await withSample('incentive-2022.xlsx', async (host) => {
      host.workbook.sheet('附件3').visibility = 'Hidden';
      expect(await problemOf(selectCell('附件3', 'B5'))).toBe('hidden-sheet');
      expect(excelText('excel.hiddenSheet', 'zh-CN', { sheet: '附件3' })).toContain('工作表“附件3”已隐藏');
      // Where Excel does activate hidden sheets, the jump just works.
      host.hiddenSheetActivate = 'accept';
      await selectCell('附件3', 'B5');
      expect(host.workbook.selection).toEqual({ sheet: '附件3', address: 'B5' });
    });
  });
});
