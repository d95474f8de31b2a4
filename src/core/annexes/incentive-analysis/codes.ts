/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'cross/marker-count': spec('error',
    '附件3注释所述的标记数量等于表中带标记的事项数', 'The marker counts stated in the 附件3 note equal the marked items',
    '注释称“{marker}”共{actual}项，表中带此标记的事项有{expected}项。', 'The note says {actual} items carry "{marker}"; the table has {expected}.'),
} as const satisfies Record<string, FindingSpec>;
