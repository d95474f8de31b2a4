/** incentive-analysis: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import type { TableSpec } from '../../table';
import { ITEM, L, LEAD_UNIT, RATING_KEYS, ratingColumn } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'incentive-analysis': true;
  }
}

export const INCENTIVE_ANALYSIS: TableSpec = {
  kind: 'incentive-analysis',
  titles: [/研判分析/, /研判表/, /研判情况表/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', type: 'unit', names: LEAD_UNIT, terms: ['牵头', '单位', '部门'], notTerms: /研判|事项|名额|情况|可能/, required: true, group: true },
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'], filled: true, group: true, groupParent: 'unit' },
    { key: 'item', label: '激励事项', type: 'name', names: ITEM, terms: ['事项', '激励项目'], notTerms: /研判|名额|情况|意见|可能/, required: true },
    { key: 'quota', label: '激励名额', type: 'text', names: ['激励名额', '名额', '激励名额数'], terms: ['名额'], group: true, groupParent: 'seq' },
    { key: 'assessment', label: '州直研判情况', type: 'vocabulary', names: ['州直研判情况', '研判情况', '市直研判情况', '研判意见', '县直研判情况', '研判结果'], terms: ['研判'], required: true },
    // The wide layout: one column per rating holding the names of the units so rated.
    ...RATING_KEYS.map((k) => ratingColumn(k, false, 'units')),
    { key: 'history', label: '获激励情况', type: 'units', names: [], pattern: /^(19|20)\d\d年?度?(获激励情况|获激励|获得激励|获激励单位)?$/, multi: true },
  ],
  alternatives: { assessment: { columns: RATING_KEYS, min: 2 } },
};

export const spec = {
  kind: 'incentive-analysis',
  unique: ['unit', 'item'],
  key: ['unit', 'item'],
  keyCell: 'item',
  profile: 'incentive',
  label: L('研判分析表（附件3）', 'incentive analysis (附件3)'),
  checks: [
    { id: 'analysis-rating', needs: ['assessment'], label: L('研判等级', 'the ratings') },
    { id: 'analysis-cross', needs: ['unit', 'item', 'assessment'], label: L('附件1、附件2的重算与核对', 'recomputing and checking 附件1 and 附件2') },
    { id: 'analysis-progress', needs: ['item'], label: L('与进展情况（附件4）的事项核对', 'comparison of items with 附件4') },
    { id: 'analysis-dup', needs: ['unit', 'item'], label: L('重复的事项', 'duplicate items') },
    { id: 'analysis-markers', needs: ['item'], label: L('注释所述●、Ⅱ/Ⅲ标记数', 'the marker counts stated in the note') },
  ],
  table: INCENTIVE_ANALYSIS,
  codes: CODES,
} as const satisfies AnnexSpec;
