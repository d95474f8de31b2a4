/**
 * Blank annex templates as data: the layout ANNEXES.md describes (附件N label, title, 统计截止 line,
 * the header — two rows where the annex has them — and blank data rows), plus what the adapters turn
 * into Excel features: number formats, data validation where the vocabulary is closed, an input message
 * per column, and which cells stay editable once the sheet is protected.
 *
 * The header texts are the canonical ones of `kinds.ts`, so the checker recognises a template (filled
 * in or not) by its own detection. Pure data: the exceljs adapter is `src/xlsx/template.ts`.
 */
import { legalSheetName } from '../workbookLimits';
import { a1, columnLetter } from '../grid';
import type { Lang } from '../i18n/spec';
import { KIND_LABEL, KIND_PROFILE, type Profile, tableSpecOf } from '../kinds';
import { RATING_VOCAB } from '../vocab';
import { STYLES } from '../plans/common';
import type { CellStyle, PlanCell, SheetPlan } from '../plans/types';
import { formatMarker, TEMPLATE_VERSION } from './marker';
import { isTemplateBundle, TEMPLATE_BUNDLES, type TemplateBundle, type TemplateKind } from './templateKinds';
import { listOf } from '../i18n/lists';

export { isTemplateBundle, isTemplateKind, TEMPLATE_BUNDLES, TEMPLATE_KINDS, type TemplateBundle, type TemplateKind } from './templateKinds';

type L = { readonly 'zh-CN': string; readonly 'en-US': string };

/** A closed vocabulary or a number range, before it is placed on cells. */
export type ValidationRule =
  | { readonly type: 'list'; readonly values: readonly string[] }
  | { readonly type: 'whole'; readonly min: number }
  | { readonly type: 'decimal'; readonly min: number }
  /** Text that must contain one of the words (Excel: a custom formula with FIND). */
  | { readonly type: 'containsAny'; readonly words: readonly string[] };

/** A data validation resolved to a range and one language: what the adapter writes as `<dataValidation>`. */
export interface TemplateValidation {
  readonly range: string;
  readonly type: 'list' | 'whole' | 'decimal' | 'custom' | 'none';
  readonly operator?: 'greaterThanOrEqual';
  /** Formulas without the leading `=`; a list is one quoted, comma-separated string. */
  readonly formulae: readonly string[];
  readonly allowBlank: boolean;
  readonly promptTitle: string;
  readonly prompt: string;
  readonly errorTitle?: string;
  readonly error?: string;
}

export interface TemplatePlan {
  readonly kind: TemplateKind;
  /** Layout, styles and number formats; written like any other plan. */
  readonly sheet: SheetPlan;
  /** 1-based, inclusive. */
  readonly headerRows: readonly [number, number];
  readonly dataRows: readonly [number, number];
  /** A1 ranges left unlocked when the sheet is protected (data block, note lines). */
  readonly editable: readonly string[];
  readonly validations: readonly TemplateValidation[];
}

export interface TemplateWorkbook {
  /** The hidden marker `kind@version` (or `all-incentive@version`, `kindA+kindB@version`). */
  readonly marker: string;
  readonly sheets: readonly TemplatePlan[];
}

export interface TemplateOptions {
  /** The appraisal year: titles and the award-history columns follow it. */
  readonly year: number;
  /** Blank data rows; each kind has a sensible default. */
  readonly rows?: number;
  readonly lang?: Lang;
}

interface ColumnDef {
  readonly key: string;
  readonly header: string;
  /** Top header text over consecutive columns (a two-row header); columns without it span both rows. */
  readonly group?: string;
  /** This column shares the header cell of the column before (merged across; single-row headers only). */
  readonly joinPrevious?: boolean;
  readonly width: number;
  readonly format?: string;
  readonly style: 'input' | 'inputCenter' | 'inputNumber';
  readonly validation?: ValidationRule;
  readonly promptTitle: L;
  readonly prompt: L;
}

interface KindLayout {
  readonly sheetName: string;
  /** `附件N`, or null where the annex has no label line. */
  readonly label: string | null;
  readonly title: (year: number) => string;
  readonly cutoff: boolean;
  /** Note lines above the header (e.g. the marker legend of 附件3). */
  readonly notesAbove?: (year: number) => readonly string[];
  /** Note lines below the data rows, to be completed by the unit. */
  readonly notesBelow?: readonly string[];
  /** A 合计 row between header and data, with SUM formulas over these column keys. */
  readonly totalColumns?: readonly string[];
  readonly columns: (year: number) => readonly ColumnDef[];
  readonly defaultRows: number;
}

const RATING_WORDS = RATING_VOCAB.map((r) => r.zh);
const MARK = '√';
/** 进度评价 words offered in the template: the livelihood annex's words for done and on schedule (both in `PROGRESS_VOCAB`). */
const STATUS_WORDS = ['已完成', '正常推进'];

const l = (zh: string, en: string): L => ({ 'zh-CN': zh, 'en-US': en });

const COUNT_PROMPT = (rating: string): L =>
  l(`研判为“${rating}”的事项数，按附件3中该单位各事项的研判结果统计。填不小于0的整数，没有填0。`,
    `Number of the unit's items rated ${rating} in 附件3. A whole number ≥ 0; type 0 when there are none.`);

const UNIT_PROMPT = l('填写牵头单位简称，如“州发改委”。同一单位连续各行可只在第一行填写。',
  'The lead unit\'s short name, e.g. 州发改委. For consecutive rows of the same unit, the first row is enough.');

/** The layouts written by hand; a kind without one gets `registryLayout` (its registry columns). */
const LAYOUTS: Readonly<Partial<Record<TemplateKind, KindLayout>>> = {
  'rating-tally': {
    sheetName: '附件1',
    label: '附件1',
    title: (y) => `${y}年省政府真抓实干激励事项研判统计表`,
    cutoff: true,
    totalColumns: ['total', 'veryLikely', 'likely', 'hard', 'unlikely'],
    defaultRows: 30,
    columns: () => [
      { key: 'unit', header: '牵头单位', width: 24, format: '@', style: 'input',
        promptTitle: l('牵头单位', 'Lead unit'), prompt: l('填写州直牵头单位简称，如“州发改委”；每个单位一行。', 'The lead unit\'s short name, e.g. 州发改委; one row per unit.') },
      { key: 'total', header: '总项数', width: 10, format: '0', style: 'inputNumber', validation: { type: 'whole', min: 0 },
        promptTitle: l('总项数', 'Total items'), prompt: l('该单位牵头的激励事项总数，应等于右侧四栏之和。填不小于0的整数。', 'All incentive items the unit leads; equals the sum of the four columns to the right. A whole number ≥ 0.') },
      { key: 'veryLikely', header: '很有可能', width: 10, format: '0', style: 'inputNumber', validation: { type: 'whole', min: 0 }, promptTitle: l('很有可能', 'Very likely'), prompt: COUNT_PROMPT('很有可能') },
      { key: 'likely', header: '有可能', width: 10, format: '0', style: 'inputNumber', validation: { type: 'whole', min: 0 }, promptTitle: l('有可能', 'Likely'), prompt: COUNT_PROMPT('有可能') },
      { key: 'hard', header: '难度较大', width: 10, format: '0', style: 'inputNumber', validation: { type: 'whole', min: 0 }, promptTitle: l('难度较大', 'Difficult'), prompt: COUNT_PROMPT('难度较大') },
      { key: 'unlikely', header: '不太可能', width: 10, format: '0', style: 'inputNumber', validation: { type: 'whole', min: 0 }, promptTitle: l('不太可能', 'Unlikely'), prompt: COUNT_PROMPT('不太可能') },
    ],
  },
  'unit-key-items': {
    sheetName: '附件2',
    label: '附件2',
    title: (y) => `${y}年省政府真抓实干县市区重点事项汇总表`,
    cutoff: true,
    defaultRows: 12,
    columns: () => [
      { key: 'unit', header: '单  位', width: 14, format: '@', style: 'inputCenter',
        promptTitle: l('单位', 'Unit'), prompt: l('州本级、县市或园区名称，如“吉首市”“湘西高新区”；每个单位一行。', 'The prefecture (州本级), a county/city or a park, e.g. 吉首市; one row per unit.') },
      { key: 'count', header: '项数', group: '重点事项（州直单位研判情况）', width: 8, format: '0', style: 'inputNumber', validation: { type: 'whole', min: 0 },
        promptTitle: l('项数', 'Item count'), prompt: l('右侧“具体事项”列出的事项个数。填不小于0的整数。', 'How many items 具体事项 lists. A whole number ≥ 0.') },
      { key: 'items', header: '具体事项', group: '重点事项（州直单位研判情况）', width: 60, format: '@', style: 'input',
        promptTitle: l('具体事项', 'Items'), prompt: l('每行一项，写作“1.事项名称”（单元格内换行：Alt+Enter）。应为附件3中研判该单位“有可能”及以上的事项。', 'One item per line, written "1.name" (new line in a cell: Alt+Enter): the 附件3 items that rate this unit 有可能 or better.') },
    ],
  },
  'incentive-analysis': {
    sheetName: '附件3',
    label: '附件3',
    title: (y) => `${y}年省政府真抓实干激励事项研判分析表`,
    cutoff: true,
    notesAbove: (y) => [`注：●表示该项${y - 1}年14个市州全获激励（共  项）；Ⅱ或Ⅲ表示分二类或三类地区`],
    defaultRows: 80,
    columns: (y) => [
      { key: 'unit', header: '牵头单位', width: 16, format: '@', style: 'inputCenter', promptTitle: l('牵头单位', 'Lead unit'), prompt: UNIT_PROMPT },
      { key: 'seq', header: '序  号', width: 9, format: '@', style: 'inputCenter',
        promptTitle: l('序号', 'Number'), prompt: l('省文件中的激励事项序号，写作“第N项”；同一序号下的子事项可只在第一行填写。', 'The item\'s number in the provincial notice, written 第N项; sub-items may leave it blank under the first.') },
      { key: 'item', header: '激励事项', width: 28, format: '@', style: 'input',
        promptTitle: l('激励事项', 'Incentive item'), prompt: l('事项名称。上年14个市州全获激励的在名称前加“●”，分二类或三类地区的加“Ⅱ”或“Ⅲ”，并在表上方注释中写明个数。', 'The item name. Prefix ● when every prefecture won it last year, Ⅱ or Ⅲ for region classes; state the counts in the note above the table.') },
      { key: 'quota', header: '激励名额', width: 14, format: '@', style: 'input',
        promptTitle: l('激励名额', 'Quota'), prompt: l('如“4个市州”“10个县市区”，每类一行。', 'E.g. 4个市州 or 10个县市区, one kind per line.') },
      { key: 'assessment', header: '州直研判情况', width: 26, format: '@', style: 'input',
        validation: { type: 'containsAny', words: RATING_WORDS },
        promptTitle: l('州直研判情况', 'Assessment'),
        prompt: l('只用四个等级：很有可能、有可能、难度较大、不太可能。可只写等级，或每行写“单位：等级”（如“吉首市：有可能”）；说明放在全角括号“（）”中。', 'Use only the four ratings 很有可能, 有可能, 难度较大, 不太可能: a bare rating, or one "unit：rating" per line (e.g. 吉首市：有可能); notes go in full-width parentheses （）.') },
      ...[1, 2, 3, 4, 5].map((k): ColumnDef => ({
        key: 'history', header: `${y - k}年获激励情况`, width: 11, format: '@', style: 'inputCenter',
        promptTitle: l(`${y - k}年获激励情况`, `Winners ${y - k}`),
        prompt: l('填获激励单位（每行一个）；未获激励填“×”，当年无此事项填“——”。不要留空。', 'The winners, one per line; × when none won, —— when the item did not exist that year. Do not leave it blank.'),
      })),
    ],
  },
  'progress-report': {
    sheetName: '附件4',
    label: '附件4',
    title: (y) => `${y}年省政府真抓实干激励事项进展情况`,
    cutoff: true,
    defaultRows: 80,
    columns: () => [
      { key: 'unit', header: '牵头单位', width: 16, format: '@', style: 'inputCenter', promptTitle: l('牵头单位', 'Lead unit'), prompt: UNIT_PROMPT },
      { key: 'item', header: '激励事项', width: 22, format: '@', style: 'input',
        promptTitle: l('激励事项', 'Incentive item'), prompt: l('与附件3的事项名称一致。', 'The item name exactly as in 附件3.') },
      { key: 'progress', header: '最新进展', width: 60, format: '@', style: 'input',
        promptTitle: l('最新进展', 'Latest progress'), prompt: l('写明考核指标完成情况，如“共有考核指标10项，截止目前已完成2项，未完成8项”；日期写作“M月D日”。', 'State the indicators, e.g. 共有考核指标10项，截止目前已完成2项，未完成8项; dates as M月D日.') },
      { key: 'problems', header: '存在问题', width: 40, format: '@', style: 'input',
        promptTitle: l('存在问题', 'Problems'), prompt: l('主要困难和问题；没有填“无”。', 'Main difficulties; 无 when there are none.') },
      { key: 'liaison', header: '与上级部门对接情况', width: 40, format: '@', style: 'input',
        promptTitle: l('与上级部门对接情况', 'Liaison upward'), prompt: l('何时、何人到省直哪个部门对接；日期写作“M月D日”。', 'When and who met which provincial department; dates as M月D日.') },
    ],
  },
  'liaison-log': {
    sheetName: '附件5',
    label: '附件5',
    title: (y) => `${y}年省政府真抓实干县市区对接情况统计`,
    cutoff: true,
    defaultRows: 150,
    columns: () => [
      { key: 'county', header: '县市区', width: 14, format: '@', style: 'inputCenter',
        promptTitle: l('县市区', 'County'), prompt: l('县市或园区名称；同一县市连续各行可只在第一行填写。', 'The county/city or park; for consecutive rows of the same county, the first row is enough.') },
      { key: 'item', header: '重点事项', width: 28, format: '@', style: 'input',
        promptTitle: l('重点事项', 'Key item'), prompt: l('附件2中该县市的重点事项，每个事项一行，不要重复。', 'One of the county\'s key items from 附件2; one row per item, no repeats.') },
      { key: 'liaison', header: '对接情况', width: 70, format: '@', style: 'input',
        promptTitle: l('对接情况', 'Liaison'), prompt: l('对接时间、人员、部门和结果；日期写作“M月D日”；没有对接填“无”。', 'When, who, which department and the outcome; dates as M月D日; 无 when there was none.') },
    ],
  },
  'target-progress': {
    sheetName: '附件1',
    label: '附件1',
    title: (y) => `《${y}年<政府工作报告>目标任务分解》目标任务进展情况`,
    cutoff: true,
    notesBelow: ['注：第  项为区级民生实事。'],
    defaultRows: 100,
    columns: () => [
      { key: 'seq', header: '序号', width: 6, format: '0', style: 'inputCenter', validation: { type: 'whole', min: 1 },
        promptTitle: l('序号', 'Number'), prompt: l('从1起连续编号，不跳号、不重复。', 'Numbered from 1, no gaps, no repeats.') },
      { key: 'target', header: '目标任务', width: 40, format: '@', style: 'input',
        promptTitle: l('目标任务', 'Target'), prompt: l('照抄《政府工作报告》目标任务分解中的原文。', 'Copied from the work report\'s target list.') },
      { key: 'unit', header: '牵头单位', width: 14, format: '@', style: 'inputCenter',
        promptTitle: l('牵头单位', 'Lead unit'), prompt: l('牵头单位简称；两个单位各占一行（Alt+Enter）。', 'The lead unit; two units on two lines (Alt+Enter).') },
      { key: 'progress', header: '进展情况', width: 50, format: '@', style: 'input',
        promptTitle: l('进展情况', 'Progress'), prompt: l('截至统计时点的进展，尽量写明完成数与目标数。', 'Progress at the cut-off date, with achieved and target figures where possible.') },
      ...([['done', '基本完成'], ['onSchedule', '常态化或按时序推进'], ['lagging', '相对滞后']] as const).map(([key, header]): ColumnDef => ({
        key, header, group: '工作进度', width: 10, format: '@', style: 'inputCenter', validation: { type: 'list', values: [MARK] },
        promptTitle: l(header, header),
        prompt: l('在“基本完成”“常态化或按时序推进”“相对滞后”三栏中只选一栏，从下拉列表选“√”。', 'Tick exactly one of the three columns: pick √ from the drop-down.'),
      })),
    ],
  },
  'livelihood-projects': {
    sheetName: '附件2',
    label: '附件2',
    title: (y) => `${y}年省市重点民生实事项目任务分解进展情况`,
    cutoff: true,
    notesBelow: ['注：  -  项为省级重点民生实事，  -  项为市级重点民生实事。'],
    defaultRows: 60,
    columns: () => [
      { key: 'category', header: '类别', width: 10, format: '@', style: 'inputCenter', validation: { type: 'list', values: ['省级重点民生实事', '市级重点民生实事'] },
        promptTitle: l('类别', 'Category'), prompt: l('从下拉列表选择“省级重点民生实事”或“市级重点民生实事”；同类连续各行可只在第一行填写。', 'Pick 省级重点民生实事 or 市级重点民生实事; consecutive rows of one category may fill only the first.') },
      { key: 'seq', header: '序号', width: 6, format: '0', style: 'inputCenter', validation: { type: 'whole', min: 1 },
        promptTitle: l('序号', 'Number'), prompt: l('项目序号（省级在前、市级在后）；同一项目的各子目标可只在第一行填写。', 'The project number (provincial first); its sub-targets may fill only the first row.') },
      { key: 'project', header: '项目名称', width: 14, format: '@', style: 'input',
        promptTitle: l('项目名称', 'Project'), prompt: l('左栏填项目名称，右栏填子项目名称（没有可留空）。', 'Left: the project; right: the sub-project (may be blank).') },
      { key: 'project', header: '项目名称', joinPrevious: true, width: 22, format: '@', style: 'input',
        promptTitle: l('子项目名称', 'Sub-project'), prompt: l('子项目名称；没有子项目可留空。', 'The sub-project; blank when there is none.') },
      { key: 'target', header: '目标任务', width: 22, format: '@', style: 'input',
        promptTitle: l('目标任务（指标）', 'Target (indicator)'), prompt: l('左栏填指标名称，右栏填目标值。', 'Left: the indicator; right: the target value.') },
      { key: 'target', header: '目标任务', joinPrevious: true, width: 12, format: '@', style: 'inputCenter',
        promptTitle: l('目标任务（目标值）', 'Target value'), prompt: l('目标值带单位，如“5600人”“2.4万方”“60%以上”。', 'The target with its unit, e.g. 5600人, 2.4万方, 60%以上.') },
      { key: 'unit', header: '牵头单位', width: 12, format: '@', style: 'inputCenter',
        promptTitle: l('牵头单位', 'Lead unit'), prompt: l('牵头单位简称；同一项目连续各行可只在第一行填写。', 'The lead unit; consecutive rows of one project may fill only the first.') },
      { key: 'progress', header: '进展情况', width: 36, format: '@', style: 'input',
        promptTitle: l('进展情况', 'Progress'), prompt: l('写明已完成数，单位与目标值相同，如“已完成3096人。”', 'The achieved figure in the target\'s unit, e.g. 已完成3096人。') },
      { key: 'pct', header: '量化数据', width: 10, format: '0%', style: 'inputNumber', validation: { type: 'decimal', min: 0 },
        promptTitle: l('量化数据', 'Completion'), prompt: l('完成数÷目标数，按百分比填写（如 85%）；进展无法量化时留空。', 'Achieved ÷ target as a percentage (e.g. 85%); blank when progress cannot be quantified.') },
      { key: 'status', header: '进度评价', width: 10, format: '@', style: 'inputCenter', validation: { type: 'list', values: STATUS_WORDS },
        promptTitle: l('进度评价', 'Status'), prompt: l('从下拉列表选择：达到目标（≥100%）选“已完成”，否则选“正常推进”。', 'Pick 已完成 when the target is met (≥ 100%), else 正常推进.') },
    ],
  },
  'task-decomposition': {
    sheetName: '任务分解',
    label: null,
    title: (y) => `贯彻落实${y}年省政府大抓落实工作激励措施任务分解`,
    cutoff: false,
    defaultRows: 30,
    columns: () => [
      { key: 'seq', header: '序号', width: 6, format: '0', style: 'inputCenter', validation: { type: 'whole', min: 1 },
        promptTitle: l('序号', 'Number'), prompt: l('从1起连续编号。', 'Numbered from 1.') },
      { key: 'measure', header: '省政府大抓落实工作激励措施', width: 60, format: '@', style: 'input',
        promptTitle: l('激励措施', 'Measure'), prompt: l('照抄省文件原文，保留“（牵头单位：…）”。', 'Copied from the provincial notice, keeping （牵头单位：…）.') },
      { key: 'lead', header: '牵头责任单位', width: 16, format: '@', style: 'inputCenter',
        promptTitle: l('牵头责任单位', 'Lead unit'), prompt: l('区级牵头单位。', 'The district lead unit.') },
      { key: 'related', header: '相关责任单位', width: 24, format: '@', style: 'input',
        promptTitle: l('相关责任单位', 'Related units'), prompt: l('每行一个单位（Alt+Enter），同一单位不要重复。', 'One unit per line (Alt+Enter), no repeats.') },
    ],
  },
};

/** A plain layout from the registry: the kind's columns with their canonical headers, text cells. */
function registryLayout(kind: TemplateKind): KindLayout {
  const spec = tableSpecOf(kind);
  const label = KIND_LABEL[kind]['zh-CN'];
  return {
    sheetName: legalSheetName(label.replace(/[（(].*$/, '')),
    label: null,
    title: (y) => `${y}年${label}`,
    cutoff: true,
    defaultRows: 30,
    columns: () =>
      (spec?.columns ?? []).map((c) => ({
        key: c.key,
        header: c.label,
        width: 16,
        format: '@',
        style: 'input' as const,
        promptTitle: l(c.label, c.label),
        prompt: l(c.required ? `必填：${c.label}。` : `选填：${c.label}。`, c.required ? `Required: ${c.label}.` : `Optional: ${c.label}.`),
      })),
  };
}

function layoutOf(kind: TemplateKind): KindLayout {
  return LAYOUTS[kind] ?? registryLayout(kind);
}

export function templateSheetName(kind: TemplateKind): string {
  return layoutOf(kind).sheetName;
}

const TEMPLATE_STYLES: Readonly<Record<string, CellStyle>> = {
  ...STYLES,
  label: { fontSize: 12, bold: true, vAlign: 'middle' },
  cutoff: { fontSize: 11, hAlign: 'left', vAlign: 'middle' },
  note: { fontSize: 10, wrap: true, hAlign: 'left', vAlign: 'middle' },
  input: { border: true, wrap: true, vAlign: 'top' },
  inputCenter: { border: true, wrap: true, hAlign: 'center', vAlign: 'top' },
  inputNumber: { border: true, hAlign: 'right', vAlign: 'top' },
};

/** Excel's limits on an input message: title 32 characters, text 255. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;

function errorText(rule: ValidationRule, lang: Lang): { title: string; text: string } {
  const zh = lang === 'zh-CN';
  switch (rule.type) {
    case 'list':
      return zh
        ? { title: '不在可选范围内', text: `请从下拉列表中选择：${listOf(rule.values, lang)}。` }
        : { title: 'Not an allowed value', text: `Pick one of: ${listOf(rule.values, lang)}.` };
    case 'whole':
      return zh
        ? { title: '应为整数', text: `请填写不小于${rule.min}的整数。` }
        : { title: 'Whole number expected', text: `Type a whole number of at least ${rule.min}.` };
    case 'decimal':
      return zh
        ? { title: '应为数值', text: `请填写不小于${rule.min}的数值（百分比如 85%）。` }
        : { title: 'Number expected', text: `Type a number of at least ${rule.min} (a percentage such as 85%).` };
    case 'containsAny':
      return zh
        ? { title: '研判等级不在范围内', text: `请使用以下等级之一：${listOf(rule.words, lang)}。` }
        : { title: 'Unknown rating', text: `Use one of the ratings: ${listOf(rule.words, lang)}.` };
  }
}

/** The custom formula of `containsAny`, relative to the range's top-left cell. */
export function containsAnyFormula(words: readonly string[], cell: string): string {
  // 有可能 is inside 很有可能: one FIND per distinct word is still exact, and clearer to read.
  const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;
  return `OR(${words.map((w) => `ISNUMBER(FIND(${quoted(w)},${cell}))`).join(',')})`;
}

function resolveValidation(rule: ValidationRule | undefined, range: string, topLeft: string, col: ColumnDef, lang: Lang): TemplateValidation {
  const promptTitle = col.promptTitle[lang].slice(0, PROMPT_TITLE_MAX);
  const prompt = col.prompt[lang].slice(0, PROMPT_MAX);
  if (!rule) return { range, type: 'none', formulae: [], allowBlank: true, promptTitle, prompt };
  const err = errorText(rule, lang);
  const base = { range, allowBlank: true, promptTitle, prompt, errorTitle: err.title.slice(0, PROMPT_TITLE_MAX), error: err.text.slice(0, PROMPT_MAX) };
  switch (rule.type) {
    case 'list':
      return { ...base, type: 'list', formulae: [`"${rule.values.join(',')}"`] };
    case 'whole':
      return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [String(rule.min)] };
    case 'decimal':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [String(rule.min)] };
    case 'containsAny':
      return { ...base, type: 'custom', formulae: [containsAnyFormula(rule.words, topLeft)] };
  }
}

function cell(value: string | null, style: string, numberFormat?: string, formula?: string): PlanCell {
  return { value, style, ...(numberFormat ? { numberFormat } : {}), ...(formula ? { formula } : {}) };
}

/** One annex template sheet. */
export function templatePlan(kind: TemplateKind, options: TemplateOptions): TemplatePlan {
  const layout = layoutOf(kind);
  const lang = options.lang ?? 'zh-CN';
  const year = options.year;
  const columns = layout.columns(year);
  const width = columns.length;
  const lastCol = columnLetter(width - 1);
  const rows: PlanCell[][] = [];
  /** Add a line; returns the sheet row it lands on. */
  const push = (line: PlanCell[]): number => rows.push(line);
  const merges: string[] = [];
  const editable: string[] = [];
  const full = (r: number) => `A${r}:${lastCol}${r}`;

  if (layout.label !== null) rows.push([cell(layout.label, 'label')]);
  rows.push([cell(layout.title(year), 'title')]);
  merges.push(full(rows.length));
  if (layout.cutoff) {
    rows.push([cell('统计截止：    月    日', 'cutoff')]);
    merges.push(full(rows.length));
    editable.push(full(rows.length));
  }
  for (const note of layout.notesAbove?.(year) ?? []) {
    rows.push([cell(note, 'note')]);
    merges.push(full(rows.length));
    editable.push(full(rows.length));
  }

  // Header: one row, or two where some columns are grouped under a common heading.
  const twoRows = columns.some((c) => c.group !== undefined);
  const headerFirst = rows.length + 1;
  const top: PlanCell[] = [];
  const bottom: PlanCell[] = [];
  columns.forEach((c, i) => {
    const letter = columnLetter(i);
    if (c.joinPrevious) {
      top.push(cell(null, 'header'));
      bottom.push(cell(null, 'header'));
      return;
    }
    let span = 1;
    while (columns[i + span]?.joinPrevious) span++;
    if (span > 1) merges.push(`${letter}${headerFirst}:${columnLetter(i + span - 1)}${headerFirst}`);
    if (!twoRows) {
      top.push(cell(c.header, 'header'));
      return;
    }
    if (c.group === undefined) {
      top.push(cell(c.header, 'header'));
      bottom.push(cell(null, 'header'));
      merges.push(`${letter}${headerFirst}:${letter}${headerFirst + 1}`);
      return;
    }
    const prev = columns[i - 1];
    if (prev?.group === c.group) top.push(cell(null, 'header'));
    else {
      let n = 1;
      while (columns[i + n]?.group === c.group) n++;
      top.push(cell(c.group, 'header'));
      if (n > 1) merges.push(`${letter}${headerFirst}:${columnLetter(i + n - 1)}${headerFirst}`);
    }
    bottom.push(cell(c.header, 'header'));
  });
  rows.push(top);
  if (twoRows) rows.push(bottom);
  const headerLast = rows.length;

  const dataCount = Math.max(1, Math.min(options.rows ?? layout.defaultRows, 5000));
  // The 合计 row (where the layout has one) is kept above the data and filled once the data rows have
  // landed: its SUMs name the rows they really cover.
  const totalRow = layout.totalColumns ? push([]) : null;
  const dataFirst = rows.length + 1;
  for (let i = 0; i < dataCount; i++) push(columns.map((c) => cell(null, c.style, c.format)));
  const dataLast = rows.length;
  if (totalRow !== null) {
    rows[totalRow - 1] = columns.map((c, i) => {
      if (i === 0) return cell('合  计', 'total');
      if (layout.totalColumns?.includes(c.key)) {
        const letter = columnLetter(i);
        // The blank template's 合计 is 0, cached, so a reader that does not recalculate shows 0.
        return { ...cell(null, 'totalNumber', c.format, `SUM(${letter}${dataFirst}:${letter}${dataLast})`), value: 0 };
      }
      return cell(null, 'total');
    });
  }
  editable.push(`A${dataFirst}:${lastCol}${dataLast}`);
  for (const note of layout.notesBelow ?? []) {
    rows.push([cell(note, 'note')]);
    merges.push(full(rows.length));
    editable.push(full(rows.length));
  }

  const validations = columns.map((c, i) => {
    const letter = columnLetter(i);
    return resolveValidation(c.validation, `${letter}${dataFirst}:${letter}${dataLast}`, a1(dataFirst - 1, i), c, lang);
  });

  const sheet: SheetPlan = {
    id: `template-${kind}`,
    name: layout.sheetName,
    rows,
    merges,
    columnWidths: columns.map((c) => c.width),
    frozenRows: headerLast,
    printTitleRows: [headerFirst, headerLast],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    styles: TEMPLATE_STYLES,
  };
  return { kind, sheet, headerRows: [headerFirst, headerLast], dataRows: [dataFirst, dataLast], editable, validations };
}

export type TemplateRequest = TemplateKind | TemplateBundle;

export function expandTemplateRequest(requests: readonly TemplateRequest[]): TemplateKind[] {
  const out: TemplateKind[] = [];
  for (const r of requests) {
    const kinds: readonly TemplateKind[] = isTemplateBundle(r) ? TEMPLATE_BUNDLES[r] : [r];
    for (const k of kinds) if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** The profiles the requested kinds belong to (one template workbook holds one profile). */
export function templateProfiles(kinds: readonly TemplateKind[]): Profile[] {
  return [...new Set(kinds.map((k) => KIND_PROFILE[k]))];
}

/** The marker's template id: a bundle name when the kinds are exactly a bundle, else the kinds joined by `+`. */
export function templateId(kinds: readonly TemplateKind[]): string {
  for (const [name, list] of Object.entries(TEMPLATE_BUNDLES)) {
    if (list.length === kinds.length && list.every((k) => kinds.includes(k))) return name;
  }
  return kinds.join('+');
}

/** A workbook of templates, in the requested order, with its marker. */
export function templateWorkbook(requests: readonly TemplateRequest[], options: TemplateOptions): TemplateWorkbook {
  const kinds = expandTemplateRequest(requests);
  return { marker: formatMarker(templateId(kinds), TEMPLATE_VERSION), sheets: kinds.map((k) => templatePlan(k, options)) };
}
