/**
 * Tables inside sheets (issue 18, item 1): a sheet holding several annex tables — stacked, side by side, far
 * from A1, with its header written again on a page break — is read table by table and gives the findings the
 * sample gives with one table per sheet, on the real cells.
 */
import { auditWorkbook, type Audit } from '../../src/core';
import { explainAudit, renderExplanation } from '../../src/core/explain';
import { splitTables } from '../../src/core/blocks';
import type { CellValue, Grid } from '../../src/core/grid';
import { sampleGrids } from '../helpers/grids';
import { build, combine, type Edition } from '../generator/editions';
import { errorsOf } from '../generator/property';
import { insertRow } from '../editions/sheets';

type P = 'incentive' | 'keywork';
const FILE: Record<P, string> = { incentive: 'incentive-2022.xlsx', keywork: 'keywork-2024.xlsx' };

async function sample(p: P): Promise<{ e: Edition; a: Audit }> {
  const e = build(p, await sampleGrids(FILE[p]), []);
  return { e, a: auditWorkbook(e.grids) };
}

/** The sample with the sheets `from` moved into `into` (below or right of it). */
async function combined(p: P, into: string, from: readonly string[], how: 'below' | 'right', gap: number): Promise<{ e: Edition; a: Audit }> {
  const e = build(p, await sampleGrids(FILE[p]), []);
  const idx = (n: string) => e.grids.findIndex((g) => g.name === n);
  combine(e, idx(into), from.map(idx), how, gap);
  return { e, a: auditWorkbook(e.grids) };
}

const tablesOn = (a: Audit, sheet: string) => a.sheets.filter((s) => s.name === sheet);
const misread = (a: Audit) => a.findings.filter((f) => f.code === 'engine/misread-suspected' || f.code === 'structure/kind-ambiguous');

describe('tables inside sheets', () => {
  it('a sheet with one table is not cut: both samples are read exactly as before', async () => {
    for (const p of ['incentive', 'keywork'] as const) {
      for (const g of await sampleGrids(FILE[p])) expect(splitTables(g)).toBeNull();
    }
  });

  it('all five incentive annexes stacked in one sheet (the 311-error workbook of the issue): five tables, the sample\'s errors, nothing flooded', async () => {
    const base = await sample('incentive');
    const { e, a } = await combined('incentive', '附件1', ['附件2', '附件3', '附件4', '附件5'], 'below', 2);
    expect(e.grids.map((g) => g.name)).toEqual(['附件1']);
    expect(tablesOn(a, '附件1').map((s) => s.kind)).toEqual(['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log']);
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
    expect(a.counts.error).toBe(base.a.counts.error);
    expect(a.counts.warning).toBe(base.a.counts.warning);
    expect(misread(a)).toEqual([]);
  });

  it('findings name the real cells: a stacked table\'s finding sits its offset below the sample\'s', async () => {
    const base = await sample('incentive');
    const { e, a } = await combined('incentive', '附件1', ['附件2', '附件3', '附件4', '附件5'], 'below', 2);
    const region = e.regions.find((r) => r.sample === '附件4');
    const date0 = base.a.findings.find((f) => f.code === 'cell/invalid-date');
    const date1 = a.findings.find((f) => f.code === 'cell/invalid-date');
    expect(region && date0 && date1).toBeTruthy();
    const row = (c: string) => Number(/\d+/.exec(c)?.[0]);
    expect(date1?.sheet).toBe('附件1');
    expect(row(date1?.cell ?? '')).toBe(row(date0?.cell ?? '') + (region?.top ?? 0));
  });

  it('the key-work tables stacked with no blank line between them (an invented case): the sample\'s errors', async () => {
    const base = await sample('keywork');
    const { e, a } = await combined('keywork', '附件1', ['附件2', '任务分解'], 'below', 0);
    expect(tablesOn(a, '附件1').map((s) => s.kind)).toEqual(['target-progress', 'livelihood-projects', 'task-decomposition']);
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
    expect(misread(a)).toEqual([]);
  });

  it('two tables side by side, a spacer column between: each read in its own columns', async () => {
    const base = await sample('incentive');
    const { e, a } = await combined('incentive', '附件2', ['附件1'], 'right', 1);
    const two = tablesOn(a, '附件2');
    expect(two.map((s) => s.kind)).toEqual(['unit-key-items', 'rating-tally']);
    const left = e.regions.find((r) => r.sample === '附件1')?.left ?? -1;
    expect(two.map((s) => s.range?.split(':')[0]?.replace(/\d+/, ''))).toEqual(['A', String.fromCharCode(65 + left)]);
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
  });

  it('side by side and not level: the right table starts 40 rows higher than the left one', async () => {
    const base = await sample('keywork');
    const e = build('keywork', await sampleGrids(FILE.keywork), []);
    const i = e.grids.findIndex((g) => g.name === '附件2');
    let g = e.grids[i] as Grid;
    for (let k = 0; k < 40; k++) g = insertRow(g, 0, []);
    e.grids[i] = g;
    combine(e, i, [e.grids.findIndex((x) => x.name === '附件1')], 'right', 2);
    e.regions[0] = { ...(e.regions[0] as Edition['regions'][number]), top: 0 };
    const a = auditWorkbook(e.grids);
    expect(tablesOn(a, '附件2').map((s) => s.kind).sort()).toEqual(['livelihood-projects', 'target-progress']);
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
  });

  it('a header written again on a page break: one table, the repeated header is neither data nor a new table', async () => {
    const base = await sample('keywork');
    const e = build('keywork', await sampleGrids(FILE.keywork), []);
    const i = e.grids.findIndex((g) => g.name === '附件1');
    const g = e.grids[i] as Grid;
    e.grids[i] = insertRow(g, 40, [...(g.values[2] ?? [])]);
    const a = auditWorkbook(e.grids);
    expect(tablesOn(a, '附件1').map((s) => s.kind)).toEqual(['target-progress']);
    expect(a.tables.get('target-progress')?.repeatedHeaders).toEqual([40]);
    expect(renderExplanation(explainAudit(a), 'zh-CN')).toContain('   重复的表头行（分页处再写一遍的表头，不作数据）：41');
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
    expect(a.records['target-progress']?.rows.length).toBe(base.a.records['target-progress']?.rows.length);
  });

  it('section titles inside a table (一、州直单位 / （二）县市区) are neither units nor data: the tally keeps its 26 units and the sample\'s findings', async () => {
    const base = await sample('incentive');
    const e = build('incentive', await sampleGrids(FILE.incentive), []);
    const i = e.grids.findIndex((g) => g.name === '附件1');
    let g = e.grids[i] as Grid;
    g = insertRow(g, 5, ['一、州直单位']);
    g = insertRow(g, 20, ['（二）县市区']);
    e.grids[i] = g;
    const a = auditWorkbook(e.grids);
    expect(a.records['rating-tally']?.rows.length).toBe(base.a.records['rating-tally']?.rows.length);
    expect(a.records['rating-tally']?.rows.some((r) => /州直单位|县市区/.test(r.unit))).toBe(false);
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
  });

  it('a row with no name that sums the rows above it is a subtotal, not a unit with a blank name; one that does not sum stays a row', async () => {
    const base = await sample('incentive');
    const tally = base.a.records['rating-tally'];
    const g0 = (await sampleGrids(FILE.incentive)).find((g) => g.name === '附件1') as Grid;
    const last = Math.max(...(tally?.rows.map((r) => r.row) ?? [0]));
    const firstData = Math.min(...(tally?.rows.map((r) => r.row) ?? [0]));
    const sums = [1, 2, 3, 4, 5].map((c) => {
      let n = 0;
      for (let r = firstData; r <= last; r++) n += Number(g0.values[r]?.[c] ?? 0);
      return n;
    });
    const withRow = async (cells: number[]) => {
      const e = build('incentive', await sampleGrids(FILE.incentive), []);
      const i = e.grids.findIndex((g) => g.name === '附件1');
      e.grids[i] = insertRow(e.grids[i] as Grid, last + 1, [null, ...cells]);
      return { e, a: auditWorkbook(e.grids) };
    };
    const summed = await withRow(sums);
    expect(summed.a.records['rating-tally']?.rows.length).toBe(tally?.rows.length);
    expect(summed.a.tables.get('rating-tally')?.rows.find((r) => r.row === last + 1)?.role).toBe('subtotal');
    expect(errorsOf(summed.a, summed.e)).toEqual(errorsOf(base.a, base.e));
    expect(summed.a.findings.filter((f) => f.cell === `A${last + 2}`)).toEqual([]);
    // Off by one: not a sum, so a row (with its blank name said).
    const off = await withRow(sums.map((v, k) => (k === 0 ? v + 1 : v)));
    expect(off.a.tables.get('rating-tally')?.rows.find((r) => r.row === last + 1)?.role).toBe('data');
  });

  it('a careless workbook: a stray value at XFD1048576 and a unit with a footnote star (州财政局*) give the sample\'s findings, and the stray value is said once', async () => {
    const base = await sample('incentive');
    const e = build('incentive', await sampleGrids(FILE.incentive), []);
    const g = e.grids.find((x) => x.name === '附件1') as Grid;
    const values = g.values as CellValue[][];
    for (const row of values) row.forEach((v, c) => {
      if (v === '州财政局') row[c] = '州财政局*';
    });
    // As the reader gives it: an empty row for every row between, the stray cell alone in its (sparse) row.
    const empty: CellValue[] = [];
    while (values.length < 1048575) values.push(empty);
    const far: CellValue[] = [];
    far[16383] = 'x';
    values[1048575] = far;
    const a = auditWorkbook(e.grids);
    const said = a.findings.filter((f) => f.code === 'structure/stray-cells');
    expect(said.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual(['info 附件1!XFD1048576']);
    expect(a.findings.filter((f) => f.code !== 'structure/stray-cells').map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`)).toEqual(base.a.findings.map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`));
    expect(a.tables.get('rating-tally')?.notesBelow.map((n) => n.row)).toContain(1048575);
  });

  it('a table 60 rows down from A1 is found (the header is looked for from the first row that holds anything)', async () => {
    const base = await sample('incentive');
    const e = build('incentive', await sampleGrids(FILE.incentive), []);
    const i = e.grids.findIndex((g) => g.name === '附件3');
    let g = e.grids[i] as Grid;
    for (let k = 0; k < 60; k++) g = insertRow(g, 0, []);
    e.grids[i] = g;
    const a = auditWorkbook(e.grids);
    expect(a.sheets.find((s) => s.name === '附件3')?.headerRow).toBe((base.a.sheets.find((s) => s.name === '附件3')?.headerRow ?? 0) + 60);
    expect(errorsOf(a, e)).toEqual(errorsOf(base.a, base.e));
  });

  it('the same kind twice in one sheet: the second is said once (kind-duplicate), never read as rows of the first', async () => {
    const e = build('incentive', await sampleGrids(FILE.incentive), []);
    const i = e.grids.findIndex((g) => g.name === '附件1');
    const copy = { ...(e.grids[i] as Grid), name: '附件1副本' };
    e.grids.push(copy);
    e.sheetOf.set('附件1副本', '附件1');
    combine(e, i, [e.grids.length - 1], 'below', 2);
    const a = auditWorkbook(e.grids);
    expect(tablesOn(a, '附件1').map((s) => s.kind)).toEqual(['rating-tally', 'rating-tally']);
    expect(a.findings.filter((f) => f.code === 'structure/kind-duplicate')).toHaveLength(1);
    expect(a.records['rating-tally']?.rows.length).toBe(26);
    expect(misread(a)).toEqual([]);
  });
});
