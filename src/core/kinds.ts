/**
 * The annex registry: one declarative entry per kind, each in its own folder (`annexes/<kind>/spec.ts`): its profile,
 * its name in the user's words, how its table is recognised (title and header text, never sheet name or position),
 * its typed columns, row keys, the checks it runs with the columns each needs, and its finding codes. Detection,
 * reading, the degrade-don't-flood gate, the generic checks, the usage text, diff/merge/template kind lists and the
 * findings catalogue derive from here; the compiler checks every kind is complete. A kind's behaviour (its reading,
 * rules and summary sheets) is registered beside it in `annexes/index.ts`.
 */
import type { AnnexKind, TableSpec } from './table';
import { listOf } from './i18n/lists';
import type { AnnexSpec, CheckSpec, Localized, Profile } from './annexes/common';
import { spec as ratingTally } from './annexes/rating-tally/spec';
import { spec as unitKeyItems } from './annexes/unit-key-items/spec';
import { spec as incentiveAnalysis } from './annexes/incentive-analysis/spec';
import { spec as progressReport } from './annexes/progress-report/spec';
import { spec as liaisonLog } from './annexes/liaison-log/spec';
import { spec as reportText } from './annexes/report-text/spec';
import { spec as targetProgress } from './annexes/target-progress/spec';
import { spec as livelihoodProjects } from './annexes/livelihood-projects/spec';
import { spec as taskDecomposition } from './annexes/task-decomposition/spec';

export type { AnnexSpec, CheckSpec, KeyPart, Localized, Profile } from './annexes/common';

/** Every kind's entry, in the order annexes are numbered in. */
export const ANNEXES = {
  'rating-tally': ratingTally,
  'unit-key-items': unitKeyItems,
  'incentive-analysis': incentiveAnalysis,
  'progress-report': progressReport,
  'liaison-log': liaisonLog,
  'report-text': reportText,
  'target-progress': targetProgress,
  'livelihood-projects': livelihoodProjects,
  'task-decomposition': taskDecomposition,
} as const satisfies { readonly [K in AnnexKind]: AnnexSpec & { readonly kind: K } };

/** Every kind, in registry order (the order annexes are numbered in). */
export const ANNEX_KINDS = Object.keys(ANNEXES) as AnnexKind[];

export const KIND_PROFILE = Object.fromEntries(ANNEX_KINDS.map((k) => [k, ANNEXES[k].profile])) as Record<AnnexKind, Profile>;

export const KIND_LABEL = Object.fromEntries(ANNEX_KINDS.map((k) => [k, ANNEXES[k].label])) as Record<AnnexKind, Localized>;

export const TABLE_SPECS: readonly TableSpec[] = ANNEX_KINDS.flatMap((k) => {
  const s: AnnexSpec = ANNEXES[k];
  return s.table ? [s.table] : [];
});

/** The kinds that are tables (every kind but the 通报): those with a template, a diff by row and a merge. */
export const TABLE_KINDS = ANNEX_KINDS.filter((k): k is Exclude<AnnexKind, 'report-text'> => tableSpecOf(k) !== undefined);

/** What the tool can check, per profile, in the reader's language (the pane's empty state). */
export function supportedKinds(lang: 'zh-CN' | 'en-US'): Record<Profile, string> {
  const list = (p: Profile) => listOf(ANNEX_KINDS.filter((k) => KIND_PROFILE[k] === p).map((k) => KIND_LABEL[k][lang]), lang);
  return { incentive: list('incentive'), keywork: list('keywork') };
}

export function annexSpec(kind: AnnexKind): AnnexSpec {
  return ANNEXES[kind];
}

export function isAnnexKind(s: string): s is AnnexKind {
  return Object.prototype.hasOwnProperty.call(ANNEXES, s);
}

export function tableSpecOf(kind: AnnexKind): TableSpec | undefined {
  const s: AnnexSpec = ANNEXES[kind];
  return s.table;
}

/** The columns a kind compares as numbers (diff), from their declared types: counts and percentages. */
export function numericColumns(kind: AnnexKind): readonly string[] {
  return (tableSpecOf(kind)?.columns ?? []).filter((c) => c.type === 'count' || c.type === 'percent').map((c) => c.key);
}

/** The checks of a kind that cannot run because a column they need was not placed. */
export function checksSkipped(kind: AnnexKind, missing: readonly string[]): CheckSpec[] {
  const s: AnnexSpec = ANNEXES[kind];
  return s.checks.filter((c) => c.needs.some((n) => missing.includes(n)));
}

