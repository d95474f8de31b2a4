/**
 * What every kind's registry entry (`annexes/<kind>/spec.ts`) is made of: the entry's type, and the column words
 * several kinds share (lead units, items, deadlines, the four ratings).
 */
import type { AnnexKind, TableSpec } from '../table';
import type { ColumnType } from '../columnTypes';
import type { FindingSpec } from '../i18n/spec';
import { PROGRESS_VOCAB, RATING_VOCAB, type ProgressClassId, type RatingId, vocabEntry, wordsOf } from '../vocab';

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
  /** The finding codes only this kind's reading and rules emit (`codes.ts`); the catalogue collects them. */
  readonly codes: Readonly<Record<string, FindingSpec>>;
}

export const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

const ratingWords = (id: RatingId): string[] => wordsOf(vocabEntry(RATING_VOCAB, id));
export const classWords = (id: ProgressClassId): string[] => wordsOf(vocabEntry(PROGRESS_VOCAB, id));
export const RATING_KEYS: readonly RatingId[] = ['veryLikely', 'likely', 'hard', 'unlikely'];
/** `有可能` is inside `很有可能`: a rating column's header must not contain a longer rating. */
export const ratingColumn = (id: RatingId, required: boolean, type: ColumnType) => ({
  key: id,
  label: vocabEntry(RATING_VOCAB, id).zh,
  type,
  names: ratingWords(id),
  terms: ratingWords(id),
  ...(id === 'likely' ? { notTerms: /很有可能/ } : {}),
  ...(required ? { required: true } : {}),
});

export const LEAD_UNIT = ['牵头单位', '责任单位', '牵头责任单位', '主责单位', '牵头部门', '责任部门', '州直牵头单位', '市直牵头单位', '单位'];
export const ITEM = ['激励事项', '事项', '督查激励事项', '激励事项名称', '事项名称', '激励项目', '督查激励项目'];

export const DEADLINE = ['完成时限', '完成时间', '时间节点', '时限要求', '办结时限', '完成期限', '时限', '序时进度节点', '计划完成时间'];

