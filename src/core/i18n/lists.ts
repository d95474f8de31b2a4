/**
 * Lists in the reader's language: `甲、乙、丙` in Chinese, `甲, 乙, 丙` in English. Every list joined for a
 * message, a note or a finding parameter goes through here, so an English text never carries `、`.
 */
import type { Lang } from './spec';
import type { LocalizedParam } from './template';

/** What goes between two list items. */
export const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { 'zh-CN': '、', 'en-US': ', ' };

export interface ListOptions {
  /** Name at most this many items, then say how many more (`等（另有3个）` / ` and 3 more`). */
  readonly max?: number;
  /** The Chinese measure word of "n more" (`个` by default; `处` for places in a sheet). */
  readonly measure?: string;
}

/** The items as a list in `lang`. */
export function listOf(items: readonly (string | number)[], lang: Lang, options: ListOptions = {}): string {
  const shown = options.max !== undefined ? items.slice(0, Math.max(0, options.max)) : items;
  const text = shown.map(String).join(LIST_SEPARATOR[lang]);
  const more = items.length - shown.length;
  if (more <= 0) return text;
  return lang === 'zh-CN' ? `${text}等（另有${more}${options.measure ?? '个'}）` : `${text} and ${more} more`;
}

/** A text written per language, as a finding parameter rendered at the edge. */
export function localized(render: (lang: Lang) => string): LocalizedParam {
  return { 'zh-CN': render('zh-CN'), 'en-US': render('en-US') };
}

/** The items as a finding parameter: a list in each language. */
export function listParam(items: readonly (string | number)[], options: ListOptions = {}): LocalizedParam {
  return localized((lang) => listOf(items, lang, options));
}
