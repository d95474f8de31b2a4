/**
 * The findings catalogue: every finding code, its severity, what it checks, and its message in
 * zh-CN and en-US. `docs/findings.md` is generated from it (`npm run docs:findings`).
 * Placeholders `{name}` are filled from the finding's params. The codes only one kind emits live in that kind's
 * folder (`annexes/<kind>/codes.ts`) and are collected here from the registry, so there is still one catalogue; the
 * codes below are the ones every kind, or several, share.
 */
import { ANNEXES, ANNEX_KINDS } from '../kinds';
import type { AnnexKind } from '../table';
import { FINDINGS_READ } from './findingsRead';
import { FINDINGS_SUBMISSIONS } from './findingsSubmissions';
import { FINDINGS_VALUES } from './findingsValues';
import { type FindingSpec, type Lang, type Placeholders, spec } from './spec';
import { fillTemplate, type ParamValue, type Params } from './template';

export type { FindingSpec, Lang, Severity } from './spec';

/** The codes several kinds share: structure, cells, units, duplicates. */
const FINDINGS_SHARED = {
  // ── structure ────────────────────────────────────────────────────────────
  'structure/sheet-unrecognised': spec('info',
    '工作表的标题与表头不属于任何已知附件类型', 'The sheet\'s title and header match no known annex kind',
    '工作表“{sheet}”未识别为已知附件，已跳过。', 'Sheet "{sheet}" is not a known annex and was skipped.'),
  'structure/kind-ambiguous': spec('info',
    '工作表同样像两类附件时不确定其类型，跳过并说明如何指定', 'A sheet that fits two annex kinds about equally is given neither, and the user is told how to choose',
    '工作表“{sheet}”看起来像“{kind}”，也像“{other}”，无法确定是哪一类，已跳过。如是其中一类，请在设置的“工作表类型”中指定。',
    'Sheet "{sheet}" looks like "{kind}" and also like "{other}"; it was skipped. If it is one of them, say which in the settings (sheet kinds).'),
  'structure/kind-duplicate': spec('warning',
    '同一类附件出现在多个工作表中：只校验一个（显示的先于隐藏的，正本先于“旧”“备份”“(2)”等副本，再按顺序）', 'The same annex kind appears on more than one sheet: one is checked (a visible sheet before a hidden one, the sheet before its old copy, then the first)',
    '工作表“{sheet}”与“{other}”都是“{kind}”，只校验了“{other}”。', 'Sheets "{sheet}" and "{other}" are both "{kind}"; only "{other}" was checked.'),
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
  'cell/repeated': spec('warning',
    '同一种单元格写法问题在一张表里出现多处时只提醒一次，并列出各处', 'One way of writing cells found in many places of a table is said once, with every place',
    '本表有{count}处“{rule}”：{cells}。同一原因，只提醒一次；请逐处更正（各处已标出）。',
    '{count} cells of this table: "{rule}": {cells}. One cause, said once; correct each (every cell is marked).'),
  'engine/rule-failed': spec('warning',
    '某项核对在本表运行出错：只跳过这一项，其他核对照常进行', 'A check failed on this sheet: only that check is skipped, the others still run',
    '核对“{rule}”在本表运行出错，已跳过；其他核对与重算不受影响。', 'The check "{rule}" failed on this sheet and was skipped; the other checks and the recompute are unaffected.'),
  'settings/invalid': spec('warning',
    '设置中有无法使用的项：该项按默认值处理，其余设置照常生效', 'A settings entry cannot be used: it falls back to its default, the other settings still apply',
    '设置项“{field}”无效，已按默认值处理（其余设置照常生效）。', 'The setting "{field}" is invalid and was replaced by its default (the other settings still apply).'),
  'structure/unexpected-merge': spec('warning',
    '数值单元格被合并', 'A numeric cell is merged with others',
    '“{column}”单元格被合并（{range}），合并会让数值归属不明。', 'The "{column}" cell is merged ({range}); the number\'s row is ambiguous.', 'merged'),

  // ── cell ─────────────────────────────────────────────────────────────────
  'cell/required': spec('warning',
    '必填单元格为空', 'A required cell is blank',
    '{where}的“{column}”为空。', '"{column}" is blank ({where}).', 'blank'),
  'cell/number-as-text': spec('warning',
    '数字以文本形式存储（含全角数字），仍按数值参与核对', 'A number is stored as text (incl. full-width digits); it is still used in the arithmetic',
    '“{column}”的数字以文本形式存储（“{actual}”），请改为数值格式。', '"{column}" holds a number stored as text ("{actual}"); store it as a number.', 'as-text'),
  'cell/full-width-digits': spec('warning',
    '数字使用了全角字符', 'A number is typed with full-width digits',
    '“{column}”使用了全角数字（“{actual}”），请改为半角数值。', '"{column}" uses full-width digits ("{actual}"); type half-width digits.', 'as-text'),
  'cell/not-a-number': spec('error',
    '应为数字的单元格是文字', 'Text where a number is expected',
    '“{column}”应为数字，实际为“{actual}”。', '"{column}" should be a number but holds "{actual}".', 'unreadable'),
  'cell/count-range': spec('error',
    '个数应为不小于0的整数', 'A count is a whole number, not negative',
    '“{column}”应为不小于0的整数，实际为{actual}。', '"{column}" should be a whole number of at least 0 but is {actual}.', 'range'),
  'cell/excel-error': spec('error',
    '单元格是 Excel 错误值', 'The cell holds an Excel error value',
    '“{column}”是错误值 {actual}。', '"{column}" holds the error value {actual}.', 'unreadable'),
  'cell/rating-vocabulary': spec('warning',
    '研判等级不在“很有可能/有可能/难度较大/不太可能”之内', 'A rating outside 很有可能/有可能/难度较大/不太可能',
    '研判情况“{actual}”中没有可识别的等级（很有可能、有可能、难度较大、不太可能）。', 'The assessment "{actual}" contains no known rating (很有可能, 有可能, 难度较大, 不太可能).', 'unreadable'),
  'cell/invalid-date': spec('error',
    '文字中的日期不是有效的日历日期', 'A date in the text is not a calendar date',
    '日期“{actual}”不存在（{year}年）。', 'The date "{actual}" does not exist (year {year}).', 'date'),
  'cell/malformed-date': spec('warning',
    '日期写法有误，如“9月1月”', 'A date is written wrongly, e.g. 9月1月',
    '日期写法“{actual}”有误，疑为“{expected}”。', 'The date "{actual}" is malformed; probably "{expected}".', 'date'),
  'cell/history-blank': spec('warning',
    '历年获激励情况留空（应填“×”“——”或获激励单位）', 'An award-history cell is blank (should be ×, —— or the winners)',
    '{years}获激励情况为空，应填“×”“——”或获激励单位。', 'Award history for {years} is blank; fill in ×, —— or the winners.', 'blank'),

  // ── cross-sheet ──────────────────────────────────────────────────────────
  'cross/units-unmatched': spec('warning',
    '两表的单位名称大多对不上时只报一次并说明如何对应，不逐个单位报错', 'When most unit names of two annexes do not match, say so once with how to map them, instead of an error per unit',
    '{target}与{source}的单位名称大多对不上（{source}的{count}个单位中有{unmatched}个在{target}中找不到：{units}），已不逐个比对这些单位。若是同一单位的不同写法，请在设置的“单位别名”中把一种写法对应到另一种。',
    'Most unit names of {target} and {source} do not match ({unmatched} of the {count} units of {source} have no row in {target}: {units}), so these units were not compared one by one. If they are the same units written differently, map one spelling to the other in the settings (unit aliases).'),
  'units/alias-applied': spec('info',
    '按单位别名表把园区等名称归入所属县市', 'A park or alias name was mapped to its county by the alias table',
    '“{alias}”按别名表计入“{unit}”。', '"{alias}" counted as "{unit}" per the alias table.'),
  'units/unknown-unit': spec('warning',
    '研判情况中点名的单位不在已知单位与别名表中', 'A unit named in an assessment is neither known nor in the alias table',
    '研判情况点名了“{unit}”（{count}处），它不在附件2的单位中，也不在别名表中。', 'Assessments name "{unit}" ({count} times), which is neither a unit of 附件2 nor in the alias table.'),

  // ── duplicates ───────────────────────────────────────────────────────────
  'dup/row': spec('warning',
    '同一行（按该类附件的行键）只出现一次', 'A row (by the kind\'s row key) appears once',
    '“{key}”重复出现（另见{otherCell}）。', '"{key}" appears twice (see also {otherCell}).'),
  'dup/item': spec('warning',
    '同一牵头单位的同一事项只出现一次', 'A lead unit lists each item once',
    '{unit}“{item}”重复出现（另见{otherCell}）。', '{unit} "{item}" appears twice (see also {otherCell}).'),
} as const satisfies Record<string, FindingSpec>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Every kind's own codes, as one object type. */
type KindCodes = UnionToIntersection<{ [K in AnnexKind]: (typeof ANNEXES)[K]['codes'] }[AnnexKind]>;
const KIND_CODES = Object.assign({}, ...ANNEX_KINDS.map((k) => ANNEXES[k].codes)) as KindCodes;

export const FINDINGS = { ...FINDINGS_SHARED, ...FINDINGS_SUBMISSIONS, ...FINDINGS_READ, ...FINDINGS_VALUES, ...KIND_CODES } as const;

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
