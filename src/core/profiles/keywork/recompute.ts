/**
 * Profile B recomputed from the tables: counts and shares per progress class (overall and per lead
 * unit), the lagging targets, the livelihood projects done / on schedule (all, provincial, city) with
 * each row's percentage, and a draft of the 通报's headline paragraph in its own wording.
 */
import type { Category, LivelihoodProjects, LivelihoodRow } from '../../annexes/livelihood-projects/read';
import type { ProgressClass } from './schemas';
import { formatShare, largestRemainderShares } from './shares';
import type { TargetProgress, TargetRow } from '../../annexes/target-progress/read';

export interface ClassCounts {
  readonly total: number;
  readonly done: number;
  readonly onSchedule: number;
  readonly lagging: number;
  /** Rows without a (single) mark or a recognised 进度评价. */
  readonly unmarked: number;
}

export interface ClassShares {
  /** Percent, one decimal, largest-remainder rounded (with `unmarked` they add up to 100). */
  readonly done: number;
  readonly onSchedule: number;
  readonly lagging: number;
  readonly unmarked: number;
}

export interface ClassTally {
  readonly counts: ClassCounts;
  readonly shares: ClassShares;
}

export interface UnitTally extends ClassTally {
  /** The unit as first written. */
  readonly unit: string;
}

export interface LaggingTarget {
  readonly seq: number | null;
  readonly target: string;
  readonly units: readonly string[];
  readonly sheet: string;
  readonly cell: string;
}

/** One target as the summary's helper table lists it: its units named as `byUnit` names them. */
export interface TargetRecompute {
  readonly seq: number | null;
  readonly target: string;
  readonly units: readonly string[];
  readonly cls: ProgressClass | null;
  readonly sheet: string;
  readonly cell: string;
}

export interface TargetsRecompute extends ClassTally {
  /** Every target, in the table's order. */
  readonly rows: readonly TargetRecompute[];
  /** A target with two lead units counts for both here, and once in the overall counts. */
  readonly byUnit: readonly UnitTally[];
  readonly lagging: readonly LaggingTarget[];
  /** The targets the note names as district-level livelihood items. */
  readonly livelihoodSeqs: readonly number[];
}

export interface LivelihoodRowRecompute {
  readonly sheet: string;
  /** The 量化数据 cell. */
  readonly cell: string;
  readonly seq: number | null;
  readonly category: Category | null;
  readonly label: string;
  readonly target: string;
  readonly achieved: string | null;
  /** achieved ÷ target in percent, when both are stated in the same unit. */
  readonly recomputedPercent: number | null;
  /** 量化数据 as stored, in percent; null when blank. */
  readonly statedPercent: number | null;
  readonly status: ProgressClass | null;
}

export interface LivelihoodRecompute {
  readonly projects: number;
  readonly all: ClassTally;
  readonly provincial: ClassTally;
  readonly city: ClassTally;
  readonly rows: readonly LivelihoodRowRecompute[];
}

export interface KeyworkRecompute {
  readonly targets: TargetsRecompute | null;
  readonly livelihood: LivelihoodRecompute | null;
  /** The 通报's headline paragraph redrafted from the recomputed figures. */
  readonly headline: { readonly 'zh-CN': string; readonly 'en-US': string } | null;
}

function countClasses(classes: readonly (ProgressClass | null)[]): ClassCounts {
  const n = (c: ProgressClass) => classes.filter((x) => x === c).length;
  return { total: classes.length, done: n('done'), onSchedule: n('onSchedule'), lagging: n('lagging'), unmarked: classes.filter((x) => x === null).length };
}

export function withShares(counts: ClassCounts): ClassTally {
  const [done = 0, onSchedule = 0, lagging = 0, unmarked = 0] = largestRemainderShares([counts.done, counts.onSchedule, counts.lagging, counts.unmarked]);
  return { counts, shares: { done, onSchedule, lagging, unmarked } };
}

export function tallyTargets(rows: readonly TargetRow[]): ClassCounts {
  return countClasses(rows.map((r) => r.cls));
}

export function tallyLivelihood(rows: readonly LivelihoodRow[]): { all: ClassCounts; provincial: ClassCounts; city: ClassCounts } {
  const of = (list: readonly LivelihoodRow[]) => countClasses(list.map((r) => r.cls));
  return {
    all: of(rows),
    provincial: of(rows.filter((r) => r.category === 'provincial')),
    city: of(rows.filter((r) => r.category === 'city')),
  };
}

export function recomputeTargets(t: TargetProgress): TargetsRecompute {
  const units = new Map<string, { unit: string; classes: (ProgressClass | null)[] }>();
  for (const r of t.rows) {
    r.unitKeys.forEach((key, i) => {
      const u = units.get(key) ?? { unit: r.units[i] ?? key, classes: [] };
      // A unit named twice in one cell still counts the target once.
      if (r.unitKeys.indexOf(key) === i) u.classes.push(r.cls);
      units.set(key, u);
    });
  }
  const nameOf = (key: string) => units.get(key)?.unit ?? key;
  return {
    ...withShares(tallyTargets(t.rows)),
    rows: t.rows.map((r) => ({ seq: r.seq, target: r.target, units: [...new Set(r.unitKeys)].map(nameOf), cls: r.cls, sheet: t.sheet, cell: r.targetCell })),
    byUnit: [...units.values()].map((u) => ({ unit: u.unit, ...withShares(countClasses(u.classes)) })),
    lagging: t.rows.filter((r) => r.cls === 'lagging').map((r) => ({ seq: r.seq, target: r.target, units: r.units, sheet: t.sheet, cell: r.targetCell })),
    livelihoodSeqs: t.livelihoodSeqs,
  };
}

export function recomputeLivelihood(l: LivelihoodProjects): LivelihoodRecompute {
  const t = tallyLivelihood(l.rows);
  return {
    projects: l.projects,
    all: withShares(t.all),
    provincial: withShares(t.provincial),
    city: withShares(t.city),
    rows: l.rows.map((r) => ({
      sheet: l.sheet,
      cell: r.pctCell,
      seq: r.seq,
      category: r.category,
      label: r.label,
      target: r.targetText,
      achieved: r.achieved?.text ?? null,
      recomputedPercent: r.recomputedPercent,
      statedPercent: r.pct.kind === 'percent' ? r.pct.percent : null,
      status: r.cls,
    })),
  };
}

/** `《2024年<政府工作报告>目标任务分解》` out of the 附件1 title. */
function documentName(title: string | null): string {
  const m = title ? /《[^》]+》/.exec(title) : null;
  return m?.[0] ?? '';
}

function zhClauses(t: ClassTally, word: string, withLagging: boolean): string {
  const parts = [
    `已完成年度目标任务的${t.counts.done}${word}，占${formatShare(t.shares.done)}%`,
    `达到时间与进度同步的${t.counts.onSchedule}${word}，占${formatShare(t.shares.onSchedule)}%`,
  ];
  if (withLagging || t.counts.lagging > 0) parts.push(`进展相对滞后的${t.counts.lagging}${word}，占${formatShare(t.shares.lagging)}%`);
  if (t.counts.unmarked > 0) parts.push(`未标明进度的${t.counts.unmarked}${word}，占${formatShare(t.shares.unmarked)}%`);
  return parts.join('；');
}

function enClauses(t: ClassTally, withLagging: boolean): string {
  const parts = [
    `${t.counts.done} (${formatShare(t.shares.done)}%) have met the annual target`,
    `${t.counts.onSchedule} (${formatShare(t.shares.onSchedule)}%) are on schedule`,
  ];
  if (withLagging || t.counts.lagging > 0) parts.push(`${t.counts.lagging} (${formatShare(t.shares.lagging)}%) are lagging`);
  if (t.counts.unmarked > 0) parts.push(`${t.counts.unmarked} (${formatShare(t.shares.unmarked)}%) carry no progress rating`);
  return parts.join('; ');
}

/** The headline paragraph of the 通报 (section 一), from the recomputed figures. */
export function draftHeadline(
  targets: TargetsRecompute | null,
  targetTitle: string | null,
  livelihood: LivelihoodRecompute | null,
): { 'zh-CN': string; 'en-US': string } | null {
  const zh: string[] = [];
  const en: string[] = [];
  if (targets) {
    const incl = targets.livelihoodSeqs.length > 0;
    zh.push(`${documentName(targetTitle)}${incl ? '（含区级民生实事）' : ''}${targets.counts.total}项目标任务中，${zhClauses(targets, '项', true)}。`);
    en.push(`Of the ${targets.counts.total} targets${incl ? ' (including district livelihood items)' : ''}, ${enClauses(targets, true)}.`);
  }
  if (livelihood && livelihood.all.counts.total > 0) {
    zh.push(`${livelihood.all.counts.total}件省市重点民生实事中，${zhClauses(livelihood.all, '件', false)}。`);
    en.push(`Of the ${livelihood.all.counts.total} provincial and city livelihood projects, ${enClauses(livelihood.all, false)}.`);
    const parts: string[] = [];
    const partsEn: string[] = [];
    if (livelihood.provincial.counts.total > 0) {
      parts.push(`${livelihood.provincial.counts.total}件省级重点民生实事中，${zhClauses(livelihood.provincial, '件', false)}`);
      partsEn.push(`of the ${livelihood.provincial.counts.total} provincial ones, ${enClauses(livelihood.provincial, false)}`);
    }
    if (livelihood.city.counts.total > 0) {
      parts.push(`${livelihood.city.counts.total}件市级重点民生实事中，${zhClauses(livelihood.city, '件', false)}`);
      partsEn.push(`of the ${livelihood.city.counts.total} city ones, ${enClauses(livelihood.city, false)}`);
    }
    if (parts.length > 0) {
      zh.push(`其中${parts.join('；')}。`);
      en.push(`Among them, ${partsEn.join('; ')}.`);
    }
  }
  if (zh.length === 0) return null;
  return { 'zh-CN': zh.join(''), 'en-US': en.join(' ') };
}
