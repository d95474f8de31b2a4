/** Synthetic profile-A workbooks in the samples' shapes: 附件3 and 附件4 repeated to N data rows. */
import type { CellValue, Grid, MergeArea } from '../../src/core';

function scale(grid: Grid, firstData: number, rows: number, renameCols: number[]): Grid {
  const head = grid.values.slice(0, firstData);
  const body = grid.values.slice(firstData).filter((r) => r.some((v) => v !== null && v !== ''));
  const values: CellValue[][] = head.map((r) => [...r]);
  const bodyMerges = grid.merges.filter((m) => m.top >= firstData);
  const merges: MergeArea[] = grid.merges.filter((m) => m.top < firstData).map((m) => ({ ...m }));
  let copy = 0;
  while (values.length - firstData < rows) {
    const base = values.length;
    for (const r of body) {
      if (values.length - firstData >= rows) break;
      values.push(r.map((v, c) => (copy > 0 && renameCols.includes(c) && typeof v === 'string' && v !== '' ? `${v}（${copy}）` : v)));
    }
    for (const m of bodyMerges) {
      const top = base + (m.top - firstData);
      const bottom = base + (m.bottom - firstData);
      if (bottom < values.length) merges.push({ top, bottom, left: m.left, right: m.right });
    }
    copy++;
  }
  return { name: grid.name, values, merges, formulas: values.map((r) => r.map(() => null)) };
}

/** The incentive sample with 附件3 and 附件4 grown to `rows` data rows each (item names made unique per copy). */
export function syntheticIncentive(sample: readonly Grid[], rows: number): Grid[] {
  return sample.map((g) => {
    if (g.name === '附件3') return scale(g, 4, rows, [2]);
    if (g.name === '附件4') return scale(g, 3, rows, [1]);
    return g;
  });
}
