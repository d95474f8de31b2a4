/**
 * Quantities as 附件2 writes them: a target value with its unit and qualifier (`5600人`, `2.4万方`,
 * `90元/月·人`, `60%以上`, `1992万元`), the achieved figure stated in a progress text
 * (`已完成3096人。`), and the 量化数据 percentage stored as a number with a `%` format or as text.
 */
import type { CellValue } from '../../grid';
import { execNotAfter } from '../../regex';
import { toHalfWidth } from '../../text';

export type Qualifier = 'atLeast' | 'atMost' | 'about';

export interface Quantity {
  readonly value: number;
  /** The unit as written after the number (`万方`, `人次`, `元/月·人`, `%`). */
  readonly unit: string;
  /** The magnitude prefix of the unit: 万 → 10⁴, 亿 → 10⁸, 千 → 10³. */
  readonly magnitude: number;
  /** The unit without its magnitude prefix, with synonyms folded (名 → 人). */
  readonly base: string;
  readonly qualifier: Qualifier | null;
  /** The quantity as written. */
  readonly text: string;
}

const MAGNITUDE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 千: 1e3 };
/** Units that count the same thing. 名 and 人 both count persons; 人次 (person-times) is different. */
const BASE_SYNONYMS: Readonly<Record<string, string>> = { 名: '人', 位: '人' };
/** Characters that begin a unit in running text; a bare 万/亿 followed by none of them is money. */
const UNIT_CHARS = '人名位户个件项场次元方亩公里米所套村家座处辆台吨条口座间';
const LEADING_VERBS = /^(?:不少于|不低于|不小于|不超过|至少|达到|达|提升至|提高到|提高至|约|共)/;

function qualifierOf(s: string | undefined): Qualifier | null {
  if (s === '以上' || s === '及以上') return 'atLeast';
  if (s === '以内' || s === '以下') return 'atMost';
  if (s === '左右') return 'about';
  return null;
}

function splitUnit(unit: string): { magnitude: number; base: string } {
  const first = unit.charAt(0);
  const mag = MAGNITUDE[first];
  const rest = mag !== undefined ? unit.slice(1) : unit;
  const base = BASE_SYNONYMS[rest] ?? rest;
  return { magnitude: mag ?? 1, base };
}

/**
 * A target cell's quantity: the number, its unit and qualifier, on the first line (a second line
 * such as `面积` is a note). Null when the cell does not start with a number.
 *
 * @example parseQuantity('2.4万方') // → { value: 2.4, unit: '万方', magnitude: 10000, base: '方', qualifier: null }
 */
export function parseQuantity(v: CellValue): Quantity | null {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { value: v, unit: '', magnitude: 1, base: '', qualifier: null, text: String(v) } : null;
  }
  if (typeof v !== 'string') return null;
  const firstLine = toHalfWidth(v).split(/\r?\n/)[0]?.replace(/\s+/g, '') ?? '';
  const text = firstLine.replace(LEADING_VERBS, '');
  const m = /^(\d+(?:\.\d+)?)([^\d\s(（,，;；。]{0,6}?)(及以上|以上|以内|以下|左右)?$/.exec(text);
  if (!m) return null;
  const unit = m[2] ?? '';
  const { magnitude, base } = splitUnit(unit);
  return { value: Number(m[1]), unit, magnitude, base, qualifier: qualifierOf(m[3]), text: firstLine };
}

/** Units whose ratio is not a completion rate: rates (`元/月`, `%`) and standards. */
export function isRatioUnit(q: Quantity): boolean {
  return q.base.includes('/') || q.base === '%' || q.base === '‰';
}

/** Whether two quantities are in the same unit (magnitude prefixes aside). A bare 万 matches 万元. */
export function sameUnit(a: Quantity, b: Quantity): boolean {
  if (a.base === b.base) return a.base !== '' || a.magnitude === b.magnitude;
  const money = (x: Quantity, y: Quantity) => x.base === '' && x.magnitude > 1 && y.base === '元';
  return money(a, b) || money(b, a);
}

export function amount(q: Quantity): number {
  return q.value * q.magnitude;
}

// A clause that states what is done; a clause about what is left, planned or expected does not.
const DONE_VERBS = /(?:完成|完工|建成)/;
const OTHER_VERBS = /(?:新增|受理|恢复|救助)/;
const NOT_DONE = /(?:未完成|尚未|剩余|还有|还差|计划|预计|力争|目标|任务为|待|拟)/;

/**
 * The achieved figure a progress text states in the target's unit: the one figure in a clause that
 * says it is done (`已完成3096人`, `完工127户`), else in a clause with 新增/受理/恢复/救助. Null when
 * none, or when several different figures compete (the text is ambiguous: never guess).
 *
 * @example achievedFrom('截至6月底，已完成3096人。', parseQuantity('5600人')!) // → 3096人
 */
export function achievedFrom(text: string, target: Quantity): Quantity | null {
  if (isRatioUnit(target) || (target.base === '' && target.magnitude === 1)) return null;
  const clauses = toHalfWidth(text).split(/[,;。!?\n，；！？]/);
  const tiers: Quantity[][] = [[], []];
  for (const clause of clauses) {
    if (NOT_DONE.test(clause)) continue;
    const tier = DONE_VERBS.test(clause) ? 0 : OTHER_VERBS.test(clause) ? 1 : -1;
    if (tier < 0) continue;
    const re = /(\d+(?:\.\d+)?)\s*([万亿千]?)([^\d\s]{0,4})/g;
    let m: RegExpExecArray | null;
    while ((m = execNotAfter(re, clause, /[\d.]/)) !== null) {
      const q = quantityInText(Number(m[1]), m[2] ?? '', m[3] ?? '', target);
      if (q) tiers[tier]?.push(q);
    }
  }
  for (const found of tiers) {
    const distinct = new Map(found.map((q) => [amount(q), q] as const));
    if (distinct.size === 1) return [...distinct.values()][0] ?? null;
    if (distinct.size > 1) return null;
  }
  return null;
}

/** A number in running text read in the target's unit, or null when it is in another unit. */
function quantityInText(value: number, mag: string, after: string, target: Quantity): Quantity | null {
  const spellings = Object.entries(BASE_SYNONYMS)
    .filter(([, b]) => b === target.base)
    .map(([s]) => s)
    .concat(target.base)
    .filter((s) => s !== '')
    .sort((a, b) => b.length - a.length);
  const magnitude = mag !== '' ? (MAGNITUDE[mag] ?? 1) : 1;
  for (const s of spellings) {
    if (!after.startsWith(s)) continue;
    const next = after.charAt(s.length);
    // 人次 is not 人, 个月 is not 个.
    if ((next === '次' && !s.endsWith('次')) || (s === '个' && next === '月')) return null;
    return { value, unit: `${mag}${s}`, magnitude, base: target.base, qualifier: null, text: `${value}${mag}${s}` };
  }
  if (mag !== '' && target.base === '元' && !UNIT_CHARS.includes(after.charAt(0))) {
    return { value, unit: mag, magnitude, base: '', qualifier: null, text: `${value}${mag}` };
  }
  return null;
}

export { type PercentReading, roundTo, formatPercent, readPercent } from '../../columnTypes';
