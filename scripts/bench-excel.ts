/**
 * Office.js adapter benchmark on the fake Excel host (test/fakes/excel.ts): syncs and payload of check,
 * write-summary and mark, on the incentive sample grown to N data rows in 附件3 and 附件4.
 * Run: npx tsx scripts/bench-excel.ts — prints one JSON line per metric.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Audit, auditWorkbook, type Grid } from '../src/core';
import { checkWorkbook, markFindings, writeSummaries } from '../src/excel';
import { readGrids } from '../src/xlsx';
import { type FakeExcelHost, FakeWorkbook, installFakeExcel } from '../test/fakes/excel';
import { repeatDataRows } from '../test/excel/support';

async function workbook(dataRows: number): Promise<Grid[]> {
  const grids = await readGrids(readFileSync(join(__dirname, '..', 'samples', 'incentive-2022.xlsx')), 'incentive-2022.xlsx');
  const first: Record<string, number> = { 附件3: 4, 附件4: 3 };
  return grids.map((g) => (first[g.name] !== undefined ? repeatDataRows(g, first[g.name] as number, dataRows) : g));
}

async function measure<T>(grids: readonly Grid[], action: (host: FakeExcelHost) => Promise<T>): Promise<{ host: FakeExcelHost; value: T }> {
  const host = installFakeExcel(FakeWorkbook.fromGrids(grids));
  try {
    const value = await action(host);
    return { host, value };
  } finally {
    host.uninstall();
  }
}

function emit(metric: string, value: number, unit: string, extra: Record<string, number> = {}): void {
  process.stdout.write(`${JSON.stringify({ metric, value, unit, ...extra })}\n`);
}

/**
 * The way many add-ins read a sheet: one range load and one sync per row. Here: every row of every
 * sheet's used range, values and number formats, then merged areas per sheet.
 */
async function naiveRead(): Promise<number> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    let cells = 0;
    for (const ws of sheets.items) {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowCount,columnCount');
      // one sync per row: the naive pattern being measured
      await context.sync();
      if (used.isNullObject) continue;
      for (let r = 0; r < used.rowCount; r++) {
        const row = ws.getRangeByIndexes(r, 0, 1, used.columnCount);
        row.load('values,numberFormat');
        // one sync per row: the naive pattern being measured
        await context.sync();
        cells += row.values[0]?.length ?? 0;
      }
    }
    return cells;
  });
}

async function timed(grids: readonly Grid[], latencyMs: number, action: () => Promise<unknown>): Promise<{ ms: number; syncs: number }> {
  const { host, value } = await measure(grids, async (h) => {
    h.latencyMs = latencyMs;
    const t0 = performance.now();
    await action();
    return performance.now() - t0;
  });
  return { ms: value, syncs: host.syncs };
}

async function main(): Promise<void> {
  const small = await workbook(100);
  const large = await workbook(20_000);

  const check100 = await measure(small, () => checkWorkbook());
  emit('excel.syncs.check.rows_100', check100.host.syncs, 'syncs');

  const check20k = await measure(large, () => checkWorkbook());
  emit('excel.syncs.check.rows_20000', check20k.host.syncs, 'syncs');

  const audit: Audit = auditWorkbook(large);
  const summary = await measure(large, () => writeSummaries(audit));
  emit('excel.syncs.summary.rows_20000', summary.host.syncs, 'syncs', { findings: audit.findings.length });

  const findings5000: Audit = { ...audit, findings: audit.findings.slice(0, 5000) };
  const mark = await measure(large, () => markFindings(findings5000));
  emit('excel.syncs.mark.findings_5000', mark.host.syncs, 'syncs', { marked: mark.value.marked });

  // Latency: our reader really waits 50 ms per sync. The naive reader would take 40,000+ syncs (over half
  // an hour), so its time is its measured CPU time (latency 0) plus 50 ms × its counted syncs; the same
  // model is checked against a real 50 ms run on 200 rows.
  const LATENCY = 50;
  const ours = await timed(large, LATENCY, () => checkWorkbook());
  emit('excel.ms.check.rows_20000.latency_50', Math.round(ours.ms), 'ms', { syncs: ours.syncs });
  const naiveCpu = await timed(large, 0, naiveRead);
  const naiveMs = naiveCpu.ms + naiveCpu.syncs * LATENCY;
  emit('excel.ms.naive.rows_20000.latency_50', Math.round(naiveMs), 'ms', { syncs: naiveCpu.syncs, modelled: 1 });
  emit('excel.ratio_vs_naive', Math.round((naiveMs / ours.ms) * 10) / 10, 'x');
  const tiny = await workbook(200);
  const naiveTinyReal = await timed(tiny, LATENCY, naiveRead);
  const naiveTinyCpu = await timed(tiny, 0, naiveRead);
  emit('excel.ms.naive.rows_200.latency_50', Math.round(naiveTinyReal.ms), 'ms', {
    syncs: naiveTinyReal.syncs,
    model_ms: Math.round(naiveTinyCpu.ms + naiveTinyCpu.syncs * LATENCY),
  });

  const { request, response } = check20k.host.bytes;
  emit('excel.kb.check.rows_20000', Math.round((request + response) / 1024), 'KB', {
    request_kb: Math.round(request / 1024),
    response_kb: Math.round(response / 1024),
    max_sync_kb: Math.round(Math.max(...check20k.host.syncLog.map((s) => s.requestBytes + s.responseBytes)) / 1024),
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
