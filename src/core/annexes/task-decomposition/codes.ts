/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'task/lead-in-related': spec('warning',
    '牵头责任单位不再列入相关责任单位', 'The lead unit is not listed again among the related units',
    '第{seq}条的牵头责任单位“{unit}”又列在相关责任单位中。', 'Measure {seq}: the lead unit "{unit}" is also listed among the related units.'),
  'dup/task': spec('warning',
    '同一激励措施只分解一次', 'An incentive measure is decomposed once',
    '第{seq}条激励措施与第{otherSeq}条重复（{otherCell}）。', 'Measure {seq} repeats measure {otherSeq} ({otherCell}).'),
  'dup/unit-in-cell': spec('warning',
    '同一单元格内的单位不重复列出', 'A unit is listed once within a cell',
    '“{column}”中“{unit}”列了{actual}次。', '"{unit}" is listed {actual} times in "{column}".'),
} as const satisfies Record<string, FindingSpec>;
