/** The finding codes of this kind: severity, what is checked, and the message in zh-CN and en-US (`docs/findings.md`). */
import { type FindingSpec, spec } from '../../i18n/spec';

export const CODES = {
  'keyitems/count': spec('error',
    '项数等于具体事项中列出的条数', '项数 equals the number of items listed',
    '{unit}的项数为{actual}，具体事项列出{expected}项。', '{unit}: 项数 is {actual} but {expected} items are listed.'),
  'keyitems/count-by-lines': spec('info',
    '项数由公式按单元格的行数计算时，换行的事项会被多算', 'A 项数 formula that counts the lines of the cell counts a wrapped item twice',
    '{unit}的项数由公式按“具体事项”的行数计算（{formula}），换到第二行的事项被多算了；请按编号计数或直接填写项数。',
    '{unit}: 项数 is a formula counting the lines of 具体事项 ({formula}), so an item wrapped onto a second line is counted twice; count the numbered items or type the count.'),
  'keyitems/numbering': spec('warning',
    '具体事项的编号连续且不重复', 'The numbering of the listed items is continuous, without repeats',
    '{unit}的具体事项编号{detail}。', '{unit}: item numbering {detail}.'),
  'keyitems/duplicate-item': spec('warning',
    '同一单位的具体事项不重复', 'No item is listed twice for the same unit',
    '{unit}的具体事项中“{item}”出现了{actual}次。', '{unit}: "{item}" is listed {actual} times.', 'duplicate'),
  'cross/key-item-missing': spec('warning',
    '附件3中研判为有可能及以上的事项列入附件2对应单位', 'Items rated 有可能 or better for a county in 附件3 are listed for it in 附件2',
    '{source}研判{unit}“{item}”为{rating}，但本表{unit}的具体事项未列入。', '{source} rates "{item}" {rating} for {unit}, but it is not listed here.'),
  'cross/key-item-extra': spec('warning',
    '附件2列出的事项在附件3中对该单位研判为有可能及以上', 'Items listed in 附件2 are rated 有可能 or better for that unit in 附件3',
    '{unit}列有“{item}”，但{source}没有对{unit}作出有可能及以上的研判。', '{unit} lists "{item}", but {source} does not rate it 有可能 or better for {unit}.'),
  'cross/key-unit-missing': spec('warning',
    '附件3点名的县市区在附件2中有一行', 'Every county named in 附件3 has a row in 附件2',
    '{source}对“{unit}”研判了{expected}项有可能及以上的事项，本表没有该单位。', '{source} rates {expected} items 有可能 or better for "{unit}", which has no row here.'),
} as const satisfies Record<string, FindingSpec>;
