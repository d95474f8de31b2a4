/** Headers read by meaning: key terms with qualifiers, status words by class, the user's mapping and sheet kinds. */
import { auditWorkbook, withColumnMapping } from '../../src/core';
import { GridView } from '../../src/core/grid';
import { INCENTIVE_ANALYSIS } from '../../src/core/annexes/incentive-analysis/spec';
import { LIVELIHOOD_PROJECTS } from '../../src/core/annexes/livelihood-projects/spec';
import { PROGRESS_REPORT } from '../../src/core/annexes/progress-report/spec';
import { TARGET_PROGRESS } from '../../src/core/annexes/target-progress/spec';
import { findHeader, headerScore, type TableSpec } from '../../src/core/table';
import { labelKey } from '../../src/core/text';
import { makeGrid } from '../helpers/grids';

function placed(spec: TableSpec, header: string[]): Record<string, string> {
  const g = makeGrid('s', [header, header.map(() => 'x')]);
  const m = findHeader(new GridView(g), spec);
  const out: Record<string, string> = {};
  for (const [key, cols] of m?.columns ?? []) out[key] = cols.map((c) => header[c]).join('+');
  return out;
}

describe('headers by meaning', () => {
  it('a key term with qualifiers names the column it means, not the one it merely contains', () => {
    const got = placed(INCENTIVE_ANALYSIS, ['牵头单位', '激励事项', '重点事项（州直单位研判情况）']);
    expect(got).toMatchObject({ unit: '牵头单位', item: '激励事项', assessment: '重点事项（州直单位研判情况）' });
  });

  it('向上对接情况, 工作进展情况 and 困难和问题 are the progress report\'s columns', () => {
    expect(placed(PROGRESS_REPORT, ['责任单位（牵头）', '督查激励事项', '工作进展情况', '困难和问题', '向上对接情况'])).toEqual({
      unit: '责任单位（牵头）',
      item: '督查激励事项',
      progress: '工作进展情况',
      problems: '困难和问题',
      liaison: '向上对接情况',
    });
  });

  it('完成进度（%） is the percentage, 进度情况 the status — never the other way round', () => {
    const got = placed(LIVELIHOOD_PROJECTS, ['项目名称', '目标任务', '牵头单位', '进展情况', '完成进度（%）', '进度情况']);
    expect(got['pct']).toBe('完成进度（%）');
    expect(got['status']).toBe('进度情况');
  });

  it.each([
    ['已完成', '序时推进', '进度滞后'],
    ['完成', '正常推进', '推进滞后'],
    ['基本完成', '按时序推进', '滞后'],
  ])('status columns %s / %s / %s are read by what they mean', (done, onSchedule, lagging) => {
    expect(placed(TARGET_PROGRESS, ['序号', '目标任务', '牵头单位', done, onSchedule, lagging])).toMatchObject({ done, onSchedule, lagging });
  });

  it('a header naming no column scores nothing', () => {
    const assessment = INCENTIVE_ANALYSIS.columns.find((c) => c.key === 'assessment');
    expect(assessment && headerScore(assessment, [labelKey('栏目三')])).toBe(0);
    expect(assessment && headerScore(assessment, [labelKey('研判情况')])).toBeGreaterThan(0);
  });
});

describe('the user says what a sheet is and what a header means', () => {
  const sheet = () =>
    makeGrid('Sheet3', [
      ['栏目一', '栏目二', '栏目三'],
      ['吉首市', '推进养老服务体系建设', '8月12日，赴省民政厅汇报。'],
      ['吉首市', '推进养老服务体系建设', '9月2日，再次汇报。'],
    ]);

  it('without settings the sheet is not an annex', () => {
    const a = auditWorkbook([sheet()]);
    expect(a.sheets[0]?.kind).toBeNull();
    expect(a.counts.error + a.counts.warning).toBe(0);
  });

  it('sheetKinds alone: the kind is known, the unplaced columns said once', () => {
    const a = auditWorkbook([sheet()], { sheetKinds: { Sheet3: 'liaison-log' } });
    expect(a.sheets[0]?.kind).toBe('liaison-log');
    expect(a.findings.map((f) => f.code)).toEqual(['structure/column-missing']);
  });

  it('sheetKinds and columnMap: the sheet is fully checked', () => {
    const a = auditWorkbook([sheet()], {
      sheetKinds: { Sheet3: 'liaison-log' },
      columnMap: { 'liaison-log': { 栏目一: 'county', 栏目二: 'item', 栏目三: 'liaison' } },
    });
    expect(a.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['dup/liaison B3']);
  });
});

describe('column gaps: what the user can map', () => {
  const grid = () =>
    makeGrid('附件1', [
      ['2022年激励事项研判统计表'],
      ['牵头单位', '总项数', '很有可能', '有可能', '难度较大', '第四档', '备注'],
      ['州发改委', 3, 1, 1, 0, 0, ''],
    ]);

  it('lists the missing columns and the unplaced header texts of the sheet', () => {
    const a = auditWorkbook([grid()]);
    expect(a.columnGaps).toEqual([
      { sheet: '附件1', kind: 'rating-tally', missing: [{ key: 'unlikely', label: '不太可能' }], headers: [{ col: 5, text: '第四档' }, { col: 6, text: '备注' }] },
    ]);
  });

  it('withColumnMapping adds one mapping, keeps the other settings, and the gap closes', () => {
    const settings = withColumnMapping({ guaranteedQuotaIsVeryLikely: false, columnMap: { 'liaison-log': { 栏目一: 'county' } } }, 'rating-tally', '第四档', 'unlikely');
    expect(settings).toEqual({ guaranteedQuotaIsVeryLikely: false, columnMap: { 'liaison-log': { 栏目一: 'county' }, 'rating-tally': { 第四档: 'unlikely' } } });
    const a = auditWorkbook([grid()], settings);
    expect(a.columnGaps).toEqual([]);
    expect(a.findings.map((f) => f.code)).toEqual(['structure/annex-missing', 'structure/total-row-missing', 'tally/row-sum']);
  });
});
