/**
 * Profile A annexes (附件1–附件5) built in code from their rows, shaped like the incentive sample's sheets, for the
 * rules' specs: each builder takes only the data rows, and writes the title, the header and its merges.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { makeGrid } from './grids';

/** 牵头单位, 总项数, 很有可能, 有可能, 难度较大, 不太可能. */
export type TallyRow = readonly [unit: string, total: CellValue, veryLikely: CellValue, likely: CellValue, hard: CellValue, unlikely: CellValue];

export interface TallyOptions {
  /** The 合计 row under the header: 'sum' (SUM formulas over the unit rows, their values the sums), typed values, or none. */
  readonly total?: 'sum' | 'none' | readonly CellValue[];
  /** Formulas of the 合计 row by column letter, replacing the default SUM(…) ones (null: no formula). */
  readonly formulas?: Readonly<Record<string, string | null>>;
  /** Header cells replacing the standard six (a column left out or renamed). */
  readonly header?: readonly string[];
}

const TALLY_HEADER = ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '不太可能'];

/** 附件1: title and 统计截止 on rows 2–3, header on row 4, the 合计 row on row 5 (when there is one), unit rows after it. */
export function tallyGrid(rows: readonly TallyRow[], opts: TallyOptions = {}): Grid {
  const header = opts.header ?? TALLY_HEADER;
  const first = 6;
  const last = first + rows.length - 1;
  const sum = (c: number) => rows.reduce((a, r) => a + (typeof r[c] === 'number' ? (r[c] as number) : 0), 0);
  const total = opts.total ?? 'sum';
  const totalRow: CellValue[][] = total === 'none' ? [] : [['合  计', ...(total === 'sum' ? [1, 2, 3, 4, 5].map(sum) : total)]];
  const formulas: Record<string, string> = {};
  if (total === 'sum') for (const col of ['B', 'C', 'D', 'E', 'F']) formulas[`${col}5`] = `SUM(${col}${first}:${col}${last})`;
  for (const [col, f] of Object.entries(opts.formulas ?? {})) {
    if (f === null) delete formulas[`${col}5`];
    else formulas[`${col}5`] = f;
  }
  const grid = makeGrid(
    '附件1',
    [['附件1'], ['2022年省政府真抓实干激励事项研判统计表'], ['统计截止10月10日'], [...header], ...totalRow, ...rows.map((r) => [...r])],
    ['A2:F2', 'A3:F3'],
    total === 'none' ? {} : formulas,
  );
  return grid;
}

/** 单位, 项数, 具体事项 (one cell, the items on lines or numbered). */
export type KeyItemsRow = readonly [unit: string, count: CellValue, items: CellValue];

/** 附件2: a two-row header (单位 over rows 4–5, 重点事项 over 项数 + 具体事项); unit rows from row 6. */
export function keyItemsGrid(rows: readonly KeyItemsRow[], header: readonly [string, string] = ['项数', '具体事项']): Grid {
  return makeGrid(
    '附件2',
    [['附件2'], ['2022年省政府真抓实干县市区重点事项汇总表'], ['统计截止10月10日'], ['单  位', '重点事项（州直单位研判情况）', null], [null, ...header], ...rows.map((r) => [...r])],
    ['A2:C2', 'A3:C3', 'A4:A5', 'B4:C4'],
  );
}

/** 牵头单位 (null: continues the unit above, merged down), 序号, 激励事项, 激励名额, 州直研判情况, 2021年, 2020年. */
export type AnalysisRow = readonly [unit: string | null, seq: CellValue, item: string, quota: CellValue, assessment: CellValue, y2021?: CellValue, y2020?: CellValue];

export const ANALYSIS_NOTE = (allWon: number, region: number) => `注：●表示该项2021年14个市州全获激励（共${allWon}项）；Ⅱ或Ⅲ表示分二类或三类地区考核（共${region}小项）`;

/** 附件3: title on row 2, the note on row 3 (when given), header on row 4, items from row 5; a unit's later rows merged under it. */
export function analysisGrid(rows: readonly AnalysisRow[], note?: string, header?: readonly string[]): Grid {
  const merges = ['A2:G2'];
  if (note !== undefined) merges.push('A3:G3');
  const first = 5;
  rows.forEach((r, i) => {
    if (r[0] === null) return;
    let end = i;
    while (rows[end + 1]?.[0] === null) end++;
    if (end > i) merges.push(`A${first + i}:A${first + end}`);
  });
  return makeGrid(
    '附件3',
    [
      ['附件3'],
      ['2022年省政府真抓实干激励事项研判分析表（统计截止10月10日）'],
      [note ?? null],
      [...(header ?? ['牵头单位', '序  号', '激励事项', '激励名额', '州直研判情况', '2021年获激励情况', '2020年获激励情况'])],
      ...rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5] ?? '×', r[6] ?? '×']),
    ],
    merges,
  );
}

/** 牵头单位, 激励事项, 最新进展, 存在问题, 与上级部门对接情况. */
export type ProgressRow = readonly [unit: string, item: string, progress: CellValue, problems?: CellValue, liaison?: CellValue];

/** 附件4: title on row 2, header on row 3, items from row 4. */
export function progressGrid(rows: readonly ProgressRow[], header?: readonly string[]): Grid {
  return makeGrid(
    '附件4',
    [
      ['附件4'],
      ['2022年省政府真抓实干激励事项进展情况（统计截止10月10日）'],
      [...(header ?? ['牵头单位', '激励事项', '最新进展', '存在问题', '与上级部门对接情况'])],
      ...rows.map((r) => [r[0], r[1], r[2], r[3] ?? '无。', r[4] ?? '已对接。']),
    ],
    ['A2:E2'],
  );
}

/** 县市区, 重点事项, 对接情况. */
export type LiaisonRow = readonly [county: string, item: string, text: CellValue];

/** 附件5: title and 统计截止 on rows 2–3, header on row 4, rows from row 5. */
export function liaisonGrid(rows: readonly LiaisonRow[], header?: readonly string[]): Grid {
  return makeGrid(
    '附件5',
    [['附件5'], ['2022年省政府真抓实干县市区对接情况统计'], ['统计截止10月10日'], [...(header ?? ['县市区', '重点事项', '对接情况'])], ...rows.map((r) => [...r])],
    ['A2:C2', 'A3:C3'],
  );
}
