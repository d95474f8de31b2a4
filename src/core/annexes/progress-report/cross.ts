/** 附件4 covers the items of 附件3, under the same lead units (`cross/progress-*`). */
import { limit, sameItem } from '../../profiles/incentive/cross';
import type { FindingSink } from '../../finding';
import type { IncentiveAnalysis, AnalysisItem } from '../incentive-analysis/read';
import type { ProgressReport, ProgressItem } from './read';
import { listParam } from '../../i18n/lists';
import type { Rule } from '../types';
import { isShortening } from '../../units';

/** Fewer items than this are scanned for a shortened name; more are indexed (a scan per item is quadratic in rows). */
const SCAN_ITEMS = 256;
/** Shortened names are at least this long (`sameItem`). */
const MIN_SHORT = 4;

/**
 * The items whose name `sameItem` matches with `key`, in the items' order: by a scan of a short list, else
 * through the exact-name index (names inside `key`) and an index of each name's four-character pieces (names
 * holding `key`). The same items as `items.filter((p) => sameItem(p.itemKey, key))`.
 */
function containmentIndex(items: readonly ProgressItem[], byKey: ReadonlyMap<string, readonly ProgressItem[]>): (key: string) => readonly ProgressItem[] {
  const scan = (key: string) => items.filter((p) => sameItem(p.itemKey, key));
  if (items.length < SCAN_ITEMS) return scan;
  const order = new Map<ProgressItem, number>();
  items.forEach((p, i) => order.set(p, i));
  let pieces: Map<string, ProgressItem[]> | null = null;
  const piecesOf = (): Map<string, ProgressItem[]> => {
    if (pieces) return pieces;
    pieces = new Map();
    for (const p of items) {
      const k = p.itemKey;
      const seen = new Set<string>();
      for (let i = 0; i + MIN_SHORT <= k.length; i++) {
        const piece = k.slice(i, i + MIN_SHORT);
        if (seen.has(piece)) continue;
        seen.add(piece);
        const list = pieces.get(piece);
        if (list) list.push(p);
        else pieces.set(piece, [p]);
      }
    }
    return pieces;
  };
  return (key: string): readonly ProgressItem[] => {
    if (key === '') return [];
    // Names inside the key (as long as it at most): each of its substrings of MIN_SHORT characters or more.
    const substrings = (key.length * (key.length + 1)) / 2;
    if (substrings > items.length) return scan(key);
    const found = new Set<ProgressItem>();
    for (const p of byKey.get(key) ?? []) found.add(p);
    for (let i = 0; i < key.length; i++) {
      for (let j = i + MIN_SHORT; j <= key.length; j++) {
        for (const p of byKey.get(key.slice(i, j)) ?? []) if (sameItem(p.itemKey, key)) found.add(p);
      }
    }
    // Names holding the key (longer than it): they hold its first piece.
    if (key.length >= MIN_SHORT) {
      for (const p of piecesOf().get(key.slice(0, MIN_SHORT)) ?? []) if (sameItem(p.itemKey, key)) found.add(p);
    }
    return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

function compareProgress(progress: ProgressReport, analysis: IncentiveAnalysis, sink: FindingSink): void {
  const matched = new Set<ProgressItem>();
  const mismatched: { p: ProgressItem; it: AnalysisItem }[] = [];
  // Exact names through an index (linear in rows); the containment fallback only scans what is left.
  const byKey = new Map<string, ProgressItem[]>();
  for (const p of progress.items) {
    const list = byKey.get(p.itemKey);
    if (list) list.push(p);
    else byKey.set(p.itemKey, [p]);
  }
  const contains = containmentIndex(progress.items, byKey);
  for (const it of analysis.items) {
    const exact = (byKey.get(it.itemKey) ?? []).filter((p) => !matched.has(p));
    const candidates = exact.length > 0 ? exact : contains(it.itemKey).filter((p) => !matched.has(p));
    const p = candidates.find((c) => c.unitKey === it.unitKey) ?? candidates.find((c) => c.itemKey === it.itemKey) ?? candidates[0];
    if (!p) {
      sink.add('cross/progress-item-missing', { sheet: analysis.sheet, cell: it.itemCell }, { unit: it.unit, item: it.item, target: progress.sheet });
      continue;
    }
    matched.add(p);
    if (p.unitKey !== it.unitKey && p.unit !== '') mismatched.push({ p, it });
  }
  // Most matched items under another unit: the two annexes name their units differently. Said once.
  if (mismatched.length >= 3 && mismatched.length * 2 > matched.size) {
    const names = [...new Set(mismatched.map((m) => m.p.unit))];
    const sourceUnits = new Set(analysis.items.map((i) => i.unitKey));
    const MAX_NAMES = 10;
    sink.add('cross/units-unmatched', { sheet: progress.sheet, cell: mismatched[0]?.p.unitCell ?? 'A1' }, {
      source: progress.sheet,
      target: analysis.sheet,
      count: new Set(progress.items.map((i) => i.unitKey)).size,
      unmatched: names.filter((n) => !sourceUnits.has(mismatched.find((m) => m.p.unit === n)?.p.unitKey ?? '')).length,
      units: listParam(names, { max: MAX_NAMES }),
    }, { related: limit(mismatched.map((m) => ({ sheet: progress.sheet, cell: m.p.unitCell }))) });
  } else {
    // A name 附件3 never uses, on items 附件3 gives to one unit it shortens (州行审局 for 州行政审批服务局): said once.
    const sourceUnits = new Set(analysis.items.map((i) => i.unitKey));
    const targets = new Map<string, Set<string>>();
    for (const { p, it } of mismatched) targets.set(p.unitKey, (targets.get(p.unitKey) ?? new Set()).add(it.unitKey));
    const shortened = new Set<string>();
    for (const [name, of] of targets) {
      const [full] = of;
      if (of.size !== 1 || full === undefined || sourceUnits.has(name) || !isShortening(name, full)) continue;
      const uses = mismatched.filter((m) => m.p.unitKey === name);
      const first = uses[0];
      if (!first) continue;
      shortened.add(name);
      sink.add('units/shortened', { sheet: progress.sheet, cell: first.p.unitCell }, { unit: first.p.unit, alias: first.it.unit, source: analysis.sheet }, {
        related: limit(uses.map((m) => ({ sheet: analysis.sheet, cell: m.it.unitCell }))),
      });
    }
    for (const { p, it } of mismatched) {
      if (shortened.has(p.unitKey)) continue;
      sink.add('cross/progress-unit-mismatch', { sheet: progress.sheet, cell: p.unitCell }, { item: p.item, source: analysis.sheet }, {
        expected: it.unit,
        actual: p.unit,
        related: [{ sheet: analysis.sheet, cell: it.unitCell }],
      });
    }
  }
  for (const p of progress.items) {
    if (matched.has(p) || p.itemKey === '') continue;
    sink.add('cross/progress-item-extra', { sheet: progress.sheet, cell: p.itemCell }, { item: p.item, source: analysis.sheet });
  }
}

export const crossProgress: Rule = {
  id: 'cross-progress',
  kind: 'progress-report',
  needs: ['progress-report:progress-cross', 'incentive-analysis:analysis-progress'],
  run({ records, sink }) {
    const progress = records['progress-report']; const analysis = records['incentive-analysis'];
    if (progress && analysis) compareProgress(progress, analysis, sink);
  },
};
