/** Rules on narrative text shared by the annexes: dates, and passages repeated between items. */
import { type DateProblem, dateProblems } from './dates';
import { memoByText } from './memo';
import type { FindingSink } from './finding';
import { toHalfWidth } from './text';

/** Date problems per year, parsed once per text (memo.ts). */
const datesByYear = new Map<number, (text: string) => readonly DateProblem[]>();

function datesOf(text: string, year: number): readonly DateProblem[] {
  let f = datesByYear.get(year);
  if (!f) {
    f = memoByText((t) => dateProblems(t, year));
    datesByYear.set(year, f);
  }
  return f(text);
}

export function checkDates(text: string, year: number, sheet: string, cell: string, sink: FindingSink): void {
  for (const p of datesOf(text, year)) {
    if (p.kind === 'invalid') sink.add('cell/invalid-date', { sheet, cell }, { year }, { actual: p.text });
    else sink.add('cell/malformed-date', { sheet, cell }, {}, { actual: p.text, ...(p.suggestion ? { expected: p.suggestion } : {}) });
  }
}

const MIN_PASSAGE = 20;

/** A narrative's passages, split once per text (memo.ts; nobody mutates the arrays). */
const passages = memoByText(passagesOf);

function passagesOf(text: string): readonly string[] {
  return toHalfWidth(text)
    .split(/[。\n;；,，:：]+/)
    .map((s) => s.replace(/\s+/g, '').trim())
    .filter((s) => s.length >= MIN_PASSAGE);
}

export interface NarrativeRef {
  readonly label: string;
  readonly cell: string;
  readonly text: string;
}

/**
 * Long identical passages in the narratives of two different items (a copy-paste left unedited).
 * Reported once per pair, on the later item.
 */
export function checkRepeatedPassages(refs: readonly NarrativeRef[], sheet: string, sink: FindingSink): void {
  const firstSeen = new Map<string, NarrativeRef>();
  for (const ref of refs) {
    // The cells this ref was already said to repeat (made at its first repeat).
    let reported: Set<string> | null = null;
    for (const p of passages(ref.text)) {
      const prev = firstSeen.get(p);
      if (prev && prev.cell !== ref.cell && !reported?.has(prev.cell)) {
        (reported ??= new Set<string>()).add(prev.cell);
        sink.add('text/repeated-passage', { sheet, cell: ref.cell }, {
          other: prev.label,
          otherCell: prev.cell,
          passage: p.length > 40 ? `${p.slice(0, 40)}…` : p,
        }, { related: [{ sheet, cell: prev.cell }] });
      } else if (!prev) firstSeen.set(p, ref);
    }
  }
}
