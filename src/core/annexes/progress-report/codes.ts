/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'text/count-sum': spec('error',
    '进展文字中的“共N项、已完成a项、未完成b项”相加一致（层级明确时）', 'Counts stated in the text add up (levels explicit)',
    '进展文字写“{total}”、“{done}”、“{undone}”，已完成与未完成相加为{expected}，与总数{actual}不符。', '"{total}", "{done}", "{undone}": done and not done add up to {expected}, not the total {actual}.'),
  'text/count-sum-ambiguous': spec('warning',
    '进展文字中的计数相加不一致（层级未写明，按最可能的层级核对）', 'Counts stated in the text do not add up (levels not explicit)',
    '进展文字写“{total}”、“{done}”、“{undone}”，已完成与未完成相加为{expected}，与总数{actual}均不符。', '"{total}", "{done}", "{undone}": done and not done add up to {expected}, which matches none of the totals {actual}.'),
  'text/breakdown-sum': spec('warning',
    '括号中的分项之和等于其前面的数', 'A parenthesised breakdown adds up to the number before it',
    '“{head}”括号中的分项相加为{expected}，与{actual}不符。', 'The breakdown in "{head}" adds up to {expected}, not {actual}.'),
  'text/rate-mismatch': spec('error',
    '文字中的完成率等于完成数÷总数', 'A completion rate in the text equals done ÷ total',
    '“{head}”：{done}÷{total}={expected}，文字写为{actual}。', '"{head}": {done} ÷ {total} = {expected}, but the text says {actual}.'),
  'text/repeated-passage': spec('info',
    '两个事项的进展文字含有相同的长句（疑为复制粘贴）', 'Two items\' progress texts share a long identical passage (copy-paste?)',
    '此处进展文字与“{other}”（{otherCell}）有相同段落：“{passage}”。', 'This progress text repeats a passage of "{other}" ({otherCell}): "{passage}".'),
  'cross/progress-item-missing': spec('error',
    '附件3的每个事项在附件4中都有进展', 'Every item of 附件3 has a progress row in 附件4',
    '{unit}“{item}”在{target}中没有对应的进展情况。', '{unit} "{item}" has no progress row in {target}.'),
  'cross/progress-item-extra': spec('warning',
    '附件4的事项都出现在附件3中', 'Every item of 附件4 appears in 附件3',
    '“{item}”在{source}中没有对应事项。', '"{item}" has no matching item in {source}.'),
  'cross/progress-unit-mismatch': spec('warning',
    '同一事项在附件3与附件4中的牵头单位一致', 'An item has the same lead unit in 附件3 and 附件4',
    '“{item}”的牵头单位为“{actual}”，{source}中为“{expected}”。', 'The lead unit of "{item}" is "{actual}"; in {source} it is "{expected}".'),
} as const satisfies Record<string, FindingSpec>;
