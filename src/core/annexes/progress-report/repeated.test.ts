/**
 * text/repeated-passage on 附件4: a long passage (20+ characters between stops) of one item's progress pasted
 * unchanged into another's. Needs: the progress column. Finds: the later item, on its progress cell, naming the
 * earlier item, once per pair. Must not find: short common phrases, distinct texts, a passage repeated within one
 * item's own text.
 */
import { progressGrid, type ProgressRow } from '../../../../test/helpers/incentive';
import { kinds, runRule, shape, where } from '../../../../test/helpers/rules';
import { repeatedPassage } from './repeated';

const LONG = '截至目前已召开三次专题调度会议研究部署各项考核指标推进工作';

const ROWS: ProgressRow[] = [
  ['州发改委', '高质量发展', `共有考核指标10项。${LONG}。`],
  ['州发改委', '营商环境', '县市完成率均超过九成，差距较小。'],
  ['州民政局', '推进养老服务体系建设', '共有考核基本指标10项，截止目前已完成3项，未完成7项。'],
];

describe('repeatedPassage', () => {
  it('needs the progress column: without it (the sheet read as 附件4 all the same), it does not run', () => {
    const r = runRule(repeatedPassage, [progressGrid([...ROWS, ['州民政局', '社会救助', LONG]], ['牵头单位', '激励事项', '备注', '存在问题', '与上级部门对接情况'])], { sheetKinds: { 附件4: 'progress-report' } });
    expect(kinds(r.audit)['附件4']).toBe('progress-report');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds a long passage pasted into a later item, on its progress cell, naming the first', () => {
    const rows = [...ROWS];
    rows[2] = ['州民政局', '推进养老服务体系建设', `已完成3项。${LONG}。`];
    const r = runRule(repeatedPassage, [progressGrid(rows)]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'text/repeated-passage', severity: 'info', cell: 'C6', params: { other: '高质量发展', otherCell: 'C4', passage: LONG }, related: [{ sheet: '附件4', cell: 'C4' }] },
    ]);
  });

  it('two passages shared by the same pair are one finding', () => {
    const second = '下一步将继续加强与省直部门的沟通对接争取更多支持';
    const rows: ProgressRow[] = [['州发改委', '高质量发展', `${LONG}；${second}。`], ['州民政局', '社会救助', `${LONG}。${second}。`]];
    expect(where(runRule(repeatedPassage, [progressGrid(rows)]).findings)).toEqual(['text/repeated-passage 附件4!C5']);
  });

  it('finds nothing for distinct texts, short shared phrases, or a passage repeated inside one item', () => {
    expect(runRule(repeatedPassage, [progressGrid(ROWS)]).findings).toEqual([]);
    const short: ProgressRow[] = [['州发改委', '高质量发展', '正在推进。按时序推进。'], ['州民政局', '社会救助', '正在推进。按时序推进。']];
    expect(runRule(repeatedPassage, [progressGrid(short)]).findings).toEqual([]);
    expect(runRule(repeatedPassage, [progressGrid([['州发改委', '高质量发展', `${LONG}。${LONG}。`]])]).findings).toEqual([]);
  });
});
