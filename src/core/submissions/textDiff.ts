/**
 * Character diff of two narratives, for showing what changed inside a cell. Common prefix and suffix
 * are trimmed first; the middle is an LCS diff (bounded: a huge middle becomes one replaced span).
 * Tiny unchanged islands between edits are folded into the edit so spans read as phrases.
 */
export interface TextSegment {
  readonly op: 'same' | 'del' | 'ins';
  readonly text: string;
}

const MAX_CELLS = 4_000_000;
const ISLAND = 2;

function lcsOps(a: readonly string[], b: readonly string[]): ('same' | 'del' | 'ins')[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map(() => 'ins' as const);
  if (m === 0) return a.map(() => 'del' as const);
  if (n * m > MAX_CELLS) return [...a.map(() => 'del' as const), ...b.map(() => 'ins' as const)];
  const w = m + 1;
  const dp = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = a[i] === b[j] ? (dp[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(dp[(i + 1) * w + j] ?? 0, dp[i * w + j + 1] ?? 0);
    }
  }
  const ops: ('same' | 'del' | 'ins')[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('same');
      i++;
      j++;
    } else if ((dp[(i + 1) * w + j] ?? 0) >= (dp[i * w + j + 1] ?? 0)) {
      ops.push('del');
      i++;
    } else {
      ops.push('ins');
      j++;
    }
  }
  while (i++ < n) ops.push('del');
  while (j++ < m) ops.push('ins');
  return ops;
}

export function diffText(before: string, after: string): TextSegment[] {
  const a = [...before];
  const b = [...after];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);

  // Raw runs of the middle.
  type Run = { op: 'same' | 'del' | 'ins'; chars: string[] };
  const runs: Run[] = [];
  let ia = 0;
  let ib = 0;
  for (const op of lcsOps(midA, midB)) {
    const ch = op === 'ins' ? midB[ib++] : midA[ia++];
    if (op === 'same') ib++;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.chars.push(ch ?? '');
    else runs.push({ op, chars: [ch ?? ''] });
  }
  // Fold short unchanged islands between edits into the edit, then group each edit as del + ins.
  const folded: Run[] = [];
  runs.forEach((r, k) => {
    if (r.op === 'same' && r.chars.length <= ISLAND && k > 0 && k < runs.length - 1) {
      folded.push({ op: 'del', chars: [...r.chars] }, { op: 'ins', chars: [...r.chars] });
    } else folded.push(r);
  });
  const out: TextSegment[] = [];
  if (p > 0) out.push({ op: 'same', text: a.slice(0, p).join('') });
  let del = '';
  let ins = '';
  const flush = () => {
    if (del !== '') out.push({ op: 'del', text: del });
    if (ins !== '') out.push({ op: 'ins', text: ins });
    del = '';
    ins = '';
  };
  for (const r of folded) {
    if (r.op === 'same') {
      flush();
      out.push({ op: 'same', text: r.chars.join('') });
    } else if (r.op === 'del') del += r.chars.join('');
    else ins += r.chars.join('');
  }
  flush();
  if (s > 0) out.push({ op: 'same', text: a.slice(a.length - s).join('') });
  return out;
}

export const MARK_OPEN = '⟦';
export const MARK_CLOSE = '⟧';

/** One side of the diff with its changed spans in ⟦…⟧: deletions on the old side, insertions on the new. */
export function markedText(segments: readonly TextSegment[], side: 'old' | 'new'): string {
  const drop = side === 'old' ? 'ins' : 'del';
  return segments
    .filter((s) => s.op !== drop)
    .map((s) => (s.op === 'same' ? s.text : `${MARK_OPEN}${s.text}${MARK_CLOSE}`))
    .join('');
}

/** Like `markedText`, with long unchanged stretches shortened to `…` around `context` characters. */
export function markedExcerpt(segments: readonly TextSegment[], side: 'old' | 'new', context = 12): string {
  const drop = side === 'old' ? 'ins' : 'del';
  const kept = segments.filter((s) => s.op !== drop);
  return kept
    .map((s, i) => {
      if (s.op !== 'same') return `${MARK_OPEN}${s.text}${MARK_CLOSE}`;
      const chars = [...s.text];
      const first = i === 0;
      const last = i === kept.length - 1;
      if (first && last) return chars.length > 2 * context ? `${chars.slice(0, context).join('')}…` : s.text;
      if (first) return chars.length > context ? `…${chars.slice(-context).join('')}` : s.text;
      if (last) return chars.length > context ? `${chars.slice(0, context).join('')}…` : s.text;
      return chars.length > 2 * context ? `${chars.slice(0, context).join('')}…${chars.slice(-context).join('')}` : s.text;
    })
    .join('')
    .replace(/\n/g, '↵');
}

/** Split marked text back into runs (for rich text): plain and marked spans, brackets kept on the marked ones. */
export function splitMarked(text: string): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let rest = text;
  while (rest !== '') {
    const open = rest.indexOf(MARK_OPEN);
    const close = open >= 0 ? rest.indexOf(MARK_CLOSE, open) : -1;
    if (open < 0 || close < 0) {
      out.push({ text: rest, marked: false });
      break;
    }
    if (open > 0) out.push({ text: rest.slice(0, open), marked: false });
    out.push({ text: rest.slice(open, close + MARK_CLOSE.length), marked: true });
    rest = rest.slice(close + MARK_CLOSE.length);
  }
  return out;
}
