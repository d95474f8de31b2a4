/**
 * Kind with a margin (issue 18, item 6): a sheet gets a kind only when its best kind clearly beats the next.
 * A table that merges 附件3's and 附件4's columns (研判 and 进展 in one) fits both about equally: it gets no
 * kind, one note naming both and how to choose, and no error; told the kind in the settings, it is read as such.
 */
import { auditWorkbook, messageOf } from '../../src/core';
import { detectKind, KIND_MARGIN } from '../../src/core/detect';
import { makeGrid } from '../helpers/grids';

const MERGED = makeGrid('研判与进展', [
  ['激励事项研判表'],
  ['牵头单位', '序号', '激励事项', '激励名额', '州直研判情况', '最新进展', '存在问题', '与上级部门对接情况'],
  ['州发改委', '第1项', '高质量发展', '10个县市区', '有可能', '共有考核指标10项，已完成2项，未完成8项。', '无', '9月2日到省发改委汇报。'],
  ['州民政局', '第31项', '推进养老服务体系建设', '4个市州', '很有可能', '进展顺利。', '无', '7月1日对接。'],
]);

describe('a kind only with a margin', () => {
  it('two kinds within the margin: the detection names both', () => {
    const d = detectKind(MERGED);
    expect(d?.runnerUp).toBeDefined();
    expect((d?.score ?? 0) - (d?.runnerUp?.score ?? 0)).toBeLessThan(KIND_MARGIN);
    expect(new Set([d?.kind, d?.runnerUp?.kind])).toEqual(new Set(['incentive-analysis', 'progress-report']));
  });

  it('the audit gives the sheet no kind, one note with both kinds and the setting, and no error or warning', () => {
    const a = auditWorkbook([MERGED]);
    expect(a.sheets[0]?.kind).toBeNull();
    expect(a.findings.map((f) => `${f.code} ${f.severity}`)).toEqual(['structure/kind-ambiguous info']);
    expect(messageOf(a.findings[0]!)).toContain('研判分析表（附件3）');
    expect(messageOf(a.findings[0]!)).toContain('进展情况（附件4）');
    expect(messageOf(a.findings[0]!)).toContain('工作表类型');
  });

  it('told the kind in the settings, the sheet is read as that kind', () => {
    const a = auditWorkbook([MERGED], { sheetKinds: { 研判与进展: 'incentive-analysis' } });
    expect(a.sheets[0]?.kind).toBe('incentive-analysis');
    expect(a.findings.some((f) => f.code === 'structure/kind-ambiguous')).toBe(false);
  });
});
