/**
 * Round trips to Excel: a constant number of syncs per action, whatever the number of sheets, rows or
 * findings; more only for the chunks Excel's 5 MB payload limit forces on 20,000-row annexes.
 */
import { type Audit, highlightPlan } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { checkWorkbook, clearFindingMarks, markFindings, selectCell, writeSummaries } from '../../src/excel';
import { PAYLOAD_BUDGET } from '../../src/excel/batch';
import { type FakeExcelHost, PAYLOAD_LIMIT, type SyncRecord } from '../fakes/excel';
import { sampleGrids } from '../helpers/grids';
import { hostWith, syntheticGrids } from './support';

async function counted<T>(grids: readonly Grid[], action: (host: FakeExcelHost) => Promise<T>): Promise<{ syncs: SyncRecord[]; value: T }> {
  const host = hostWith(grids);
  try {
    const value = await action(host);
    return { syncs: [...host.syncLog], value };
  } finally {
    host.uninstall();
  }
}

describe('syncs on the samples', () => {
  it.each([
    // sample, check, summary (sheets; content; page setup on its own), mark, clear
    ['incentive-2022.xlsx', 3, 3, 3, 3],
    ['keywork-2024.xlsx', 3, 3, 3, 3],
  ])('%s: check %i, write summaries %i, mark %i, clear %i, select 1', async (sample, check, summary, mark, clear) => {
    const grids = await sampleGrids(sample);
    const checked = await counted(grids, () => checkWorkbook());
    expect(checked.syncs).toHaveLength(check);
    const audit = checked.value.audit;
    expect((await counted(grids, () => writeSummaries(audit))).syncs).toHaveLength(summary);
    // Marking: the sheets, their conditional formats, then one sync deleting ours and adding the new ones —
    // which is left out when there is nothing to delete or add.
    const plan = highlightPlan(
      audit,
      audit.sheets.map((x) => x.name),
    );
    expect((await counted(grids, () => markFindings(audit))).syncs).toHaveLength(plan.marks.length > 0 ? mark : 2);
    const cleared = await counted(grids, async (host) => {
      await markFindings(audit);
      host.resetStats();
      return clearFindingMarks();
    });
    expect(cleared.syncs).toHaveLength(cleared.value.removed > 0 ? clear : 2);
    const selected = await counted(grids, async (host) => {
      await selectCell('附件1', 'B5');
      return host.workbook.selection;
    });
    expect(selected.syncs).toHaveLength(1);
    expect(selected.value).toEqual({ sheet: '附件1', address: 'B5' });
  });
});

describe('syncs on 20,000 rows per annex (附件3 and 附件4 data rows repeated)', () => {
  let large: Grid[];
  let audit: Audit;
  let checkSyncs: SyncRecord[];

  beforeAll(async () => {
    large = await syntheticGrids(20_000);
    const checked = await counted(large, () => checkWorkbook());
    checkSyncs = checked.syncs;
    audit = checked.value.audit;
  }, 120_000);

  it('check: 100 rows per annex takes the same 3 syncs as the sample', async () => {
    const small = await syntheticGrids(100);
    expect((await counted(small, () => checkWorkbook())).syncs).toHaveLength(3);
  });

  it('check: 2 + 13 syncs; the 13 data syncs are forced by the payload limit (each but the last full)', () => {
    expect(checkSyncs).toHaveLength(15);
    const data = checkSyncs.slice(2);
    // ~40 MB of values, formulas and number formats in batches of at most the 4 MB budget.
    for (const s of data) expect(s.requestBytes + s.responseBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    for (const s of data.slice(0, -1)) expect(s.responseBytes).toBeGreaterThan(PAYLOAD_BUDGET * 0.7);
    expect(checkSyncs.every((s) => s.outcome === 'ok' && s.requestBytes <= PAYLOAD_LIMIT && s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
  });

  it('write summaries (57,679 findings listed: the 65 tally mismatches of the repeated rows are one misread-suspected warning): 1 + 9 + 1 syncs, the 9 forced by the payload limit, the last the page setup', async () => {
    expect(audit.findings).toHaveLength(57_679);
    const { syncs } = await counted(large, () => writeSummaries(audit));
    expect(syncs).toHaveLength(11);
    for (const s of syncs.slice(1, -2)) expect(s.requestBytes).toBeGreaterThan(PAYLOAD_BUDGET * 0.7);
    expect(syncs.every((s) => s.outcome === 'ok' && s.requestBytes <= PAYLOAD_BUDGET)).toBe(true);
  }, 60_000);

  it('mark: 3 syncs for 5,000 findings and for all 57,679', async () => {
    const five = await counted(large, () => markFindings({ ...audit, findings: audit.findings.slice(0, 5000) }));
    expect(five.syncs).toHaveLength(3);
    const all = await counted(large, () => markFindings(audit));
    expect(all.syncs).toHaveLength(3);
    expect(all.value.marked).toBeGreaterThan(five.value.marked);
  }, 60_000);
});
