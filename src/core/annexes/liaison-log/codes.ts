/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'dup/liaison': spec('warning',
    '附件5中同一县市区的同一重点事项只出现一次', 'A county lists each key item once in 附件5',
    '{unit}“{item}”重复出现（另见{otherCell}）。', '{unit} "{item}" appears twice (see also {otherCell}).'),
} as const satisfies Record<string, FindingSpec>;
