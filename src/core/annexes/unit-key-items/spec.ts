/** unit-key-items: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { L } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'unit-key-items': true;
  }
}

export const UNIT_KEY_ITEMS: TableSpec = {
  kind: 'unit-key-items',
  titles: [/重点事项汇总/, /重点事项/, /争取事项/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '单位', type: 'unit', names: ['单位', '县市区', '县市', '县市区名称', '县(市、区)', '县市区(单位)', '地区'], terms: ['单位', '县市', '地区', '乡镇', '街道', '园区'], notTerms: /项数|事项/, required: true },
    { key: 'count', label: '项数', type: 'count', names: ['项数', '事项数', '重点事项数', '数量'], terms: ['项数', '数量'], required: true },
    { key: 'items', label: '具体事项', type: 'text', names: ['具体事项', '事项名称', '事项清单', '重点事项', '重点事项清单', '争取事项', '重点争取事项'], terms: ['事项', '清单'], notTerms: /项数|事项数/, required: true },
  ],
};

export const spec = {
  kind: 'unit-key-items',
  unique: ['unit'],
  key: ['unit'],
  keyCell: 'unit',
  profile: 'incentive',
  label: L('重点事项汇总表（附件2）', 'key items per unit (附件2)'),
  checks: [
    { id: 'keyitems-count', needs: ['count', 'items'], label: L('项数与具体事项条数', '项数 vs the items listed') },
    { id: 'keyitems-list', needs: ['items'], label: L('事项编号与重复', 'item numbering and repeats') },
    { id: 'keyitems-cross', needs: ['unit', 'items'], label: L('与研判分析表（附件3）点名的县市区核对', 'comparison with the counties named in 附件3') },
  ],
  table: UNIT_KEY_ITEMS,
  codes: CODES,
} as const satisfies AnnexSpec;
