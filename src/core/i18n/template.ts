/**
 * Filling a catalogue text's `{name}` placeholders: shared by the findings catalogue and the UI catalogue, apart
 * from both so that the UI texts do not pull the findings catalogue into a bundle that shows no findings yet.
 * A parameter is data — a text, a number, a text per language, a list or a grouped number — and is put into
 * words only here, in the reader's language, when the message is rendered at the edge.
 */
import type { Lang } from './spec';

/** A parameter that reads differently per language (a column's or a check's name), rendered at the edge. */
export type LocalizedParam = { readonly 'zh-CN': string; readonly 'en-US': string };
/** A list, joined in the reader's language at render time (`甲、乙` / `甲, 乙`); see `listParam`. */
export type ListParam = {
  readonly list: readonly (string | number | LocalizedParam)[];
  /** Name at most this many items, then say how many more. */
  readonly max?: number;
  /** The Chinese measure word of "n more" (`个` by default). */
  readonly measure?: string;
};
/** A number written with the reader's locale's digit grouping at render time (`12,345`); see `numberParam`. */
export type NumberParam = { readonly number: number };
export type ParamValue = string | number | LocalizedParam | ListParam | NumberParam;
export type Params = Readonly<Record<string, ParamValue>>;

/** What goes between two list items. */
export const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { 'zh-CN': '、', 'en-US': ', ' };

/** The items as a list in `lang`, naming at most `max` of them. */
export function joinList(items: readonly string[], lang: Lang, max?: number, measure?: string): string {
  const shown = max !== undefined ? items.slice(0, Math.max(0, max)) : items;
  const text = shown.join(LIST_SEPARATOR[lang]);
  const more = items.length - shown.length;
  if (more <= 0) return text;
  return lang === 'zh-CN' ? `${text}等（另有${more}${measure ?? '个'}）` : `${text} and ${more} more`;
}

/** A number with the digit grouping of `lang`. */
export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang);
}

/** One parameter in `lang`. */
export function renderParam(v: ParamValue, lang: Lang): string {
  if (typeof v !== 'object') return String(v);
  if ('list' in v) return joinList(v.list.map((x) => (typeof x === 'object' ? x[lang] : String(x))), lang, v.max, v.measure);
  if ('number' in v) return formatNumber(v.number, lang);
  return v[lang];
}

/** Fill `{name}` placeholders; a missing param renders as an empty string, never `undefined`. */
export function fillTemplate(template: string, params: Params, lang: Lang = 'zh-CN'): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? '' : renderParam(v, lang);
  });
}
