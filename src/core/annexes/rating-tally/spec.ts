/** rating-tally: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { L, LEAD_UNIT, RATING_KEYS, ratingColumn } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'rating-tally': true;
  }
}

export const RATING_TALLY: TableSpec = {
  kind: 'rating-tally',
  titles: [/研判统计/, /研判情况统计/, /激励.*统计/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', type: 'unit', names: LEAD_UNIT, terms: ['单位', '部门'], notTerms: /项数|可能|难度/, required: true },
    { key: 'total', label: '总项数', type: 'count', names: ['总项数', '项数', '合计项数', '事项总数', '总数', '事项数', '激励事项数', '合计'], terms: ['总项数', '项数', '总数', '事项数'], notTerms: /可能|难度/, required: true },
    ...RATING_KEYS.map((k) => ratingColumn(k, true, 'count')),
  ],
};

export const spec = {
  kind: 'rating-tally',
  unique: ['unit'],
  key: ['unit'],
  keyCell: 'unit',
  profile: 'incentive',
  label: L('研判统计表（附件1）', 'rating tally (附件1)'),
  checks: [
    { id: 'tally-row-sum', needs: ['total', 'veryLikely', 'likely', 'hard', 'unlikely'], label: L('总项数与各等级之和', '总项数 vs the sum of the ratings') },
    { id: 'tally-total', needs: ['unit'], label: L('合计行', 'the 合计 row') },
    { id: 'tally-cross', needs: ['unit'], label: L('与研判分析表（附件3）重算结果核对', 'comparison with the recomputed 附件3') },
  ],
  table: RATING_TALLY,
  codes: CODES,
} as const satisfies AnnexSpec;
