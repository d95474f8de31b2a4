/**
 * 汇总-县市区事项's last column compares each county's items derived from 附件3 with what 附件2 lists: items
 * not listed, items listed in addition, matched by name without spaces or by the listed item's key (issue 21
 * made the match a lookup instead of a scan per pair: the outcome must be the same).
 */
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { cloneGrid, sampleGrids } from '../helpers/grids';

function compareColumn(grids: Grid[], county: string): string {
  const plan = buildSummaryPlans(auditWorkbook(grids), 'zh-CN').find((p) => p.id === 'counties');
  const row = plan?.rows.find((r) => r[0]?.value === county);
  return String(row?.[3]?.value ?? '(no row)');
}

describe('counties plan: 附件2 compared with the items derived from 附件3', () => {
  let sample: Grid[];
  beforeAll(async () => {
    sample = await sampleGrids('incentive-2022.xlsx');
  });

  const edited = (lines: (items: string[]) => string[]): Grid[] => {
    const grids = sample.map((g) => cloneGrid(g));
    const a2 = grids.find((g) => g.name === '附件2') as Grid;
    const row = a2.values.find((r) => r[0] === '泸溪县') as (string | number | null)[];
    const items = String(row[2]).split('\n').map((l) => l.replace(/^\d+\./, ''));
    const next = lines(items);
    row[2] = next.map((l, i) => `${i + 1}.${l}`).join('\n');
    row[1] = next.length;
    return grids;
  };

  it('says 一致 for the sample, and when a listed name differs only by spaces', () => {
    expect(compareColumn(sample, '泸溪县')).toBe('一致');
    // Quoted names: their key drops the quotes, so only the name without spaces matches them.
    const spaced = edited((items) => items.map((it) => (it.includes('“') ? it.split('').join(' ') : it)));
    expect(compareColumn(spaced, '泸溪县')).toBe('一致');
  });

  it('names the item 附件2 leaves out and the item it lists in addition, nothing else', () => {
    const grids = edited((items) => [...items.filter((it) => it !== '河湖长制'), '虚构的新增事项']);
    const said = compareColumn(grids, '泸溪县');
    expect(said).toContain('未列：河湖长制');
    expect(said).toContain('多列：虚构的新增事项');
    expect(said).not.toContain('知识产权工作');
    expect(said).not.toContain('项数');
  });
});
