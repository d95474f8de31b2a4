/** Small, consistent submissions typed into templates by the tests (they pass the checker as they are). */
import type ExcelJS from 'exceljs';

export type Row = (string | number | null)[];

/**
 * Type rows into a template sheet as a colleague would in Excel, including what Excel does on save:
 * the template's `SUM` formulas get their recalculated results (exceljs itself never recalculates).
 */
export function typeRows(ws: ExcelJS.Worksheet, firstRow: number, rows: Row[]): void {
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null) ws.getCell(firstRow + r, c + 1).value = v;
  }));
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { formula?: string } | null;
      const m = v && typeof v === 'object' && typeof v.formula === 'string' ? /^SUM\(([A-Z]+)(\d+):\1(\d+)\)$/.exec(v.formula) : null;
      if (!m) return;
      let sum = 0;
      for (let r = Number(m[2]); r <= Number(m[3]); r++) {
        const x = ws.getCell(`${m[1]}${r}`).value;
        if (typeof x === 'number') sum += x;
      }
      cell.value = { formula: v?.formula ?? '', result: sum } as ExcelJS.CellFormulaValue;
    }),
  );
}

/** all-incentive: sheet → [first data row, rows]. */
export const INCENTIVE: Record<string, [number, Row[]]> = {
  附件1: [6, [['州发改委', 2, 0, 1, 1, 0], ['州财政局', 1, 1, 0, 0, 0]]],
  附件2: [6, [['州本级', 1, '1.财政管理'], ['吉首市', 1, '1.营商环境']]],
  附件3: [6, [
    ['州发改委', '第1项', '高质量发展', '10个县市区', '难度较大', '×', '×', '——', '——', '——'],
    ['州发改委', '第3项', '营商环境', '4个市州\n10个县市', '吉首市：有可能', '×', '×', '×', '——', '——'],
    ['州财政局', '第10项', '财政管理', '4个市州', '州本级：很有可能', '湘西州', '×', '×', '×', '×'],
  ]],
  附件4: [5, [
    ['州发改委', '高质量发展', '共有考核指标10项，截止目前已完成4项，未完成6项。', '无', '5月17日，带队到省发改委对接。'],
    ['州发改委', '营商环境', '共有考核指标8项，截止目前已完成8项，未完成0项。', '无', '6月13日，到省优化办汇报。'],
    ['州财政局', '财政管理', '共有考核指标10项，截止目前已完成2项，未完成8项。', '底子薄。', '6月23日，到省财政厅汇报。'],
  ]],
  附件5: [5, [['吉首市', '营商环境', '9月2日，赴省优化办对接。']]],
};

/** all-keywork: sheet → [first data row, rows]. */
export const KEYWORK: Record<string, [number, Row[]]> = {
  附件1: [6, [
    [1, '地区生产总值增长7.5%以上。', '区发改局', '1-6月，增长2.5%。', null, null, '√'],
    [2, '新增上市企业1家。', '区金融事务中心', '正在审核中。', null, '√', null],
    [3, '完成区政机关充电桩建设。', '区城发集团', '已建成并投入使用。', '√', null, null],
  ]],
  附件2: [5, [
    ['省级重点民生实事', 1, '推进教育高质量发展', '家庭教育指导服务', '线上线下场次', '20场', '区妇联', '已完成17场。', 0.85, '正常推进'],
    ['市级重点民生实事', 2, '建成高标准农田', null, null, '0.56万亩', '区农业农村局', '已完工。', 1, '已完成'],
  ]],
  任务分解: [3, [[1, '对推动高质量发展成效明显的县市区，予以资金奖励。（牵头单位：省发展改革委）', '区发改局', '区科工局\n区财政局']]],
};
