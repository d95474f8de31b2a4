/** 报送情况: rows, the units missing, the sheet in both languages, and the unit list read back from last round's sheet. */
import type { Grid } from '../../src/core/grid';
import { expectedUnitsFromGrids, missingUnits, statusPlan, submissionStatus, unitOfFile, unreadableStatus } from '../../src/core/submissions';

const clean = { counts: { error: 0, warning: 3, info: 1 } };
const bad = { counts: { error: 2, warning: 0, info: 0 } };
const units = ['龙山', '龙山县', '永顺县', '花垣县'];

function gridOf(plan: ReturnType<typeof statusPlan>): Grid {
  return { name: plan.name, values: plan.rows.map((r) => r.map((c) => c.value)), merges: [] };
}

describe('submission status', () => {
  const rows = [
    submissionStatus('收到/龙山县-附件.xlsx', clean, 'all-incentive@1', units),
    submissionStatus('永顺县.xls', bad, null, units),
    unreadableStatus('无名.xlsx', '“无名.xlsx”是 PDF 文件', units),
  ];

  it('a file names its unit (the longest that matches); 通过 means no error-level finding', () => {
    expect(unitOfFile('龙山县-附件.xlsx', units)).toBe('龙山县');
    expect(rows.map((r) => [r.unit, r.state])).toEqual([
      ['龙山县', 'passed'],
      ['永顺县', 'errors'],
      [null, 'unreadable'],
    ]);
    expect(missingUnits(rows, units)).toEqual(['龙山', '花垣县']);
  });

  it('the sheet in zh-CN and in en-US', () => {
    const zh = statusPlan(rows, ['花垣县'], 'zh-CN');
    expect(zh.name).toBe('报送情况');
    const v = gridOf(zh).values;
    expect(v[0]?.[0]).toBe('报送情况（3 个文件）');
    expect(v[1]?.[0]).toBe('通过 1 个，有错误 1 个，无法读取 1 个；应报未报 1 个单位。');
    expect(v[3]).toEqual([1, '龙山县', '收到/龙山县-附件.xlsx', 'all-incentive v1', 0, 3, '通过', '']);
    expect(v[5]).toEqual([3, '（未对应）', '无名.xlsx', '', '—', '—', '无法读取', '“无名.xlsx”是 PDF 文件']);
    expect(v.some((r) => r[1] === '花垣县' && r[6] === '未报送')).toBe(true);
    const en = gridOf(statusPlan(rows, ['花垣县'], 'en-US'));
    expect(en.name).toBe('Submission status');
    expect(en.values[2]).toEqual(['No.', 'Unit', 'File', 'Template', 'Errors', 'Warnings', 'Status', 'Note']);
    expect(en.values[4]?.[6]).toBe('errors');
    expect(en.values[4]?.[3]).toBe('not a template');
  });

  it('last round\'s sheet gives the units expected this round (those reported and those missing), in either language', () => {
    expect(expectedUnitsFromGrids([gridOf(statusPlan(rows, ['花垣县'], 'zh-CN'))])).toEqual(['龙山县', '永顺县', '花垣县']);
    expect(expectedUnitsFromGrids([gridOf(statusPlan(rows, ['花垣县'], 'en-US'))])).toEqual(['龙山县', '永顺县', '花垣县']);
    expect(expectedUnitsFromGrids([{ name: 'x', values: [['单位', '得分']], merges: [] }])).toEqual([]);
  });
});
