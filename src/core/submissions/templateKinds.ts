/** Which annex kinds have a template, and the bundles `all-incentive` / `all-keywork`. */
import { KIND_LABEL, KIND_PROFILE, TABLE_KINDS } from '../kinds';
import type { AnnexKind } from '../table';
import { listOf } from '../i18n/lists';

export type TemplateKind = Exclude<AnnexKind, 'report-text'>;

/** Every table kind has a template (the registry's order). */
export const TEMPLATE_KINDS: readonly TemplateKind[] = TABLE_KINDS;

/** One bundle per profile: all of its table kinds, in the registry's order. */
export const TEMPLATE_BUNDLES: Readonly<Record<'all-incentive' | 'all-keywork', readonly TemplateKind[]>> = {
  'all-incentive': TABLE_KINDS.filter((k) => KIND_PROFILE[k] === 'incentive'),
  'all-keywork': TABLE_KINDS.filter((k) => KIND_PROFILE[k] === 'keywork'),
};

export type TemplateBundle = keyof typeof TEMPLATE_BUNDLES;

const BUNDLE_LABEL: Readonly<Record<TemplateBundle, { 'zh-CN': string; 'en-US': string }>> = {
  'all-incentive': { 'zh-CN': '激励事项研判全套附件', 'en-US': 'all incentive-appraisal annexes' },
  'all-keywork': { 'zh-CN': '重点工作推进全套附件', 'en-US': 'all key-work annexes' },
};

export function isTemplateKind(s: string): s is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(s);
}

export function isTemplateBundle(s: string): s is TemplateBundle {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_BUNDLES, s);
}

/** A template id (`rating-tally`, `all-incentive`, `rating-tally+liaison-log`) → its kinds; null when unknown. */
export function kindsOfTemplateId(id: string): TemplateKind[] | null {
  if (isTemplateBundle(id)) return [...TEMPLATE_BUNDLES[id]];
  const parts = id.split('+');
  if (parts.length === 0 || !parts.every(isTemplateKind)) return null;
  return parts as TemplateKind[];
}

/** A template id in the user's words. */
export function templateLabel(id: string, lang: 'zh-CN' | 'en-US'): string {
  if (isTemplateBundle(id)) return BUNDLE_LABEL[id][lang];
  const kinds = kindsOfTemplateId(id);
  if (!kinds) return id;
  return listOf(kinds.map((k) => KIND_LABEL[k][lang]), lang);
}

/** A template marker (`kind@version`, `all-keywork@3`) read back: its template id, annex kinds and layout version. */
export type ParsedMarker =
  | { readonly ok: true; readonly id: string; readonly kinds: readonly TemplateKind[]; readonly version: number }
  | { readonly ok: false };

export function parseMarker(text: string): ParsedMarker {
  const m = /^\s*([a-z-]+(?:\+[a-z-]+)*)@(\d{1,6})\s*$/.exec(text);
  if (!m?.[1] || m[2] === undefined) return { ok: false };
  const kinds = kindsOfTemplateId(m[1]);
  if (!kinds) return { ok: false };
  return { ok: true, id: m[1], kinds, version: Number(m[2]) };
}
