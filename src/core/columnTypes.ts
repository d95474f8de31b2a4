/**
 * Values as a clerk reads them, by the type a kind's spec declares for each column (issue 18, item 3).
 * Reading and the generic checks (src/core/genericTable.ts) derive from the declared type, for every kind:
 * a count written `12`, `'12`, `１２`, `十二`, `12项`; a percentage written `85%`, `0.85`, `85`, `百分之八十五`,
 * `完成85%`; a date written `2024年6月30日`, `2024-06-30`, `6月底前`, as a serial number with a date format.
 * A value with one plausible reading is read, and at most noted with how it was read; only a value with no
 * plausible reading (words in a count, an Excel error, a date that is not in the calendar) is a problem.
 */
import { type CellValue, isErrorValue } from './grid';
import { NO_FIGURE, parseChineseNumeral, readNumber, toHalfWidth } from './text';

/**
 * What a column holds:
 * - `text`: free text (a narrative, a note); `name`: a short name (an item, a project, a measure);
 * - `unit` / `units`: one unit name, or a list of unit names;
 * - `seq`: a row number (`1`, `（一）`, `1.2`), checked by the kind's numbering rules;
 * - `count`: a whole number ≥ 0 (additive: a 合计 row sums it); `percent`: a percentage;
 * - `date`: a date or a deadline; `mark`: a tick (√) or blank; `vocabulary`: a word from a small closed set.
 */
export type ColumnType = 'text' | 'name' | 'unit' | 'units' | 'seq' | 'count' | 'percent' | 'date' | 'mark' | 'vocabulary';

/**
 * Types whose blank cell is a value, not a gap: a blank count is none, a blank mark is not ticked, a blank
 * percentage is "not quantified" (said by the kind). A required column of these types must be there; its cells may be blank.
 */
export const BLANK_IS_A_VALUE: ReadonlySet<ColumnType> = new Set<ColumnType>(['count', 'mark', 'percent']);

/** Types whose values a total row adds up (a column of ticks adds up to a count). */
export const ADDITIVE_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>(['count', 'mark']);

/** How a value that was not typed as a plain number was read (for the note that says so). */
export type ReadHow = 'chinese-numeral' | 'with-measure-word' | 'percent-words' | 'in-text';

export type ValueReading =
  | { readonly kind: 'blank' }
  /** A value read: `asText` when typed as text (digits), `fullWidth` with full-width digits, `how` when read from words. */
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly asText: boolean; readonly fullWidth: boolean; readonly how?: ReadHow }
  | { readonly kind: 'error'; readonly text: string }
  /** No plausible reading as the declared type. */
  | { readonly kind: 'unreadable'; readonly text: string };

const MEASURE_WORDS = '项个条家人次件所座处户';
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千万]+';
/** `12项`, `共12项`, `计 5 个`, `十二项`: one figure with a measure word (and at most a word that says "in all"). */
const WITH_MEASURE = new RegExp(`^(?:共|计|合计|共计)?(\\d+|${CN_NUMERAL})([${MEASURE_WORDS}])$`);

/** A count: a whole number. Digits as typed or as text, full-width, a Chinese numeral, a figure with a measure word. */
export function readCount(v: CellValue): ValueReading {
  const n = readNumber(v);
  switch (n.kind) {
    case 'blank':
      return n;
    case 'number':
      return { kind: 'number', value: n.value, text: String(n.value), asText: false, fullWidth: false };
    case 'text-number':
      return { kind: 'number', value: n.value, text: n.text, asText: true, fullWidth: n.fullWidth };
    case 'error':
      return { kind: 'error', text: n.text };
    case 'text': {
      const t = toHalfWidth(n.text).replace(/\s+/g, '');
      const cn = parseChineseNumeral(t);
      if (cn !== null) return { kind: 'number', value: cn, text: n.text, asText: true, fullWidth: false, how: 'chinese-numeral' };
      const m = WITH_MEASURE.exec(t);
      if (m?.[1]) {
        const value = /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
        if (value !== null) return { kind: 'number', value, text: n.text, asText: true, fullWidth: /[０-９]/.test(n.text), how: 'with-measure-word' };
      }
      return { kind: 'unreadable', text: n.text };
    }
  }
}

/** `百分之八十五`, `百分之八十五点五`, `百分之12.5`. */
const PERCENT_WORDS = new RegExp(`^百分之(\\d+(?:\\.\\d+)?|${CN_NUMERAL}(?:点[零〇一二三四五六七八九]+)?)$`);
const CN_DIGIT: Readonly<Record<string, string>> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function percentWords(t: string): number | null {
  const m = PERCENT_WORDS.exec(t);
  if (!m?.[1]) return null;
  if (/^\d/.test(m[1])) return Number(m[1]);
  const [whole = '', frac] = m[1].split('点');
  const w = parseChineseNumeral(whole);
  if (w === null) return null;
  if (frac === undefined) return w;
  return Number(`${w}.${[...frac].map((c) => CN_DIGIT[c] ?? '').join('')}`);
}

/** Exactly one percentage figure inside other words (`完成85%`, `已达到 92.5％`); more than one is no reading. */
const PERCENT_IN_TEXT = /(\d+(?:\.\d+)?)\s*%/g;

/**
 * The words-and-text forms of a percentage (the numeric forms, with the cell's number format, are read by the
 * kind that knows its layout). The value is in percent (85 for 85%).
 */
export function readPercentText(text: string): { readonly percent: number; readonly decimals: number; readonly how: ReadHow } | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const w = percentWords(t);
  if (w !== null) return { percent: w, decimals: decimals(String(w)), how: 'percent-words' };
  const all = [...t.matchAll(PERCENT_IN_TEXT)];
  if (all.length !== 1 || !all[0]?.[1]) return null;
  // A sign before the figure (`-5%`, `负5%`) is not a reading of a completion percentage.
  const before = t.charAt((all[0].index ?? 0) - 1);
  if (before === '-' || before === '负' || before === '+') return null;
  // A range or a comparison (`80%-90%`, `不低于85%`) is one figure only when nothing else is a number.
  const digitsOutside = t.replace(PERCENT_IN_TEXT, '').replace(/20\d\d年/g, '');
  if (/\d/.test(digitsOutside)) return null;
  return { percent: Number(all[0][1]), decimals: decimals(all[0][1]), how: 'in-text' };
}

function decimals(s: string): number {
  const m = /\.(\d+)/.exec(s);
  return m ? (m[1]?.length ?? 0) : 0;
}

/** What a date or deadline cell says. */
export type DateReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'date'; readonly year: number | null; readonly month: number; readonly day: number | null }
  /** A deadline in words (`长期`, `年底前`, `持续推进`): a deadline, not a calendar date. */
  | { readonly kind: 'words' }
  | { readonly kind: 'invalid'; readonly text: string; readonly year: number | null }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'unreadable'; readonly text: string };

const DEADLINE_WORDS = /^(?:长期|常态化|持续|持续推进|长期坚持|年底前?|年内|全年|当年|每月|每季度|每年|按月|按季度|按年|定期|适时|及时|立即|即时|尽快|按时序|按计划|按要求|上半年|下半年|一季度|二季度|三季度|四季度|第[一二三四]季度)/;
const PART_OF_MONTH = '(?:底|末|初|中|上旬|中旬|下旬)';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar check on what was read; a year that is not stated is the workbook's. */
function calendar(year: number | null, month: number, day: number | null, text: string, workbookYear: number): DateReading {
  if (month < 1 || month > 12) return { kind: 'invalid', text, year };
  if (day !== null && (day < 1 || day > daysIn(year ?? workbookYear, month))) return { kind: 'invalid', text, year };
  return { kind: 'date', year, month, day };
}

/**
 * A date or a deadline: a serial number (Excel's date system), `2024年6月30日`, `2024-6-30`, `2024/6/30`,
 * `2024.6.30`, `6月30日`, `6月底(前)`, `2024年6月`, `2024年底`, or deadline words (`长期`, `年底前`).
 */
export function readDate(v: CellValue, workbookYear = 2024): DateReading {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (isErrorValue(v)) return { kind: 'error', text: v.error };
  if (typeof v === 'number') {
    // Excel's serial dates from 1990 to 2099 (the 1900 system); a small number is no date.
    if (!Number.isFinite(v) || v < 32_874 || v > 73_415) return { kind: 'unreadable', text: String(v) };
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000);
    return { kind: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  if (typeof v !== 'string') return { kind: 'unreadable', text: String(v) };
  const raw = v.trim();
  if (raw === '') return { kind: 'blank' };
  const t = toHalfWidth(raw).replace(/\s+/g, '').replace(/(?:前|以前|之前|止|为止|完成|截止)$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})日?$/.exec(t);
  if (m) return calendar(Number(m[1]), Number(m[2]), Number(m[3]), raw, workbookYear);
  m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]$/.exec(t);
  if (m) return calendar(m[1] ? Number(m[1]) : null, Number(m[2]), Number(m[3]), raw, workbookYear);
  m = new RegExp(`^(?:(\\d{4})年)?(\\d{1,2})月(?:份)?${PART_OF_MONTH}?$`).exec(t);
  if (m) return calendar(m[1] ? Number(m[1]) : null, Number(m[2]), null, raw, workbookYear);
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return calendar(Number(m[1]), Number(m[2]), null, raw, workbookYear);
  m = /^(\d{4})年(?:底|末|内|年底|上半年|下半年)?$/.exec(t);
  if (m) return { kind: 'date', year: Number(m[1]), month: 12, day: null };
  if (DEADLINE_WORDS.test(t)) return { kind: 'words' };
  return { kind: 'unreadable', text: raw };
}

/** A tick: √ ✓ ✔ ☑ ● (or 是), blank, or × / 否 for "no". */
export function readMark(v: CellValue): 'yes' | 'no' | 'blank' | 'unreadable' {
  const t = toHalfWidth(typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)).replace(/\s+/g, '');
  if (t === '') return 'blank';
  if (/^[√✓✔☑✅●○◎]+$|^(?:是|有|v|V)$/.test(t)) return 'yes';
  if (/^(?:[×✗✘xX]|否|无|-+|—+|\/)$/.test(t)) return 'no';
  return 'unreadable';
}

export type PercentReading =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'percent';
      /** In percent (85 for 85%). */
      readonly percent: number;
      /** Decimals shown: from the number format, or as typed. */
      readonly decimals: number;
      /** As Excel shows it (rounded to `decimals`). */
      readonly shown: number;
      readonly asText: boolean;
      readonly text: string;
      /** Read from words or from inside text (`百分之八十五`, `完成85%`). */
      readonly how?: ReadHow;
    }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };

function decimalsOf(s: string): number {
  const m = /\.(\d+)/.exec(s);
  return m ? (m[1]?.length ?? 0) : 0;
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f + (x >= 0 ? 1e-9 : -1e-9)) / f;
}

/** `85.4%` shown with `decimals`. */
export function formatPercent(percent: number, decimals: number): string {
  return `${roundTo(percent, decimals).toFixed(decimals)}%`;
}


/**
 * A 量化数据 cell: a number with a `0%` / `0.00%` format, a fraction without one, or text `85%`.
 */
export function readPercent(v: CellValue, format: string | null): PercentReading {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (isErrorValue(v)) return { kind: 'error', text: v.error };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: String(v) };
    const pctFormat = format !== null && /%/.test(format.replace(/"[^"]*"/g, ''));
    if (pctFormat) {
      const m = /0(?:\.(0+))?\s*%/.exec(format ?? '');
      const decimals = m?.[1]?.length ?? 0;
      const percent = roundTo(v * 100, 10);
      return { kind: 'percent', percent, decimals, shown: roundTo(percent, decimals), asText: false, text: formatPercent(percent, decimals) };
    }
    // Without a % format a value up to 3 is a fraction (1.22 = 122%); larger ones are percent points.
    const percent = Math.abs(v) <= 3 ? roundTo(v * 100, 10) : v;
    const decimals = Math.max(0, decimalsOf(String(v)) - (Math.abs(v) <= 3 ? 2 : 0));
    return { kind: 'percent', percent, decimals, shown: roundTo(percent, decimals), asText: false, text: formatPercent(percent, decimals) };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: String(v) };
  const raw = v.trim();
  if (raw === '') return { kind: 'blank' };
  const t = toHalfWidth(raw).replace(/\s+/g, '');
  if (NO_FIGURE.test(t)) return { kind: 'blank' };
  const m = /^([+-]?\d+(?:\.\d+)?)%$/.exec(t);
  if (m) {
    const percent = Number(m[1]);
    const decimals = decimalsOf(m[1] ?? '');
    return { kind: 'percent', percent, decimals, shown: percent, asText: true, text: raw };
  }
  const w = readPercentText(raw);
  if (w) return { kind: 'percent', percent: w.percent, decimals: w.decimals, shown: roundTo(w.percent, w.decimals), asText: true, text: raw, how: w.how };
  return { kind: 'text', text: raw };
}
