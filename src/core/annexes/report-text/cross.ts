/** The 通报's stated counts and shares against 附件1 / 附件2 (`report/*`). */
import type { Rule } from '../types';
import type { FindingSink } from '../../finding';
import type { LivelihoodProjects } from '../livelihood-projects/read';
import type { ReportText } from './read';
import { type ClassCounts, tallyLivelihood, tallyTargets } from '../../profiles/keywork/recompute';
import type { ProgressClass, ReportFigure, ReportGroup } from '../../profiles/keywork/schemas';
import { formatShare, largestRemainderShares, naiveShare } from '../../profiles/keywork/shares';
import type { TargetProgress } from '../target-progress/read';
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
function compareReport(
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

export const crossReport: Rule = {
  id: 'cross-report',
  kind: 'report-text',
  needs: [],
  run({ records, sink, enabled }) {
    const report = records['report-text']; const targets = records['target-progress']; const livelihood = records['livelihood-projects'];
    if (!report) return;
    // Compared only with annexes whose marks / statuses were read with confidence.
    compareReport(report, enabled('target-progress', 'target-marks') || enabled('target-progress', 'target-status') ? targets : undefined, enabled('livelihood-projects', 'livelihood-status') ? livelihood : undefined, sink);
  },
};
