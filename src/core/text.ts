/**
 * Text normalisation for what staff type: full-width digits and punctuation, inner spaces
 * used to pad short labels (`合  计`), Chinese numerals, numbers stored as text.
 */
import { type CellValue, isErrorValue } from './grid';

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Full-width ASCII (`１３`, `（`, `：`) → half-width; ideographic space → space. Nothing else changes. */
const HAS_FULLWIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  // Most text has nothing to convert: skip the per-character copy.
  if (!HAS_FULLWIDTH.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

export function hasFullWidthDigits(s: string): boolean {
  return /[０-９]/.test(s);
}

/** A record's own entry (user text such as a sheet named `__proto__` never reaches the prototype). */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Cell value → display text (trimmed); empty string for blank cells; `#REF!` for errors. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isErrorValue(v)) return v.error;
  return '';
}

export function isBlank(v: CellValue): boolean {
  return cellText(v) === '';
}

/**
 * A label as a comparison key: half-width, no whitespace at all (so `合  计` = `合计`,
 * `序  号` = `序号`), no line breaks.
 */
export function labelKey(s: string): string {
  // One pass over the code units (what `toHalfWidth(s).replace(/[\s\u00a0\u200b]+/g, '')` gives: full-width
  // ASCII never becomes a space), copying nothing when nothing changes.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) {
      out += s.slice(from, i) + String.fromCharCode(c - 0xfee0);
      from = i + 1;
    } else if (isLabelSpace(c)) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** `\s` (ECMAScript white space and line terminators) or U+200B: what `labelKey` removes. */
export function isLabelSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Normalise line breaks (`\r\n`, `\r`, `_x000D_`) to `\n`. */
export function normalizeNewlines(s: string): string {
  return s.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n');
}

/** Split a multi-line cell into its non-empty trimmed lines. */
export function lines(s: string): string[] {
  return normalizeNewlines(s)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `十二` → 12, `二十` → 20, `一百零五` → 105, `三` → 3; null when not a Chinese numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (s === '' || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch] ?? 0;
    } else if (ch in CN_UNITS) {
      section += (digit ?? 1) * (CN_UNITS[ch] ?? 1);
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Parse a count written as digits (half- or full-width) or a Chinese numeral. */
export function parseCountToken(s: string): number | null {
  const h = toHalfWidth(s).trim();
  if (/^\d+$/.test(h)) return Number(h);
  return parseChineseNumeral(h);
}

/** Cells that mean "no figure" (after `toHalfWidth`, without spaces): a dash, a slash, 无, 暂无, 不涉及. */
export const NO_FIGURE = /^(?:[-—–―─/\\]+|无|暂无|不涉及)$/;

export type NumberReading =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'text-number'; value: number; fullWidth: boolean; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'text'; text: string };

/**
 * Read a cell where a number is expected. A number typed as text (`'13`, `１３`, ` 13 `) is read
 * with its value so the arithmetic can still be checked, and reported as such by the rules.
 */
export function readNumber(v: CellValue): NumberReading {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'text', text: String(v) };
  if (isErrorValue(v)) return { kind: 'error', text: v.error };
  if (typeof v === 'boolean') return { kind: 'text', text: cellText(v) };
  const text = v.trim();
  if (text === '') return { kind: 'blank' };
  const half = toHalfWidth(text).replace(/[\s,]/g, '');
  // A dash, a slash or 无 where a figure goes says there is none: read as the blank it stands for.
  if (NO_FIGURE.test(half)) return { kind: 'blank' };
  if (/^[+-]?\d+(\.\d+)?$/.test(half)) {
    return { kind: 'text-number', value: Number(half), fullWidth: hasFullWidthDigits(text), text };
  }
  return { kind: 'text', text };
}

/** A row number as offices write it (label key): 12, 12., 12、, (12), 第12项, No.12. */
const SEQ_TEXT = /^(?:第|no\.?)?(\d{1,6})(?:项|条|号)?[.、,，)]?$|^\((\d{1,6})\)$/i;

/**
 * A 序号 cell's number: a whole number, typed or written as text in any of the forms offices use (`12`, `12.`,
 * `12、`, `（12）`, `第12项`, full-width digits); null for anything else (a section's `一、`, `1.2`, words).
 */
export function readSeq(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = SEQ_TEXT.exec(labelKey(v));
  if (!m) return null;
  return Number(m[1] ?? m[2]);
}

/** Whatever `itemKey` strips: a leading marker or space, a quote anywhere, trailing punctuation. */
const ITEM_DECORATION = /^[●○◆★▲\sⅡⅢⅠⅣ]|[“”"‘’'「」『』]|[。．.，,；;]$/;

/** Strip item-name decorations for matching across sheets: markers ●ⅡⅢ, quotes, spaces. */
export function itemKey(name: string): string {
  const key = labelKey(name);
  // Most names carry no decoration: nothing to strip, no five passes over them.
  if (!ITEM_DECORATION.test(key)) return key;
  return key
    .replace(/^[●○◆★▲\s]+/, '')
    .replace(/^[ⅡⅢⅠⅣ]+/, '')
    .replace(/^[●○]+/, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[。．.，,；;]+$/, '');
}
