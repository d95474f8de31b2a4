/**
 * Closed vocabularies, by id: the words offices use for the same meaning. Every place that reads,
 * writes or displays one of these words derives it from here (header synonyms, status cells,
 * template validation lists, summary labels).
 */
import { labelKey } from './text';

export interface VocabEntry<Id extends string> {
  readonly id: Id;
  /** The canonical word, as the samples and the templates write it. */
  readonly zh: string;
  readonly en: string;
  /** Other words with the same meaning (label keys: no spaces, half-width). */
  readonly synonyms: readonly string[];
}

// ── likelihood ratings (激励事项研判), best first ───────────────────────────────
export type RatingId = 'veryLikely' | 'likely' | 'hard' | 'unlikely';

/** The four rating words, best first (`有可能` is a substring of `很有可能`: match the longer first). */
export const RATING_WORDS = ['很有可能', '有可能', '难度较大', '不太可能'] as const;

export const RATING_VOCAB: readonly VocabEntry<RatingId>[] = [
  { id: 'veryLikely', zh: RATING_WORDS[0], en: 'very likely', synonyms: [] },
  { id: 'likely', zh: RATING_WORDS[1], en: 'likely', synonyms: [] },
  { id: 'hard', zh: RATING_WORDS[2], en: 'difficult', synonyms: [] },
  { id: 'unlikely', zh: RATING_WORDS[3], en: 'unlikely', synonyms: [] },
];

// ── progress classes: what a status word means ─────────────────────────────
export type ProgressClassId = 'done' | 'onSchedule' | 'lagging';

export const PROGRESS_VOCAB: readonly VocabEntry<ProgressClassId>[] = [
  {
    id: 'done',
    zh: '基本完成',
    en: 'done',
    synonyms: ['已完成', '完成', '已基本完成', '已提前完成', '提前完成', '完成年度目标', '已完成年度目标'],
  },
  {
    id: 'onSchedule',
    zh: '常态化或按时序推进',
    en: 'on schedule',
    synonyms: ['按时序推进', '序时推进', '按序时推进', '正常推进', '常态化推进', '按计划推进', '有序推进', '常态化', '按进度推进', '进度正常', '持续推进'],
  },
  {
    id: 'lagging',
    zh: '相对滞后',
    en: 'lagging',
    synonyms: ['滞后', '进度滞后', '推进滞后', '推进缓慢', '进展缓慢', '滞后推进', '未按时序推进'],
  },
];

/** Extra words per class from the settings (`vocabulary.progress`). */
export type ExtraWords<Id extends string> = Readonly<Partial<Record<Id, readonly string[]>>>;

/** Every word (label key) of one entry, canonical first. */
export function wordsOf<Id extends string>(entry: VocabEntry<Id>, extra?: ExtraWords<Id>): string[] {
  return [entry.zh, ...entry.synonyms, ...(extra?.[entry.id] ?? [])].map(labelKey);
}

/** The id whose word this text is exactly (after label normalisation); null when none. */
export function vocabId<Id extends string>(vocab: readonly VocabEntry<Id>[], text: string, extra?: ExtraWords<Id>): Id | null {
  const k = labelKey(text);
  if (k === '') return null;
  for (const e of vocab) if (wordsOf(e, extra).includes(k)) return e.id;
  return null;
}

export function vocabEntry<Id extends string>(vocab: readonly VocabEntry<Id>[], id: Id): VocabEntry<Id> {
  const e = vocab.find((x) => x.id === id);
  if (!e) throw new Error(`unknown vocabulary id ${id}`);
  return e;
}

/** A progress status cell (`已完成`, `序时推进`, `滞后` …) → its class. */
export function progressClassOf(text: string, extra?: ExtraWords<ProgressClassId>): ProgressClassId | null {
  return vocabId(PROGRESS_VOCAB, text, extra);
}

// ── lines around a table that are no row of it ─────────────────────────────
/** A note line (label key): 注： / 备注 / 说明 / 填表说明 / 数据来源 … */
export const NOTE_START = /^(注|备注|说明|填表说明|数据来源|资料来源)[:：]?/;

/** Who fills, checks, signs, stamps or dates a form, in the words offices put under a table. */
const SIGNATURE_WORDS = [
  '填表人', '填报人', '审核人', '审批人', '审核', '联系人', '负责人', '单位负责人', '主要负责人', '分管负责人', '分管领导',
  '主要领导', '领导签字', '制表人', '制表', '签发人', '签发', '统计人', '经办人', '核稿人', '核稿', '联系电话', '电话', '手机',
  '填报日期', '报送日期', '填表日期', '制表日期', '统计日期', '填报时间', '报送时间', '日期', '填报单位', '报送单位', '填表单位',
  '制表单位', '盖章', '签字', '签名',
];

/**
 * A signature line's first cell (label key): one of those words, perhaps with a short qualifier in brackets
 * (填报单位（盖章）, 审核人（签字）), then a colon — 填表人：张三, 填报单位（盖章）：, 日期：2024年7月10日.
 * Never a data row, in one cell or spread over several.
 */
export const SIGNATURE_START = new RegExp(`^(?:${SIGNATURE_WORDS.join('|')})(?:[(（][^()（）]{1,8}[)）])?[:：]`);
