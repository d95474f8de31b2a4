export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en-US';

export interface FindingSpec {
  readonly severity: Severity;
  /** What the rule checks, for the docs (zh-CN / en-US). */
  readonly rule: { readonly 'zh-CN': string; readonly 'en-US': string };
  readonly message: { readonly 'zh-CN': string; readonly 'en-US': string };
}

export function spec(severity: Severity, ruleZh: string, ruleEn: string, zh: string, en: string): FindingSpec {
  return { severity, rule: { 'zh-CN': ruleZh, 'en-US': ruleEn }, message: { 'zh-CN': zh, 'en-US': en } };
}
