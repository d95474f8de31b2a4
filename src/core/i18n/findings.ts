/**
 * The findings catalogue: every finding code, its severity, what it checks, and its message in
 * zh-CN and en-US. `docs/findings.md` is generated from it (`npm run docs:findings`).
 * Placeholders `{name}` are filled from the finding's params. Profile B's codes live in
 * `findingsKeywork.ts` and are merged here, so there is still one catalogue.
 */
import { FINDINGS_KEYWORK } from './findingsKeywork';
import { FINDINGS_READ } from './findingsRead';
import { FINDINGS_SUBMISSIONS } from './findingsSubmissions';
import { FINDINGS_VALUES } from './findingsValues';
import { type FindingSpec, type Lang, type Placeholders, spec } from './spec';
import { fillTemplate, type ParamValue, type Params } from './template';

export type { FindingSpec, Lang, Severity } from './spec';

const FINDINGS_INCENTIVE = {
  // ── structure ────────────────────────────────────────────────────────────
  'structure/sheet-unrecognised': spec('info',
    '工作表的标题与表头不属于任何已知附件类型', 'The sheet\'s title and header match no known annex kind',
    '工作表“{sheet}”未识别为已知附件，已跳过。', 'Sheet "{sheet}" is not a known annex and was skipped.'),
  'structure/kind-ambiguous': spec('info',
    '工作表同样像两类附件时不确定其类型，跳过并说明如何指定', 'A sheet that fits two annex kinds about equally is given neither, and the user is told how to choose',
    '工作表“{sheet}”看起来像“{kind}”，也像“{other}”，无法确定是哪一类，已跳过。如是其中一类，请在设置的“工作表类型”中指定。',
    'Sheet "{sheet}" looks like "{kind}" and also like "{other}"; it was skipped. If it is one of them, say which in the settings (sheet kinds).'),
  'structure/kind-duplicate': spec('warning',
    '同一类附件出现在多个工作表中', 'The same annex kind appears on more than one sheet',
    '工作表“{sheet}”与“{other}”都是“{kind}”，只校验了第一个。', 'Sheets "{sheet}" and "{other}" are both "{kind}"; only the first was checked.'),
  'structure/annex-missing': spec('info',
    '跨表核对所需的附件不存在', 'An annex needed for a cross-sheet check is missing',
    '未找到“{kind}”，相关跨表核对已跳过。', 'No "{kind}" sheet was found; the cross-sheet checks that need it were skipped.'),
  'structure/column-missing': spec('warning',
    '已识别的附件中找不到必需列：依赖它的核对跳过，并说明如何对应列', 'A recognised annex lacks a required column: the checks that need it are skipped, and the user is told how to map it',
    '表头中未找到“{column}”列，已跳过：{checks}。若该列的表头写法不同，请在设置的“列映射”中把它的表头文字对应到“{column}”。',
    'No "{column}" column was found in the header; skipped: {checks}. If the column is headed differently, map its header text to "{column}" in the settings (column mapping).'),
  'engine/misread-suspected': spec('warning',
    '一项核对要在一张表的大部分行上报错时，更可能是表没读懂：只提醒一次，不报为错误', 'A check about to put errors on most rows of a table more likely misread it: said once as a warning, not as errors',
    '本表有{count}处“{rule}”错误，涉及{rows}行数据中的{affected}行：更可能是这张表没有被正确读懂（例如一张表里放了几个表格、表头或合计不在通常位置、单位写法不同），而不是这么多处都错了，因此只提醒一次，不作为错误。请核对这张表的范围和列对应后再校验。所涉单元格：{cells}。',
    '{count} findings of "{rule}" on this sheet, on {affected} of its {rows} data rows: more likely the table was misread (several tables in one sheet, a header or total in an unusual place, units written differently) than that so many cells are wrong, so this is said once as a warning, not as errors. Check the table’s range and column mapping, then check again. Cells: {cells}.'),
  'engine/rule-failed': spec('warning',
    '某项核对在本表运行出错：只跳过这一项，其他核对照常进行', 'A check failed on this sheet: only that check is skipped, the others still run',
    '核对“{rule}”在本表运行出错，已跳过；其他核对与重算不受影响。', 'The check "{rule}" failed on this sheet and was skipped; the other checks and the recompute are unaffected.'),
  'settings/invalid': spec('warning',
    '设置中有无法使用的项：该项按默认值处理，其余设置照常生效', 'A settings entry cannot be used: it falls back to its default, the other settings still apply',
    '设置项“{field}”无效，已按默认值处理（其余设置照常生效）。', 'The setting "{field}" is invalid and was replaced by its default (the other settings still apply).'),
  'structure/total-row-missing': spec('info',
    '统计表没有合计行', 'A tally has no total (合计) row',
    '未找到“合计”行，合计核对已跳过。', 'No 合计 (total) row was found; the total check was skipped.'),
  'structure/unexpected-merge': spec('warning',
    '数值单元格被合并', 'A numeric cell is merged with others',
    '“{column}”单元格被合并（{range}），合并会让数值归属不明。', 'The "{column}" cell is merged ({range}); the number\'s row is ambiguous.'),

  // ── cell ─────────────────────────────────────────────────────────────────
  'cell/required': spec('warning',
    '必填单元格为空', 'A required cell is blank',
    '{where}的“{column}”为空。', '"{column}" is blank ({where}).'),
  'cell/number-as-text': spec('warning',
    '数字以文本形式存储（含全角数字），仍按数值参与核对', 'A number is stored as text (incl. full-width digits); it is still used in the arithmetic',
    '“{column}”的数字以文本形式存储（“{actual}”），请改为数值格式。', '"{column}" holds a number stored as text ("{actual}"); store it as a number.'),
  'cell/full-width-digits': spec('warning',
    '数字使用了全角字符', 'A number is typed with full-width digits',
    '“{column}”使用了全角数字（“{actual}”），请改为半角数值。', '"{column}" uses full-width digits ("{actual}"); type half-width digits.'),
  'cell/not-a-number': spec('error',
    '应为数字的单元格是文字', 'Text where a number is expected',
    '“{column}”应为数字，实际为“{actual}”。', '"{column}" should be a number but holds "{actual}".'),
  'cell/count-range': spec('error',
    '个数应为不小于0的整数', 'A count is a whole number, not negative',
    '“{column}”应为不小于0的整数，实际为{actual}。', '"{column}" should be a whole number of at least 0 but is {actual}.'),
  'cell/excel-error': spec('error',
    '单元格是 Excel 错误值', 'The cell holds an Excel error value',
    '“{column}”是错误值 {actual}。', '"{column}" holds the error value {actual}.'),
  'cell/rating-vocabulary': spec('warning',
    '研判等级不在“很有可能/有可能/难度较大/不太可能”之内', 'A rating outside 很有可能/有可能/难度较大/不太可能',
    '研判情况“{actual}”中没有可识别的等级（很有可能、有可能、难度较大、不太可能）。', 'The assessment "{actual}" contains no known rating (很有可能, 有可能, 难度较大, 不太可能).'),
  'cell/invalid-date': spec('error',
    '文字中的日期不是有效的日历日期', 'A date in the text is not a calendar date',
    '日期“{actual}”不存在（{year}年）。', 'The date "{actual}" does not exist (year {year}).'),
  'cell/malformed-date': spec('warning',
    '日期写法有误，如“9月1月”', 'A date is written wrongly, e.g. 9月1月',
    '日期写法“{actual}”有误，疑为“{expected}”。', 'The date "{actual}" is malformed; probably "{expected}".'),
  'cell/history-blank': spec('warning',
    '历年获激励情况留空（应填“×”“——”或获激励单位）', 'An award-history cell is blank (should be ×, —— or the winners)',
    '{years}获激励情况为空，应填“×”“——”或获激励单位。', 'Award history for {years} is blank; fill in ×, —— or the winners.'),

  // ── row arithmetic ───────────────────────────────────────────────────────
  'tally/row-sum': spec('error',
    '总项数等于各研判等级之和', '总项数 equals the sum of the rating columns',
    '{unit}的总项数为{actual}，但各等级合计为{expected}。', '{unit}: 总项数 is {actual} but the rating columns add up to {expected}.'),
  'tally/column-total': spec('error',
    '合计行等于各单位行之和', 'The 合计 row equals the sum of the unit rows',
    '“{column}”合计为{actual}，各单位之和为{expected}。', 'The 合计 of "{column}" is {actual}; the unit rows add up to {expected}.'),
  'tally/total-formula-range': spec('error',
    '合计公式的求和范围覆盖全部单位行', 'The 合计 formula\'s range covers every unit row',
    '合计公式 ={actual} 没有覆盖全部单位行（应为 {expected}）。', 'The 合计 formula ={actual} does not cover every unit row (expected {expected}).'),
  'tally/total-typed-over-formula': spec('warning',
    '合计行其他单元格是公式而此格是手填数字', 'A 合计 cell is a typed number where its neighbours are formulas',
    '“{column}”合计是手填的数字{actual}，同行其他合计是公式；手填值不会随数据更新。', 'The 合计 of "{column}" is a typed number ({actual}) while the other totals are formulas; it will not follow the data.'),
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
    '{unit}的具体事项中“{item}”出现了{actual}次。', '{unit}: "{item}" is listed {actual} times.'),
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

  // ── cross-sheet ──────────────────────────────────────────────────────────
  'cross/tally-mismatch': spec('error',
    '附件1的统计数等于按附件3研判情况重算的数', 'The tally in 附件1 equals the count derived from 附件3',
    '{unit}“{column}”为{actual}，按{source}重算为{expected}。', '{unit} "{column}" is {actual}; recomputed from {source} it is {expected}.'),
  'cross/tally-unit-missing': spec('error',
    '附件3中的牵头单位都出现在附件1中', 'Every lead unit of 附件3 appears in 附件1',
    '牵头单位“{unit}”在{source}中有{expected}项，但{target}中没有该单位。', 'Lead unit "{unit}" has {expected} items in {source} but no row in {target}.'),
  'cross/units-unmatched': spec('warning',
    '两表的单位名称大多对不上时只报一次并说明如何对应，不逐个单位报错', 'When most unit names of two annexes do not match, say so once with how to map them, instead of an error per unit',
    '{target}与{source}的单位名称大多对不上（{source}的{count}个单位中有{unmatched}个在{target}中找不到：{units}），已不逐个比对这些单位。若是同一单位的不同写法，请在设置的“单位别名”中把一种写法对应到另一种。',
    'Most unit names of {target} and {source} do not match ({unmatched} of the {count} units of {source} have no row in {target}: {units}), so these units were not compared one by one. If they are the same units written differently, map one spelling to the other in the settings (unit aliases).'),
  'cross/tally-unit-extra': spec('error',
    '附件1中的牵头单位都有附件3的事项', 'Every lead unit of 附件1 has items in 附件3',
    '“{unit}”在{source}中没有任何事项，但本表统计为{actual}项。', '"{unit}" has no items in {source}, yet this row counts {actual}.'),
  'cross/key-item-missing': spec('warning',
    '附件3中研判为有可能及以上的事项列入附件2对应单位', 'Items rated 有可能 or better for a county in 附件3 are listed for it in 附件2',
    '{source}研判{unit}“{item}”为{rating}，但本表{unit}的具体事项未列入。', '{source} rates "{item}" {rating} for {unit}, but it is not listed here.'),
  'cross/key-item-extra': spec('warning',
    '附件2列出的事项在附件3中对该单位研判为有可能及以上', 'Items listed in 附件2 are rated 有可能 or better for that unit in 附件3',
    '{unit}列有“{item}”，但{source}没有对{unit}作出有可能及以上的研判。', '{unit} lists "{item}", but {source} does not rate it 有可能 or better for {unit}.'),
  'cross/key-unit-missing': spec('warning',
    '附件3点名的县市区在附件2中有一行', 'Every county named in 附件3 has a row in 附件2',
    '{source}对“{unit}”研判了{expected}项有可能及以上的事项，本表没有该单位。', '{source} rates {expected} items 有可能 or better for "{unit}", which has no row here.'),
  'cross/progress-item-missing': spec('error',
    '附件3的每个事项在附件4中都有进展', 'Every item of 附件3 has a progress row in 附件4',
    '{unit}“{item}”在{target}中没有对应的进展情况。', '{unit} "{item}" has no progress row in {target}.'),
  'cross/progress-item-extra': spec('warning',
    '附件4的事项都出现在附件3中', 'Every item of 附件4 appears in 附件3',
    '“{item}”在{source}中没有对应事项。', '"{item}" has no matching item in {source}.'),
  'cross/progress-unit-mismatch': spec('warning',
    '同一事项在附件3与附件4中的牵头单位一致', 'An item has the same lead unit in 附件3 and 附件4',
    '“{item}”的牵头单位为“{actual}”，{source}中为“{expected}”。', 'The lead unit of "{item}" is "{actual}"; in {source} it is "{expected}".'),
  'cross/marker-count': spec('error',
    '附件3注释所述的标记数量等于表中带标记的事项数', 'The marker counts stated in the 附件3 note equal the marked items',
    '注释称“{marker}”共{actual}项，表中带此标记的事项有{expected}项。', 'The note says {actual} items carry "{marker}"; the table has {expected}.'),
  'units/alias-applied': spec('info',
    '按单位别名表把园区等名称归入所属县市', 'A park or alias name was mapped to its county by the alias table',
    '“{alias}”按别名表计入“{unit}”。', '"{alias}" counted as "{unit}" per the alias table.'),
  'units/unknown-unit': spec('warning',
    '研判情况中点名的单位不在已知单位与别名表中', 'A unit named in an assessment is neither known nor in the alias table',
    '研判情况点名了“{unit}”，它不在附件2的单位中，也不在别名表中。', 'The assessment names "{unit}", which is neither a unit of 附件2 nor in the alias table.'),

  // ── duplicates ───────────────────────────────────────────────────────────
  'dup/liaison': spec('warning',
    '附件5中同一县市区的同一重点事项只出现一次', 'A county lists each key item once in 附件5',
    '{unit}“{item}”重复出现（另见{otherCell}）。', '{unit} "{item}" appears twice (see also {otherCell}).'),
  'dup/row': spec('warning',
    '同一行（按该类附件的行键）只出现一次', 'A row (by the kind\'s row key) appears once',
    '“{key}”重复出现（另见{otherCell}）。', '"{key}" appears twice (see also {otherCell}).'),
  'dup/item': spec('warning',
    '同一牵头单位的同一事项只出现一次', 'A lead unit lists each item once',
    '{unit}“{item}”重复出现（另见{otherCell}）。', '{unit} "{item}" appears twice (see also {otherCell}).'),
} as const satisfies Record<string, FindingSpec>;

export const FINDINGS = { ...FINDINGS_INCENTIVE, ...FINDINGS_KEYWORK, ...FINDINGS_SUBMISSIONS, ...FINDINGS_READ, ...FINDINGS_VALUES } as const;

export type FindingCode = keyof typeof FINDINGS;

export function findingSpec(code: FindingCode): FindingSpec {
  return FINDINGS[code];
}

export { fillTemplate, type LocalizedParam, type ParamValue, type Params } from './template';

/** Filled from the finding's location and extras, never passed as parameters. */
type ImplicitParam = 'sheet' | 'expected' | 'actual';
type Catalogue = typeof FINDINGS;

/**
 * Each code's parameters, typed from its two message templates: a call that forgets one, or passes one
 * the messages do not use, does not compile.
 */
export type FindingParams = {
  readonly [C in FindingCode]: {
    readonly [K in Exclude<Placeholders<Catalogue[C]['message']['zh-CN']> | Placeholders<Catalogue[C]['message']['en-US']>, ImplicitParam>]: ParamValue;
  };
};

export function renderFinding(code: FindingCode, params: Params, lang: Lang = 'zh-CN'): string {
  return fillTemplate(FINDINGS[code].message[lang], params, lang);
}
