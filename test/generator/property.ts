/**
 * The random-edition property (issue 18, item 9), used by property.test.ts and regressions.test.ts, over a seeded run of editions of both samples:
 *  1. an edition (the sample transformed without changing its meaning) gives exactly the sample's own
 *     error-level findings — same rules, same annexes — and no other error;
 *  2. an edition with one planted inconsistency gets it found by the same rules that find it in the sample;
 *  3. degrade, never flood: an edition has at most one warning more than the sample per transformation step (a
 *     remark said once for a cause — a unit written another way — never one per cell or per item).
 * A failure is shrunk to the fewest transformation steps that still fail and printed with its seed; keep it
 * as a regular test in regressions.test.ts. GEN_EDITIONS sets the number of editions (default 200, half per
 * sample), GEN_SEED the first seed.
 */
import { auditWorkbook, type Audit } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { setCell } from '../helpers/grids';
import { sampleGrids } from '../helpers/grids';
import { build, inWords, sampleSheetOf, type Edition, type Profile, type Step } from './editions';
import { parseA1 } from '../../src/core/grid';

export const N = Number(process.env['GEN_EDITIONS'] ?? 200);
export const SEED = Number(process.env['GEN_SEED'] ?? 20261206);

/** Error-level findings as `code @ sample sheet`, sorted (cells move with the transformations). */
export function errorsOf(a: Audit, e: Pick<Edition, 'sheetOf' | 'regions'>): string[] {
  return a.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code} @ ${sampleSheetOf(e, f.sheet, f.cell)}`)
    .sort();
}

/** What `planted` adds to `before`, as a multiset difference. */
function added(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  const out: string[] = [];
  for (const x of after) {
    const i = left.indexOf(x);
    if (i >= 0) left.splice(i, 1);
    else out.push(x);
  }
  return out.sort();
}

/**
 * Plant one inconsistency where the engine reads it in this edition: profile A, one more 很有可能 in a unit's
 * row of 附件1; profile B, the 通报's count of lagging targets one higher, written the way the edition writes it.
 * Returns the planted grids, or null when the edition gives no place to plant.
 */
export function planted(e: Edition, a: Audit, k: number): Grid[] | null {
  const grids = e.grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  if (e.profile === 'incentive') {
    const rows = a.records['rating-tally']?.rows ?? [];
    const row = rows[k % Math.max(1, rows.length)];
    const c = row?.counts.veryLikely;
    if (!row || !c || c.cell === '') return null;
    const g = grids.find((x) => x.name === a.records['rating-tally']?.sheet);
    if (!g) return null;
    setCell(g, c.cell, (c.value ?? 0) + 1);
    return grids;
  }
  const report = a.records['report-text'];
  const fig = report?.figures.find((f) => f.group === 'targets' && f.cls === 'lagging' && f.source === 'headline');
  if (!report || !fig) return null;
  const g = grids.find((x) => x.name === report.sheet);
  const at = parseA1(fig.cell);
  if (!g || !at) return null;
  const text = String(g.values[at.row]?.[at.col] ?? '');
  const more = fig.phrase.replace(/(\d+|[０-９]+|[零一二两三四五六七八九十百]+)(?=\s*项)/, (m) => {
    const n = fig.count + 1;
    if (/^\d+$/.test(m)) return String(n);
    if (/^[０-９]+$/.test(m)) return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    return inWords(n);
  });
  if (more === fig.phrase || !text.includes(fig.phrase)) return null;
  setCell(g, fig.cell, text.replace(fig.phrase, more));
  return grids;
}

export interface Failure {
  readonly seed: number;
  readonly steps: readonly Step[];
  readonly what: string;
}

interface Base {
  grids: Grid[];
  errors: string[];
  warnings: number;
  plantedErrors: Map<number, string[]>;
}

const bases = new Map<Profile, Base>();

export async function base(profile: Profile): Promise<Base> {
  const known = bases.get(profile);
  if (known) return known;
  const grids = await sampleGrids(profile === 'incentive' ? 'incentive-2022.xlsx' : 'keywork-2024.xlsx');
  const e = build(profile, grids, []);
  const a = auditWorkbook(e.grids);
  const entry = { grids, errors: errorsOf(a, e), warnings: a.counts.warning, plantedErrors: new Map<number, string[]>() };
  bases.set(profile, entry);
  return entry;
}

/** The property for one edition; a message when it fails, null when it holds. */
export async function check(profile: Profile, steps: readonly Step[], k: number): Promise<string | null> {
  const b = await base(profile);
  const e = build(profile, b.grids, steps);
  const a = auditWorkbook(e.grids);
  const errors = errorsOf(a, e);
  if (JSON.stringify(errors) !== JSON.stringify(b.errors)) return `errors ${JSON.stringify(added(b.errors, errors))} added, ${JSON.stringify(added(errors, b.errors))} lost`;
  if (a.counts.warning > b.warnings + steps.length) {
    const extra = a.findings.filter((f) => f.severity === 'warning').map((f) => f.code);
    return `warnings flood: ${a.counts.warning} against the sample's ${b.warnings} after ${steps.length} steps (${[...new Set(extra)].join(', ')})`;
  }
  const g = planted(e, a, k);
  if (!g) return 'no place to plant the inconsistency (the tally or the 通报 figure was not read)';
  // The same plant in the sample itself: which rules find it there.
  let expected = b.plantedErrors.get(k);
  if (!expected) {
    const e0 = build(profile, b.grids, []);
    const a0 = auditWorkbook(e0.grids);
    const g0 = planted(e0, a0, k);
    expected = g0 ? added(b.errors, errorsOf(auditWorkbook(g0), e0)) : [];
    b.plantedErrors.set(k, expected);
  }
  const found = added(errors, errorsOf(auditWorkbook(g), e));
  if (expected.length === 0) return 'the plant is not found in the sample itself';
  if (JSON.stringify(found) !== JSON.stringify(expected)) return `planted: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`;
  return null;
}

/** The fewest steps (dropping one at a time) that still fail. */
export async function shrink(profile: Profile, steps: readonly Step[], k: number): Promise<Step[]> {
  let current = [...steps];
  let progress = true;
  while (progress && current.length > 1) {
    progress = false;
    for (let i = 0; i < current.length; i++) {
      const fewer = current.filter((_, j) => j !== i);
      if ((await check(profile, fewer, k)) !== null) {
        current = fewer;
        progress = true;
        break;
      }
    }
  }
  return current;
}

