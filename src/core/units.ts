/**
 * Unit names: one alias table. Long and short forms of the same office (州发展和改革委员会 = 州发改委)
 * are the same unit; a park named instead of its county (花垣产业开发区 → 花垣县) is mapped only through
 * the explicit `countyAliases` table, and every such mapping is reported (never silent).
 */
import { ownValue } from './text';

/** Long form → short form of prefecture offices. Both forms are accepted everywhere. */
export const DEFAULT_UNIT_ALIASES: Readonly<Record<string, string>> = {
  州发展和改革委员会: '州发改委',
  州发展改革委: '州发改委',
  州行政审批服务局: '州行政审批服务局',
  州人民政府金融工作办公室: '州政府金融办',
  州金融办: '州政府金融办',
  州人力资源和社会保障局: '州人社局',
  州教育和体育局: '州教体局',
  州科学技术局: '州科技局',
  州卫生健康委员会: '州卫健委',
  州卫生健康委: '州卫健委',
  州医疗保障局: '州医保局',
  州工业和信息化局: '州工信局',
  州住房和城乡建设局: '州住建局',
  州市场监督管理局: '州市场监管局',
  州文化旅游广电局: '州文旅广电局',
  州文化旅游和广电局: '州文旅广电局',
  州人民政府办公室: '州政府办',
  州政府办公室: '州政府办',
  州农业农村局: '州农业农村局',
  州生态环境局: '州生态环境局',
  州自然资源和规划局: '州自然资源和规划局',
  州自然资源局: '州自然资源和规划局',
  州交通运输局: '州交通运输局',
  州粮食和物资储备局: '州粮食和物资储备局',
  州粮食局: '州粮食和物资储备局',
  州应急管理局: '州应急管理局',
};

/** A park or development zone named instead of its county. Explicit, reported when applied. */
export const DEFAULT_COUNTY_ALIASES: Readonly<Record<string, string>> = {
  花垣产业开发区: '花垣县',
  泸溪高新区: '泸溪县',
};

/** Phrases that name a group of counties, not one: they carry a rating but no particular county. */
export const GROUP_PHRASES: readonly RegExp[] = [/^各?(县市区|县市|县区|县|市州|园区)(均|都)?$/, /^(其他|其余)(县市区|县市)$/];

export function isGroupPhrase(name: string): boolean {
  return GROUP_PHRASES.some((p) => p.test(name));
}

/**
 * Standard abbreviations of government bodies (the long formal name → the short form staff write). Applied
 * to the part after the prefecture / city prefix; longest first, so 人民政府金融工作办公室 wins over 人民政府办公室.
 */
const BODY_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/(人民政府|政府)?(金融工作办公室|金融办)$/, '政府金融办'],
  [/(人民政府|政府)(办公室|办)$/, '政府办'],
  [/发展和改革委员会$|发展改革委员会$|发展改革委$|发展和改革委$/, '发改委'],
  [/发展和改革局$|发展改革局$/, '发改局'],
  [/市场监督管理局$|市监局$/, '市场监管局'],
  [/卫生健康委员会$|卫生健康委$|卫生和健康委员会$/, '卫健委'],
  [/卫生健康局$|卫生和健康局$/, '卫健局'],
  [/人力资源和社会保障局$|人力资源社会保障局$/, '人社局'],
  [/教育和体育局$/, '教体局'],
  [/科学技术局$/, '科技局'],
  [/医疗保障局$/, '医保局'],
  [/工业和信息化局$/, '工信局'],
  [/住房和城乡建设局$/, '住建局'],
  [/文化旅游广电局$|文化旅游和广电局$|文化旅游广播电视局$|文化广电和旅游局$|文化和旅游广电局$/, '文旅广电局'],
  [/退役军人事务局$/, '退役军人局'],
  [/行政审批服务局$/, '行政审批服务局'],
];

/** 湘西土家族苗族自治州发改委 / 湘西州发改委 → 州发改委: the prefecture's own name dropped, its level kept. */
function withoutPrefectureName(name: string): string {
  const autonomous = /^[\u4e00-\u9fff]{2,12}?自治州(?=[\u4e00-\u9fff]{2,})/.exec(name);
  if (autonomous) return `州${name.slice(autonomous[0].length)}`;
  // 湘西州发改委 (but not 永州市…: a 州 followed by 市/县/区 is a city's name).
  const short = /^[\u4e00-\u9fff]{2}州(?![市县区])(?=[\u4e00-\u9fff]{2,}(局|委|办|院|会|室|中心|厅|处|队|所|部)$)/.exec(name);
  if (short) return `州${name.slice(short[0].length)}`;
  return name;
}

/**
 * The identity of a unit's name: spaces and full-width brackets folded, the prefecture's own name dropped
 * (湘西土家族苗族自治州 → 州), and the standard abbreviations of government bodies applied
 * (州发展和改革委员会 → 州发改委, 州市场监督管理局 → 州市场监管局). Two names with the same identity are the same unit.
 * Conservative: only whole known suffixes are abbreviated, so two different bodies never share an identity.
 */
/** Footnote marks after a name (no lookbehind: EdgeHTML 18 and old WPS webviews lack it). */
const FOOTNOTE_MARK = /[*＊※△☆★#＃¹²³⁴⁵⁶⁷⁸⁹⁰]+$/;

/** A row number before a name: 1. / 1、 / 1) / (1) / 一、 (after the brackets were folded to half-width). */
const LEADING_NUMBER = /^(?:\d{1,3}[.．、)]|\(\d{1,3}\)|[一二三四五六七八九十]{1,3}、)/;

export function unitIdentity(name: string): string {
  // A footnote mark after the name (州财政局*, 州财政局※) is not part of it.
  let key = name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const unmarked = key.replace(FOOTNOTE_MARK, '');
  if (unmarked !== '') key = unmarked;
  // A row number written before the name (1.州发改委, 2、州财政局, (3)州医保局) is not part of it.
  const unnumbered = key.replace(LEADING_NUMBER, '');
  if (unnumbered !== '') key = unnumbered;
  key = withoutPrefectureName(key);
  for (const [long, short] of BODY_ABBREVIATIONS) {
    const m = long.exec(key);
    if (m && m.index > 0) {
      key = key.slice(0, m.index) + short;
      break;
    }
  }
  return key;
}

/** Names already resolved, per alias table (a table's unit names repeat row after row). */
const canonicalCache = new WeakMap<Readonly<Record<string, string>>, Map<string, string>>();

export function canonicalUnit(name: string, aliases: Readonly<Record<string, string>>): string {
  let cache = canonicalCache.get(aliases);
  if (!cache) {
    cache = new Map();
    canonicalCache.set(aliases, cache);
  }
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const out = resolveUnit(name, aliases);
  if (cache.size < 50_000) cache.set(name, out);
  return out;
}

function resolveUnit(name: string, aliases: Readonly<Record<string, string>>): string {
  const key = name.replace(/\s+/g, '');
  const direct = ownValue(aliases, key);
  if (direct !== undefined) return direct;
  const identity = unitIdentity(key);
  return ownValue(aliases, identity) ?? identity;
}

/**
 * A county named with or without its 县/市/区 (吉首 / 吉首市, 凤凰 / 凤凰县): the known name it means, when
 * exactly one known name differs from it only by that suffix. Null when none or more than one do.
 */
export function resolveCounty(name: string, known: ReadonlySet<string>): string | null {
  if (known.has(name)) return name;
  const base = /^([\u4e00-\u9fff]{2,6}?)(县|市|区)?$/.exec(name)?.[1];
  if (!base || base.length < 2) return null;
  const hits = [base, `${base}县`, `${base}市`, `${base}区`].filter((n) => n !== name && known.has(n));
  return hits.length === 1 ? (hits[0] as string) : null;
}

/**
 * Whether one name is a shortening of the other the way offices shorten (州市监局 for 州市场监管局, 区发改局 for
 * 区发展和改革局): the same first and last character (the level, the kind of body), and the shorter's characters
 * all in the longer, in order; or the same name with a remark in brackets after it (州财政局（牵头）). Not enough by itself: callers pair two names only when neither matched anything
 * else and each is the other's only such name.
 */
/** A remark in brackets after a name: 州财政局（牵头）, 州医保局(代管). */
const TRAILING_REMARK = /[(（][^()（）]{1,10}[)）]$/;

export function isShortening(a: string, b: string): boolean {
  // The same name, one with a remark in brackets after it (州财政局（牵头）).
  if (a !== b && (a.replace(TRAILING_REMARK, '') === b || b.replace(TRAILING_REMARK, '') === a)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || short === long || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Names of two lists that matched nothing, paired where each is the other's only shortening (see isShortening). */
export function pairShortenings(left: readonly string[], right: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of left) {
    const mine = right.filter((r) => isShortening(l, r));
    if (mine.length !== 1) continue;
    const r = mine[0] as string;
    if (left.filter((x) => isShortening(x, r)).length === 1) out.set(l, r);
  }
  return out;
}
