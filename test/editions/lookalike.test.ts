/**
 * Issue 10: workbooks that look like annexes but are not (a staff roster with 单位/姓名/职务, a budget
 * with 项目/金额 and 小计/合计 rows): no sheet gets a kind, and nothing is an error or a warning.
 */
import { auditWorkbook } from '../../src/core';
import { makeGrid } from '../helpers/grids';
import { baseline } from './sheets';

const roster = makeGrid('花名册', [
  ['2024年市直单位真抓实干激励工作联络员花名册'],
  ['序号', '单位', '姓名', '职务', '联系电话', '备注'],
  [1, '市发改委', '张伟', '科长', '0745-2712345', null],
  [2, '市教育局', '李娜', '副科长', '0745-2723456', null],
  [3, '市民政局', '王强', '科员', '0745-2734567', '新任'],
  [4, '市工信局', '刘洋', '科长', '0745-2745678', null],
  [5, '市商务局', '陈静', '四级主任科员', '0745-2756789', null],
  [6, '鹤城区', '杨帆', '督查专员', '0745-2767890', null],
  [7, '中方县', '赵磊', '副主任', '0745-2778901', null],
], ['A1:F1']);

const budget = makeGrid('预算', [
  ['2024年部门预算支出明细表'],
  ['单位：万元'],
  ['项目', '金额', '备注'],
  ['一、基本支出', null, null],
  ['人员经费', 1250.5, null],
  ['公用经费', 310.2, null],
  ['小计', 1560.7, null],
  ['二、项目支出', null, null],
  ['督查激励工作经费', 80, '专项'],
  ['信息化建设', 145.6, null],
  ['小计', 225.6, null],
  ['合计', 1786.3, null],
], ['A1:C1', 'A2:C2'], { B7: 'SUM(B5:B6)', B11: 'SUM(B9:B10)', B12: 'B7+B11' });

describe('look-alike workbooks that are not annexes', () => {
  it('a roster and a budget: no kind, no error, no warning', () => {
    const a = auditWorkbook([roster, budget]);
    if (process.env['EDITIONS_BASELINE']) console.log(`[baseline] look-alike: ${baseline(a, [])} kinds ${JSON.stringify(a.sheets.map((s) => s.kind))}`);
    expect(a.sheets.map((s) => [s.name, s.kind])).toEqual([['花名册', null], ['预算', null]]);
    expect(a.profile).toBeNull();
    expect(a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.code}`)).toEqual([]);
  });

  it('each on its own: no kind, no error, no warning', () => {
    for (const g of [roster, budget]) {
      const a = auditWorkbook([g]);
      expect(a.sheets.map((s) => s.kind)).toEqual([null]);
      expect(a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.code}`)).toEqual([]);
    }
  });
});
