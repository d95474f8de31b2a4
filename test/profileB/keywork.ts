/** Test helpers for profile B: small keywork grids shaped like the sample's sheets, and audit shorthands. */
import { auditWorkbook, type Audit, type Grid } from '../../src/core';
import type { CellValue } from '../../src/core/grid';
import { columnLetter } from '../../src/core/grid';
import { makeGrid } from '../helpers/grids';

export interface TargetSpecRow {
  readonly seq: number | string;
  readonly target: string;
  readonly unit: string;
  readonly progress?: string;
  /** 基本完成 / 常态化或按时序推进 / 相对滞后 */
  readonly marks: readonly [CellValue, CellValue, CellValue];
}

/** A 附件1 like the sample's: title, two-row merged header from row 3, data from row 5, optional note. */
export function targetGrid(rows: readonly TargetSpecRow[], note?: string, name = '附件1'): Grid {
  const values: CellValue[][] = [
    ['附件1'],
    ['《2024年<政府工作报告>目标任务分解》目标任务进展情况'],
    ['序号', '目标任务', '牵头单位', '进展情况', '工作进度', null, null],
    [null, null, null, null, '基本\n完成', '常态化\n或按时序推进', '相对滞后'],
    ...rows.map((r) => [r.seq, r.target, r.unit, r.progress ?? '正在推进。', ...r.marks]),
  ];
  const merges = ['A2:G2', 'E3:G3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4'];
  if (note !== undefined) {
    const row = values.length + 1;
    values.push([note]);
    merges.push(`A${row}:G${row}`);
  }
  return makeGrid(name, values, merges);
}

export interface LivelihoodSpecRow {
  readonly category: string | null;
  readonly seq: number | null;
  readonly project: string | null;
  readonly sub?: string | null;
  readonly indicator?: string | null;
  readonly value: CellValue;
  readonly unit: string | null;
  readonly progress: string;
  readonly pct: CellValue;
  /** Number format of the 量化数据 cell; `0%` by default for numbers. */
  readonly fmt?: string | null;
  readonly status: string;
}

/** A 附件2 with the sample's header (项目名称 over C:D, 目标任务 over E:F); data from row 4. */
/** A consistent livelihood row (one project, one indicator): tests change what they check. */
export const LIVELIHOOD_ROW: LivelihoodSpecRow = {
  category: '省级\n重点\n民生\n实事',
  seq: 1,
  project: '促进高质量充分就业',
  sub: '城镇新增就业',
  value: '5600人',
  unit: '区人社局',
  progress: '截至6月底，已完成3096人。',
  pct: 0.55,
  status: '正常推进',
};

export function livelihoodGrid(rows: readonly LivelihoodSpecRow[], note?: string, name = '附件2'): Grid {
  const values: CellValue[][] = [
    ['附件2'],
    ['2024年省市重点民生实事项目任务分解进展情况'],
    ['类别', '序号', '项目名称', null, '目标任务', null, '牵头单位', '进展情况', '量化数据', '进度评价'],
    ...rows.map((r) => [r.category, r.seq, r.project, r.sub ?? null, r.indicator ?? null, r.value, r.unit, r.progress, r.pct, r.status]),
  ];
  const merges = ['A2:J2', 'C3:D3', 'E3:F3'];
  if (note !== undefined) {
    const row = values.length + 1;
    values.push([note]);
    merges.push(`A${row}:J${row}`);
  }
  const grid = makeGrid(name, values, merges);
  const formats: (string | null)[][] = values.map((row, i) =>
    row.map((v, c) => {
      const spec = rows[i - 3];
      if (c !== 8 || !spec || typeof v !== 'number') return null;
      return spec.fmt === undefined ? '0%' : spec.fmt;
    }),
  );
  return { ...grid, numberFormats: formats };
}

/** A 通报: one paragraph per row in column A, with the title lines the detector looks for. */
export function reportGrid(paragraphs: readonly string[], name = '通报'): Grid {
  return makeGrid(name, [
    ['岳云政办通〔2024〕3号'],
    ['关于2024年上半年区政府重点工作推进情况的通报'],
    ['各镇人民政府、街道办事处，绿色化工高新区管委会，区直及驻区各单位：'],
    ...paragraphs.map((p) => [p]),
  ]);
}

/** A 任务分解 sheet. */
export function taskGrid(rows: readonly (readonly [CellValue, string, string, string])[], name = '任务分解'): Grid {
  return makeGrid(name, [
    ['云溪区贯彻落实2024年省政府大抓落实工作激励措施二十条任务分解'],
    ['序号', '省政府大抓落实工作激励措施', '牵头责任单位', '相关责任单位'],
    ...rows.map((r) => [...r]),
  ], ['A1:D1']);
}

export function summary(a: Audit): string[] {
  return a.findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`).sort();
}

export function codes(a: Audit): string[] {
  return a.findings.map((f) => f.code);
}

export function audit(...grids: Grid[]): Audit {
  return auditWorkbook(grids);
}

/** The A1 address of a 0-based column on a 1-based row. */
export function at(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}
