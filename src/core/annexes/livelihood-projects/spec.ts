/** livelihood-projects: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { DEADLINE, L, LEAD_UNIT } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'livelihood-projects': true;
  }
}

export const LIVELIHOOD_PROJECTS: TableSpec = {
  kind: 'livelihood-projects',
  titles: [/民生实事/],
  labelColumn: 'category',
  columns: [
    { key: 'category', label: '类别', type: 'name', names: ['类别', '类型', '层级', '项目类别'], group: true },
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'], group: true, groupParent: 'category' },
    { key: 'project', label: '项目名称', type: 'name', names: ['项目名称', '项目', '实事名称', '民生实事项目', '民生实事名称'], terms: ['项目', '实事'], notTerms: /单位|进展|目标|任务/, required: true, multi: true },
    // A target may sit in one column or be split into 具体任务 + 目标值: the last column holds the value.
    { key: 'target', label: '目标任务', type: 'text', names: ['目标任务', '具体任务', '目标值', '任务目标', '年度目标', '目标', '指标', '具体指标', '年度目标任务'], terms: ['目标', '任务', '指标'], notTerms: /完成|进展|进度|单位|评价/, required: true, multi: true },
    // Blank and unmerged under a merged block continues the unit above (reported when a new project starts).
    { key: 'unit', label: '牵头单位', type: 'units', names: LEAD_UNIT, terms: ['单位', '部门'], notTerms: /项目|目标/, required: true, group: true },
    { key: 'progress', label: '进展情况', type: 'text', names: ['进展情况', '工作进展', '完成情况', '推进情况', '工作推进情况', '最新进展'], terms: ['进展'], notTerms: /量化|比例|率|%|评价/, required: true },
    { key: 'pct', label: '量化数据', type: 'percent', names: ['量化数据', '完成比例', '完成率', '完成进度(%)', '完成百分比', '量化完成比例'], terms: ['量化', '比例', '完成率', '%', '百分比'], required: true },
    { key: 'status', label: '进度评价', type: 'vocabulary', names: ['进度评价', '进度', '进度情况', '推进评价', '进展评价', '完成评价'], terms: ['评价', '进度'], notTerms: /%|比例|率|量化/, required: true },
    // A deadline (完成时限 / 时间节点): read and checked as a date or deadline words.
    { key: 'deadline', label: '完成时限', type: 'date', names: DEADLINE, terms: ['时限', '时间节点', '期限'] },
  ],
};

export const spec = {
  kind: 'livelihood-projects',
  unique: ['seq', 'project', 'target'],
  // One project has several rows: its sub-project (the last project column filled) and its indicator (the first target column).
  key: ['seq', { column: 'project', pick: 'last' }, { column: 'target', pick: 'first' }],
  keyCell: 'seq',
  profile: 'keywork',
  label: L('民生实事（附件2）', 'livelihood projects (附件2)'),
  checks: [
    { id: 'livelihood-pct', needs: ['target', 'progress', 'pct'], label: L('量化数据与完成值÷目标值', '量化数据 vs achieved ÷ target') },
    { id: 'livelihood-status', needs: ['status'], label: L('进度评价及与通报的核对', '进度评价 and the 通报 figures') },
    { id: 'livelihood-quantified', needs: ['pct'], label: L('量化数据是否填写', 'whether 量化数据 is filled in') },
    { id: 'livelihood-dup', needs: ['project', 'target'], label: L('重复的指标', 'duplicate indicators') },
  ],
  table: LIVELIHOOD_PROJECTS,
  codes: CODES,
} as const satisfies AnnexSpec;
