/**
 * Sheet naming as each surface does it, with a taken 31-character name: the runs sheetNames.test.ts does in a
 * worker thread, so that a naming loop that never ends fails the test instead of hanging it.
 */
import { mergeSubmissions } from '../../src/core/submissions/merge';
import { resolveSettings, type SheetPlan } from '../../src/core';
import { writeSheetPlans } from '../../src/excel';
import { applyWpsSheetPlans, wpsContext } from '../../src/wps';
import { FakeWpsApp } from '../fakes/wps';
import { hostWith } from '../excel/support';
import { sampleGrids } from '../helpers/grids';

/** 31 UTF-16 units, Excel's longest sheet name. */
export const LONG = '二〇二二年度激励事项研判表附件三（各牵头单位填报汇总用表格式）'.slice(0, 31);

function plan(name: string): SheetPlan {
  return {
    id: 'probe',
    name,
    rows: [[{ value: 'x' }]],
    merges: [],
    columnWidths: [10],
    frozenRows: 0,
    printTitleRows: [0, 0],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: false },
    styles: {},
  };
}

/** 合并报送's core: two submissions whose different annexes carry the same 31-character sheet name (other case). */
export async function coreMerge(): Promise<string[]> {
  const grids = await sampleGrids('incentive-2022.xlsx');
  const a = grids.filter((g) => g.name === '附件3').map((g) => ({ ...g, name: LONG }));
  const b = grids.filter((g) => g.name === '附件4').map((g) => ({ ...g, name: LONG.toLowerCase() }));
  const merged = mergeSubmissions([{ file: 'a.xlsx', grids: a }, { file: 'b.xlsx', grids: b }], resolveSettings({}).settings);
  return merged.sheets.map((s) => s.grid.name);
}

/** Excel mode: the open workbook already has a sheet with the 31-character name a plan wants. */
export async function excelWrite(): Promise<string[]> {
  const grids = await sampleGrids('incentive-2022.xlsx');
  const host = hostWith(grids.map((g, i) => (i === 0 ? { ...g, name: LONG } : g)));
  try {
    const written = await writeSheetPlans([plan(LONG)]);
    return written.sheets.map((s) => s.name);
  } finally {
    host.uninstall();
  }
}

/** WPS: the same. */
export async function wpsWrite(): Promise<string[]> {
  const grids = await sampleGrids('incentive-2022.xlsx');
  const app = FakeWpsApp.fromGrids(grids.map((g, i) => (i === 0 ? { ...g, name: LONG } : g)));
  const ctx = wpsContext(app as never);
  return applyWpsSheetPlans(ctx.app, ctx.wb, [plan(LONG)], ctx.features).sheets.map((s) => s.name);
}
