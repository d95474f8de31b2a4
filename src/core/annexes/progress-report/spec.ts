/** progress-report: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { ITEM, L, LEAD_UNIT } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'progress-report': true;
  }
}

export const PROGRESS_REPORT: TableSpec = {
  kind: 'progress-report',
  titles: [/激励事项进展/, /进展情况/, /推进情况/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', type: 'unit', names: LEAD_UNIT, terms: ['牵头', '单位', '部门'], notTerms: /进展|问题|对接|事项/, required: true, group: true },
    { key: 'item', label: '激励事项', type: 'name', names: ITEM, terms: ['事项'], notTerms: /进展|问题|对接|情况/, required: true },
    { key: 'progress', label: '最新进展', type: 'text', names: ['最新进展', '进展情况', '工作进展', '工作进展情况', '最新进展情况', '推进情况', '工作推进情况'], terms: ['进展', '推进情况'], notTerms: /问题|对接/, required: true },
    { key: 'problems', label: '存在问题', type: 'text', names: ['存在问题', '存在的问题', '问题', '困难和问题', '存在困难'], terms: ['问题', '困难'] },
    { key: 'liaison', label: '与上级部门对接情况', type: 'text', names: ['与上级部门对接情况', '对接情况', '上级对接情况', '向上对接情况'], terms: ['对接'] },
  ],
};

export const spec = {
  kind: 'progress-report',
  unique: ['unit', 'item'],
  key: ['unit', 'item'],
  keyCell: 'item',
  profile: 'incentive',
  label: L('进展情况（附件4）', 'progress report (附件4)'),
  checks: [
    { id: 'progress-counts', needs: ['progress'], label: L('进展文字中的数量与完成率', 'counts and rates stated in the progress text') },
    { id: 'progress-cross', needs: ['item'], label: L('与研判分析表（附件3）的事项核对', 'comparison of items with 附件3') },
    { id: 'progress-dup', needs: ['unit', 'item'], label: L('重复的事项', 'duplicate items') },
  ],
  table: PROGRESS_REPORT,
  codes: CODES,
} as const satisfies AnnexSpec;
