/**
 * Dates in narratives: `M月D日`, `M月D-E日`, `M月D日、M月D日`, `M月D日至E日`. The year is the workbook's.
 * A date that is not a calendar date is an error; `9月1月` (月 typed for 日) is reported as malformed.
 */
import { toHalfWidth } from './text';
import { execNotAfter } from './regex';

export interface DateProblem {
  readonly kind: 'invalid' | 'malformed';
  /** The text as written. */
  readonly text: string;
  readonly suggestion?: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// M月D日, optionally a range to E日 (`-`, `--`, `—`, `–`, `~`, `至`, `到`), with the 日 of D optional in a range.
/** A date's number must not continue another number (`12.3月`, `123月`). */
const DIGIT_OR_DOT = /[\d.]/;
const DATE = /(\d{1,2})\s*月\s*(\d{1,2})\s*(日|号)?(?:\s*(?:-{1,2}|—{1,2}|–|~|～|至|到)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*(?:日|号))?/g;
const MONTH_TWICE = /(\d{1,2})月(\d{1,2})月(?!份|底|初|中|末|上旬|中旬|下旬)/g;

export function dateProblems(text: string, year: number): DateProblem[] {
  // toHalfWidth maps one UTF-16 unit to one, so indices found in `s` quote `text` as written.
  const s = toHalfWidth(text);
  const asWritten = (index: number, length: number): string => text.slice(index, index + length).trim();
  const out: DateProblem[] = [];
  DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = execNotAfter(DATE, s, DIGIT_OR_DOT)) !== null) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    const hasDayMark = m[3] !== undefined;
    const endMonth = m[4] !== undefined ? Number(m[4]) : month;
    const endDay = m[5] !== undefined ? Number(m[5]) : undefined;
    // `1-9月` style month ranges never reach here; a bare `M月D` with no 日 and no range is not a date.
    if (!hasDayMark && endDay === undefined) continue;
    const bad = !validDay(year, month, day) || (endDay !== undefined && !validDay(year, endMonth, endDay));
    const backwards = endDay !== undefined && endMonth === month && endDay <= day;
    if (bad || backwards) out.push({ kind: 'invalid', text: asWritten(m.index, m[0].length) });
  }
  MONTH_TWICE.lastIndex = 0;
  while ((m = execNotAfter(MONTH_TWICE, s, DIGIT_OR_DOT)) !== null) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (validDay(year, month, day)) out.push({ kind: 'malformed', text: asWritten(m.index, m[0].length), suggestion: `${month}月${day}日` });
  }
  return out;
}

/** The workbook's year from a title such as `2022年省政府真抓实干…`. */
export function yearFromTitle(texts: readonly string[]): number | null {
  for (const t of texts) {
    const m = /(20\d{2})\s*年/.exec(toHalfWidth(t));
    if (m) return Number(m[1]);
  }
  return null;
}
