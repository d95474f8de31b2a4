/**
 * The annex registry: one declarative entry per kind — its profile, its name in the user's words,
 * how its table is recognised (title and header text, never sheet name or position), and the checks
 * it runs with the columns each needs. Detection, reading, the degrade-don't-flood gate, the usage
 * text, diff/merge/template kind lists derive from here; the compiler checks every kind is complete.
 */
import type { AnnexKind, TableSpec } from './table';
import type { ColumnType } from './columnTypes';
import { PROGRESS_VOCAB, RATING_VOCAB, type ProgressClassId, type RatingId, vocabEntry, wordsOf } from './vocab';
import { listOf } from './i18n/lists';

export type Profile = 'incentive' | 'keywork';
export type Localized = { readonly 'zh-CN': string; readonly 'en-US': string };

/** One check of a kind, with the columns it reads: it runs only when they were all placed. */
export interface CheckSpec {
  readonly id: string;
  readonly needs: readonly string[];
  readonly label: Localized;
}

/** One column of a row key; see `AnnexSpec.key`. */
export interface KeyPart {
  readonly column: string;
  readonly pick: 'first' | 'last';
}

export interface AnnexSpec {
  readonly kind: AnnexKind;
  readonly profile: Profile;
  /** Display name in the user's words, for messages. */
  readonly label: Localized;
  /** The table; absent for prose (the 通报). */
  readonly table?: TableSpec;
  readonly checks: readonly CheckSpec[];
  /**
   * The columns whose values identify a row across versions (diff and merge match rows by them, not by position),
   * each normalised by its declared type (units by identity, 序号 as a number, names without decoration). A
   * column placed on several grid columns names which of them: `first` (the first, blank or not) or `last` (the
   * last that is filled).
   */
  readonly key: readonly (string | KeyPart)[];
  /** For a numbered table: what identifies a row whose key columns are all blank (its content). */
  readonly keyFallback?: string;
  /**
   * The columns whose values together must not repeat in one table (the generic duplicate check, `dup/row`):
   * what a row is about, which for a numbered table is its content, not its 序号.
   */
  readonly unique: readonly string[];
  /** The column a duplicate or conflict finding points at. */
  readonly keyCell: string;
}

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

const ratingWords = (id: RatingId): string[] => wordsOf(vocabEntry(RATING_VOCAB, id));
const classWords = (id: ProgressClassId): string[] => wordsOf(vocabEntry(PROGRESS_VOCAB, id));
const RATING_KEYS: readonly RatingId[] = ['veryLikely', 'likely', 'hard', 'unlikely'];
/** `有可能` is inside `很有可能`: a rating column's header must not contain a longer rating. */
const ratingColumn = (id: RatingId, required: boolean, type: ColumnType) => ({
  key: id,
  label: vocabEntry(RATING_VOCAB, id).zh,
  type,
  names: ratingWords(id),
  terms: ratingWords(id),
  ...(id === 'likely' ? { notTerms: /很有可能/ } : {}),
  ...(required ? { required: true } : {}),
});

const LEAD_UNIT = ['牵头单位', '责任单位', '牵头责任单位', '主责单位', '牵头部门', '责任部门', '州直牵头单位', '市直牵头单位', '单位'];
const ITEM = ['激励事项', '事项', '督查激励事项', '激励事项名称', '事项名称', '激励项目', '督查激励项目'];

const DEADLINE = ['完成时限', '完成时间', '时间节点', '时限要求', '办结时限', '完成期限', '时限', '序时进度节点', '计划完成时间'];

const RATING_TALLY: TableSpec = {
  kind: 'rating-tally',
  titles: [/研判统计/, /研判情况统计/, /激励.*统计/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', type: 'unit', names: LEAD_UNIT, terms: ['单位', '部门'], notTerms: /项数|可能|难度/, required: true },
    { key: 'total', label: '总项数', type: 'count', names: ['总项数', '项数', '合计项数', '事项总数', '总数', '事项数', '激励事项数', '合计'], terms: ['总项数', '项数', '总数', '事项数'], notTerms: /可能|难度/, required: true },
    ...RATING_KEYS.map((k) => ratingColumn(k, true, 'count')),
  ],
};

const UNIT_KEY_ITEMS: TableSpec = {
  kind: 'unit-key-items',
  titles: [/重点事项汇总/, /重点事项/, /争取事项/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '单位', type: 'unit', names: ['单位', '县市区', '县市', '县市区名称', '县(市、区)', '县市区(单位)', '地区'], terms: ['单位', '县市', '地区', '乡镇', '街道', '园区'], notTerms: /项数|事项/, required: true },
    { key: 'count', label: '项数', type: 'count', names: ['项数', '事项数', '重点事项数', '数量'], terms: ['项数', '数量'], required: true },
    { key: 'items', label: '具体事项', type: 'text', names: ['具体事项', '事项名称', '事项清单', '重点事项', '重点事项清单', '争取事项', '重点争取事项'], terms: ['事项', '清单'], notTerms: /项数|事项数/, required: true },
  ],
};

const INCENTIVE_ANALYSIS: TableSpec = {
  kind: 'incentive-analysis',
  titles: [/研判分析/, /研判表/, /研判情况表/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', type: 'unit', names: LEAD_UNIT, terms: ['牵头', '单位', '部门'], notTerms: /研判|事项|名额|情况|可能/, required: true, group: true },
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'], group: true, groupParent: 'unit' },
    { key: 'item', label: '激励事项', type: 'name', names: ITEM, terms: ['事项', '激励项目'], notTerms: /研判|名额|情况|意见|可能/, required: true },
    { key: 'quota', label: '激励名额', type: 'text', names: ['激励名额', '名额', '激励名额数'], terms: ['名额'], group: true, groupParent: 'seq' },
    { key: 'assessment', label: '州直研判情况', type: 'vocabulary', names: ['州直研判情况', '研判情况', '市直研判情况', '研判意见', '县直研判情况', '研判结果'], terms: ['研判'], required: true },
    // The wide layout: one column per rating holding the names of the units so rated.
    ...RATING_KEYS.map((k) => ratingColumn(k, false, 'units')),
    { key: 'history', label: '获激励情况', type: 'units', names: [], pattern: /^(19|20)\d\d年?度?(获激励情况|获激励|获得激励|获激励单位)?$/, multi: true },
  ],
  alternatives: { assessment: { columns: RATING_KEYS, min: 2 } },
};

const PROGRESS_REPORT: TableSpec = {
  kind: 'progress-report',
  titles: [/激励事项进展/, /进展情况/, /推进情况/],
  labelColumn: 'unit',
  columns: [
    { key: 'unit', label: '牵头单位', type: 'unit', names: LEAD_UNIT, terms: ['牵头', '单位', '部门'], notTerms: /进展|问题|对接|事项/, required: true, group: true },
    { key: 'item', label: '激励事项', type: 'name', names: ITEM, terms: ['事项'], notTerms: /进展|问题|对接|情况/, required: true },
    { key: 'progress', label: '最新进展', type: 'text', names: ['最新进展', '进展情况', '工作进展', '工作进展情况', '最新进展情况', '推进情况', '工作推进情况'], terms: ['进展', '推进情况'], notTerms: /问题|对接/, required: true },
    { key: 'problems', label: '存在问题', type: 'text', names: ['存在问题', '存在的问题', '问题', '困难和问题', '存在困难'], terms: ['问题', '困难'] },
    { key: 'liaison', label: '与上级部门对接情况', type: 'text', names: ['与上级部门对接情况', '对接情况', '上级对接情况', '向上对接情况'], terms: ['对接'] },
  ],
};

const LIAISON_LOG: TableSpec = {
  kind: 'liaison-log',
  titles: [/对接情况统计/, /对接情况/],
  labelColumn: 'county',
  columns: [
    { key: 'county', label: '县市区', type: 'unit', names: ['县市区', '县市', '单位', '县市区名称', '县(市、区)', '地区', '乡镇', '乡镇(街道)'], terms: ['县市', '地区', '单位', '乡镇', '街道', '园区'], notTerms: /对接|事项/, required: true, group: true },
    { key: 'item', label: '重点事项', type: 'name', names: ['重点事项', '事项', '对接事项', '激励事项'], terms: ['事项'], notTerms: /对接情况/, required: true },
    { key: 'liaison', label: '对接情况', type: 'text', names: ['对接情况', '对接情况说明', '向上对接情况'], terms: ['对接'], required: true },
  ],
};

const TARGET_PROGRESS: TableSpec = {
  kind: 'target-progress',
  titles: [/目标任务/],
  labelColumn: 'seq',
  columns: [
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'] },
    { key: 'target', label: '目标任务', type: 'name', names: ['目标任务', '工作目标', '工作任务', '主要目标任务', '年度目标任务'], terms: ['目标', '任务'], notTerms: /完成|推进|滞后|进展|单位|进度/, required: true },
    { key: 'unit', label: '牵头单位', type: 'units', names: LEAD_UNIT, terms: ['单位', '部门'], notTerms: /目标|进展/, required: true },
    { key: 'progress', label: '进展情况', type: 'text', names: ['进展情况', '工作进展', '完成情况', '推进情况', '工作推进情况'], terms: ['进展'], notTerms: /滞后|推进$/ },
    { key: 'done', label: vocabEntry(PROGRESS_VOCAB, 'done').zh, type: 'mark', names: classWords('done'), required: true },
    { key: 'onSchedule', label: vocabEntry(PROGRESS_VOCAB, 'onSchedule').zh, type: 'mark', names: classWords('onSchedule'), terms: ['时序', '序时'], required: true },
    { key: 'lagging', label: vocabEntry(PROGRESS_VOCAB, 'lagging').zh, type: 'mark', names: classWords('lagging'), terms: ['滞后'], required: true },
    // A deadline (完成时限 / 时间节点): read and checked as a date or deadline words.
    { key: 'deadline', label: '完成时限', type: 'date', names: DEADLINE, terms: ['时限', '时间节点', '期限'] },
    // Another layout: one column of words (已完成 / 正常推进 / 进度滞后 …) instead of three columns of marks.
    { key: 'statusWord', label: '进度评价', type: 'vocabulary', names: ['进度评价', '推进评价', '进展评价', '完成评价', '进展状态', '完成状态', '推进状态', '进度状态'], terms: ['评价'], notTerms: /%|比例|率|量化/ },
  ],
  // A livelihood table has 进度评价 too: its project and 量化数据 columns say it is not a targets table.
  excludes: /^(项目名称|实事名称|民生实事项目|民生实事名称|量化数据|完成进度)/,
  alternatives: {
    done: { columns: ['statusWord'], min: 1 },
    onSchedule: { columns: ['statusWord'], min: 1 },
    lagging: { columns: ['statusWord'], min: 1 },
  },
};

const LIVELIHOOD_PROJECTS: TableSpec = {
  kind: 'livelihood-projects',
  titles: [/民生实事/],
  labelColumn: 'category',
  columns: [
    { key: 'category', label: '类别', type: 'name', names: ['类别', '类型', '层级', '项目类别'], group: true },
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'], group: true, groupParent: 'category' },
    { key: 'project', label: '项目名称', type: 'name', names: ['项目名称', '项目', '实事名称', '民生实事项目', '民生实事名称'], terms: ['项目', '实事'], notTerms: /单位|进展|目标|任务/, required: true, multi: true },
    // A target may sit in one column or be split into 具体任务 + 目标值: the last column holds the value.
    { key: 'target', label: '目标任务', type: 'text', names: ['目标任务', '具体任务', '目标值', '任务目标', '年度目标', '目标', '指标', '具体指标', '年度目标任务'], terms: ['目标', '任务', '指标'], notTerms: /完成|进展|进度|单位|评价/, required: true, multi: true },
    // Blank and unmerged under a merged block continues the unit above (reported when a new project starts).
    { key: 'unit', label: '牵头单位', type: 'units', names: LEAD_UNIT, terms: ['单位', '部门'], notTerms: /项目|目标/, required: true, group: true },
    { key: 'progress', label: '进展情况', type: 'text', names: ['进展情况', '工作进展', '完成情况', '推进情况', '工作推进情况', '最新进展'], terms: ['进展'], notTerms: /量化|比例|率|%|评价/, required: true },
    { key: 'pct', label: '量化数据', type: 'percent', names: ['量化数据', '完成比例', '完成率', '完成进度(%)', '完成百分比', '量化完成比例'], terms: ['量化', '比例', '完成率', '%', '百分比'], required: true },
    { key: 'status', label: '进度评价', type: 'vocabulary', names: ['进度评价', '进度', '进度情况', '推进评价', '进展评价', '完成评价'], terms: ['评价', '进度'], notTerms: /%|比例|率|量化/, required: true },
    // A deadline (完成时限 / 时间节点): read and checked as a date or deadline words.
    { key: 'deadline', label: '完成时限', type: 'date', names: DEADLINE, terms: ['时限', '时间节点', '期限'] },
  ],
};

const TASK_DECOMPOSITION: TableSpec = {
  kind: 'task-decomposition',
  titles: [/任务分解/],
  labelColumn: 'seq',
  columns: [
    { key: 'seq', label: '序号', type: 'seq', names: ['序号', '编号'] },
    { key: 'measure', label: '激励措施', type: 'name', names: ['激励措施', '工作激励措施', '具体措施'], pattern: /激励措施$/, terms: ['措施'], required: true },
    { key: 'lead', label: '牵头责任单位', type: 'units', names: ['牵头责任单位', '牵头单位', '牵头部门'], terms: ['牵头'], required: true },
    { key: 'related', label: '相关责任单位', type: 'units', names: ['相关责任单位', '配合单位', '责任单位', '协同单位', '配合部门'], terms: ['相关', '配合', '协同', '协办'], required: true },
    // A deadline (完成时限 / 时间节点): read and checked as a date or deadline words.
    { key: 'deadline', label: '完成时限', type: 'date', names: DEADLINE, terms: ['时限', '时间节点', '期限'] },
  ],
};

export const ANNEXES = {
  'rating-tally': {
    kind: 'rating-tally',
    unique: ['unit'],
    key: ['unit'],
    keyCell: 'unit',
    profile: 'incentive',
    label: L('研判统计表（附件1）', 'rating tally (附件1)'),
    table: RATING_TALLY,
    checks: [
      { id: 'tally-row-sum', needs: ['total', 'veryLikely', 'likely', 'hard', 'unlikely'], label: L('总项数与各等级之和', '总项数 vs the sum of the ratings') },
      { id: 'tally-total', needs: ['unit'], label: L('合计行', 'the 合计 row') },
      { id: 'tally-cross', needs: ['unit'], label: L('与研判分析表（附件3）重算结果核对', 'comparison with the recomputed 附件3') },
    ],
  },
  'unit-key-items': {
    kind: 'unit-key-items',
    unique: ['unit'],
    key: ['unit'],
    keyCell: 'unit',
    profile: 'incentive',
    label: L('重点事项汇总表（附件2）', 'key items per unit (附件2)'),
    table: UNIT_KEY_ITEMS,
    checks: [
      { id: 'keyitems-count', needs: ['count', 'items'], label: L('项数与具体事项条数', '项数 vs the items listed') },
      { id: 'keyitems-list', needs: ['items'], label: L('事项编号与重复', 'item numbering and repeats') },
      { id: 'keyitems-cross', needs: ['unit', 'items'], label: L('与研判分析表（附件3）点名的县市区核对', 'comparison with the counties named in 附件3') },
    ],
  },
  'incentive-analysis': {
    kind: 'incentive-analysis',
    unique: ['unit', 'item'],
    key: ['unit', 'item'],
    keyCell: 'item',
    profile: 'incentive',
    label: L('研判分析表（附件3）', 'incentive analysis (附件3)'),
    table: INCENTIVE_ANALYSIS,
    checks: [
      { id: 'analysis-rating', needs: ['assessment'], label: L('研判等级', 'the ratings') },
      { id: 'analysis-cross', needs: ['unit', 'item', 'assessment'], label: L('附件1、附件2的重算与核对', 'recomputing and checking 附件1 and 附件2') },
      { id: 'analysis-progress', needs: ['item'], label: L('与进展情况（附件4）的事项核对', 'comparison of items with 附件4') },
      { id: 'analysis-dup', needs: ['unit', 'item'], label: L('重复的事项', 'duplicate items') },
      { id: 'analysis-markers', needs: ['item'], label: L('注释所述●、Ⅱ/Ⅲ标记数', 'the marker counts stated in the note') },
    ],
  },
  'progress-report': {
    kind: 'progress-report',
    unique: ['unit', 'item'],
    key: ['unit', 'item'],
    keyCell: 'item',
    profile: 'incentive',
    label: L('进展情况（附件4）', 'progress report (附件4)'),
    table: PROGRESS_REPORT,
    checks: [
      { id: 'progress-counts', needs: ['progress'], label: L('进展文字中的数量与完成率', 'counts and rates stated in the progress text') },
      { id: 'progress-cross', needs: ['item'], label: L('与研判分析表（附件3）的事项核对', 'comparison of items with 附件3') },
      { id: 'progress-dup', needs: ['unit', 'item'], label: L('重复的事项', 'duplicate items') },
    ],
  },
  'liaison-log': {
    kind: 'liaison-log',
    unique: ['county', 'item'],
    key: ['county', 'item'],
    keyCell: 'item',
    profile: 'incentive',
    label: L('对接情况统计（附件5）', 'liaison log (附件5)'),
    table: LIAISON_LOG,
    checks: [{ id: 'liaison-dup', needs: ['county', 'item'], label: L('重复的对接记录', 'duplicate liaison rows') }],
  },
  'report-text': {
    kind: 'report-text',
    unique: [],
    key: [],
    keyCell: 'item',
    profile: 'keywork',
    label: L('通报', 'circular (通报)'),
    checks: [],
  },
  'target-progress': {
    kind: 'target-progress',
    unique: ['target'],
    key: ['seq'],
    keyFallback: 'target',
    keyCell: 'seq',
    profile: 'keywork',
    label: L('目标任务进展（附件1）', 'target progress (附件1)'),
    table: TARGET_PROGRESS,
    checks: [
      { id: 'target-marks', needs: ['done', 'onSchedule', 'lagging'], label: L('工作进度标记（每行一个）及与通报的核对', 'progress marks (one per row) and the 通报 figures') },
      { id: 'target-status', needs: ['statusWord'], label: L('进度评价的词语及与通报的核对', 'the 进度评价 words and the 通报 figures') },
      { id: 'target-dup', needs: ['target'], label: L('重复的目标任务', 'duplicate targets') },
    ],
  },
  'livelihood-projects': {
    kind: 'livelihood-projects',
    unique: ['seq', 'project', 'target'],
    // One project has several rows: its sub-project (the last project column filled) and its indicator (the first target column).
    key: ['seq', { column: 'project', pick: 'last' }, { column: 'target', pick: 'first' }],
    keyCell: 'seq',
    profile: 'keywork',
    label: L('民生实事（附件2）', 'livelihood projects (附件2)'),
    table: LIVELIHOOD_PROJECTS,
    checks: [
      { id: 'livelihood-pct', needs: ['target', 'progress', 'pct'], label: L('量化数据与完成值÷目标值', '量化数据 vs achieved ÷ target') },
      { id: 'livelihood-status', needs: ['status'], label: L('进度评价及与通报的核对', '进度评价 and the 通报 figures') },
      { id: 'livelihood-quantified', needs: ['pct'], label: L('量化数据是否填写', 'whether 量化数据 is filled in') },
      { id: 'livelihood-dup', needs: ['project', 'target'], label: L('重复的指标', 'duplicate indicators') },
    ],
  },
  'task-decomposition': {
    kind: 'task-decomposition',
    unique: ['measure'],
    key: ['seq'],
    keyFallback: 'measure',
    keyCell: 'seq',
    profile: 'keywork',
    label: L('任务分解', 'task decomposition'),
    table: TASK_DECOMPOSITION,
    checks: [
      { id: 'task-lead-related', needs: ['lead', 'related'], label: L('牵头单位与相关单位', 'lead and related units') },
      { id: 'task-dup', needs: ['measure'], label: L('重复的激励措施', 'duplicate measures') },
    ],
  },
} as const satisfies Record<AnnexKind, AnnexSpec>;

/** Every kind, in registry order (the order annexes are numbered in). */
export const ANNEX_KINDS = Object.keys(ANNEXES) as AnnexKind[];

export const KIND_PROFILE = Object.fromEntries(ANNEX_KINDS.map((k) => [k, ANNEXES[k].profile])) as Record<AnnexKind, Profile>;

export const KIND_LABEL = Object.fromEntries(ANNEX_KINDS.map((k) => [k, ANNEXES[k].label])) as Record<AnnexKind, Localized>;

export const TABLE_SPECS: readonly TableSpec[] = ANNEX_KINDS.flatMap((k) => {
  const s: AnnexSpec = ANNEXES[k];
  return s.table ? [s.table] : [];
});

export const PROFILES: readonly Profile[] = ['incentive', 'keywork'];

/** The kinds that are tables (every kind but the 通报): those with a template, a diff by row and a merge. */
export const TABLE_KINDS = ANNEX_KINDS.filter((k): k is Exclude<AnnexKind, 'report-text'> => tableSpecOf(k) !== undefined);

/** What the tool can check, per profile, in the reader's language (the pane's empty state). */
export function supportedKinds(lang: 'zh-CN' | 'en-US'): Record<Profile, string> {
  const list = (p: Profile) => listOf(ANNEX_KINDS.filter((k) => KIND_PROFILE[k] === p).map((k) => KIND_LABEL[k][lang]), lang);
  return { incentive: list('incentive'), keywork: list('keywork') };
}

export function annexSpec(kind: AnnexKind): AnnexSpec {
  return ANNEXES[kind];
}

export function isAnnexKind(s: string): s is AnnexKind {
  return Object.prototype.hasOwnProperty.call(ANNEXES, s);
}

export function tableSpecOf(kind: AnnexKind): TableSpec | undefined {
  const s: AnnexSpec = ANNEXES[kind];
  return s.table;
}

/** The columns a kind compares as numbers (diff), from their declared types: counts and percentages. */
export function numericColumns(kind: AnnexKind): readonly string[] {
  return (tableSpecOf(kind)?.columns ?? []).filter((c) => c.type === 'count' || c.type === 'percent').map((c) => c.key);
}

/** The checks of a kind that cannot run because a column they need was not placed. */
export function checksSkipped(kind: AnnexKind, missing: readonly string[]): CheckSpec[] {
  const s: AnnexSpec = ANNEXES[kind];
  return s.checks.filter((c) => c.needs.some((n) => missing.includes(n)));
}

export { RATING_TALLY, UNIT_KEY_ITEMS, INCENTIVE_ANALYSIS, PROGRESS_REPORT, LIAISON_LOG, TARGET_PROGRESS, LIVELIHOOD_PROJECTS, TASK_DECOMPOSITION };
