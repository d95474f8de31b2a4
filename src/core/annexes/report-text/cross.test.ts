/**
 * The 通报's stated counts and shares vs the annexes. Needs: the 通报; 附件1 (or 附件2) only where its marks or
 * statuses were read. Finds, with the table: a total (report/total-mismatch), a class count
 * (report/count-mismatch), a share (report/share-mismatch) that is not the table's, on the 通报's paragraph; without
 * it: parts that do not add up to the stated total (report/parts-sum). Must not find: figures that are the table's,
 * the plain-rounded share as well as the largest-remainder one, a count within reach of rows left unmarked, a
 * wrong share next to a wrong count (the count explains it), a table whose marks were not read.
 */
import { reportGrid, targetGrid, type TargetSpecRow } from '../../../../test/profileB/keywork';
import { reorderColumns } from '../../../../test/helpers/grids';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { crossReport } from './cross';

const DONE: TargetSpecRow['marks'] = ['√', null, null];
const ON: TargetSpecRow['marks'] = [null, '√', null];
const LAG: TargetSpecRow['marks'] = [null, null, '√'];
const NONE: TargetSpecRow['marks'] = [null, null, null];

function targets(marks: readonly TargetSpecRow['marks'][]): TargetSpecRow[] {
  return marks.map((m, i) => ({ seq: i + 1, target: `目标任务${i + 1}`, unit: '区发改局', marks: m }));
}

const FILLER = '为贯彻落实区政府年初工作安排，区政府督查室对目标任务及省市区重点民生实事推进落实情况进行了实地督查，现将有关情况通报如下。';
/** The headline is the 通报's second paragraph: 通报!A5. */
const report = (headline: string) => reportGrid([FILLER, headline, FILLER]);
const HEADLINE = '4项目标任务中，已完成年度目标任务的1项，占25%；达到时间与进度同步的2项，占50%；进展相对滞后的1项，占25%。';
/** 1 done, 2 on schedule, 1 lagging. */
const TARGETS = targets([DONE, ON, ON, LAG]);
const TARGET_CLASS = {
  done: { 'zh-CN': '已完成年度目标任务', 'en-US': 'done for the year' },
  onSchedule: { 'zh-CN': '达到时间与进度同步', 'en-US': 'on schedule' },
};
const TARGETS_GROUP = { 'zh-CN': '目标任务', 'en-US': 'targets' };

describe('crossReport', () => {
  it('needs the 通报: with 附件1 alone it does not run', () => {
    const r = runRule(crossReport, [targetGrid(TARGETS)]);
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a total, a class count and a share that are not 附件1\'s, on the 通报\'s paragraph', () => {
    const r = runRule(crossReport, [report('5项目标任务中，已完成年度目标任务的2项，占25%；达到时间与进度同步的2项，占40%；进展相对滞后的1项，占25%。'), targetGrid(TARGETS)]);
    expect(where(r.findings).sort()).toEqual(['report/count-mismatch 通报!A5', 'report/share-mismatch 通报!A5', 'report/total-mismatch 通报!A5']);
    const of = (code: string) => shape(r.findings.find((f) => f.code === code));
    expect(of('report/total-mismatch')).toMatchObject({ severity: 'error', params: { source: '附件1', group: TARGETS_GROUP }, expected: '4项', actual: '5项' });
    expect(of('report/count-mismatch')).toMatchObject({ severity: 'error', params: { source: '附件1', group: TARGETS_GROUP, class: TARGET_CLASS.done }, expected: '1项', actual: '2项' });
    expect(of('report/share-mismatch')).toMatchObject({ severity: 'error', params: { source: '附件1', group: TARGETS_GROUP, class: TARGET_CLASS.onSchedule }, expected: '50%', actual: '40%' });
  });

  it('finds nothing when the figures are 附件1\'s', () => {
    expect(runRule(crossReport, [report(HEADLINE), targetGrid(TARGETS)]).findings).toEqual([]);
  });

  it('accepts the largest-remainder share and the plain-rounded one; one decimal off is a finding', () => {
    const six = targetGrid(targets([DONE, ON, ON, ON, LAG, LAG]));
    expect(runRule(crossReport, [report('6项目标任务中，已完成年度目标任务的1项，占16.7%；达到时间与进度同步的3项，占50%；进展相对滞后的2项，占33.3%。'), six]).findings).toEqual([]);
    const off = runRule(crossReport, [report('6项目标任务中，已完成年度目标任务的1项，占16.6%；达到时间与进度同步的3项，占50%；进展相对滞后的2项，占33.3%。'), six]);
    expect(off.findings.map(shape)).toMatchObject([{ code: 'report/share-mismatch', cell: 'A5', expected: '16.7%', actual: '16.6%' }]);
  });

  it('a count within reach of rows left unmarked is not a second finding', () => {
    const r = runRule(crossReport, [report('4项目标任务中，已完成年度目标任务的2项；达到时间与进度同步的1项；进展相对滞后的1项。'), targetGrid(targets([DONE, ON, NONE, LAG]))]);
    expect(r.findings).toEqual([]);
  });

  it('a wrong share next to a wrong count is the count\'s finding only', () => {
    const r = runRule(crossReport, [report('4项目标任务中，已完成年度目标任务的2项，占50%；达到时间与进度同步的2项，占50%；进展相对滞后的1项，占25%。'), targetGrid(TARGETS)]);
    expect(where(r.findings)).toEqual(['report/count-mismatch 通报!A5']);
  });

  it('with 附件1\'s marks not read, the 通报 is checked against itself: parts that do not add up to the total', () => {
    const unmarked = reorderColumns(targetGrid(TARGETS), [0, 1, 2, 3]);
    const r = runRule(crossReport, [report('4项目标任务中，已完成年度目标任务的1项，占25%；达到时间与进度同步的2项，占50%；进展相对滞后的2项，占50%。'), unmarked], { sheetKinds: { 附件1: 'target-progress' } });
    expect(kinds(r.audit)['附件1']).toBe('target-progress');
    expect(r.findings.map(shape)).toEqual([{ code: 'report/parts-sum', severity: 'error', cell: 'A5', params: { group: TARGETS_GROUP }, expected: 5, actual: 4 }]);
  });

  it('with no annex, figures that add up give nothing', () => {
    expect(runRule(crossReport, [report(HEADLINE)]).findings).toEqual([]);
  });
});
