/** liaison-log: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { L } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'liaison-log': true;
  }
}

export const LIAISON_LOG: TableSpec = {
  kind: 'liaison-log',
  titles: [/对接情况统计/, /对接情况/],
  labelColumn: 'county',
  columns: [
    { key: 'county', label: '县市区', type: 'unit', names: ['县市区', '县市', '单位', '县市区名称', '县(市、区)', '地区', '乡镇', '乡镇(街道)'], terms: ['县市', '地区', '单位', '乡镇', '街道', '园区'], notTerms: /对接|事项/, required: true, group: true },
    { key: 'item', label: '重点事项', type: 'name', names: ['重点事项', '事项', '对接事项', '激励事项'], terms: ['事项'], notTerms: /对接情况/, required: true },
    { key: 'liaison', label: '对接情况', type: 'text', names: ['对接情况', '对接情况说明', '向上对接情况'], terms: ['对接'], required: true },
  ],
};

export const spec = {
  kind: 'liaison-log',
  unique: ['county', 'item'],
  key: ['county', 'item'],
  keyCell: 'item',
  profile: 'incentive',
  label: L('对接情况统计（附件5）', 'liaison log (附件5)'),
  checks: [{ id: 'liaison-dup', needs: ['county', 'item'], label: L('重复的对接记录', 'duplicate liaison rows') }],
  table: LIAISON_LOG,
  codes: CODES,
} as const satisfies AnnexSpec;
