/**
 * A generator of random editions (issue 18, item 9). From a sample's grids, compose random transformations
 * of the kinds offices really make: sheets renamed and reordered, tables offset by blank rows and columns, a
 * blank spacer column, header words broken by spaces or line breaks, number formats, units in their formal
 * names, counties without 县/市, a 通报 written with Chinese numerals or full-width digits, a note under a table.
 *
 * A transformation is one function: add it to TRANSFORMS (see docs/adding-an-annex.md, "Adding a
 * transformation"). It must keep the edition's meaning — every figure, rating and unit stays what it was — so
 * the audit of any edition must give the sample's own findings again, and a planted inconsistency must be
 * found by the same rule that finds it in the sample.
 */
import { a1, type CellValue, columnLetter, type Grid, parseA1 } from '../../src/core/grid';
import { cloneGrid } from '../helpers/grids';
import { readPercent } from '../../src/core/columnTypes';
import { insertColumn, insertRow } from '../editions/sheets';

export type Profile = 'incentive' | 'keywork';

export interface Edition {
  readonly profile: Profile;
  grids: Grid[];
  /** Sheet name now → the sample's name (findings are compared by the sample's names). */
  readonly sheetOf: Map<string, string>;
  /** What was done, in order (printed when a property fails). */
  readonly log: string[];
  /**
   * Where a sample sheet now lies inside another sheet (tables stacked or put side by side): a finding on
   * `sheet` at or below-right of (top, left) belongs to `sample` — the last such region wins.
   */
  readonly regions: { sheet: string; top: number; left: number; sample: string }[];
}

/** The sample sheet a finding belongs to in this edition (regions first, then the sheet's own name). */
export function sampleSheetOf(e: Pick<Edition, 'sheetOf' | 'regions'>, sheet: string, cell: string): string {
  const at = parseA1(cell);
  let found: string | null = null;
  for (const r of e.regions) if (r.sheet === sheet && at && at.row >= r.top && at.col >= r.left) found = r.sample;
  return found ?? e.sheetOf.get(sheet) ?? sheet;
}

/** Shift every A1 reference of a formula by whole rows and columns (same-sheet formulas only: the samples have no others). */
function shiftFormula(f: string, rows: number, cols: number): string {
  return f.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (m, d1: string, col: string, d2: string, row: string) => {
    const p = parseA1(`${col}1`);
    return p ? `${d1}${columnLetter(p.col + cols)}${d2}${Number(row) + rows}` : m;
  });
}

/** `src` moved down `rows` and right `cols`: values, formulas, formats and merges. */
function shifted(src: Grid, rows: number, cols: number): Grid {
  const move = <T>(rs: readonly (readonly T[])[] | undefined, f: (v: T) => T): T[][] | undefined => {
    if (!rs) return undefined;
    const out: T[][] = Array.from({ length: rows }, () => []);
    for (const r of rs) {
      const row: T[] = [];
      r.forEach((v, c) => {
        if (v !== undefined) row[c + cols] = f(v);
      });
      out.push(row);
    }
    return out;
  };
  const formulas = move(src.formulas, (f) => (f ? shiftFormula(f, rows, cols) : f));
  const numberFormats = move(src.numberFormats, (x) => x);
  return {
    name: src.name,
    values: move(src.values, (v) => v) ?? [],
    ...(formulas ? { formulas } : {}),
    ...(numberFormats ? { numberFormats } : {}),
    merges: src.merges.map((m) => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols })),
  };
}

/** Two grids laid over each other (b's cells win where both have one). */
function overlay(a: Grid, b: Grid): Grid {
  const lay = <T>(x: readonly (readonly T[])[] | undefined, y: readonly (readonly T[])[] | undefined, n: number): T[][] | undefined => {
    if (!x && !y) return undefined;
    const out: T[][] = [];
    for (let r = 0; r < n; r++) {
      const row: T[] = [...(x?.[r] ?? [])];
      (y?.[r] ?? []).forEach((v, c) => {
        if (v !== undefined && v !== null) row[c] = v;
      });
      out.push(row);
    }
    return out;
  };
  const n = Math.max(a.values.length, b.values.length);
  const formulas = lay(a.formulas, b.formulas, n);
  const numberFormats = lay(a.numberFormats, b.numberFormats, n);
  return {
    name: a.name,
    values: lay(a.values, b.values, n) ?? [],
    ...(formulas ? { formulas } : {}),
    ...(numberFormats ? { numberFormats } : {}),
    merges: [...a.merges, ...b.merges],
  };
}

/**
 * Put the sample sheets at `from` into the sheet at `into`: below it (stacked, `gap` blank rows between) or
 * right of it (`gap` blank columns between). The moved sheets are removed; their findings map back by region.
 */
export function combine(e: Edition, into: number, from: readonly number[], how: 'below' | 'right', gap: number): string {
  let g = e.grids[into] as Grid;
  const sheet = g.name;
  if (!e.regions.some((r) => r.sheet === sheet)) e.regions.push({ sheet, top: 0, left: 0, sample: e.sheetOf.get(sheet) ?? sheet });
  const moved: string[] = [];
  for (const i of from) {
    const src = e.grids[i] as Grid;
    const top = how === 'below' ? g.values.length + gap : 0;
    const left = how === 'right' ? widthOf(g) + gap : 0;
    g = overlay(g, shifted(src, top, left));
    for (const r of e.regions.filter((x) => x.sheet === src.name)) e.regions.push({ sheet, top: r.top + top, left: r.left + left, sample: r.sample });
    if (!e.regions.some((r) => r.sheet === src.name)) e.regions.push({ sheet, top, left, sample: e.sheetOf.get(src.name) ?? src.name });
    moved.push(`${src.name}@${a1(top, left)}`);
  }
  e.grids[into] = { ...g, name: sheet };
  const gone = new Set(from.map((i) => e.grids[i]?.name));
  e.grids = e.grids.filter((x) => !gone.has(x.name));
  for (const n of gone) if (n !== undefined) e.sheetOf.delete(n);
  for (let k = e.regions.length - 1; k >= 0; k--) if (gone.has(e.regions[k]?.sheet)) e.regions.splice(k, 1);
  return `${sheet} ← ${moved.join(', ')} (${how}, gap ${gap})`;
}

/** A small deterministic random source (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
}

export interface Transform {
  readonly name: string;
  readonly profiles: readonly Profile[];
  /** Returns a short description of what it did, or null when it did not apply. */
  apply(e: Edition, rng: Rng): string | null;
}

const ANNEX = /^附件\d$/;

function annexIndexes(e: Edition): number[] {
  return e.grids.map((g, i) => [g, i] as const).filter(([g]) => ANNEX.test(e.sheetOf.get(g.name) ?? '')).map(([, i]) => i);
}

/** Whether a sheet holds one table only (no other sample table was stacked into it or put beside it). */
function holdsOneTable(e: Edition, i: number): boolean {
  return !e.regions.some((r) => r.sheet === e.grids[i]?.name);
}

/** The annex sheets (or the given sample sheets) holding one table only. */
function loneAnnexes(e: Edition, of?: readonly string[]): number[] {
  const sheets = of ? e.grids.map((g, i) => [g, i] as const).filter(([g]) => of.includes(e.sheetOf.get(g.name) ?? '')).map(([, i]) => i) : annexIndexes(e);
  return sheets.filter((i) => holdsOneTable(e, i));
}

/**
 * A copy of one annex to edit, with its header row: the first of `candidates`, or one picked with `rng`; null when
 * there is none. The transformation puts it back (`e.grids[i] = g`).
 */
function copyToEdit(e: Edition, candidates: readonly number[], rng: Rng | null): { i: number; g: Grid; h: number } | null {
  if (candidates.length === 0) return null;
  const i = rng ? rng.pick(candidates) : (candidates[0] as number);
  const g = cloneGrid(e.grids[i] as Grid);
  return { i, g, h: headerRowOf(g) };
}

function mapCells(g: Grid, f: (v: string, r: number, c: number) => string | null): number {
  let n = 0;
  (g.values as CellValue[][]).forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const to = f(v, r, c);
      if (to !== null && to !== v) {
        row[c] = to;
        n++;
      }
    }),
  );
  return n;
}

function rename(e: Edition, i: number, name: string): void {
  const g = e.grids[i] as Grid;
  const original = e.sheetOf.get(g.name) ?? g.name;
  e.sheetOf.delete(g.name);
  e.sheetOf.set(name, original);
  for (const r of e.regions) if (r.sheet === g.name) r.sheet = name;
  e.grids[i] = { ...g, name };
}

/** Formal names of the sample's short unit names. */
export const FORMAL_UNITS: Readonly<Record<string, string>> = {
  州发改委: '湘西土家族苗族自治州发展和改革委员会',
  州市场监管局: '湘西土家族苗族自治州市场监督管理局',
  州卫健委: '湘西州卫生健康委员会',
  州政府办: '湘西土家族苗族自治州人民政府办公室',
  州人社局: '湘西州人力资源和社会保障局',
  州财政局: '湘西州财政局',
  州住建局: '湘西州住房和城乡建设局',
  州工信局: '湘西土家族苗族自治州工业和信息化局',
  州科技局: '州科学技术局',
  州医保局: '湘西州医疗保障局',
  州文旅广电局: '湘西土家族苗族自治州文化旅游广电局',
  州教体局: '湘西州教育和体育局',
  州政府金融办: '湘西土家族苗族自治州人民政府金融工作办公室',
};

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** A count below 100 in Chinese numerals, as a 通报 writes it (7 → 七, 12 → 十二, 64 → 六十四). */
export function inWords(n: number): string {
  if (n < 10) return CN[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${n % 10 === 0 ? '' : CN[n % 10]}`;
}

/** The header row of an annex as a clerk sees it: the first row with three or more short labels. */
function headerRowOf(g: Grid): number {
  for (let r = 0; r < Math.min(8, g.values.length); r++) {
    const row = g.values[r] ?? [];
    if (row.filter((v) => typeof v === 'string' && v.trim() !== '' && v.replace(/\s/g, '').length <= 12).length >= 3) return r;
  }
  return -1;
}

/** Rows in [from, to) a new row can go before: not inside a merged group, and holding a data row (two cells or more). */
function rowsBetweenData(g: Grid, from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++) {
    if (g.merges.some((m) => m.top < r && m.bottom >= r)) continue;
    if ((g.values[r] ?? []).filter((v) => v !== null && v !== undefined && v !== '').length < 2) continue;
    out.push(r);
  }
  return out;
}

function widthOf(g: Grid): number {
  return Math.max(0, ...g.values.map((r) => r.length));
}

export const TRANSFORMS: readonly Transform[] = [
  {
    name: 'sheet order',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      for (let i = e.grids.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [e.grids[i], e.grids[j]] = [e.grids[j] as Grid, e.grids[i] as Grid];
      }
      return e.grids.map((g) => g.name).join(',');
    },
  },
  {
    name: 'sheet names',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const i = rng.int(e.grids.length);
      const g = e.grids[i] as Grid;
      const to = rng.pick([`${g.name}（表）`, `Sheet${i + 1}`, `表${i + 1}`, `${g.name} `.trim() + '-报送']);
      if (e.grids.some((x) => x.name === to)) return null;
      rename(e, i, to);
      return `${g.name} → ${to}`;
    },
  },
  {
    name: 'rows above the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = annexIndexes(e);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      // Mostly a line or three; sometimes the table sits far down the sheet.
      const n = rng.next() < 0.25 ? 25 + rng.int(40) : 1 + rng.int(3);
      let g = e.grids[i] as Grid;
      for (let k = 0; k < n; k++) g = insertRow(g, 0, []);
      e.grids[i] = g;
      for (const r of e.regions) if (r.sheet === g.name) r.top += n;
      return `${g.name} +${n} rows`;
    },
  },
  {
    name: 'column left of the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = annexIndexes(e);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      e.grids[i] = insertColumn(e.grids[i] as Grid, 0, []);
      for (const r of e.regions) if (r.sheet === e.grids[i]?.name) r.left += 1;
      return `${e.grids[i]?.name} +1 column at A`;
    },
  },
  {
    name: 'tables stacked in one sheet',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = annexIndexes(e).filter((i) => !e.regions.some((r) => r.sheet === e.grids[i]?.name && r.left > 0));
      if (idx.length < 2) return null;
      const into = rng.pick(idx);
      const rest = idx.filter((i) => i !== into && holdsOneTable(e, i));
      if (rest.length === 0) return null;
      const from = rest.filter(() => rng.next() < 0.6).slice(0, 3);
      if (from.length === 0) from.push(rng.pick(rest));
      return combine(e, into, from, 'below', rng.int(4));
    },
  },
  {
    name: 'tables side by side',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = loneAnnexes(e);
      if (idx.length < 2) return null;
      const into = rng.pick(idx);
      const from = rng.pick(idx.filter((i) => i !== into));
      return combine(e, into, [from], 'right', 1 + rng.int(2));
    },
  },
  {
    name: 'header repeated inside the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = loneAnnexes(e);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const g = e.grids[i] as Grid;
      const h = headerRowOf(g);
      if (h < 0) return null;
      // A page break between data rows: not inside a merged group, and with data rows on both sides.
      const free = rowsBetweenData(g, h + 3, g.values.length - 2);
      if (free.length === 0) return null;
      const at = rng.pick(free);
      e.grids[i] = insertRow(g, at, [...(g.values[h] ?? [])]);
      return `${g.name}: header row ${h + 1} written again before row ${at + 1}`;
    },
  },
  {
    name: 'section title rows',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = loneAnnexes(e);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const g = e.grids[i] as Grid;
      const h = headerRowOf(g);
      if (h < 0) return null;
      // Between data rows (or right under the header), never inside a merged group.
      const free = rowsBetweenData(g, h + 2, g.values.length - 1);
      if (free.length === 0) return null;
      const at = rng.pick(free);
      const col = (g.values[h] ?? []).findIndex((v) => typeof v === 'string' && v.trim() !== '');
      const text = rng.pick(['一、州直单位', '（二）县市区', '第一部分', '二、其他单位']);
      const row: CellValue[] = [];
      row[Math.max(0, col)] = text;
      e.grids[i] = insertRow(g, at, row);
      return `${g.name}: "${text}" before row ${at + 1}`;
    },
  },
  {
    name: 'note under the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const c = copyToEdit(e, annexIndexes(e), rng);
      if (!c) return null;
      const { i, g } = c;
      const note = rng.pick(['注：以上数据由各单位报送，截至统计日。', '备注：本表由督查室汇总。', '填表人：张三    审核人：李四']);
      (g.values as CellValue[][]).push([], [note]);
      e.grids[i] = g;
      return `${g.name}: "${note}" below`;
    },
  },
  {
    name: 'remark column at the right',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = annexIndexes(e);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const g = e.grids[i] as Grid;
      const h = headerRowOf(g);
      if (h < 0) return null;
      const at = widthOf(g);
      const values: CellValue[] = [];
      values[h] = rng.pick(['备注', '联系人', '填报说明']);
      e.grids[i] = insertColumn(g, at, values);
      return `${g.name}: "${String(values[h])}" column at ${at}`;
    },
  },
  {
    name: 'header words broken',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const idx = annexIndexes(e);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const g = e.grids[i] as Grid;
      const style = rng.pick(['space', 'newline', 'fullwidth-space'] as const);
      // Header cells: short labels in the table's header row — the first row with three or more labels
      // (the rows under it are data: breaking a word there would change a value, not a heading).
      const headerRows = new Set<number>();
      for (let r = 0; r < Math.min(8, g.values.length); r++) {
        const row = g.values[r] ?? [];
        if (row.filter((v) => typeof v === 'string' && v.trim() !== '' && v.replace(/\s/g, '').length <= 12).length >= 3) {
          headerRows.add(r);
          break;
        }
      }
      const n = mapCells(g, (v, r) => {
        if (!headerRows.has(r) || !/^[\u4e00-\u9fff]{3,6}$/.test(v) || rng.next() < 0.5) return null;
        const cut = 1 + rng.int(v.length - 1);
        const sep = style === 'space' ? ' ' : style === 'newline' ? '\n' : '\u3000';
        return v.slice(0, cut) + sep + v.slice(cut);
      });
      return n > 0 ? `${g.name}: ${n} header cells (${style})` : null;
    },
  },
  {
    name: 'number formats',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      const c = copyToEdit(e, annexIndexes(e), rng);
      if (!c) return null;
      const { i, g } = c;
      const fmt = rng.pick(['0', '#,##0', '0_ ', 'General']);
      const nf = g.values.map((row) => row.map((v) => (typeof v === 'number' ? fmt : null)));
      e.grids[i] = { ...g, numberFormats: nf };
      return `${g.name}: numbers as ${fmt}`;
    },
  },
  {
    name: 'units in their formal names',
    profiles: ['incentive'],
    apply(e, rng) {
      const idx = annexIndexes(e).filter((i) => ['附件3', '附件4'].includes(e.sheetOf.get(e.grids[i]?.name ?? '') ?? ''));
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const n = mapCells(e.grids[i] as Grid, (v) => FORMAL_UNITS[v.trim()] ?? null);
      return n > 0 ? `${e.grids[i]?.name}: ${n} formal unit names` : null;
    },
  },
  {
    name: 'counties without 县/市',
    profiles: ['incentive'],
    apply(e) {
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件3');
      if (i < 0) return null;
      const n = mapCells(e.grids[i] as Grid, (v) => v.replace(/(吉首)市(?=[：:])|(凤凰|永顺|保靖|古丈)县(?=[：:])/g, '$1$2'));
      return n > 0 ? `附件3: ${n} assessments name counties without 县/市` : null;
    },
  },
  {
    name: 'counts written as words',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件1's counts and 附件2's 项数, some written 十二 / 12项 / 共12项 / '12 / １２: each one reading only.
      const idx = e.grids.map((g, i) => [g, i] as const).filter(([g]) => ['附件1', '附件2'].includes(e.sheetOf.get(g.name) ?? '')).map(([, i]) => i);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const g = cloneGrid(e.grids[i] as Grid);
      const h = headerRowOf(g);
      if (h < 0) return null;
      const style = rng.pick(['words', 'measure', 'all', 'text', 'fullwidth'] as const);
      let n = 0;
      (g.values as CellValue[][]).forEach((row, r) => {
        if (r <= h) return;
        row.forEach((v, c) => {
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 99 || c === 0 || g.formulas?.[r]?.[c] || rng.next() < 0.5) return;
          const label = String(row[0] ?? '').replace(/\s/g, '');
          if (/合计|小计|总计/.test(label)) return;
          row[c] =
            style === 'words' ? inWords(v) : style === 'measure' ? `${v}项` : style === 'all' ? `共${inWords(v)}项` : style === 'text' ? String(v) : String(v).replace(/\d/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0));
          n++;
        });
      });
      e.grids[i] = g;
      return n > 0 ? `${g.name}: ${n} counts as ${style}` : null;
    },
  },
  {
    name: 'percentages written as text',
    profiles: ['keywork'],
    apply(e, rng) {
      // 附件2's 量化数据: 85% typed as text, 百分之八十五, 完成85%, ８５％ — the figure Excel showed, with its decimals.
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件2');
      if (i < 0) return null;
      const g = cloneGrid(e.grids[i] as Grid);
      const h = headerRowOf(g);
      const col = (g.values[h] ?? []).findIndex((v) => typeof v === 'string' && v.replace(/\s/g, '') === '量化数据');
      if (h < 0 || col < 0) return null;
      const style = rng.pick(['text', 'words', 'in-text', 'fullwidth'] as const);
      let n = 0;
      (g.values as CellValue[][]).forEach((row, r) => {
        const v = row[col];
        if (r <= h || typeof v !== 'number' || rng.next() < 0.4) return;
        const fmt = g.numberFormats?.[r]?.[col] ?? null;
        const p = readPercent(v, fmt);
        if (p.kind !== 'percent') return;
        const shown = p.text;
        const whole = Number.isInteger(p.shown) && p.shown >= 0 && p.shown < 100 && p.decimals === 0;
        row[col] =
          style === 'words' && whole ? `百分之${inWords(p.shown)}` : style === 'in-text' ? `完成${shown}` : style === 'fullwidth' ? shown.replace(/[\d%.]/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)) : shown;
        if (g.numberFormats?.[r]) (g.numberFormats[r] as (string | null)[])[col] = null;
        n++;
      });
      e.grids[i] = g;
      return n > 0 ? `附件2: ${n} percentages as ${style}` : null;
    },
  },
  {
    name: 'deadline column',
    profiles: ['keywork'],
    apply(e, rng) {
      // A 完成时限 column at the right of 附件1 or the 任务分解, its dates written every way offices write them.
      // Only on a sheet holding that one table: appended at the sheet's right edge beside another table, the column
      // would sit in the other table's columns, its dates on that table's note rows (the 5,000-edition run found it).
      const idx = loneAnnexes(e, ['附件1', '任务分解']);
      if (idx.length === 0) return null;
      const i = rng.pick(idx);
      const g = e.grids[i] as Grid;
      const h = headerRowOf(g);
      if (h < 0) return null;
      const forms = ['2024年6月30日', '2024-12-31', '2024/9/30', '2024.10.31', '6月底前', '12月31日', '年底前', '长期', '2024年底', '9月30日前'];
      const values: CellValue[] = [];
      values[h] = rng.pick(['完成时限', '时间节点', '完成时间']);
      for (let r = h + 1; r < g.values.length; r++) {
        const row = g.values[r] ?? [];
        if (row.filter((v) => v !== null && v !== undefined && v !== '').length >= 3) values[r] = rng.pick(forms);
      }
      e.grids[i] = insertColumn(g, widthOf(g), values);
      return `${g.name}: "${String(values[h])}" column`;
    },
  },
  {
    name: 'total row',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      // A 合计 row under 附件2's 项数 (incentive) or 附件1's √ columns (key-work), right: counts summed, ticks counted.
      const target = e.profile === 'incentive' ? '附件2' : '附件1';
      // Only on a sheet holding that one table (its row would run through a table beside it).
      const i = loneAnnexes(e, [target])[0];
      if (i === undefined) return null;
      const g = cloneGrid(e.grids[i] as Grid);
      const marks = e.profile === 'keywork';
      const isValue = (v: CellValue) => (marks ? typeof v === 'string' && /^[√✓✔]$/.test(v.trim()) : typeof v === 'number');
      // The data rows: from the first row with a name and a value to the last row of two cells or more.
      const start = g.values.findIndex((row) => (row ?? []).some((v, c) => c > 0 && isValue(v ?? null)) && (row?.[0] ?? '') !== '');
      if (start < 1) return null;
      const h = start - 1;
      const width = widthOf(g);
      let last = h;
      for (let r = h + 1; r < g.values.length; r++) if ((g.values[r] ?? []).filter((v) => v !== null && v !== undefined && v !== '').length >= 2) last = r;
      const sums: CellValue[] = Array.from({ length: width }, () => null);
      sums[0] = rng.pick(['合计', '合  计', '总计']);
      for (let c = 1; c < width; c++) {
        let sum = 0;
        let any = false;
        for (let r = h + 1; r <= last; r++) {
          const v = g.values[r]?.[c] ?? null;
          if (isValue(v)) {
            sum += marks ? 1 : (v as number);
            any = true;
          }
        }
        if (any) sums[c] = sum;
      }
      if (sums.filter((v) => typeof v === 'number').length === 0) return null;
      e.grids[i] = insertRow(g, last + 1, sums);
      return `${g.name}: ${String(sums[0])} row at ${last + 2}`;
    },
  },
  {
    name: '通报 counts in words',
    profiles: ['keywork'],
    apply(e, rng) {
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '通报');
      if (i < 0) return null;
      const style = rng.pick(['words', 'fullwidth'] as const);
      const n = mapCells(e.grids[i] as Grid, (v) =>
        /项目标任务中/.test(v)
          ? v.replace(/(\d+)(?=(项|件))/g, (d) => (style === 'words' ? inWords(Number(d)) : d.replace(/\d/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0))))
          : null,
      );
      return n > 0 ? `通报 counts as ${style}` : null;
    },
  },
  {
    name: 'signature lines under the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      // Who filled, checked and stamped the form, spread over the table's columns as offices lay them out.
      const c = copyToEdit(e, annexIndexes(e), rng);
      if (!c) return null;
      const { i, g } = c;
      const line = rng.pick<CellValue[]>([
        ['填表人：张三', null, '审核人：李四', null, '联系电话：0743-8221234'],
        [null, '填报单位（盖章）：', null, '填报日期：2024年7月10日'],
        ['单位负责人（签字）：', null, null, '报送时间：7月10日'],
        ['制表：王五', '审核：赵六', '日期：2022年10月10日'],
      ]);
      (g.values as CellValue[][]).push(rng.next() < 0.5 ? [] : [null], line);
      e.grids[i] = g;
      return `${g.name}: "${line.filter((v) => v !== null).join(' ')}" below`;
    },
  },
  {
    name: 'no figure written as a dash',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件1's empty tally cells written —, -, /, 无 … as offices mark "none".
      const c = copyToEdit(e, loneAnnexes(e, ['附件1']), null);
      if (!c) return null;
      const { i, g, h } = c;
      if (h < 0) return null;
      const width = (g.values[h] ?? []).length;
      const mark = rng.pick(['—', '-', '/', '无', '——', '－', '／']);
      let n = 0;
      (g.values as CellValue[][]).forEach((row, r) => {
        if (r <= h + 1 || typeof row[0] !== 'string' || row[0].trim() === '') return;
        for (let c = 2; c < width; c++) {
          if ((row[c] === null || row[c] === undefined) && rng.next() < 0.5) {
            row[c] = mark;
            n++;
          }
        }
      });
      e.grids[i] = g;
      return n > 0 ? `${g.name}: ${n} empty counts as "${mark}"` : null;
    },
  },
  {
    name: 'a unit written another way',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件2 names the prefecture's own row differently from 附件3's assessments (州本级).
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件2');
      if (i < 0) return null;
      const to = rng.pick(['州直单位', '州直', '州级', '州直部门']);
      const n = mapCells(e.grids[i] as Grid, (v) => (v.trim() === '州本级' ? to : null));
      return n > 0 ? `附件2: 州本级 → ${to}` : null;
    },
  },
  {
    name: 'row numbers written as text',
    profiles: ['keywork'],
    apply(e, rng) {
      // 序号 typed 1. / 1、 / （1） / 第1项 instead of the number.
      const c = copyToEdit(e, loneAnnexes(e, ['附件1']), null);
      if (!c) return null;
      const { i, g, h } = c;
      const style = rng.pick([(n: number) => `${n}.`, (n: number) => `${n}、`, (n: number) => `（${n}）`, (n: number) => `第${n}项`, (n: number) => `${n}．`]);
      let n = 0;
      (g.values as CellValue[][]).forEach((row, r) => {
        if (r > h && typeof row[0] === 'number' && Number.isInteger(row[0])) {
          row[0] = style(row[0]);
          n++;
        }
      });
      e.grids[i] = g;
      return n > 0 ? `${g.name}: ${n} 序号 as "${style(1)}"` : null;
    },
  },
  {
    name: 'issuer and date under the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      // The office that issues the table and the date, at its right, as a letter ends.
      const c = copyToEdit(e, loneAnnexes(e), rng);
      if (!c) return null;
      const { i, g, h } = c;
      const col = Math.max(1, (g.values[h] ?? []).length - 1 - rng.int(2));
      const at = (text: string): CellValue[] => {
        const row: CellValue[] = [];
        row[col] = text;
        return row;
      };
      (g.values as CellValue[][]).push([], at(rng.pick(['州政府督查室', '区政府办公室', '督查室（盖章）'])), at(rng.pick(['2024年7月10日', '2022年10月10日', '2024.7.10'])));
      e.grids[i] = g;
      return `${g.name}: issuer and date at column ${col}`;
    },
  },
  {
    name: 'marks written another way',
    profiles: ['keywork'],
    apply(e, rng) {
      // 附件1's √ written 是 / ● / ✓, and × in the columns not chosen.
      const c = copyToEdit(e, loneAnnexes(e, ['附件1']), null);
      if (!c) return null;
      const { i, g, h } = c;
      const mark = rng.pick(['是', '●', '✓', '✔']);
      const crosses = rng.next() < 0.5;
      let n = 0;
      (g.values as CellValue[][]).forEach((row, r) => {
        if (r <= h || typeof row[0] !== 'number') return;
        for (let c = 4; c <= 6; c++) {
          if (row[c] === '√') {
            row[c] = mark;
            n++;
          } else if (crosses && (row[c] === null || row[c] === undefined)) row[c] = '×';
        }
      });
      e.grids[i] = g;
      return n > 0 ? `${g.name}: ${n} marks as "${mark}"${crosses ? ', × elsewhere' : ''}` : null;
    },
  },
  {
    name: 'assessments written with other separators',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件3's `龙山县：有可能` written 龙山县-有可能 / 龙山县（有可能） / 龙山县 有可能.
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件3');
      if (i < 0) return null;
      const style = rng.pick([(u: string, w: string) => `${u}-${w}`, (u: string, w: string) => `${u}（${w}）`, (u: string, w: string) => `${u} ${w}`, (u: string, w: string) => `${u}—${w}`]);
      const n = mapCells(e.grids[i] as Grid, (v) => (/^[\u4e00-\u9fff]+：(很有可能|有可能|难度较大|不太可能)/m.test(v) ? v.replace(/^([\u4e00-\u9fff]+)：(很有可能|有可能|难度较大|不太可能)$/gm, (_m, u: string, w: string) => style(u, w)) : null));
      return n > 0 ? `附件3: ${n} assessments as "${style('县', '有可能')}"` : null;
    },
  },
  {
    name: 'items listed on one line',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件2's items one per line written on one line: 1.金融工作；2.安全生产 …
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件2');
      if (i < 0) return null;
      const sep = rng.pick(['；', ';', '，', '。']);
      const n = mapCells(e.grids[i] as Grid, (v) => (/^1\.[^\n]+\n2\./.test(v) ? v.split('\n').join(sep) : null));
      return n > 0 ? `附件2: ${n} lists on one line, "${sep}" between` : null;
    },
  },
  {
    name: 'a unit shortened in 附件1',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件1 writes a lead unit the short way offices do (州行审局), 附件3 in full.
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件1');
      if (i < 0) return null;
      const [from, to] = rng.pick([['州行政审批服务局', '州行审局'], ['州文旅广电局', '州文旅局'], ['州市场监管局', '州市监局']] as const);
      const n = mapCells(e.grids[i] as Grid, (v) => (v.trim() === from ? to : null));
      return n > 0 ? `附件1: ${from} → ${to}` : null;
    },
  },
  {
    name: 'units numbered in 附件1',
    profiles: ['incentive'],
    apply(e, rng) {
      // 附件1's units written with their row number: 1.州发改委 / 2、州财政局 / (3)州医保局.
      const c = copyToEdit(e, loneAnnexes(e, ['附件1']), null);
      if (!c) return null;
      const { i, g, h } = c;
      const style = rng.pick([(n: number) => `${n}.`, (n: number) => `${n}、`, (n: number) => `（${n}）`]);
      let n = 0;
      (g.values as CellValue[][]).forEach((row, r) => {
        // Once: a unit numbered already keeps its number.
        if (r > h + 1 && typeof row[0] === 'string' && typeof row[1] === 'number' && !/合\s*计/.test(row[0]) && row[0].trim() !== '' && !/^[(（]?\d/.test(row[0])) row[0] = `${style(++n)}${row[0]}`;
      });
      e.grids[i] = g;
      return n > 0 ? `${g.name}: ${n} units numbered "${style(1)}"` : null;
    },
  },
  {
    name: 'a closing line under the table',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      // One line of text under a table that speaks of it: 以上数据截至… / 合计：… / a unit's remark in brackets.
      const c = copyToEdit(e, loneAnnexes(e), rng);
      if (!c) return null;
      const { i, g } = c;
      const text = rng.pick(['以上数据截至统计截止日，由各牵头单位填报', '以上事项按省政府文件顺序排列', '上述进展均经牵头单位负责人审核', '合计：见表头合计行', '本表由督查室汇总']);
      const row: CellValue[] = [];
      row[rng.next() < 0.7 ? 0 : 1] = text;
      (g.values as CellValue[][]).push(row);
      e.grids[i] = g;
      return `${g.name}: "${text}" below`;
    },
  },
  {
    name: 'a remark after a unit in 附件1',
    profiles: ['incentive'],
    apply(e, rng) {
      const i = e.grids.findIndex((g) => e.sheetOf.get(g.name) === '附件1');
      if (i < 0) return null;
      const unit = rng.pick(['州财政局', '州发改委', '州医保局']);
      const remark = rng.pick(['（牵头）', '（含代管）', '(主办)']);
      const n = mapCells(e.grids[i] as Grid, (v) => (v.trim() === unit ? `${unit}${remark}` : null));
      return n > 0 ? `附件1: ${unit}${remark}` : null;
    },
  },
  {
    name: 'another table below',
    profiles: ['incentive', 'keywork'],
    apply(e, rng) {
      // A small table of another kind under an annex, after a blank row: contacts, or counts by class.
      const c = copyToEdit(e, loneAnnexes(e), rng);
      if (!c) return null;
      const { i, g } = c;
      const table = rng.pick<CellValue[][]>([
        [['联系人', '职务', '联系电话'], ['张三', '科长', '0743-8221234'], ['李四', '科员', '0743-8221235']],
        [['类别', '件数'], ['省级', 35], ['市级', 11]],
        [['填报单位', '联系人', '手机'], ['督查室', '王五', '13800000000']],
      ]);
      (g.values as CellValue[][]).push(...Array.from({ length: 1 + rng.int(2) }, () => []), ...table.map((r) => [...r]));
      e.grids[i] = g;
      return `${g.name}: "${table[0]?.join(' ')}" table below`;
    },
  },
];

/** One transformation with the seed of its own choices: an edition is a list of steps, replayable in part. */
export interface Step {
  readonly name: string;
  readonly seed: number;
}

/** The steps of edition `seed`: 1…max random transformations of the profile. */
export function plan(profile: Profile, seed: number, max = 4): Step[] {
  const rng = new Rng(seed);
  const pool = TRANSFORMS.filter((t) => t.profiles.includes(profile));
  const count = 1 + rng.int(max);
  return Array.from({ length: count }, () => ({ name: rng.pick(pool).name, seed: rng.int(2 ** 31) }));
}

/** Apply the steps to a copy of `base`. */
export function build(profile: Profile, base: readonly Grid[], steps: readonly Step[]): Edition {
  const e: Edition = { profile, grids: base.map((g) => cloneGrid(g)), sheetOf: new Map(base.map((g) => [g.name, g.name])), log: [], regions: [] };
  for (const step of steps) {
    const t = TRANSFORMS.find((x) => x.name === step.name);
    if (!t) throw new Error(`no transformation ${step.name}`);
    const did = t.apply(e, new Rng(step.seed));
    e.log.push(`${t.name}#${step.seed}: ${did ?? '(did not apply)'}`);
  }
  return e;
}
