/** task-decomposition: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { DEADLINE, L } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'task-decomposition': true;
  }
}

export const TASK_DECOMPOSITION: TableSpec = {
  kind: 'task-decomposition',
  titles: [/任务分解/],
  labelColumn: 'seq',
  columns: [
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'] },
    { key: 'measure', label: '激励措施', type: 'name', names: ['激励措施', '工作激励措施', '具体措施'], pattern: /激励措施$/, terms: ['措施'], required: true },
    { key: 'lead', label: '牵头责任单位', type: 'units', names: ['牵头责任单位', '牵头单位', '牵头部门'], terms: ['牵头'], required: true },
    { key: 'related', label: '相关责任单位', type: 'units', names: ['相关责任单位', '配合单位', '责任单位', '协同单位', '配合部门'], terms: ['相关', '配合', '协同', '协办'], required: true },
    // A deadline (完成时限 / 时间节点): read and checked as a date or deadline words.
    { key: 'deadline', label: '完成时限', type: 'date', names: DEADLINE, terms: ['时限', '时间节点', '期限'] },
  ],
};

export const spec = {
  kind: 'task-decomposition',
  unique: ['measure'],
  key: ['seq'],
  keyFallback: 'measure',
  keyCell: 'seq',
  profile: 'keywork',
  label: L('任务分解', 'task decomposition'),
  checks: [
    { id: 'task-lead-related', needs: ['lead', 'related'], label: L('牵头单位与相关单位', 'lead and related units') },
    { id: 'task-dup', needs: ['measure'], label: L('重复的激励措施', 'duplicate measures') },
  ],
  table: TASK_DECOMPOSITION,
  codes: CODES,
} as const satisfies AnnexSpec;
