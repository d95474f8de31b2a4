import { detectKind } from '../../src/core/detect';
import { type CellValue, type Grid, GridView } from '../../src/core/grid';
import { INCENTIVE_ANALYSIS } from '../../src/core/annexes/incentive-analysis/spec';
import { LIAISON_LOG } from '../../src/core/annexes/liaison-log/spec';
import { PROGRESS_REPORT } from '../../src/core/annexes/progress-report/spec';
import { RATING_TALLY } from '../../src/core/annexes/rating-tally/spec';
import { UNIT_KEY_ITEMS } from '../../src/core/annexes/unit-key-items/spec';
import { findHeader, readTable, type Table, type TableSpec } from '../../src/core/table';
import { cloneGrid, fillDownMerges, makeGrid, reorderColumns, sampleGrids } from '../helpers/grids';

function tableOf(grid: Grid, spec: TableSpec): Table {
  const det = detectKind(grid);
  expect(det?.kind).toBe(spec.kind);
  const header = det?.header ?? findHeader(new GridView(grid), spec);
  if (!header) throw new Error(`no ${spec.kind} header`);
  return readTable(grid, spec, header);
}

/** Excel row numbers of a table's data rows. */
function dataRowNumbers(t: Table): number[] {
  return t.dataRows.map((r) => r.row + 1);
}

function col(t: Table, key: string): string[] {
  return t.dataRows.map((r) => r.cells.get(key)?.text ?? '');
}

const TALLY_ROWS: CellValue[][] = [
  ['附件1'],
  ['2022年省政府真抓实干激励事项研判统计表', null, null, null, null, null],
  ['统计截止10月10日', null, null, null, null, null],
  ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '不太可能'],
  ['合  计', 3, 1, 1, 1, 0],
  ['州发改委', 2, null, 1, 1, null],
  ['州民政局', 1, 1, null, null, null],
];

function tallyGrid(name = '附件1'): Grid {
  return makeGrid(name, TALLY_ROWS.map((r) => [...r]), ['A2:F2', 'A3:F3'], {
    B5: 'SUM(B6:B7)',
    C5: 'SUM(C6:C7)',
    D5: 'SUM(D6:D7)',
    E5: 'SUM(E6:E7)',
    F5: 'SUM(F6:F7)',
  });
}

function keyItemsGrid(name = '附件2'): Grid {
  return makeGrid(
    name,
    [
      ['附件2'],
      ['2022年省政府真抓实干县市区重点事项汇总表', null, null],
      ['统计截止10月10日', null, null],
      ['单  位', '重点事项（州直单位研判情况）', null],
      [null, '项数', '具体事项'],
      ['州本级', 2, '1.金融工作\n2.林长制'],
      ['吉首市', 1, '1.固定资产投资'],
    ],
    ['A2:C2', 'A3:C3', 'A4:A5', 'B4:C4'],
  );
}

function analysisRows(): CellValue[][] {
  return [
    ['附件3'],
    ['2022年省政府真抓实干激励事项研判分析表（统计截止10月10日）'],
    ['注：●表示该项2021年14个市州全获激励（共1项）；Ⅱ或Ⅲ表示分二类或三类地区考核（共1小项）'],
    ['牵头单位', '序  号', '激励事项', '激励名额', '州直研判情况', '2021年获激励情况', '2020年获激励情况'],
    ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大', '花垣县', '×'],
    ['州发改委', '第3项', '营商环境', '4个市州', '龙山县：有可能', '×', '——'],
    ['州发改委', null, '社会信用体系建设', '4个市州', '难度较大', '×', '——'],
    ['州民政局', null, '●Ⅲ推进养老服务体系建设', '4个市州', '州本级：有可能', '×', '×'],
  ];
}

/** 附件4 with 州发改委 over two rows: merged (as in the sample), blank below (as in the seeds), or typed in each row. */
function progressGrid(name = '附件4', group: 'merged' | 'blank' | 'typed' = 'merged'): Grid {
  const unitMerged = group !== 'typed';
  const rows: CellValue[][] = [
    ['附件4'],
    ['2022年省政府真抓实干激励事项进展情况（统计截止10月10日）', null, null, null, null],
    ['牵头单位', '激励事项', '最新进展', '存在问题', '与上级部门对接情况'],
    ['州发改委', '高质量发展', '共有考核指标10项，截止目前已完成2项，未完成8项。', '无', '9月2日汇报。'],
    [unitMerged ? null : '州发改委', '营商环境', '县市完成率均超过九成。', '无', '7月26日对接。'],
    ['州民政局', '推进养老服务体系建设', '共有考核基本指标10项，截止目前已完成3项，未完成7项', '无', '无'],
  ];
  return makeGrid(name, rows, group === 'merged' ? ['A2:E2', 'A4:A5'] : ['A2:E2']);
}

function liaisonGrid(name = '附件5'): Grid {
  return makeGrid(
    name,
    [
      ['附件5'],
      ['2022年省政府真抓实干县市区对接情况统计', null, null],
      ['统计截止10月10日', null, null],
      ['县市区', '重点事项', '对接情况'],
      ['吉首市', '营商环境', '9月2日，赴省发改委汇报。'],
      [null, '金融工作', '9月与州金融办对接。'],
      ['泸溪县', '河湖长制', '9月1日到省河长办汇报。'],
    ],
    ['A2:C2', 'A3:C3', 'A5:A6'],
  );
}

describe('readTable: boundaries', () => {
  it('finds a one-row header under title rows and a 统计截止 line', () => {
    const t = tableOf(tallyGrid(), RATING_TALLY);
    expect(t.header.top).toBe(3);
    expect(t.header.bottom).toBe(3);
    expect(t.preamble.map((p) => p.text)).toEqual(['附件1', '2022年省政府真抓实干激励事项研判统计表', '统计截止10月10日']);
  });

  it('a 合计 row written `合  计` is the total row, not data', () => {
    const t = tableOf(tallyGrid(), RATING_TALLY);
    expect(t.totalRow?.row).toBe(4);
    expect(t.totalRow?.role).toBe('total');
    expect(col(t, 'unit')).toEqual(['州发改委', '州民政局']);
    expect(dataRowNumbers(t)).toEqual([6, 7]);
  });

  it('a 合计 row at the bottom, with an ideographic space, is also the total row', () => {
    const rows = TALLY_ROWS.map((r) => [...r]);
    const total = rows.splice(4, 1)[0] ?? [];
    total[0] = '合\u3000计';
    rows.push(total);
    const t = tableOf(makeGrid('附件1', rows), RATING_TALLY);
    expect(t.totalRow?.row).toBe(6);
    expect(col(t, 'unit')).toEqual(['州发改委', '州民政局']);
  });

  // SheetInfo/Table call this the first *data* row, and Table documents -1 "when the table has no data rows";
  // with the 合计 row right under the header it reports the 合计 row instead (附件1 of the sample: 5, not 6).
  it('firstDataRow is the first data row, not the 合计 row above it', () => {
    const t = tableOf(tallyGrid(), RATING_TALLY);
    expect(t.firstDataRow).toBe(5);
  });

  it('a `注：` note row below the table is not data', () => {
    const g = tallyGrid();
    (g.values as CellValue[][]).push(['注：很有可能指已基本锁定激励名额。']);
    const t = tableOf(g, RATING_TALLY);
    expect(col(t, 'unit')).toEqual(['州发改委', '州民政局']);
    expect(t.notesBelow.map((n) => n.text)).toEqual(['注：很有可能指已基本锁定激励名额。']);
    expect(t.lastDataRow).toBe(6);
  });

  it('a note merged across the table below it is not data, even without 注', () => {
    const g = makeGrid(
      '附件1',
      [...TALLY_ROWS.map((r) => [...r]), ['以上数据由各牵头单位自评上报', null, null, null, null, null]],
      ['A2:F2', 'A3:F3', 'A8:F8'],
    );
    const t = tableOf(g, RATING_TALLY);
    expect(col(t, 'unit')).toEqual(['州发改委', '州民政局']);
    expect(t.notesBelow).toHaveLength(1);
  });

  it('ignores trailing blank rows, including whitespace-only cells', () => {
    const g = tallyGrid();
    (g.values as CellValue[][]).push([null, null], ['', '  ', null], [], [null, null, null, null, null, '\u3000']);
    const t = tableOf(g, RATING_TALLY);
    expect(dataRowNumbers(t)).toEqual([6, 7]);
    expect(t.lastDataRow).toBe(6);
  });

  it('skips a blank row in the middle without ending the table', () => {
    const rows = TALLY_ROWS.map((r) => [...r]);
    rows.splice(6, 0, [null, null, null]);
    const t = tableOf(makeGrid('附件1', rows), RATING_TALLY);
    expect(col(t, 'unit')).toEqual(['州发改委', '州民政局']);
  });
});

describe('readTable: headers', () => {
  it('reads a two-row merged header (附件2: 单位 over two rows, 重点事项 over 项数/具体事项)', () => {
    const t = tableOf(keyItemsGrid(), UNIT_KEY_ITEMS);
    expect(t.header.top).toBe(3);
    expect(t.header.bottom).toBe(4);
    expect(t.header.columns.get('unit')).toEqual([0]);
    expect(t.header.columns.get('count')).toEqual([1]);
    expect(t.header.columns.get('items')).toEqual([2]);
    expect(col(t, 'unit')).toEqual(['州本级', '吉首市']);
    expect(t.dataRows[0]?.cells.get('count')?.value).toBe(2);
    expect(t.dataRows[0]?.cells.get('items')?.addr).toBe('C6');
    expect(t.preamble.map((p) => p.text)).not.toContain('单  位');
  });

  it('finds columns by header text in any order', () => {
    const g = tallyGrid();
    // new order: 不太可能, 有可能, 牵头单位, 总项数, 难度较大, 很有可能
    const r = reorderColumns(g, [5, 3, 0, 1, 4, 2]);
    const t = tableOf(r, RATING_TALLY);
    expect(t.header.columns.get('unit')).toEqual([2]);
    expect(t.header.columns.get('veryLikely')).toEqual([5]);
    expect(t.header.columns.get('likely')).toEqual([1]);
    expect(col(t, 'unit')).toEqual(['州发改委', '州民政局']);
    expect(t.dataRows.map((x) => x.cells.get('total')?.value)).toEqual([2, 1]);
    expect(t.dataRows.map((x) => x.cells.get('veryLikely')?.value)).toEqual([null, 1]);
    expect(t.dataRows[1]?.cells.get('veryLikely')?.addr).toBe('F7');
  });

  it('matches padded header labels (`序  号`) and finds every history year column', () => {
    const t = tableOf(makeGrid('附件3', analysisRows()), INCENTIVE_ANALYSIS);
    expect(t.header.columns.get('seq')).toEqual([1]);
    expect(t.header.columns.get('history')).toEqual([5, 6]);
    expect(t.dataRows[0]?.multi.get('history')?.map((c) => c.text)).toEqual(['花垣县', '×']);
  });

  it('does not take 有可能 for the header of 很有可能', () => {
    const t = tableOf(tallyGrid(), RATING_TALLY);
    expect(t.header.columns.get('veryLikely')).toEqual([2]);
    expect(t.header.columns.get('likely')).toEqual([3]);
  });
});

describe('readTable: group cells', () => {
  it('vertically merged and filled-down group cells read the same', () => {
    const merged = tableOf(progressGrid('附件4', 'merged'), PROGRESS_REPORT);
    const typed = tableOf(progressGrid('附件4', 'typed'), PROGRESS_REPORT);
    const blank = tableOf(progressGrid('附件4', 'blank'), PROGRESS_REPORT);
    const unmerged = tableOf(fillDownMerges(progressGrid('附件4', 'merged'), 3), PROGRESS_REPORT);
    expect(col(merged, 'unit')).toEqual(['州发改委', '州发改委', '州民政局']);
    expect(col(typed, 'unit')).toEqual(col(merged, 'unit'));
    expect(col(blank, 'unit')).toEqual(col(merged, 'unit'));
    expect(col(unmerged, 'unit')).toEqual(col(merged, 'unit'));
    expect(merged.dataRows[1]?.cells.get('unit')).toMatchObject({ addr: 'A4', own: 'A5', merged: true, filledDown: false });
    expect(blank.dataRows[1]?.cells.get('unit')).toMatchObject({ addr: 'A4', own: 'A5', merged: false, filledDown: true });
    expect(typed.dataRows[1]?.cells.get('unit')).toMatchObject({ addr: 'A5', own: 'A5', filledDown: false });
  });

  it('a blank group cell continues the value above (as in the seeds), pointing at where the value lives', () => {
    const rows = [...analysisRows()];
    rows[5] = [null, ...(rows[5] ?? []).slice(1)];
    rows[6] = [null, ...(rows[6] ?? []).slice(1)];
    const t = tableOf(makeGrid('附件3', rows), INCENTIVE_ANALYSIS);
    expect(col(t, 'unit')).toEqual(['州发改委', '州发改委', '州发改委', '州民政局']);
    expect(t.dataRows[2]?.cells.get('unit')).toMatchObject({ addr: 'A5', own: 'A7', filledDown: true });
  });

  it('a blank 序号 is filled from the row above only under the same 牵头单位 (groupParent)', () => {
    const t = tableOf(makeGrid('附件3', analysisRows()), INCENTIVE_ANALYSIS);
    // row 7: same unit → continues 第3项; row 8: a different unit → stays blank.
    expect(col(t, 'seq')).toEqual(['第1项', '第3项', '第3项', '']);
    expect(t.dataRows[2]?.cells.get('seq')?.filledDown).toBe(true);
    expect(t.dataRows[3]?.cells.get('seq')?.filledDown).toBe(false);
  });

  it('a 序号 merged over sub-items reads the same as one filled down', () => {
    const rows = analysisRows();
    const t = tableOf(makeGrid('附件3', rows, ['A2:G2', 'A3:G3', 'B6:B7']), INCENTIVE_ANALYSIS);
    expect(col(t, 'seq')).toEqual(['第1项', '第3项', '第3项', '']);
    expect(t.dataRows[2]?.cells.get('seq')).toMatchObject({ addr: 'B6', merged: true });
  });

  it('a merged county column in 附件5 covers its rows', () => {
    const t = tableOf(liaisonGrid(), LIAISON_LOG);
    expect(col(t, 'county')).toEqual(['吉首市', '吉首市', '泸溪县']);
  });
});

describe('detectKind', () => {
  const build: Record<string, () => Grid> = {
    'rating-tally': () => tallyGrid('Sheet1'),
    'unit-key-items': () => keyItemsGrid('Sheet2'),
    'incentive-analysis': () => makeGrid('研判', analysisRows()),
    'progress-report': () => progressGrid('进度'),
    'liaison-log': () => liaisonGrid('附件1'),
  };

  it.each(Object.keys(build))('detects %s from its content whatever the sheet is called', (kind) => {
    const g = (build[kind] as () => Grid)();
    expect(detectKind(g)?.kind).toBe(kind);
    expect(detectKind(cloneGrid(g, 'Sheet99'))?.kind).toBe(kind);
  });

  it('detects a kind from its header alone, without title rows', () => {
    const g = makeGrid('x', TALLY_ROWS.slice(3).map((r) => [...r]));
    expect(detectKind(g)).toMatchObject({ kind: 'rating-tally', missingColumns: [] });
  });

  it('detects a sheet with a renamed column by its title and reports the missing column', () => {
    const rows = TALLY_ROWS.map((r) => [...r]);
    (rows[3] as CellValue[])[5] = '其他';
    const det = detectKind(makeGrid('附件1', rows));
    expect(det?.kind).toBe('rating-tally');
    expect(det?.missingColumns).toEqual(['不太可能']);
  });

  it('detects the kinds of the sample workbook after its sheets are renamed', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const kinds = grids.map((g, i) => detectKind(cloneGrid(g, `表${grids.length - i}`))?.kind);
    expect(kinds).toEqual(['rating-tally', 'unit-key-items', 'incentive-analysis', 'progress-report', 'liaison-log']);
  });

  it('gives null for an unrelated sheet', () => {
    const g = makeGrid('附件1', [
      ['2022年部门预算支出表'],
      ['序号', '项目名称', '金额（万元）', '备注'],
      [1, '办公设备购置', 12.5, ''],
      [2, '差旅费', 3, ''],
    ]);
    expect(detectKind(g)).toBeNull();
  });

  it('gives null for an empty sheet', () => {
    expect(detectKind(makeGrid('附件3', []))).toBeNull();
    expect(detectKind(makeGrid('附件3', [[null, ''], []]))).toBeNull();
  });
});
