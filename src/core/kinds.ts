/** The annex kinds: how each one's table is recognised (title and header text, never sheet name or position). */
import type { AnnexKind, TableSpec } from './table';

export type Profile = 'incentive' | 'keywork';

export const KIND_PROFILE: Record<AnnexKind, Profile> = {
  'rating-tally': 'incentive',
  'unit-key-items': 'incentive',
  'incentive-analysis': 'incentive',
  'progress-report': 'incentive',
  'liaison-log': 'incentive',
  'report-text': 'keywork',
  'target-progress': 'keywork',
  'livelihood-projects': 'keywork',
  'task-decomposition': 'keywork',
};

/** Display names in the user's words, for messages. */
export const KIND_LABEL: Record<AnnexKind, { 'zh-CN': string; 'en-US': string }> = {
  'rating-tally': { 'zh-CN': '研判统计表（附件1）', 'en-US': 'rating tally (附件1)' },
  'unit-key-items': { 'zh-CN': '重点事项汇总表（附件2）', 'en-US': 'key items per unit (附件2)' },
  'incentive-analysis': { 'zh-CN': '研判分析表（附件3）', 'en-US': 'incentive analysis (附件3)' },
  'progress-report': { 'zh-CN': '进展情况（附件4）', 'en-US': 'progress report (附件4)' },
  'liaison-log': { 'zh-CN': '对接情况统计（附件5）', 'en-US': 'liaison log (附件5)' },
  'report-text': { 'zh-CN': '通报', 'en-US': 'circular (通报)' },
  'target-progress': { 'zh-CN': '目标任务进展（附件1）', 'en-US': 'target progress (附件1)' },
  'livelihood-projects': { 'zh-CN': '民生实事（附件2）', 'en-US': 'livelihood projects (附件2)' },
  'task-decomposition': { 'zh-CN': '任务分解', 'en-US': 'task decomposition' },
};

export const RATING_TALLY: TableSpec = {
  kind: 'rating-tally',
  titles: [/研判统计/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', names: ['牵头单位', '单位', '责任单位', '牵头责任单位'], required: true },
    { key: 'total', label: '总项数', names: ['总项数', '项数', '合计项数', '事项总数'], required: true },
    { key: 'veryLikely', label: '很有可能', names: ['很有可能'], required: true },
    { key: 'likely', label: '有可能', names: ['有可能'], required: true },
    { key: 'hard', label: '难度较大', names: ['难度较大'], required: true },
    { key: 'unlikely', label: '不太可能', names: ['不太可能'], required: true },
  ],
};

export const UNIT_KEY_ITEMS: TableSpec = {
  kind: 'unit-key-items',
  titles: [/重点事项汇总/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '单位', names: ['单位', '县市区', '县市', '县市区名称'], required: true },
    { key: 'count', label: '项数', names: ['项数', '事项数'], required: true },
    { key: 'items', label: '具体事项', names: ['具体事项', '事项名称', '事项清单'], required: true },
  ],
};

export const INCENTIVE_ANALYSIS: TableSpec = {
  kind: 'incentive-analysis',
  titles: [/研判分析/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', names: ['牵头单位', '责任单位', '牵头责任单位'], required: true, group: true },
    { key: 'seq', label: '序号', names: ['序号'], group: true, groupParent: 'unit' },
    { key: 'item', label: '激励事项', names: ['激励事项', '事项', '督查激励事项'], required: true },
    { key: 'quota', label: '激励名额', names: ['激励名额', '名额'], group: true, groupParent: 'seq' },
    { key: 'assessment', label: '州直研判情况', names: ['州直研判情况', '研判情况', '市直研判情况', '研判意见'], required: true },
    { key: 'history', label: '获激励情况', names: [], pattern: /^(19|20)\d\d年?获激励情况$/, multi: true },
  ],
};

export const PROGRESS_REPORT: TableSpec = {
  kind: 'progress-report',
  titles: [/激励事项进展/, /进展情况/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', names: ['牵头单位', '责任单位', '牵头责任单位'], required: true, group: true },
    { key: 'item', label: '激励事项', names: ['激励事项', '事项', '督查激励事项'], required: true },
    { key: 'progress', label: '最新进展', names: ['最新进展', '进展情况', '工作进展'], required: true },
    { key: 'problems', label: '存在问题', names: ['存在问题', '存在的问题', '问题'] },
    { key: 'liaison', label: '与上级部门对接情况', names: ['与上级部门对接情况', '对接情况', '上级对接情况'] },
  ],
};

export const LIAISON_LOG: TableSpec = {
  kind: 'liaison-log',
  titles: [/对接情况统计/, /对接情况/],
  labelColumn: 'county',
  columns: [
    { key: 'county', label: '县市区', names: ['县市区', '县市', '单位', '县市区名称'], required: true, group: true },
    { key: 'item', label: '重点事项', names: ['重点事项', '事项'], required: true },
    { key: 'liaison', label: '对接情况', names: ['对接情况', '对接情况说明'], required: true },
  ],
};

export const TARGET_PROGRESS: TableSpec = {
  kind: 'target-progress',
  titles: [/目标任务/],
  labelColumn: 'seq',
  columns: [
    { key: 'seq', label: '序号', names: ['序号'] },
    { key: 'target', label: '目标任务', names: ['目标任务', '工作目标'], required: true },
    { key: 'unit', label: '牵头单位', names: ['牵头单位', '责任单位'], required: true },
    { key: 'progress', label: '进展情况', names: ['进展情况'] },
    { key: 'done', label: '基本完成', names: ['基本完成', '已完成'], required: true },
    { key: 'onSchedule', label: '常态化或按时序推进', names: ['常态化或按时序推进', '按时序推进', '常态化推进'], required: true },
    { key: 'lagging', label: '相对滞后', names: ['相对滞后', '滞后'], required: true },
  ],
};

export const LIVELIHOOD_PROJECTS: TableSpec = {
  kind: 'livelihood-projects',
  titles: [/民生实事/],
  labelColumn: 'category',
  columns: [
    { key: 'category', label: '类别', names: ['类别'], group: true },
    { key: 'seq', label: '序号', names: ['序号'], group: true, groupParent: 'category' },
    { key: 'project', label: '项目名称', names: ['项目名称'], required: true, multi: true },
    { key: 'target', label: '目标任务', names: ['目标任务'], required: true, multi: true },
    // Blank and unmerged under a merged block continues the unit above (reported when a new project starts).
    { key: 'unit', label: '牵头单位', names: ['牵头单位', '责任单位'], required: true, group: true },
    { key: 'progress', label: '进展情况', names: ['进展情况'], required: true },
    { key: 'pct', label: '量化数据', names: ['量化数据', '完成比例', '完成率'], required: true },
    { key: 'status', label: '进度评价', names: ['进度评价', '进度'], required: true },
  ],
};

export const TASK_DECOMPOSITION: TableSpec = {
  kind: 'task-decomposition',
  titles: [/任务分解/],
  labelColumn: 'seq',
  columns: [
    { key: 'seq', label: '序号', names: ['序号'] },
    { key: 'measure', label: '激励措施', names: ['激励措施', '工作激励措施'], pattern: /激励措施$/, required: true },
    { key: 'lead', label: '牵头责任单位', names: ['牵头责任单位', '牵头单位'], required: true },
    { key: 'related', label: '相关责任单位', names: ['相关责任单位', '配合单位', '责任单位'], required: true },
  ],
};

export const TABLE_SPECS: readonly TableSpec[] = [
  RATING_TALLY,
  UNIT_KEY_ITEMS,
  INCENTIVE_ANALYSIS,
  PROGRESS_REPORT,
  LIAISON_LOG,
  TARGET_PROGRESS,
  LIVELIHOOD_PROJECTS,
  TASK_DECOMPOSITION,
];
