/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'report/count-mismatch': spec('error',
    '通报所述各类数量等于按附件统计的数量', 'The counts stated in the 通报 equal the counts from the annexes',
    '通报称“{phrase}”，按{source}统计{group}中{class}为{expected}。', 'The 通报 says "{phrase}"; counted from {source}, {group} has {expected} {class}.'),
  'report/total-mismatch': spec('error',
    '通报所述总数等于附件中的行数', 'A total stated in the 通报 equals the rows of the annex',
    '通报称“{phrase}”，{source}中{group}共{expected}。', 'The 通报 says "{phrase}"; {source} has {expected} {group}.'),
  'report/share-mismatch': spec('error',
    '通报所述占比等于按附件重算的占比（一位小数，按最大余数法凑足100%）', 'A share stated in the 通报 equals the recomputed share (one decimal, largest-remainder rounding to 100%)',
    '通报称“{phrase}”，按{source}重算{class}占比为{expected}。', 'The 通报 says "{phrase}"; recomputed from {source}, the share of {class} is {expected}.'),
  'report/parts-sum': spec('error',
    '通报所述各类数量之和等于总数（无对应附件时）', 'The class counts stated in the 通报 add up to the stated total (when the annex is absent)',
    '通报中{group}各类相加为{expected}，与所述总数{actual}不符。', 'In the 通报 the classes of {group} add up to {expected}, not the stated total {actual}.'),
  'report/headline-missing': spec('info',
    '通报中能找到“基本情况”的数量与占比', 'The 通报 states the headline counts and shares',
    '通报中未找到目标任务或民生实事的数量与占比，通报与附件的核对已跳过。', 'No headline counts or shares were found in the 通报; the 通报-vs-annex checks were skipped.'),
} as const satisfies Record<string, FindingSpec>;
