/** A workbook holding annexes of both profiles is audited as both: every sheet checked, both recomputed. */
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import { cloneGrid, sampleGrids } from '../helpers/grids';

describe('both profiles in one workbook', () => {
  it('audits both: the findings of each sample, the records and the summaries of both', async () => {
    const incentive = await sampleGrids('incentive-2022.xlsx');
    const keywork = (await sampleGrids('keywork-2024.xlsx')).map((g) => cloneGrid(g, `重点-${g.name}`));
    const alone = [auditWorkbook(incentive), auditWorkbook(keywork)];
    const both = auditWorkbook([...incentive, ...keywork]);
    const key = (f: { code: string; sheet: string; cell: string }) => `${f.code} ${f.sheet}!${f.cell}`;
    expect(both.findings.map(key).sort()).toEqual(alone.flatMap((a) => a.findings.map(key)).sort());
    expect(both.recomputed.incentive?.tallyTotal.total).toBe(alone[0]?.recomputed.incentive?.tallyTotal.total);
    expect(both.recomputed.keywork?.targets?.counts).toEqual(alone[1]?.recomputed.keywork?.targets?.counts);
    const names = buildSummaryPlans(both).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['汇总-研判统计', '汇总-目标任务']));
  });
});
