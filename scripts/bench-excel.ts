/**
 * Office.js adapter benchmark on the fake Excel host (test/fakes/excel.ts): syncs and payload of check,
 * write-summary and mark, on the incentive sample grown to N data rows in 附件3 and 附件4.
 * Run: npx tsx scripts/bench-excel.ts — prints one JSON line per metric.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Audit, auditWorkbook } from '../src/core';
import type { Grid } from '../src/core/grid';
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
