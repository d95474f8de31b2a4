/** Shared layout of our summary sheets: the way staff format annexes. */
import type { CellStyle, ChartPlan, PlanCell, SheetPlan } from './types';

export const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' },
  subtitle: { fontSize: 10, italic: true, fontColor: '595959', hAlign: 'left', vAlign: 'middle', wrap: true },
  header: { bold: true, border: true, wrap: true, hAlign: 'center', vAlign: 'middle', fill: 'D9E1F2' },
  text: { border: true, wrap: true, vAlign: 'top' },
  center: { border: true, hAlign: 'center', vAlign: 'top' },
  number: { border: true, hAlign: 'right', vAlign: 'top' },
  total: { bold: true, border: true, hAlign: 'center', vAlign: 'top', fill: 'F2F2F2' },
  totalNumber: { bold: true, border: true, hAlign: 'right', vAlign: 'top', fill: 'F2F2F2' },
  link: { border: true, fontColor: '0563C1', vAlign: 'top' },
  error: { border: true, bold: true, fontColor: '9C0006', fill: 'FFC7CE', hAlign: 'center', vAlign: 'top' },
  warning: { border: true, fontColor: '9C5700', fill: 'FFEB9C', hAlign: 'center', vAlign: 'top' },
  info: { border: true, fontColor: '1F4E78', fill: 'DDEBF7', hAlign: 'center', vAlign: 'top' },
  section: { bold: true, fontSize: 12, vAlign: 'middle' },
};

export const PERCENT = '0.0%';

export function text(value: string | null, style = 'text'): PlanCell {
  return { value, style };
}

export function blank(): PlanCell {
  return { value: null };
}

export function num(value: number | null, style = 'number'): PlanCell {
  return { value, style };
}

/**
 * A formula with its cached result — always one (`""` for a blank IF branch, 0 for an empty SUM), so a reader
 * that does not recalculate shows the figure, not a blank.
 */
export function formula(f: string, value: string | number, style = 'number', numberFormat?: string): PlanCell {
  return { value, formula: f, style, ...(numberFormat ? { numberFormat } : {}) };
}

export function link(label: string, sheet: string, cell: string): PlanCell {
  return { value: label, style: 'link', link: { sheet, cell } };
}

/** A1 reference to another sheet, quoted as Excel needs (`'附件3'!E5`). */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * The rows of a plan with their sheet row numbers. A formula names the rows it refers to by what `push`,
 * `reserve` and `block` returned — the row a line really lands on — never by arithmetic on a row count,
 * so a table that moves down moves its references with it.
 */
export class PlanRows {
  private readonly list: PlanCell[][] = [];

  /** The 1-based sheet row the next line lands on. */
  get next(): number {
    return this.list.length + 1;
  }

  /** The last row pushed so far (0 when none). */
  get last(): number {
    return this.list.length;
  }

  /** Add a line; `make` receives the row it lands on. Returns that row. */
  push(make: readonly PlanCell[] | ((row: number) => PlanCell[]) = []): number {
    const row = this.next;
    this.list.push(typeof make === 'function' ? make(row) : [...make]);
    return row;
  }

  /** Keep a line for later (a 合计 above the rows it sums); fill it with `fill`. */
  reserve(): number {
    return this.push([]);
  }

  /** Fill a reserved or pushed line. */
  fill(row: number, cells: readonly PlanCell[]): void {
    if (row < 1 || row > this.list.length) throw new RangeError(`row ${row} was not pushed`);
    this.list[row - 1] = [...cells];
  }

  /** Set one cell of a pushed line, padding the line with blanks (a helper table beside the main one). */
  set(row: number, col: number, cell: PlanCell): void {
    while (this.list.length < row) this.list.push([]);
    const line = this.list[row - 1] as PlanCell[];
    for (let c = line.length; c < col; c++) line[c] = blank();
    line[col] = cell;
  }

  /** One line per item; returns the rows of the first and the last (last < first when there are none). */
  block<T>(items: readonly T[], make: (item: T, row: number, index: number) => PlanCell[]): { first: number; last: number } {
    const first = this.next;
    items.forEach((it, i) => this.push((row) => make(it, row, i)));
    return { first, last: this.last };
  }

  get rows(): PlanCell[][] {
    return this.list;
  }
}

/**
 * An exact-match count or sum: unlike COUNTIFS / SUMIFS criteria, `=` treats `* ? ~` and a leading `= < >`
 * in a unit's name as the characters they are (`州财政局*` is one unit, not a wildcard).
 */
export function countEqual(pairs: readonly (readonly [range: string, value: string])[], sumRange?: string): string {
  const conds = pairs.map(([range, value]) => `--(${range}=${value})`);
  return `SUMPRODUCT(${[...conds, ...(sumRange ? [sumRange] : [])].join(',')})`;
}

/** Display width of text in column-width units: a CJK character is two, others one. */
function textWidth(s: string): number {
  // By code unit (no string per character): a character outside the BMP is a surrogate pair, both halves in
  // U+2E80–U+FFEF, counted once as two — as a test of the pair's string against that range counted it.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    w += c >= 0x2e80 && c <= 0xffef ? 2 : 1;
  }
  return w;
}

/**
 * Heights for the one-row merged areas holding wrapped text (the notes under our titles): neither Excel nor
 * LibreOffice grows a row for a merged cell's text, so without a height the note spills over the title when
 * printed. Lines are estimated from the merged columns' widths and the text's display width.
 */
export function wrappedRowHeights(rows: readonly (readonly PlanCell[])[], merges: readonly string[], widths: readonly number[], styles: Readonly<Record<string, CellStyle>>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const m of merges) {
    const r = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    if (!r || r[2] !== r[4]) continue;
    const row = Number(r[2]);
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const [from, to] = [col(r[1] as string), col(r[3] as string)];
    const cell = rows[row - 1]?.[from];
    const style = cell?.style ? styles[cell.style] : undefined;
    if (!cell || typeof cell.value !== 'string' || !style?.wrap) continue;
    const size = style.fontSize ?? 11;
    let avail = 0;
    for (let c = from; c <= to; c++) avail += widths[c] ?? 8.43;
    avail = Math.max(1, (avail - 1) * (11 / size));
    const lines = cell.value.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(textWidth(para) / avail)), 0);
    if (lines > 1) out[row] = Math.ceil(lines * size * 1.4 + 4);
  }
  return out;
}

export function basePlan(
  id: string,
  name: string,
  rows: PlanCell[][],
  opts: { widths: number[]; headerRow: number; merges?: string[]; table?: { name: string; range: string }; charts?: readonly ChartPlan[] },
): SheetPlan {
  const merges = opts.merges ?? [];
  const heights = wrappedRowHeights(rows, merges, opts.widths, STYLES);
  return {
    id,
    name,
    rows,
    merges,
    ...(Object.keys(heights).length > 0 ? { rowHeights: heights } : {}),
    columnWidths: opts.widths,
    frozenRows: opts.headerRow,
    printTitleRows: [opts.headerRow, opts.headerRow],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    styles: STYLES,
    ...(opts.table ? { table: opts.table } : {}),
    ...(opts.charts && opts.charts.length > 0 ? { charts: opts.charts } : {}),
  };
}
