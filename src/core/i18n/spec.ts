export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en-US';

export interface FindingSpec<Zh extends string = string, En extends string = string> {
  readonly severity: Severity;
  /** What the rule checks, for the docs (zh-CN / en-US). */
  readonly rule: { readonly 'zh-CN': string; readonly 'en-US': string };
  /** Message templates; their `{name}` placeholders are the code's typed parameters (see `FindingParams`). */
  readonly message: { readonly 'zh-CN': Zh; readonly 'en-US': En };
}

export function spec<const Zh extends string, const En extends string>(severity: Severity, ruleZh: string, ruleEn: string, zh: Zh, en: En): FindingSpec<Zh, En> {
  return { severity, rule: { 'zh-CN': ruleZh, 'en-US': ruleEn }, message: { 'zh-CN': zh, 'en-US': en } };
}

/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;
