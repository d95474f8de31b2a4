/**
 * Counts stated in progress narratives (附件4 最新进展):
 * `共有考核指标N项，截止目前已完成a项，未完成b项`, with levels 大项/大类 (major) and 小项/子项/二级指标 (minor),
 * Chinese numerals, `除N项附加项外` exclusions and parenthesised breakdowns `未完成11项（难度较大8项，不太可能2项）`.
 * Only what is stated completely enough to be sure is checked; everything else is left alone.
 */
import { parseCountToken, toHalfWidth } from '../../text';
import { execNotAfter } from '../../regex';
import { memoByText } from '../../memo';

export type Level = 'major' | 'minor' | 'bare';
export type LevelCounts = Partial<Record<Level, number>>;

export interface CountMention {
  readonly value: number;
  readonly level: Level;
  readonly text: string;
}

type ClauseRole = 'total' | 'scope' | 'done' | 'undone' | 'exclude';

interface Clause {
  readonly role: ClauseRole;
  readonly counts: LevelCounts;
  readonly text: string;
  /** Breakdown parts from a parenthesis right after the clause's count. */
  readonly breakdown?: { readonly parts: readonly number[]; readonly text: string };
  readonly conflicting: boolean;
}

export interface CountStatement {
  readonly total: LevelCounts;
  readonly exclude: number;
  readonly done: LevelCounts;
  readonly undone?: LevelCounts;
  readonly undoneBreakdown?: { readonly parts: readonly number[]; readonly text: string };
  /** The clause texts, for messages. */
  readonly text: { readonly total: string; readonly done: string; readonly undone?: string };
}

/** A count; it must not continue another number (checked by `execNotAfter`, old webviews lack lookbehind). */
const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+)(?![\\d.])';
const MENTION = new RegExp(`${NUM}\\s*(个)?\\s*(大项|大类|小项|子项|二级指标|项(?!目)|个(?![月人户村项]))`, 'g');

function levelOf(unit: string): Level {
  if (unit === '大项' || unit === '大类') return 'major';
  if (unit === '小项' || unit === '子项' || unit === '二级指标') return 'minor';
  return 'bare';
}

export function mentionsIn(clause: string): CountMention[] {
  const out: CountMention[] = [];
  MENTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = execNotAfter(MENTION, clause, /[\d.]/)) !== null) {
    const value = parseCountToken(m[1] ?? '');
    const unit = m[3] ?? '';
    if (value === null || unit === '') continue;
    // `一是`, `第一` etc. never reach here (no unit); a lone Chinese numeral before 个 that is part of a word is rare.
    out.push({ value, level: levelOf(unit), text: m[0] });
  }
  return out;
}

/** Remove parenthesised parts, remembering each one's position (nesting-aware). */
function stripParens(s: string): { text: string; parens: { at: number; text: string }[] } {
  let depth = 0;
  let text = '';
  let cur = '';
  const parens: { at: number; text: string }[] = [];
  for (const ch of s) {
    if (ch === '(') {
      if (depth > 0) cur += ch;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        parens.push({ at: text.length, text: cur });
        cur = '';
      } else cur += ch;
    } else if (depth > 0) cur += ch;
    else text += ch;
  }
  return { text, parens };
}

// Forecasts (`预计能按时完成14项`) and over-fulfilment (`2项超额完成`) are not done counts.
const FORECAST = /预计|计划|力争|拟/;
const OVER = /超额/;

function classify(clause: string): ClauseRole | null {
  if (/完成/.test(clause) && (FORECAST.test(clause) || OVER.test(clause))) return null;
  if (/^除.*外$/.test(clause) || /除.+外/.test(clause)) return 'exclude';
  if (/未完成|尚未完成|没有完成|未达成/.test(clause)) return 'undone';
  if (/完成/.test(clause)) return 'done';
  if (/涉及/.test(clause) && !/共/.test(clause)) return 'scope';
  if (/共|考核|指标|细则/.test(clause)) return 'total';
  return null;
}

function toCounts(ms: readonly CountMention[]): { counts: LevelCounts; conflicting: boolean } {
  const counts: LevelCounts = {};
  let conflicting = false;
  for (const m of ms) {
    if (counts[m.level] !== undefined) conflicting = true;
    else counts[m.level] = m.value;
  }
  return { counts, conflicting };
}

function clausesOf(text: string): Clause[] {
  const half = toHalfWidth(text);
  const out: Clause[] = [];
  // Sentences first, so a clause never spans a full stop or a line.
  for (const sentence of half.split(/[。\n]+/)) {
    const { text: bare, parens } = stripParens(sentence);
    let offset = 0;
    for (const raw of bare.split(/([,，;；:：])/)) {
      if (/^[,，;；:：]$/.test(raw)) {
        offset += raw.length;
        continue;
      }
      const start = offset;
      offset += raw.length;
      const clause = raw.trim();
      if (clause === '') continue;
      const ms = mentionsIn(clause);
      if (ms.length === 0) continue;
      const role = classify(clause);
      if (!role) continue;
      const { counts, conflicting } = toCounts(ms);
      // A parenthesis that directly follows this clause's text is its breakdown.
      const paren = parens.find((p) => p.at === offset || p.at === start + raw.trimEnd().length);
      let breakdown: Clause['breakdown'];
      if (paren && role === 'undone') {
        const parts = paren.text.split(/[,，、;；]/).flatMap((p) => mentionsIn(p).slice(0, 1).map((m) => m.value));
        const partCount = paren.text.split(/[,，、;；]/).filter((p) => p.trim() !== '').length;
        if (parts.length >= 2 && parts.length === partCount) breakdown = { parts, text: paren.text };
      }
      out.push({ role, counts, text: clause, conflicting, ...(breakdown ? { breakdown } : {}) });
    }
  }
  return out;
}

/**
 * Pair the clauses of a text into statements: a total (with an optional exclusion or scope), then
 * done and undone counts in either order. Several done/undone pairs after one total (one per county)
 * are separate statements. A clause with two counts of the same level is ambiguous and dropped.
 */
export function parseCountStatements(text: string): readonly CountStatement[] {
  return countStatementsOf(text);
}

/** Parsed once per text (memo.ts): results are read, never changed. */
const countStatementsOf = memoByText(parseStatements);

function parseStatements(text: string): CountStatement[] {
  const out: CountStatement[] = [];
  let total: { counts: LevelCounts; text: string } | null = null;
  let exclude = 0;
  let done: Clause | null = null;
  let undone: Clause | null = null;
  let lastRole: ClauseRole | null = null;
  // Two done counts in a row (`完成年度任务6个，完成时序进度2个`) make the statement ambiguous until the next total.
  let ambiguous = false;
  const flush = (): void => {
    if (total && done && !ambiguous) {
      out.push({
        total: total.counts,
        exclude,
        done: done.counts,
        ...(undone ? { undone: undone.counts } : {}),
        ...(undone?.breakdown ? { undoneBreakdown: undone.breakdown } : {}),
        text: { total: total.text, done: done.text, ...(undone ? { undone: undone.text } : {}) },
      });
    }
    done = null;
    undone = null;
  };
  for (const c of clausesOf(text)) {
    if (c.conflicting) {
      // e.g. `泸溪县48项完成44项`: a different statement form, not a done count.
      flush();
      continue;
    }
    switch (c.role) {
      case 'total':
        {
          const prev = total as { counts: LevelCounts; text: string } | null;
          if (lastRole === 'total' && prev && !done && !undone && (Object.keys(c.counts) as Level[]).every((k) => prev.counts[k] === undefined)) {
            // `共有考核指标5大项，19个二级指标`: one total stated at two levels.
            total = { counts: { ...prev.counts, ...c.counts }, text: `${prev.text}，${c.text}` };
            break;
          }
        }
        flush();
        total = { counts: c.counts, text: c.text };
        exclude = 0;
        ambiguous = false;
        break;
      case 'scope':
        if (total && !done) total = { counts: c.counts, text: c.text };
        break;
      case 'exclude':
        exclude = Object.values(c.counts)[0] ?? 0;
        break;
      case 'done':
        if (done && !undone) ambiguous = true;
        done = c;
        if (undone) flush();
        break;
      case 'undone':
        if (undone && !done) ambiguous = true;
        undone = c;
        if (done) flush();
        break;
    }
    lastRole = c.role;
  }
  if (done) flush();
  // An undone count seen before its done count: re-pair in a second pass is not needed for the forms seen.
  return out;
}

export type SumCheck =
  | { readonly status: 'ok'; readonly level: Level; readonly total: number; readonly done: number }
  | { readonly status: 'mismatch'; readonly explicit: boolean; readonly totals: readonly number[]; readonly sum: number; readonly level: Level }
  | { readonly status: 'incomplete'; readonly level?: Level; readonly total?: number; readonly done?: number };

function only<T>(xs: readonly T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

/**
 * Check total = done + undone at a consistent level. Levels: explicit on both parts and the total →
 * a mismatch is an error; bare counts resolved against the total's level(s) → a mismatch is a warning.
 */
export function checkStatement(s: CountStatement): SumCheck {
  const levelsOf = (c: LevelCounts): Level[] => (Object.keys(c) as Level[]).filter((k) => c[k] !== undefined);
  const totalLevels = levelsOf(s.total);
  const doneLevels = levelsOf(s.done);
  const value = (c: LevelCounts, l: Level): number => c[l] ?? 0;

  // The level at which done (and undone) are stated.
  let partLevel: Level | undefined;
  let inferred = false;
  const undone = s.undone;
  if (undone) {
    const undoneLevels = levelsOf(undone);
    const common = doneLevels.filter((l) => undoneLevels.includes(l));
    if (common.includes('minor')) partLevel = 'minor';
    else if (common.includes('major')) partLevel = 'major';
    else if (common.includes('bare')) partLevel = 'bare';
    else {
      // One side explicit, the other bare: the bare side takes the explicit level (inferred).
      const d = only(doneLevels);
      const u = only(undoneLevels);
      if (d && u && (d === 'bare' || u === 'bare')) {
        partLevel = d === 'bare' ? u : d;
        inferred = true;
      } else return { status: 'incomplete' };
    }
  } else {
    partLevel = doneLevels.includes('minor') ? 'minor' : doneLevels.includes('major') ? 'major' : doneLevels.includes('bare') ? 'bare' : undefined;
    if (!partLevel) return { status: 'incomplete' };
  }

  // Totals that this level can be compared with.
  let candidates: Level[];
  if (partLevel === 'bare') {
    if (totalLevels.includes('bare')) candidates = ['bare'];
    else {
      candidates = totalLevels;
      inferred = true;
    }
  } else if (totalLevels.includes(partLevel)) candidates = [partLevel];
  else if (totalLevels.length === 1 && totalLevels[0] === 'bare') {
    candidates = ['bare'];
    inferred = true;
  } else return { status: 'incomplete' };
  if (candidates.length === 0) return { status: 'incomplete' };

  // Each side's own count at the part level (a bare side counts at the level it was resolved to).
  const sideValue = (c: LevelCounts): number => c[partLevel] ?? c.bare ?? 0;
  const doneValue = sideValue(s.done);
  if (!undone) {
    const only1 = only(candidates);
    if (!only1) return { status: 'incomplete' };
    return { status: 'incomplete', level: only1, total: value(s.total, only1) - s.exclude, done: doneValue };
  }
  const undoneValue = sideValue(undone);
  const sum = doneValue + undoneValue;
  const totals = candidates.map((l) => value(s.total, l) - s.exclude);
  const hit = candidates.findIndex((_, i) => totals[i] === sum);
  if (hit >= 0) {
    const level = candidates[hit] ?? partLevel;
    return { status: 'ok', level, total: totals[hit] ?? sum, done: doneValue };
  }
  return { status: 'mismatch', explicit: !inferred && candidates.length === 1, totals, sum, level: partLevel };
}

/** `泸溪县48项完成44项，完成率达91.7%` — a stated rate next to its own counts. */
export interface StatedRate {
  readonly total: number;
  readonly done: number;
  /** In percent, as written. */
  readonly percent: number;
  readonly decimals: number;
  readonly text: string;
}

const RATE = /(\d+)\s*项\s*(?:中\s*)?(?:已\s*)?完成\s*(\d+)\s*项\s*[,，]?\s*完成率(?:达到?|为|是)?\s*(\d+(?:\.\d+)?)\s*%/g;

export function statedRates(text: string): readonly StatedRate[] {
  return statedRatesOf(text);
}

const statedRatesOf = memoByText(parseRates);

function parseRates(text: string): StatedRate[] {
  const half = toHalfWidth(text);
  const out: StatedRate[] = [];
  RATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RATE.exec(half)) !== null) {
    const pct = m[3] ?? '0';
    out.push({
      total: Number(m[1]),
      done: Number(m[2]),
      percent: Number(pct),
      decimals: pct.includes('.') ? (pct.split('.')[1] ?? '').length : 0,
      text: m[0],
    });
  }
  return out;
}
