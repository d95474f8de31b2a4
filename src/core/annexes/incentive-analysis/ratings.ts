/**
 * Ratings in 州直研判情况: a bare rating (`难度较大`) or one `单位：rating` pair per line, plus notes in
 * full-width parentheses. The item's rating is the best among its pairs; ratings inside a note do not
 * count, except the convention that `必有1个名额` (a quota guaranteed by the rules) counts as 很有可能.
 */
import { memoByText } from '../../memo';
import { isGroupPhrase } from '../../units';
import { RATING_WORDS } from '../../vocab';
import { lines, toHalfWidth } from '../../text';

export const RATINGS = RATING_WORDS;
export type Rating = (typeof RATINGS)[number];

export function ratingRank(r: Rating): number {
  return RATINGS.indexOf(r);
}

export function isAtLeastLikely(r: Rating): boolean {
  return ratingRank(r) <= 1;
}

/** The rating a phrase states; `有可能` is a substring of `很有可能`, so the longer word wins. */
export function ratingIn(text: string): Rating | null {
  return RATINGS.find((r) => text.includes(r)) ?? null;
}

export interface RatedUnit {
  /** The unit as written (trimmed). */
  readonly unit: string;
  readonly rating: Rating;
  /** 0-based line index within the cell. */
  readonly line: number;
}

export interface Assessment {
  readonly pairs: readonly RatedUnit[];
  /** Ratings stated without a particular unit: a bare rating or a group phrase (`县市均有可能`). */
  readonly unnamed: readonly Rating[];
  readonly notes: readonly string[];
  /** A note says a quota is guaranteed (`必有1个名额`). */
  readonly guaranteed: boolean;
  /** Lines outside notes that hold no known rating. */
  readonly unrated: readonly string[];
}

export interface DerivedRating {
  readonly rating: Rating | null;
  /** Why: the rating came from the guarantee convention rather than the pairs. */
  readonly byGuarantee: boolean;
}

/** Split text into its main part and its parenthesised notes (nesting-aware, both bracket widths). */
export function splitNotes(text: string): { main: string; notes: string[] } {
  const s = toHalfWidth(text);
  let depth = 0;
  let main = '';
  let note = '';
  const notes: string[] = [];
  for (const ch of s) {
    if (ch === '(') {
      if (depth > 0) note += ch;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        notes.push(note.trim());
        note = '';
      } else note += ch;
    } else if (depth > 0) note += ch;
    else main += ch;
  }
  if (depth > 0 && note !== '') notes.push(note.trim());
  return { main, notes };
}

const GUARANTEE = /必有\s*[1一]\s*个?名额/;

/** Parsed once per text (memo.ts): the same assessment recurs row after row; results are only read. */
export function parseAssessment(text: string): Assessment {
  return assessmentOf(text);
}

const assessmentOf = memoByText(readAssessment);

/** `龙山县（有可能）`: a rating in brackets after a unit is the pair `龙山县：有可能`, not a note (half-width brackets here). */
const BRACKETED_RATING = new RegExp(`([^\\s():：、，,;；]+?)\\s*\\((${RATINGS.join('|')})\\)`, 'g');
/** `龙山县-有可能`, `龙山县 有可能`: a unit, a dash or a space, then exactly a rating word. */
const SEPARATED_PAIR = new RegExp(`^(.+?)\\s*(?:[-—–~～]+|\\s)\\s*(${RATINGS.join('|')})$`);

function readAssessment(text: string): Assessment {
  // Only after a unit: `有可能（难度较大）` keeps its bracket as a note.
  const { main, notes } = splitNotes(toHalfWidth(text).replace(BRACKETED_RATING, (whole, unit: string, rating: string) => (ratingIn(unit) === null ? `${unit}:${rating}` : whole)));
  const pairs: RatedUnit[] = [];
  const unnamed: Rating[] = [];
  const unrated: string[] = [];
  lines(main).forEach((line, i) => {
    const colon = line.search(/[:：]/);
    if (colon > 0) {
      const unit = line.slice(0, colon).trim();
      const rating = ratingIn(line.slice(colon + 1));
      if (!rating) {
        unrated.push(line);
        return;
      }
      if (isGroupPhrase(unit)) unnamed.push(rating);
      else pairs.push({ unit, rating, line: i });
      return;
    }
    const sep = SEPARATED_PAIR.exec(line);
    const unit = sep?.[1]?.trim() ?? '';
    if (sep && unit !== '' && ratingIn(unit) === null) {
      const rating = sep[2] as Rating;
      if (isGroupPhrase(unit)) unnamed.push(rating);
      else pairs.push({ unit, rating, line: i });
      return;
    }
    const rating = ratingIn(line);
    if (rating) unnamed.push(rating);
    else unrated.push(line);
  });
  return { pairs, unnamed, notes, guaranteed: notes.some((n) => GUARANTEE.test(n)), unrated };
}

export interface RatingSettings {
  /** The `必有1个名额` convention: an item whose note guarantees a quota counts as 很有可能. */
  readonly guaranteedQuotaIsVeryLikely: boolean;
}

export function deriveItemRating(a: Assessment, settings: RatingSettings): DerivedRating {
  let best: Rating | null = null;
  // The pairs' ratings, then the unnamed ones (no array of them made per item).
  for (const p of a.pairs) if (best === null || ratingRank(p.rating) < ratingRank(best)) best = p.rating;
  for (const r of a.unnamed) if (best === null || ratingRank(r) < ratingRank(best)) best = r;
  if (a.guaranteed && settings.guaranteedQuotaIsVeryLikely && best !== '很有可能') {
    return { rating: '很有可能', byGuarantee: true };
  }
  return { rating: best, byGuarantee: false };
}
