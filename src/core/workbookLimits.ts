/**
 * What Excel accepts, decided by us before any library or host can refuse it: legal, unique sheet names and
 * text cells within Excel's length limit. Every adapter that creates a sheet or writes a cell goes through
 * these (src/xlsx, src/excel, src/wps, the core's own merge and templates).
 */
import { a1 } from './grid';
import type { Lang } from './i18n/findings';
import { t } from './i18n/ui';

/** Excel's longest sheet name, in UTF-16 code units. */
export const MAX_SHEET_NAME = 31;
/** Excel's longest cell text, in UTF-16 code units. */
export const MAX_CELL_TEXT = 32_767;
/** The name a sheet gets when nothing of the wanted name is left. */
const FALLBACK_SHEET_NAME = 'Sheet';
/** Excel keeps this name for itself (the change history), in any case. */
const RESERVED_SHEET_NAME = 'history';

/** `s` cut to at most `max` UTF-16 code units, never between the two halves of a surrogate pair. */
export function cutUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max);
  const last = s.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}

/**
 * `wanted` as a name Excel accepts: `/ \ [ ] * ? :`, control characters and lone surrogates become `_`; at
 * most 31 UTF-16 units (a surrogate pair is never split); no apostrophe first or last; never empty. Whether
 * the name is free is `uniqueSheetName`'s business (it also avoids the reserved `History`).
 */
export function legalSheetName(wanted: string): string {
  let s = '';
  for (const ch of String(wanted)) {
    const c = ch.codePointAt(0) ?? 0;
    // A lone surrogate is one `ch` of length 1 in the surrogate range; a pair is one `ch` of length 2.
    const lone = ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
    s += lone || c < 0x20 || c === 0x7f || '\\/?*[]:'.includes(ch) ? '_' : ch;
  }
  s = cutUtf16(s.replace(/^'+/, ''), MAX_SHEET_NAME).replace(/'+$/, '');
  return s === '' ? FALLBACK_SHEET_NAME : s;
}

/**
 * A legal name (see `legalSheetName`) for `wanted` that none of `taken` has, compared case-insensitively as
 * Excel does: the legal name itself, else `name (2)`, `name (3)` … with the name cut so that the whole stays
 * within 31 units. `History` counts as taken. Always returns: of the first `taken.size + 2` candidates, which
 * are all different, at least one is free.
 *
 * @example uniqueSheetName('汇总', ['汇总']) // '汇总 (2)'
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set<string>([RESERVED_SHEET_NAME]);
  for (const name of taken) lower.add(name.toLowerCase());
  const base = legalSheetName(wanted);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = cutUtf16(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** What ends a cut cell text. */
export function truncationMark(lang: Lang = 'zh-CN'): string {
  return t('cell.truncated', lang);
}

/** True when `text` is longer than an Excel cell can hold. */
export function isOverlongCellText(text: string): boolean {
  return text.length > MAX_CELL_TEXT;
}

/**
 * Text an Excel cell can hold: `text` itself, or, past 32,767 UTF-16 units, its beginning followed by a
 * visible mark (`…（已截断）` / `… (truncated)`), 32,767 units in all.
 */
export function fitCellText(text: string, lang: Lang = 'zh-CN'): string {
  if (!isOverlongCellText(text)) return text;
  const mark = truncationMark(lang);
  return cutUtf16(text, MAX_CELL_TEXT - mark.length) + mark;
}

/** True when Excel would take `name` as it is (apart from being free): legal and not the reserved `History`. */
export function isLegalSheetName(name: string): boolean {
  return legalSheetName(name) === name && name.toLowerCase() !== RESERVED_SHEET_NAME;
}

/** A1 references of the text cells in `rows` (plan cells or grid values; not formulas) that are longer than a cell can hold. */
export function overlongCells(rows: readonly (readonly unknown[] | undefined)[]): string[] {
  const out: string[] = [];
  rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      const planCell = cell !== null && typeof cell === 'object' && 'value' in cell ? (cell as { value: unknown; formula?: string }) : null;
      if (planCell?.formula !== undefined) return;
      const v = planCell ? planCell.value : cell;
      if (typeof v === 'string' && isOverlongCellText(v)) out.push(a1(r, c));
    }),
  );
  return out;
}
