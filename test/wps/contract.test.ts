/**
 * Contract: the workbook the Office.js and xlsx adapters are held to (test/fakes/description.ts) read through the
 * WPS adapter from the fake WPS host gives the same grids and the same audit as the xlsx adapter; the samples
 * round-trip (seeded from the xlsx reader's grids, read back through WPS). Plus what is particular to WPS: the
 * reads are bulk (one Value2 and one Formula per sheet, format and merge queries that grow with runs and areas,
 * not cells), a single cell's scalar, error values as COM codes or as text, format-only cells.
 */
import { auditWorkbook } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { readGrids } from '../../src/xlsx';
import { checkAndMarkWps, readWpsWorkbook, type WpsAdapterError, wpsContext } from '../../src/wps';
import { CONTRACT_DESCRIPTION, type WorkbookDescription, wpsFromDescription, xlsxFromDescription } from '../fakes/description';
import { FakeWpsApp, type FakeWpsOptions } from '../fakes/wps';
import { sampleGrids } from '../helpers/grids';

const SAMPLES = ['incentive-2022.xlsx', 'keywork-2024.xlsx'] as const;

function sorted(g: Grid): Grid {
  return { ...g, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) };
}

async function readThroughWps(app: FakeWpsApp): Promise<Grid[]> {
  const ctx = wpsContext(app as never);
  return (await readWpsWorkbook(ctx.app, ctx.wb, { features: ctx.features })).grids;
}

describe.each<[string, FakeWpsOptions]>([
  ['errors as COM codes', {}],
  ['errors as text', { errorStyle: 'text' }],
  // The unfavourable modes: a used range swollen by formats, '' for a mixed NumberFormat, with and without Find.
  ['a used range swollen by formats, \'\' for mixed formats', { formattedTo: 'AD3000', mixedFormat: '' }],
  ['the same without Find', { formattedTo: 'AD3000', mixedFormat: '', lacking: ['Find'] }],
])('contract on the described workbook (%s)', (_label, options) => {
  it('the xlsx adapter and the WPS adapter read the same grids and make the same audit', async () => {
    const viaXlsx = (await readGrids(await xlsxFromDescription(CONTRACT_DESCRIPTION), 'described.xlsx')).map(sorted);
    const viaWps = (await readThroughWps(wpsFromDescription(CONTRACT_DESCRIPTION, options))).map(sorted);
    expect(viaWps).toEqual(viaXlsx);
    expect(viaWps[0]?.values[6]).toEqual([null, '合计', null, 7, { error: '#REF!' }, true]);
    expect(viaWps[0]?.formulas?.[6]?.[3]).toBe('SUM(D5:D6)');
    expect(viaWps[0]?.numberFormats?.[4]?.[4]).toBe('yyyy-mm-dd');
    expect(viaWps[1]?.hidden).toBe(true);
    const a = auditWorkbook(viaXlsx);
    const b = auditWorkbook(viaWps);
    expect(b.sheets).toEqual(a.sheets);
    expect(b.findings).toEqual(a.findings);
  });
});

it('known difference, pinned (as through Office.js): "#N/A" typed as text reads as an error through WPS, as text through the file', async () => {
  const desc: WorkbookDescription = [{ name: 'S', cells: { A1: '#N/A' } }];
  expect((await readGrids(await xlsxFromDescription(desc), 's.xlsx'))[0]?.values[0]).toEqual(['#N/A']);
  expect((await readThroughWps(wpsFromDescription(desc)))[0]?.values[0]).toEqual([{ error: '#N/A' }]);
});

describe.each(SAMPLES)('round trip: WPS reader on %s (seeded from the xlsx reader’s grids)', (sample) => {
  it('gives grids equal to the xlsx reader’s, and the same audit', async () => {
    const expected = await sampleGrids(sample);
    const got = await readThroughWps(FakeWpsApp.fromGrids(expected));
    expect(got.map((g) => g.name)).toEqual(expected.map((g) => g.name));
    expect(got).toEqual(expected.map(sorted));
    const a = auditWorkbook(expected);
    const b = auditWorkbook(got);
    expect(b.profile).toBe(a.profile);
    expect(b.sheets).toEqual(a.sheets);
    expect(b.findings).toEqual(a.findings);
    expect(b.counts).toEqual(a.counts);
  });
});

describe('WPS reader details', () => {
  it('reads in bulk: one Value2 and one Formula per sheet, however many cells', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const app = FakeWpsApp.fromGrids(grids);
    await readThroughWps(app);
    expect(app.calls.Value2).toBe(grids.length);
    expect(app.calls.Formula).toBe(grids.length);
  });

  it('number formats and merged areas cost queries per run and per area, not per cell (3,000 rows, 1,501 areas)', async () => {
    const app = new FakeWpsApp();
    const ws = app.workbook!.addSheet('合并');
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 4; c++) if (r % 2 === 0 || c > 0) ws.ensure(r, c).value = r;
    for (let r = 0; r < 3000; r++) ws.ensure(r, 2).numberFormat = r < 2 ? 'General' : 'yyyy-mm-dd';
    for (let r = 0; r < 3000; r += 2) ws.merges.push({ top: r, left: 0, bottom: r + 1, right: 0 });
    ws.merges.push({ top: 10, left: 3, bottom: 400, right: 3 });
    for (let r = 11; r <= 400; r++) ws.ensure(r, 3).value = null;
    const [grid] = await readThroughWps(app);
    expect(grid?.merges).toHaveLength(1501);
    expect(grid?.merges).toContainEqual({ top: 10, left: 3, bottom: 400, right: 3 });
    expect(grid?.merges).toContainEqual({ top: 2998, left: 0, bottom: 2999, right: 0 });
    expect(grid?.numberFormats?.[2]?.[2]).toBe('yyyy-mm-dd');
    expect(grid?.numberFormats?.[1]?.[2]).toBeNull();
    const cells = 3000 * 4;
    expect(app.calls.NumberFormat).toBeLessThan(200);
    expect(app.calls.MergeCells + app.calls.MergeArea).toBeLessThan(cells / 2);
  });

  it('a used range that does not start at A1, a single cell (scalar Value2), format-only cells, an empty sheet', async () => {
    const app = new FakeWpsApp();
    const wb = app.workbook!;
    const data = wb.addSheet('数据');
    data.ensure(2, 2).value = '标题';
    Object.assign(data.ensure(3, 3), { value: 3, formula: '=1+2', numberFormat: '0.00' });
    // Only a format, below and right of the data: inside WPS's used range, not part of the grid.
    data.ensure(8, 8).numberFormat = '0.00';
    const one = wb.addSheet('单格');
    one.ensure(0, 0).value = 5;
    wb.addSheet('空表');
    const [g, single, empty] = await readThroughWps(app);
    expect(g).toEqual({
      name: '数据',
      values: [[], [], [null, null, '标题'], [null, null, null, 3]],
      formulas: [[], [], [null, null, null], [null, null, null, '1+2']],
      numberFormats: [[], [], [null, null, null], [null, null, null, '0.00']],
      merges: [],
      hidden: false,
    });
    expect(single?.values).toEqual([[5]]);
    expect(empty).toEqual({ name: '空表', values: [], formulas: [], numberFormats: [], merges: [], hidden: false });
  });

  it('a build without MergeCells or NumberFormat still reads, with a note for each', async () => {
    const app = wpsFromDescription(CONTRACT_DESCRIPTION, { lacking: ['MergeCells', 'NumberFormat'] });
    const ctx = wpsContext(app as never);
    const read = await readWpsWorkbook(ctx.app, ctx.wb, { features: ctx.features });
    expect(read.notes.map((n) => n.key)).toEqual(['wps.note.mergedAreasUnsupported', 'wps.note.numberFormatsUnsupported']);
    expect(read.grids[0]?.merges).toEqual([]);
    expect(read.grids[0]?.values[6]?.[3]).toBe(7);
  });

  it('manual calculation: recalculates before reading, and says so', async () => {
    const app = wpsFromDescription(CONTRACT_DESCRIPTION);
    app.Calculation = -4135;
    const ctx = wpsContext(app as never);
    const read = await readWpsWorkbook(ctx.app, ctx.wb, { features: ctx.features });
    expect(app.calculations).toBe(1);
    expect(read.notes.map((n) => n.key)).toContain('wps.note.manualCalc');
  });
});

describe('what real WPS may do that the kind fake hides (issue 20 item 4)', () => {
  it('a used range swollen by formats (A1:AD20000) is cut to the content before cells cross the bridge', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const kind = FakeWpsApp.fromGrids(grids);
    await readThroughWps(kind);
    for (const lacking of [[], ['Find']] as const) {
      const near = FakeWpsApp.fromGrids(grids, { formattedTo: 'AD2000', lacking: [...lacking] });
      const far = FakeWpsApp.fromGrids(grids, { formattedTo: 'AD20000', lacking: [...lacking] });
      expect(await readThroughWps(near)).toEqual(grids.map(sorted));
      expect(await readThroughWps(far)).toEqual(grids.map(sorted));
      // Formats and merges are asked of the content only: rows with only a format add no queries.
      expect(far.calls.NumberFormat).toBe(near.calls.NumberFormat);
      expect(far.calls.MergeCells).toBe(near.calls.MergeCells);
    }
    // Where the build has Find, the cells that cross the bridge are the content's, as without the formats.
    const far = FakeWpsApp.fromGrids(grids, { formattedTo: 'AD20000' });
    await readThroughWps(far);
    expect(far.calls.cells).toBe(kind.calls.cells);
  });

  it("'' for a mixed NumberFormat is not taken as one format for every cell: percentages and dates survive", async () => {
    const desc: WorkbookDescription = [{ name: 'S', cells: { A1: '项目', B1: '完成率', C1: '日期', A2: '甲', B2: { v: 0.5, nf: '0.0%' }, C2: { v: 45292, nf: 'yyyy-mm-dd' } } }];
    for (const mixedFormat of [null, ''] as const) {
      const [g] = await readThroughWps(wpsFromDescription(desc, { mixedFormat }));
      expect(g?.numberFormats).toEqual([[null, null, null], [null, '0.0%', 'yyyy-mm-dd']]);
    }
  });

  it('reading yields a macrotask, so the pane can paint its progress before the writes', async () => {
    const app = FakeWpsApp.fromGrids(await sampleGrids('incentive-2022.xlsx'));
    let painted = false;
    let paintedBeforeWriting: boolean | null = null;
    await checkAndMarkWps({
      app: app as never,
      onPhase: (phase) => {
        if (phase === 'reading') setTimeout(() => (painted = true), 0);
        else paintedBeforeWriting = painted;
      },
    });
    expect(paintedBeforeWriting).toBe(true);
  });

  it('past its time budget reading stops with a clear message, and nothing is written', async () => {
    const app = FakeWpsApp.fromGrids(await sampleGrids('incentive-2022.xlsx'));
    let clock = 0;
    const sheets = app.workbook!.sheets.length;
    const run = checkAndMarkWps({ app: app as never, summaries: true, read: { budgetMs: 5_000, now: () => (clock += 2_000), pause: () => Promise.resolve() } });
    await expect(run).rejects.toMatchObject({ problem: 'timeout', message: expect.stringContaining('读取工作簿超过 5 秒，已停止，工作簿未被更改。') });
    expect(app.workbook!.sheets).toHaveLength(sheets);
    expect(((await run.catch((e: unknown) => e)) as WpsAdapterError).userMessage('en-US')).toContain('took longer than 5 seconds');
  });
});
