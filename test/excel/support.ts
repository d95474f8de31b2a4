/** Shared setup of the Office.js adapter's tests: seeded fake hosts and the synthetic 20,000-row workbook. */
import type { Grid, MergeArea } from '../../src/core/grid';
import { type FakeExcelHost, FakeWorkbook, installFakeExcel } from '../fakes/excel';
import { sampleGrids } from '../helpers/grids';

export const SAMPLES = ['incentive-2022.xlsx', 'keywork-2024.xlsx'] as const;

/** A fake Excel host whose workbook holds these grids; remember to `uninstall()`. */
export function hostWith(grids: readonly Grid[]): FakeExcelHost {
  return installFakeExcel(FakeWorkbook.fromGrids(grids));
}

export async function sampleHost(name: string): Promise<FakeExcelHost> {
  return hostWith(await sampleGrids(name));
}

/**
 * Repeat a sheet's data rows (0-based `firstData`..end) until it has `dataRows` data rows; merged areas in
 * the data rows repeat with them (an area cut by the last row is left out).
 */
export function repeatDataRows(g: Grid, firstData: number, dataRows: number): Grid {
  const block = g.values.length - firstData;
  const pick = <T>(rows: readonly (readonly T[])[] | undefined): T[][] => {
    const src = rows ?? [];
    const out = src.slice(0, firstData).map((r) => [...r]);
    for (let i = 0; i < dataRows; i++) out.push([...(src[firstData + (i % block)] ?? [])]);
    return out;
  };
  const merges: MergeArea[] = g.merges.filter((m) => m.top < firstData).map((m) => ({ ...m }));
  const dataMerges = g.merges.filter((m) => m.top >= firstData);
  const last = firstData + dataRows - 1;
  for (let k = 0; k * block < dataRows; k++) {
    for (const m of dataMerges) {
      const moved = { ...m, top: m.top + k * block, bottom: m.bottom + k * block };
      if (moved.bottom <= last) merges.push(moved);
    }
  }
  return { name: g.name, values: pick(g.values), formulas: pick(g.formulas), numberFormats: pick(g.numberFormats), merges, hidden: g.hidden ?? false };
}

/** The incentive sample with 20,000 data rows in each of 附件3 and 附件4. */
export async function syntheticGrids(dataRows = 20_000): Promise<Grid[]> {
  const grids = await sampleGrids('incentive-2022.xlsx');
  // 0-based first data rows, from the audit of the sample (附件3: row 5, 附件4: row 4).
  const first: Record<string, number> = { 附件3: 4, 附件4: 3 };
  return grids.map((g) => (first[g.name] !== undefined ? repeatDataRows(g, first[g.name] as number, dataRows) : g));
}
