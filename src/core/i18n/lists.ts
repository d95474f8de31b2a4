/**
 * Lists in the reader's language: `甲、乙、丙` in Chinese, `甲, 乙, 丙` in English. Every list joined for a
 * message, a note or a finding parameter goes through here, so an English text never carries `、`.
 */
import type { Lang } from './spec';
import { joinList, type ListParam, type LocalizedParam, type NumberParam } from './template';

export { LIST_SEPARATOR } from './template';

export interface ListOptions {
  /** Name at most this many items, then say how many more (`等（另有3个）` / ` and 3 more`). */
  readonly max?: number;
  /** The Chinese measure word of "n more" (`个` by default; `处` for places in a sheet). */
  readonly measure?: string;
}

/** The items as a list in `lang`. */
export function listOf(items: readonly (string | number)[], lang: Lang, options: ListOptions = {}): string {
  return joinList(items.map(String), lang, options.max, options.measure);
}

/** A text written per language, as a finding parameter rendered at the edge. */
export function localized(render: (lang: Lang) => string): LocalizedParam {
  return { 'zh-CN': render('zh-CN'), 'en-US': render('en-US') };
}

/** The items as a parameter: data, joined in the reader's language when the message is rendered. */
export function listParam(items: readonly (string | number | LocalizedParam)[], options: ListOptions = {}): ListParam {
  return {
    list: [...items],
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.measure !== undefined ? { measure: options.measure } : {}),
  };
}

/** A count or size as a parameter: grouped per the reader's locale when rendered (`12,345`). */
export function numberParam(n: number): NumberParam {
  return { number: n };
}
