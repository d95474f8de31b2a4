/**
 * Filling a catalogue text's `{name}` placeholders: shared by the findings catalogue and the UI catalogue, apart
 * from both so that the UI texts do not pull the findings catalogue into a bundle that shows no findings yet.
 */
import type { Lang } from './spec';

/** A parameter that reads differently per language (a column's or a check's name), rendered at the edge. */
export type LocalizedParam = { readonly 'zh-CN': string; readonly 'en-US': string };
export type ParamValue = string | number | LocalizedParam;
export type Params = Readonly<Record<string, ParamValue>>;

/** Fill `{name}` placeholders; a missing param renders as an empty string, never `undefined`. */
export function fillTemplate(template: string, params: Params, lang: Lang = 'zh-CN'): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return '';
    return typeof v === 'object' ? v[lang] : String(v);
  });
}
