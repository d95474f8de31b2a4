/** target-progress: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { DEADLINE, L, LEAD_UNIT, classWords } from '../common';
import { PROGRESS_VOCAB, vocabEntry } from '../../vocab';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'target-progress': true;
  }
}

export const TARGET_PROGRESS: TableSpec = {
  kind: 'target-progress',
  titles: [/目标任务/],
  labelColumn: 'seq',
  columns: [
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'] },
    { key: 'target', label: '目标任务', type: 'name', names: ['目标任务', '工作目标', '工作任务', '主要目标任务', '年度目标任务'], terms: ['目标', '任务'], notTerms: /完成|推进|滞后|进展|单位|进度/, required: true },
    { key: 'unit', label: '牵头单位', type: 'units', names: LEAD_UNIT, terms: ['单位', '部门'], notTerms: /目标|进展/, required: true },
    { key: 'progress', label: '进展情况', type: 'text', names: ['进展情况', '工作进展', '完成情况', '推进情况', '工作推进情况'], terms: ['进展'], notTerms: /滞后|推进$/, filled: true },
    { key: 'done', label: vocabEntry(PROGRESS_VOCAB, 'done').zh, type: 'mark', names: classWords('done'), required: true },
    { key: 'onSchedule', label: vocabEntry(PROGRESS_VOCAB, 'onSchedule').zh, type: 'mark', names: classWords('onSchedule'), terms: ['时序', '序时'], required: true },
    { key: 'lagging', label: vocabEntry(PROGRESS_VOCAB, 'lagging').zh, type: 'mark', names: classWords('lagging'), terms: ['滞后'], required: true },
    // A deadline (完成时限 / 时间节点): read and checked as a date or deadline words.
    { key: 'deadline', label: '完成时限', type: 'date', names: DEADLINE, terms: ['时限', '时间节点', '期限'] },
    // Another layout: one column of words (已完成 / 正常推进 / 进度滞后 …) instead of three columns of marks.
    { key: 'statusWord', label: '进度评价', type: 'vocabulary', names: ['进度评价', '推进评价', '进展评价', '完成评价', '进展状态', '完成状态', '推进状态', '进度状态'], terms: ['评价'], notTerms: /%|比例|率|量化/ },
  ],
  // A livelihood table has 进度评价 too: its project and 量化数据 columns say it is not a targets table.
  excludes: /^(项目名称|实事名称|民生实事项目|民生实事名称|量化数据|完成进度)/,
  alternatives: {
    done: { columns: ['statusWord'], min: 1 },
    onSchedule: { columns: ['statusWord'], min: 1 },
    lagging: { columns: ['statusWord'], min: 1 },
  },
};

export const spec = {
  kind: 'target-progress',
  unique: ['target'],
  key: ['seq'],
  keyFallback: 'target',
  keyCell: 'seq',
  profile: 'keywork',
  label: L('目标任务进展（附件1）', 'target progress (附件1)'),
  checks: [
    { id: 'target-marks', needs: ['done', 'onSchedule', 'lagging'], label: L('工作进度标记（每行一个）及与通报的核对', 'progress marks (one per row) and the 通报 figures') },
    { id: 'target-status', needs: ['statusWord'], label: L('进度评价的词语及与通报的核对', 'the 进度评价 words and the 通报 figures') },
    { id: 'target-dup', needs: ['target'], label: L('重复的目标任务', 'duplicate targets') },
  ],
  table: TARGET_PROGRESS,
  codes: CODES,
} as const satisfies AnnexSpec;
