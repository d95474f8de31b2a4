/**
 * diff: the sample against a copy with known edits (built here) reports exactly those edits, matched by
 * key (moved rows are not changes), with the changed spans marked, the findings new since the sample, and
 * the `版本比较` sheet in a copy of NEW.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { auditWorkbook } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { changeSides, diffAudits, diffText, markedExcerpt, markedText, type DiffChange } from '../../src/core/submissions';
import { readGrids } from '../../src/xlsx';
import { SAMPLES, sampleGrids } from '../helpers/grids';
import { cellAt, deleteRow, gridsToBytes, mutable, type MutableGrid, run, setCell, swapRows, tempDir } from './support';

const INCENTIVE = join(SAMPLES, 'incentive-2022.xlsx');
const KEYWORK = join(SAMPLES, 'keywork-2024.xlsx');

function byName(grids: readonly Grid[]): Record<string, MutableGrid> {
  return Object.fromEntries(grids.map((g) => [g.name, mutable(g)]));
}

/** The incentive sample with seven known edits (one of them a move that is not a change). */
async function editedIncentive(): Promise<Grid[]> {
  const g = byName(await sampleGrids('incentive-2022.xlsx'));
  setCell(g['附件1']!, 'B6', 8); // 州发改委 总项数 7 → 8
  setCell(g['附件2']!, 'B7', 14); // 吉首市 项数 13 → 14 …
  setCell(g['附件2']!, 'C7', `${String(cellAt(g['附件2']!, 'C7')).replace(/\n*$/, '')}\n14.新增事项`); // … and one more item
  setCell(g['附件3']!, 'E5', '州本级：有可能'); // 高质量发展: 难度较大 → 有可能
  g['附件3']!.values.push(['州政府办', '第38项', '新增事项', '——', '难度较大', '×', '×', '×', '×', '×']); // a new item
  setCell(g['附件4']!, 'C13', String(cellAt(g['附件4']!, 'C13')).replace('已完成2项', '已完成3项').replace('未完成8项', '未完成7项'));
  swapRows(g['附件4']!, 11, 12); // two units trade places: not a change
  deleteRow(g['附件5']!, 7); // 吉首市 “双创” removed
  return readGrids(await gridsToBytes(Object.values(g)), 'edited.xlsx');
}

const brief = (c: DiffChange) => ({
  type: c.type,
  kind: c.kind,
  key: c.key,
  column: c.column,
  before: c.before,
  after: c.after,
  sheet: c.sheet,
  cell: c.cell,
});

describe('diffAudits on the incentive sample', () => {
  let report: ReturnType<typeof diffAudits>;
  beforeAll(async () => {
    report = diffAudits(auditWorkbook(await sampleGrids('incentive-2022.xlsx')), auditWorkbook(await editedIncentive()));
  });

  it('reports exactly the edits, each at its cell in NEW (OLD for the removed row)', () => {
    const text = report.changes.find((c) => c.type === 'text');
    expect(report.changes.map(brief)).toEqual([
      { type: 'figure', kind: 'rating-tally', key: '州发改委', column: '总项数', before: 7, after: 8, sheet: '附件1', cell: 'B6' },
      { type: 'figure', kind: 'unit-key-items', key: '吉首市', column: '项数', before: 13, after: 14, sheet: '附件2', cell: 'B7' },
      { type: 'added', kind: 'unit-key-items', key: '吉首市 / 新增事项', column: '具体事项', before: undefined, after: '新增事项', sheet: '附件2', cell: 'C7' },
      { type: 'rating', kind: 'incentive-analysis', key: '州发改委 / 高质量发展', column: '州直研判情况', before: '难度较大', after: '有可能', sheet: '附件3', cell: 'E5' },
      { type: 'added', kind: 'incentive-analysis', key: '州政府办 / 新增事项', column: undefined, before: undefined, after: undefined, sheet: '附件3', cell: 'C70' },
      { type: 'text', kind: 'progress-report', key: '州财政局 / 财政管理', column: '最新进展', before: text?.before, after: text?.after, sheet: '附件4', cell: 'C13' },
      { type: 'removed', kind: 'liaison-log', key: '吉首市 / “双创”', column: undefined, before: undefined, after: undefined, sheet: '附件5', cell: 'B7' },
    ]);
    expect(report.counts).toMatchObject({ added: 2, removed: 1, rating: 1, mark: 0, figure: 2, text: 1 });
  });

  it('marks only the changed characters of a narrative', () => {
    const c = report.changes.find((x) => x.type === 'text')!;
    expect(markedText(c.segments!, 'old')).toMatch(/^共有考核指标10项，截止目前已完成⟦2⟧项，未完成⟦8⟧项，未完成事项具体为/);
    expect(markedText(c.segments!, 'new')).toMatch(/^共有考核指标10项，截止目前已完成⟦3⟧项，未完成⟦7⟧项，未完成事项具体为/);
    expect(markedExcerpt(c.segments!, 'new')).toBe('…标10项，截止目前已完成⟦3⟧项，未完成⟦7⟧项，未完成事项具体为：财…');
  });

  it('lists the findings the edits caused as new, and none of the sample\'s own findings (rows moved or not)', () => {
    expect(report.newFindings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual([
      'tally/column-total 附件1!B5',
      'cross/tally-mismatch 附件1!B6',
      'tally/row-sum 附件1!B6',
      'cross/tally-mismatch 附件1!D6',
      'cross/tally-mismatch 附件1!E6',
      'cross/tally-mismatch 附件1!B31',
      'cross/tally-mismatch 附件1!E31',
      'cross/key-item-extra 附件2!C7',
      'cross/progress-item-missing 附件3!C70',
    ]);
    // 附件5's malformed date moved from C69 to C68 with the deleted row: still the same finding.
    expect(report.resolvedFindings).toEqual([]);
  });

  it('a version compared with itself has no changes and no new findings', async () => {
    const a = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    const same = diffAudits(a, a);
    expect(same.changes).toEqual([]);
    expect(same.newFindings).toEqual([]);
  });
});

describe('diffAudits on the key-work sample', () => {
  it('a moved √, a changed percentage and a changed unit; the percentage mismatch is a new finding', async () => {
    const g = byName(await sampleGrids('keywork-2024.xlsx'));
    setCell(g['附件1']!, 'G5', null); // target 1: 相对滞后 → 基本完成
    setCell(g['附件1']!, 'E5', '√');
    setCell(g['附件2']!, 'I4', 0.9); // 85% → 90%
    setCell(g['任务分解']!, 'C3', '区财政局');
    const report = diffAudits(auditWorkbook(await sampleGrids('keywork-2024.xlsx')), auditWorkbook(await readGrids(await gridsToBytes(Object.values(g)), 'new')));
    expect(report.changes.map(brief)).toEqual([
      { type: 'mark', kind: 'target-progress', key: '第1项', column: '工作进度', before: '相对滞后', after: '基本完成', sheet: '附件1', cell: 'E5' },
      { type: 'figure', kind: 'livelihood-projects', key: '第1项 / 家庭教育指导服务“向阳花”行动 / 线上线下场次', column: '量化数据', before: 0.85, after: 0.9, sheet: '附件2', cell: 'I4' },
      { type: 'text', kind: 'task-decomposition', key: '第1项', column: '牵头责任单位', before: '区发改局', after: '区财政局', sheet: '任务分解', cell: 'C3' },
    ]);
    expect(report.changes[1]?.percent).toBe(true);
    expect(report.newFindings.map((f) => f.code)).toContain('livelihood/pct-mismatch');
  });

  it('two marks on one target are listed in the reader\'s language (no 、 in English)', async () => {
    const g = byName(await sampleGrids('keywork-2024.xlsx'));
    setCell(g['附件1']!, 'E5', '√'); // target 1: 相对滞后 → 基本完成 and 相对滞后
    const report = diffAudits(auditWorkbook(await sampleGrids('keywork-2024.xlsx')), auditWorkbook(await readGrids(await gridsToBytes(Object.values(g)), 'new')));
    const mark = report.changes.find((c) => c.type === 'mark');
    expect(mark && changeSides(mark, 'zh-CN').after).toBe('基本完成、相对滞后');
    expect(mark && changeSides(mark, 'en-US').after).toBe('基本完成, 相对滞后');
  });
});

describe('diffText', () => {
  it('keeps common text and marks separate edits separately', () => {
    const segs = diffText('甲乙丙丁戊己庚辛', '甲乙X丁戊己Y辛');
    expect(markedText(segs, 'old')).toBe('甲乙⟦丙⟧丁戊己⟦庚⟧辛');
    expect(markedText(segs, 'new')).toBe('甲乙⟦X⟧丁戊己⟦Y⟧辛');
  });

  it('folds a one-character island between edits into one span', () => {
    expect(markedText(diffText('ABCDE', 'AXCYE'), 'new')).toBe('A⟦XCY⟧E');
  });

  it('handles insertions, deletions and empty sides', () => {
    expect(markedText(diffText('', '新'), 'new')).toBe('⟦新⟧');
    expect(markedText(diffText('旧', ''), 'old')).toBe('⟦旧⟧');
    expect(markedText(diffText('5月17日对接', '5月17日、6月1日对接'), 'new')).toBe('5月17日⟦、6月1日⟧对接');
  });
});

describe('annex-audit diff', () => {
  let dir: string;
  let edited: string;
  beforeAll(async () => {
    dir = tempDir();
    edited = join(dir, 'edited.xlsx');
    writeFileSync(edited, await gridsToBytes(await editedIncentive()));
  });

  it('JSON: the changes with marked texts, the new findings; exit 1 because there are differences', async () => {
    const r = await run('diff', INCENTIVE, edited, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const body = JSON.parse(r.out) as { old: string; new: string; counts: Record<string, number>; changes: { type: string; afterMarked?: string }[]; newFindings: { code: string; params?: unknown }[] };
    expect(body.old).toBe(INCENTIVE);
    expect(body.counts).toMatchObject({ added: 2, removed: 1, rating: 1, figure: 2, text: 1, newFindings: 9 });
    expect(body.changes.find((c) => c.type === 'text')?.afterMarked).toContain('已完成⟦3⟧项');
    expect(body.newFindings[0]).not.toHaveProperty('params');
  });

  it('table: one line per change, the narrative\'s changed span marked', async () => {
    const r = await run('diff', INCENTIVE, edited, '--format', 'table');
    expect(r.out).toContain('[研判变化]');
    expect(r.out).toContain('难度较大 → 有可能');
    expect(r.out).toContain('+ …标10项，截止目前已完成⟦3⟧项，未完成⟦7⟧项，未完成事项具体为：财…');
    expect(r.out).toContain('原表 附件5!B7');
    expect(r.out).toContain('新出现的问题（9）');
  });

  it('-o writes a copy of NEW plus 版本比较, with rich-text marks and links to NEW\'s cells', async () => {
    const out = join(dir, 'compared.xlsx');
    const r = await run('diff', INCENTIVE, edited, '--format', 'table', '-o', out);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5', '版本比较']);
    expect(wb.getWorksheet('附件4')!.getCell('C13').value).toEqual(expect.stringContaining('已完成3项'));
    const ws = wb.getWorksheet('版本比较')!;
    expect(ws.getCell('A3').value).toBe('变化');
    const rows = [4, 5, 6, 7, 8, 9, 10].map((r) => ws.getCell(`A${r}`).value);
    expect(rows).toEqual(['数字变化', '数字变化', '新增', '研判变化', '新增', '文字变化', '删除']);
    const after = ws.getCell('F9').value as ExcelJS.CellRichTextValue;
    const marked = after.richText.filter((run) => run.font?.color?.argb === 'FFC00000').map((run) => run.text);
    expect(marked).toEqual(['⟦3⟧', '⟦7⟧']);
    expect((ws.getCell('G7').value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("#'附件3'!E5");
    expect(ws.getCell('G10').value).toBe('原表 附件5!B7');
    expect(ws.getCell('A12').value).toBe('新出现的问题（9）');
  });

  it('a version against itself: no differences, exit 0', async () => {
    const r = await run('diff', INCENTIVE, INCENTIVE, '--format', 'table');
    expect(r.code).toBe(0);
    expect(r.out).toContain('两个版本的附件内容没有差别。');
  });

  it('two different kinds of workbook, a missing file, one file only: exit 2 with one sentence', async () => {
    const mixed = await run('diff', INCENTIVE, KEYWORK, '--format', 'json');
    expect(mixed.code).toBe(2);
    expect(mixed.out).toBe('');
    expect(mixed.err).toMatch(/^两个文件不是同一类工作簿（.*），无法比较。$/);
    const missing = await run('diff', INCENTIVE, join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`找不到文件“${join(dir, 'nope.xlsx')}”。`);
    const one = await run('diff', INCENTIVE);
    expect(one.code).toBe(2);
    expect(one.err.split('\n')[0]).toBe('请指定两个文件：旧版本和新版本。');
  });
});
