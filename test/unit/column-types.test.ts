/**
 * Values by declared type (issue 18, item 3): every column of every kind declares what it holds; reading and the
 * generic checks (required, type, range, date, duplicate by the kind's unique key, totals) derive from it and run
 * for every kind, a kind with its own parser included. A value with one plausible reading is read (at most noted),
 * never an error.
 */
import { auditWorkbook, type Audit } from '../../src/core';
import { readCount, readDate, readPercentText, type ColumnType } from '../../src/core/columnTypes';
import { checkGenericTable } from '../../src/core/genericTable';
import { FindingSink } from '../../src/core/finding';
import { ANNEX_KINDS, annexSpec, tableSpecOf } from '../../src/core/kinds';
import { detectKind } from '../../src/core/detect';
import { GridView, type CellValue } from '../../src/core/grid';
import { findHeader, readTable, type TableSpec } from '../../src/core/table';
import { makeGrid, sampleGrids, setCell, findGrid } from '../helpers/grids';
import { build } from '../generator/editions';

const at = (a: Audit, code: string) => a.findings.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell}`);
const errors = (a: Audit) => a.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);

describe('every column declares its type', () => {
  it('each kind with a table declares a known type on every column, and its unique key names placed columns', () => {
    const known: readonly ColumnType[] = ['text', 'name', 'unit', 'units', 'seq', 'count', 'percent', 'date', 'mark', 'vocabulary'];
    for (const kind of ANNEX_KINDS) {
      const t = tableSpecOf(kind);
      if (!t) continue;
      for (const c of t.columns) expect(known).toContain(c.type);
      for (const k of annexSpec(kind).unique) expect(t.columns.map((c) => c.key)).toContain(k);
    }
  });
});

describe('reading a count as a clerk reads it', () => {
  it.each([
    [12, 12, undefined],
    ['12', 12, undefined],
    ['１２', 12, undefined],
    ['十二', 12, 'chinese-numeral'],
    ['两', 2, 'chinese-numeral'],
    ['二十一', 21, 'chinese-numeral'],
    ['12项', 12, 'with-measure-word'],
    ['共 5 个', 5, 'with-measure-word'],
    ['十二项', 12, 'with-measure-word'],
  ] as const)('%p → %p', (v, value, how) => {
    const r = readCount(v);
    expect(r.kind).toBe('number');
    if (r.kind === 'number') {
      expect(r.value).toBe(value);
      expect(r.how).toBe(how);
    }
  });

  it.each(['见附表', '12项、3个', '约十来项', '1.促进就业'])('%p has no plausible reading as a count', (v) => {
    expect(readCount(v).kind).toBe('unreadable');
  });
});

describe('reading a percentage and a date', () => {
  it('percent words and one figure inside text are read; two figures are not', () => {
    expect(readPercentText('百分之八十五')).toEqual({ percent: 85, decimals: 0, how: 'percent-words' });
    expect(readPercentText('百分之八十五点五')?.percent).toBe(85.5);
    expect(readPercentText('完成 92.5％')).toEqual({ percent: 92.5, decimals: 1, how: 'in-text' });
    expect(readPercentText('2024年已完成85%')?.percent).toBe(85);
    expect(readPercentText('80%-90%')).toBeNull();
    expect(readPercentText('完成3项，占60%')).toBeNull();
  });

  it.each<[CellValue, string]>([
    ['2024年6月30日', 'date'],
    ['2024-06-30', 'date'],
    ['2024/6/30', 'date'],
    ['2024.6.30', 'date'],
    ['6月30日前', 'date'],
    ['6月底', 'date'],
    ['2024年底', 'date'],
    ['长期', 'words'],
    ['年底前', 'words'],
    [45473, 'date'],
    ['2月30日', 'invalid'],
    ['2024年13月', 'invalid'],
    ['看情况', 'unreadable'],
    [12, 'unreadable'],
  ])('%p is %s', (v, kind) => {
    expect(readDate(v, 2024).kind).toBe(kind);
  });

  it('29 February is a date in a leap year only', () => {
    expect(readDate('2月29日', 2024).kind).toBe('date');
    expect(readDate('2月29日', 2023).kind).toBe('invalid');
    expect(readDate('2023年2月29日', 2024).kind).toBe('invalid');
  });
});

describe('generic checks on a kind with its own parser (the samples)', () => {
  it('a tally count written 十二 or 12项 is read, noted, and the arithmetic still checks (no not-a-number error)', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const a0 = auditWorkbook(grids);
    const tally = a0.records['rating-tally'];
    const row = tally?.rows.find((r) => r.total.value !== null && r.total.value >= 2 && r.total.value <= 99);
    expect(row).toBeDefined();
    if (!row || !tally) return;
    const g = findGrid(grids, tally.sheet);
    const words = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const n = row.total.value ?? 0;
    setCell(g, row.total.cell, n < 10 ? (words[n] ?? '') : `${n >= 20 ? words[Math.floor(n / 10)] : ''}十${words[n % 10]}`);
    const a = auditWorkbook(grids);
    expect(errors(a)).toEqual(errors(a0));
    expect(at(a, 'cell/read-as')).toEqual([`${tally.sheet}!${row.total.cell}`]);
    // One more than it says: the tally's row check still finds it.
    setCell(g, row.total.cell, `${n + 1}项`);
    const b = auditWorkbook(grids);
    expect(at(b, 'tally/row-sum')).toContain(`${tally.sheet}!${row.total.cell}`);
  });

  it('the samples get nothing from the generic checks that their own rules did not already say', async () => {
    for (const file of ['incentive-2022.xlsx', 'keywork-2024.xlsx']) {
      const a = auditWorkbook(await sampleGrids(file));
      expect(a.findings.filter((f) => ['dup/row', 'table/total-sum', 'table/subtotal-sum', 'cell/read-as', 'cell/not-a-date'].includes(f.code))).toEqual([]);
    }
  });
});

describe('generic checks on any kind, from the declared types', () => {
  /** A task-decomposition table with a 完成时限 column (a date) written by the test. */
  function tasks(rows: CellValue[][]) {
    return makeGrid('任务分解', [['省政府大抓落实工作激励措施任务分解'], ['序号', '激励措施', '牵头责任单位', '相关责任单位', '完成时限'], ...rows]);
  }

  it('a deadline column: dates in every written form and deadline words pass; an impossible date is an error; words that are no date are a note', () => {
    const a = auditWorkbook([
      tasks([
        [1, '措施甲', '州发改委', '州财政局', '2024年6月30日'],
        [2, '措施乙', '州财政局', '州发改委', '6月底前'],
        [3, '措施丙', '州教体局', '州财政局', '长期'],
        [4, '措施丁', '州民政局', '州财政局', '2024-02-30'],
        [5, '措施戊', '州科技局', '州财政局', '看情况'],
      ]),
    ]);
    expect(a.sheets[0]?.kind).toBe('task-decomposition');
    expect(at(a, 'cell/invalid-date')).toEqual(['任务分解!E6']);
    expect(at(a, 'cell/not-a-date')).toEqual(['任务分解!E7']);
    expect(errors(a)).toEqual(['cell/invalid-date@E6']);
  });

  it('a row with nothing but a date (a deadline column running on below the table) is no row of it', () => {
    const a = auditWorkbook([tasks([[1, '措施甲', '州发改委', '州财政局', '2024年6月30日'], [null, null, null, null, '2024年9月30日']])]);
    expect(a.sheets[0]?.lastDataRow).toBe(3);
    expect(a.findings.filter((f) => f.code === 'cell/required')).toEqual([]);
  });

  it('the same measure twice is a duplicate by the kind\'s unique key (its content), numbered rows or not', () => {
    const a = auditWorkbook([tasks([[1, '措施甲', '州发改委', '州财政局', ''], [2, '措施 甲', '州财政局', '州发改委', ''], [3, '措施乙', '州财政局', '州发改委', '']])]);
    const dups = a.findings.filter((f) => f.code.startsWith('dup/'));
    expect(dups.map((f) => f.cell)).toEqual(['B4']);
  });

  /** The generic checks of one table read with a kind's spec (the registry entry, or one written in the test). */
  function generic(rows: CellValue[][], kind: 'unit-key-items' | 'rating-tally'): string[] {
    const grid = makeGrid('t', rows);
    const view = new GridView(grid);
    const det = detectKind(grid, view, { columnMap: {} });
    expect(det?.kind).toBe(kind);
    if (!det?.spec || !det.header) return [];
    const sink = new FindingSink();
    checkGenericTable(readTable(grid, det.spec, det.header, view), sink, 2024);
    return sink.list().map((f) => `${f.code}@${f.cell}${f.expected !== undefined ? `=${f.expected}` : ''}`);
  }

  const keyItems = (rows: CellValue[][]) => [['附件2', ''], ['重点事项汇总表', '', ''], ['县市区', '项数', '具体事项'], ...rows];

  it('a 合计 row of a count column is checked against the data rows (a breakdown row 其中 is not added)', () => {
    const ok = keyItems([['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], ['其中：园区', 1, '1.丙'], ['合计', 3, '']]);
    expect(generic(ok, 'unit-key-items')).toEqual([]);
    const wrong = keyItems([['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], ['合计', 4, '']]);
    expect(generic(wrong, 'unit-key-items')).toEqual(['table/total-sum@B6=3']);
  });

  it('a 小计 row is checked against its group above, or against the group below when it heads it', () => {
    const above = keyItems([['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], ['小计', 3, ''], ['凤凰县', 1, '1.丁'], ['小计', 2, ''], ['合计', 4, '']]);
    expect(generic(above, 'unit-key-items')).toEqual(['table/subtotal-sum@B8=1']);
    const heads = keyItems([['小计', 3, ''], ['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], ['合计', 3, '']]);
    expect(generic(heads, 'unit-key-items')).toEqual([]);
  });

  it('total and subtotal labels as offices write them (县市区小计, 合计（3个单位）, 共计, 全州合计) are rows of their role, not units', () => {
    const rows = keyItems([['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], ['县市区小计', 3, ''], ['凤凰县', 1, '1.丁'], ['州直单位小计', 1, ''], ['合计（3个单位）', 4, '']]);
    expect(generic(rows, 'unit-key-items')).toEqual([]);
    for (const label of ['共计', '全州合计', '总  计']) {
      const grid = makeGrid('t', keyItems([['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], [label, 5, '']]));
      const view = new GridView(grid);
      const det = detectKind(grid, view, { columnMap: {} });
      if (!det?.spec || !det.header) throw new Error('not read');
      const t = readTable(grid, det.spec, det.header, view);
      expect([t.dataRows.length, t.totalRow?.row]).toEqual([2, 5]);
    }
    expect(generic(keyItems([['吉首市', 2, '1.甲\n2.乙'], ['泸溪县', 1, '1.丙'], ['共计', 5, '']]), 'unit-key-items')).toEqual(['table/total-sum@B6=3']);
  });

  it('a count in words is read and noted; a negative or fractional count is out of range; words that are no count are an error', () => {
    const rows = keyItems([['吉首市', '两项', '1.甲\n2.乙'], ['泸溪县', -1, '1.丙'], ['凤凰县', 1.5, '1.丁'], ['花垣县', '见附表', '1.戊']]);
    expect(generic(rows, 'unit-key-items')).toEqual(['cell/read-as@B4', 'cell/count-range@B5', 'cell/count-range@B6', 'cell/not-a-number@B7']);
  });

  it('a blank count is none, not a gap; a blank unit is', () => {
    const rows = keyItems([['吉首市', '', ''], ['', 1, '1.丙']]);
    expect(generic(rows, 'unit-key-items')).toEqual(['cell/required@C4', 'cell/required@A5']);
  });
});

describe('the percentage of a livelihood project, written as words or inside text', () => {
  it('a negative percentage is out of range', async () => {
    const grids = await sampleGrids('keywork-2024.xlsx');
    const a0 = auditWorkbook(grids);
    const l = a0.records['livelihood-projects'];
    const row = l?.rows.find((r) => r.pct.kind === 'percent');
    if (!l || !row) throw new Error('no percentage in the sample');
    setCell(findGrid(grids, l.sheet), row.pctCell, '-5%');
    expect(at(auditWorkbook(grids), 'cell/percent-range')).toEqual([`${l.sheet}!${row.pctCell}`]);
  });


  it('is read (noted) and checked against achieved ÷ target like a typed one', async () => {
    const grids = await sampleGrids('keywork-2024.xlsx');
    const a0 = auditWorkbook(grids);
    const rows = a0.records['livelihood-projects']?.rows ?? [];
    const sheet = a0.records['livelihood-projects']?.sheet ?? '';
    const row = rows.find((r) => r.pct.kind === 'percent' && r.recomputedPercent !== null);
    expect(row).toBeDefined();
    if (!row || row.pct.kind !== 'percent') return;
    const g = findGrid(grids, sheet);
    setCell(g, row.pctCell, `完成${row.pct.shown}%`);
    const a = auditWorkbook(grids);
    expect(errors(a)).toEqual(errors(a0));
    setCell(g, row.pctCell, `完成${row.pct.shown + 7}%`);
    const b = auditWorkbook(grids);
    expect(at(b, 'livelihood/pct-mismatch')).toContain(`${sheet}!${row.pctCell}`);
  });
});

describe('a 合计 row added to a kind whose own rules do not check totals', () => {
  it.each([
    ['incentive', 'incentive-2022.xlsx', 'unit-key-items', '项数'],
    ['keywork', 'keywork-2024.xlsx', 'target-progress', '基本完成'],
  ] as const)('%s: right, it adds nothing; one off, table/total-sum finds it (counts summed, ticks counted)', async (profile, file, kind, column) => {
    const e = build(profile, await sampleGrids(file), [{ name: 'total row', seed: 42 }]);
    const a = auditWorkbook(e.grids);
    const table = a.tables.get(kind);
    expect(table?.totalRow).toBeDefined();
    expect(a.findings.filter((f) => f.code.startsWith('table/'))).toEqual([]);
    if (!table?.totalRow) return;
    const g = e.grids.find((x) => x.name === table.sheet);
    const row = g?.values[table.totalRow.row] as CellValue[];
    const c = row.findIndex((v, i) => i > 0 && typeof v === 'number');
    row[c] = (row[c] as number) + 1;
    const b = auditWorkbook(e.grids);
    const found = b.findings.filter((f) => f.code === 'table/total-sum');
    expect(found.map((f) => [f.severity, f.params['column']])).toEqual([['error', column]]);
  });
});

describe('a kind of tomorrow: its tick and word columns are checked from their declared types alone', () => {
  // A ledger written in the test (会议议定事项: 事项 / 状态 with its agreed words / 已办结 ticks), read with a spec
  // that has no parser and no rule of its own.
  const spec: TableSpec = {
    kind: 'task-decomposition',
    titles: [/议定事项/],
    labelColumn: 'item',
    columns: [
      { key: 'item', label: '议定事项', type: 'name', names: ['议定事项'], required: true },
      { key: 'status', label: '状态', type: 'vocabulary', names: ['状态'], words: ['已完成', '推进中', '未启动'] },
      { key: 'closed', label: '已办结', type: 'mark', names: ['已办结'] },
    ],
  };
  const entry = { ...annexSpec('task-decomposition'), unique: ['item'], keyCell: 'item' };

  function run(rows: CellValue[][]): string[] {
    const grid = makeGrid('台账', [['会议议定事项落实台账'], ['议定事项', '状态', '已办结'], ...rows]);
    const view = new GridView(grid);
    const header = findHeader(view, spec);
    if (!header) throw new Error('no header');
    const sink = new FindingSink();
    checkGenericTable(readTable(grid, spec, header, view), sink, 2024, entry);
    return sink.list().map((f) => `${f.code}@${f.cell}${f.expected !== undefined ? `=${f.expected}` : ''}`);
  }

  it('agreed words, ticks in their usual forms and blanks give nothing; a 合计 counts the ticks', () => {
    expect(run([['甲', '已完成', '√'], ['乙', '推进 中', '✓'], ['丙', '未启动', null], ['合计', '', 2]])).toEqual([]);
  });

  it('a word outside the agreed ones is a note, never an error; a tick column holding words is a warning, and its 合计 is not guessed', () => {
    expect(run([['甲', '基本完成', '√'], ['乙', '推进中', '一半'], ['甲', '未启动', null], ['合计', '', 3]])).toEqual(['cell/word-unknown@B3', 'cell/mark-unknown@C4', 'dup/row@A5']);
  });

  it('a 合计 that is not the number of ticks is found', () => {
    expect(run([['甲', '已完成', '√'], ['乙', '推进中', null], ['合计', '', 2]])).toEqual(['table/total-sum@C5=1']);
  });
});
