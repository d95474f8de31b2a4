/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'tally/row-sum': spec('error',
    '总项数等于各研判等级之和', '总项数 equals the sum of the rating columns',
    '{unit}的总项数为{actual}，但各等级合计为{expected}。', '{unit}: 总项数 is {actual} but the rating columns add up to {expected}.'),
  'tally/column-total': spec('error',
    '合计行等于各单位行之和', 'The 合计 row equals the sum of the unit rows',
    '“{column}”合计为{actual}，各单位之和为{expected}。', 'The 合计 of "{column}" is {actual}; the unit rows add up to {expected}.', 'total'),
  'tally/total-formula-range': spec('error',
    '合计公式的求和范围覆盖全部单位行', 'The 合计 formula\'s range covers every unit row',
    '合计公式 ={actual} 没有覆盖全部单位行（应为 {expected}）。', 'The 合计 formula ={actual} does not cover every unit row (expected {expected}).', 'total'),
  'tally/total-typed-over-formula': spec('warning',
    '合计行其他单元格是公式而此格是手填数字', 'A 合计 cell is a typed number where its neighbours are formulas',
    '“{column}”合计是手填的数字{actual}，同行其他合计是公式；手填值不会随数据更新。', 'The 合计 of "{column}" is a typed number ({actual}) while the other totals are formulas; it will not follow the data.', 'total'),
  'structure/total-row-missing': spec('info',
    '统计表没有合计行', 'A tally has no total (合计) row',
    '未找到“合计”行，合计核对已跳过。', 'No 合计 (total) row was found; the total check was skipped.'),
  'cross/tally-mismatch': spec('error',
    '附件1的统计数等于按附件3研判情况重算的数', 'The tally in 附件1 equals the count derived from 附件3',
    '{unit}“{column}”为{actual}，按{source}重算为{expected}。', '{unit} "{column}" is {actual}; recomputed from {source} it is {expected}.'),
  'cross/tally-unit-missing': spec('error',
    '附件3中的牵头单位都出现在附件1中', 'Every lead unit of 附件3 appears in 附件1',
    '牵头单位“{unit}”在{source}中有{expected}项，但{target}中没有该单位。', 'Lead unit "{unit}" has {expected} items in {source} but no row in {target}.'),
  'cross/tally-unit-extra': spec('error',
    '附件1中的牵头单位都有附件3的事项', 'Every lead unit of 附件1 has items in 附件3',
    '“{unit}”在{source}中没有任何事项，但本表统计为{actual}项。', '"{unit}" has no items in {source}, yet this row counts {actual}.'),
} as const satisfies Record<string, FindingSpec>;
