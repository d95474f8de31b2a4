/**
 * Cross-sheet rules of profile B: the 通报's stated counts and shares against 附件1 / 附件2, and unit
 * names written differently across the sheets.
 */
import type { FindingSink } from '../../finding';
import type { Settings } from '../../settings';
import type { LivelihoodProjects } from '../../annexes/livelihood-projects/read';
import type { ReportText } from '../../annexes/report-text/read';
import { type ClassCounts, tallyLivelihood, tallyTargets } from './recompute';
import type { ProgressClass, ReportFigure, ReportGroup } from './schemas';
import { formatShare, largestRemainderShares, naiveShare } from './shares';
import type { TargetProgress } from '../../annexes/target-progress/read';
import type { TaskDecomposition } from '../../annexes/task-decomposition/read';
import { canonicalDistrictUnit, isGroupUnit } from './units';
import { labelKey } from '../../text';
import { type WordClass, wordClasses, wordIn } from '../../wordClasses';

type Localized = { readonly 'zh-CN': string; readonly 'en-US': string };

/** The 通报's groups and classes in its own words (zh-CN) and in English, rendered per language. */
export const GROUP_LABEL: Readonly<Record<ReportGroup, Localized>> = {
  targets: { 'zh-CN': '目标任务', 'en-US': 'targets' },
  livelihood: { 'zh-CN': '省市重点民生实事', 'en-US': 'provincial and city livelihood projects' },
  provincial: { 'zh-CN': '省级重点民生实事', 'en-US': 'provincial livelihood projects' },
  city: { 'zh-CN': '市级重点民生实事', 'en-US': 'city livelihood projects' },
};

export const CLASS_LABEL: Readonly<Record<ProgressClass, Localized>> = {
  done: { 'zh-CN': '已完成年度目标任务的', 'en-US': 'done for the year' },
  onSchedule: { 'zh-CN': '达到时间与进度同步的', 'en-US': 'on schedule' },
  lagging: { 'zh-CN': '进展相对滞后的', 'en-US': 'lagging' },
};

function classParam(cls: ProgressClass): Localized {
  return { 'zh-CN': CLASS_LABEL[cls]['zh-CN'].replace(/的$/, ''), 'en-US': CLASS_LABEL[cls]['en-US'] };
}

const CLASS_ORDER: readonly ProgressClass[] = ['done', 'onSchedule', 'lagging'];

function measureWord(group: ReportGroup): string {
  return group === 'targets' ? '项' : '件';
}

/** Shares of a tally as published: largest remainder over the classes (unmarked rows kept apart). */
function publishedShares(c: ClassCounts): Record<ProgressClass, number> {
  const [done = 0, onSchedule = 0, lagging = 0] = largestRemainderShares([c.done, c.onSchedule, c.lagging, c.unmarked]);
  return { done, onSchedule, lagging };
}

function shareMatches(stated: number, decimals: number, count: number, total: number, published: number): boolean {
  if (Math.abs(stated - published) < 1e-6) return true;
  // Plain rounding at the precision the 通报 uses is fine too (`占80%`).
  return Math.abs(stated - naiveShare(count, total, Math.min(decimals, 6))) < 1e-6;
}

interface WordTally {
  readonly classes: readonly WordClass[];
  readonly counts: ReadonlyMap<string, number>;
  readonly source: string;
}

/** Per group, the table's own class words (a closed set the vocabulary does not know) and their counts. */
function ownWordTallies(targets: TargetProgress | undefined, livelihood: LivelihoodProjects | undefined): Partial<Record<ReportGroup, WordTally>> {
  const out: Partial<Record<ReportGroup, WordTally>> = {};
  const tally = (words: readonly string[], classes: readonly WordClass[], source: string): WordTally => {
    const counts = new Map<string, number>();
    for (const w of words) {
      const k = labelKey(w);
      if (classes.some((c) => c.word === k)) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return { classes, counts, source };
  };
  if (targets) {
    const unknown = targets.rows.filter((r) => r.cls === null && r.statusWord !== '').map((r) => r.statusWord);
    const classes = wordClasses(unknown);
    if (classes) out.targets = tally(unknown, classes, targets.sheet);
  }
  if (livelihood) {
    const unknown = livelihood.rows.filter((r) => r.cls === null && r.status !== '');
    const classes = wordClasses(unknown.map((r) => r.status));
    if (classes) {
      out.livelihood = tally(unknown.map((r) => r.status), classes, livelihood.sheet);
      out.provincial = tally(unknown.filter((r) => r.category === 'provincial').map((r) => r.status), classes, livelihood.sheet);
      out.city = tally(unknown.filter((r) => r.category === 'city').map((r) => r.status), classes, livelihood.sheet);
    }
  }
  return out;
}

/** A count the 通报 names with a table's own class word: compared with the rows that carry that word; other words are left alone. */
function checkWordFigure(f: ReportFigure, tally: WordTally | undefined, sheet: string, sink: FindingSink): void {
  if (!tally || f.word === undefined) return;
  const word = wordIn(f.word, tally.classes);
  if (word === null) return;
  const count = tally.counts.get(word) ?? 0;
  if (f.count === count) return;
  const unit = measureWord(f.group);
  sink.add(
    'report/count-mismatch',
    { sheet, cell: f.cell },
    { phrase: f.phrase, source: tally.source, group: GROUP_LABEL[f.group], class: { 'zh-CN': word, 'en-US': word } },
    { expected: `${count}${unit}`, actual: `${f.count}${unit}` },
  );
}

/**
 * The 通报's figures vs the tables. With the table at hand every stated count and share is compared
 * with the recomputed one; without it, the figures are checked against each other.
 */
export function crossReport(
  report: ReportText,
  targets: TargetProgress | undefined,
  livelihood: LivelihoodProjects | undefined,
  sink: FindingSink,
): void {
  const tallies: Partial<Record<ReportGroup, { counts: ClassCounts; source: string }>> = {};
  if (targets) tallies.targets = { counts: tallyTargets(targets.rows), source: targets.sheet };
  if (livelihood) {
    const t = tallyLivelihood(livelihood.rows);
    tallies.livelihood = { counts: t.all, source: livelihood.sheet };
    tallies.provincial = { counts: t.provincial, source: livelihood.sheet };
    tallies.city = { counts: t.city, source: livelihood.sheet };
  }
  const sheet = report.sheet;
  const byGroup = new Map<ReportGroup, ReportFigure[]>();
  const words = ownWordTallies(targets, livelihood);
  for (const f of report.figures) {
    if (f.word !== undefined) {
      checkWordFigure(f, words[f.group], sheet, sink);
      continue;
    }
    byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
  }

  for (const [group, figures] of byGroup) {
    const tally = tallies[group];
    const word = measureWord(group);
    if (tally) {
      const c = tally.counts;
      const published = publishedShares(c);
      for (const f of figures) {
        const at = { sheet, cell: f.cell };
        const params = { phrase: f.phrase, source: tally.source, group: GROUP_LABEL[group] };
        if (f.cls === null) {
          if (f.count !== c.total) sink.add('report/total-mismatch', at, params, { expected: `${c.total}${word}`, actual: `${f.count}${word}` });
          continue;
        }
        const cls = f.cls;
        const count = c[cls];
        const classParams = { ...params, class: classParam(cls) };
        // Rows without a clear mark (reported on their own) could belong to any class: a stated count
        // within their reach is not a second finding.
        if (f.count < count || f.count > count + c.unmarked) {
          sink.add('report/count-mismatch', at, classParams, { expected: `${count}${word}`, actual: `${f.count}${word}` });
          continue;
        }
        // A share is compared only where its count agrees: a wrong count already explains a wrong share.
        if (c.unmarked === 0 && f.share !== null && !shareMatches(f.share, f.shareDecimals, count, c.total, published[cls])) {
          sink.add('report/share-mismatch', at, classParams, { expected: `${formatShare(published[cls])}%`, actual: `${formatShare(f.share, f.shareDecimals)}%` });
        }
      }
      continue;
    }
    // No table: the stated figures must agree with each other.
    const headline = figures.filter((f) => f.source === 'headline');
    const total = headline.find((f) => f.cls === null);
    const parts = headline.filter((f) => f.cls !== null);
    if (!total || parts.length === 0) continue;
    const sum = parts.reduce((a, f) => a + f.count, 0);
    const complete = new Set(parts.map((f) => f.cls)).size === (group === 'targets' ? 3 : 2) || sum > total.count;
    if (complete && sum !== total.count) {
      sink.add('report/parts-sum', { sheet, cell: total.cell }, { group: GROUP_LABEL[group] }, { expected: sum, actual: total.count });
    }
    const counts = CLASS_ORDER.map((cls) => parts.find((f) => f.cls === cls)?.count ?? 0);
    const rest = Math.max(0, total.count - counts.reduce((a, x) => a + x, 0));
    const shares = largestRemainderShares([...counts, rest]);
    for (const f of parts) {
      if (f.share === null || f.cls === null) continue;
      const i = CLASS_ORDER.indexOf(f.cls);
      if (!shareMatches(f.share, f.shareDecimals, f.count, total.count, shares[i] ?? 0)) {
        sink.add(
          'report/share-mismatch',
          { sheet, cell: f.cell },
          { phrase: f.phrase, source: sheet, class: classParam(f.cls) },
          { expected: `${formatShare(shares[i] ?? 0)}%`, actual: `${formatShare(f.share, f.shareDecimals)}%` },
        );
      }
    }
  }
}

interface UnitMention {
  readonly written: string;
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * The same unit written two ways across the sheets (a long and a short form of the alias table, or
 * with and without the leading 区). Reported once per variant form, where it first appears.
 */
export function checkUnitVariants(
  targets: TargetProgress | undefined,
  livelihood: LivelihoodProjects | undefined,
  tasks: TaskDecomposition | undefined,
  settings: Settings,
  sink: FindingSink,
): void {
  const mentions: UnitMention[] = [];
  const add = (written: string, sheet: string, cell: string) => {
    const w = written.replace(/\s+/g, '');
    if (w === '' || isGroupUnit(w)) return;
    mentions.push({ written: w, key: canonicalDistrictUnit(w, settings.unitAliases).replace(/^区/, ''), sheet, cell });
  };
  for (const r of targets?.rows ?? []) for (const u of r.units) add(u, targets?.sheet ?? '', r.unitCell);
  for (const r of livelihood?.rows ?? []) if (r.unit !== '') add(r.unit, livelihood?.sheet ?? '', r.unitCell);
  for (const r of tasks?.rows ?? []) {
    for (const u of r.lead) add(u, tasks?.sheet ?? '', r.leadCell);
    for (const u of r.related) add(u, tasks?.sheet ?? '', r.relatedCell);
  }
  const byKey = new Map<string, UnitMention[]>();
  for (const m of mentions) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  for (const list of byKey.values()) {
    const forms = new Map<string, UnitMention[]>();
    for (const m of list) forms.set(m.written, [...(forms.get(m.written) ?? []), m]);
    if (forms.size < 2) continue;
    // The form used most often is the expected one; ties go to the first written.
    const ranked = [...forms.entries()].sort((a, b) => b[1].length - a[1].length);
    const [mainForm, mainMentions] = ranked[0] ?? ['', []];
    const main = mainMentions[0];
    if (!main) continue;
    for (const [form, ms] of ranked.slice(1)) {
      const first = ms[0];
      if (!first) continue;
      sink.add(
        'units/variant',
        { sheet: first.sheet, cell: first.cell },
        { otherSheet: main.sheet, otherCell: main.cell },
        { expected: mainForm, actual: form, related: [{ sheet: main.sheet, cell: main.cell }] },
      );
    }
  }
}
