export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en-US';

/**
 * What a finding says of a place, for codes that say what a generic check would also say (a blank, an unreadable
 * value, a number stored as text, a value out of range, a date, a merge, a duplicate, a total): where a kind's own
 * finding and a generic one of the same family fall on the same place, only the kind's is kept (genericTable.ts).
 */
export type Family = 'blank' | 'unreadable' | 'as-text' | 'range' | 'date' | 'merged' | 'duplicate' | 'total';

export interface FindingSpec<Zh extends string = string, En extends string = string> {
  readonly severity: Severity;
  /** The family, when the code says what a generic check would also say (`Family`). */
  readonly family?: Family;
  /** What the rule checks, for the docs (zh-CN / en-US). */
  readonly rule: { readonly 'zh-CN': string; readonly 'en-US': string };
  /** Message templates; their `{name}` placeholders are the code's typed parameters (see `FindingParams`). */
  readonly message: { readonly 'zh-CN': Zh; readonly 'en-US': En };
}

export function spec<const Zh extends string, const En extends string>(severity: Severity, ruleZh: string, ruleEn: string, zh: Zh, en: En, family?: Family): FindingSpec<Zh, En> {
  return { severity, rule: { 'zh-CN': ruleZh, 'en-US': ruleEn }, message: { 'zh-CN': zh, 'en-US': en }, ...(family ? { family } : {}) };
}

/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;
