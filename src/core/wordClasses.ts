/**
 * Unknown words as classes (issue 18, item 5). A status or rating column whose words the vocabulary does not
 * know, but that holds a small closed set of them (进展顺利 / 超额完成 / 有序推进中 …), is read as classes of
 * its own words: they are counted, and a count the narrative states with the same word is checked against
 * them. Known words keep their meaning. An unknown word never causes an error by itself.
 */
import { labelKey } from './text';

/** A closed set has at most this many distinct unknown words … */
const MAX_WORDS = 6;
/** … each short, as a class word is … */
const MAX_WORD_LENGTH = 10;

export interface WordClass {
  readonly word: string;
  readonly count: number;
}

/**
 * The unknown words of a column as classes, when they form a small closed set: few distinct short words, most
 * of the cells that hold one holding a word that repeats. Null when they do not (free text, one-off words:
 * those stay row by row).
 */
export function wordClasses(unknown: readonly string[]): WordClass[] | null {
  const counts = new Map<string, number>();
  for (const w of unknown) {
    const k = labelKey(w);
    if (k === '') continue;
    if (k.length > MAX_WORD_LENGTH || /\d/.test(k)) return null;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (counts.size === 0 || counts.size > MAX_WORDS || total < 3) return null;
  const repeated = [...counts.values()].filter((n) => n >= 2).reduce((a, b) => a + b, 0);
  if (repeated * 2 < total) return null;
  return [...counts.entries()].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

/** The class word a phrase of the narrative names: the longest table word it contains, or null. */
export function wordIn(phrase: string, classes: readonly WordClass[]): string | null {
  const k = labelKey(phrase);
  let best: string | null = null;
  for (const c of classes) if (k.includes(c.word) && (best === null || c.word.length > best.length)) best = c.word;
  return best;
}
