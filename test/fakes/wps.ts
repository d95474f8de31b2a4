/* eslint-disable @typescript-eslint/no-this-alias -- the collections are object literals with getters that need their owner */
/**
 * A fake WPS 表格 host for the tests, modelled on the documented ET object model (WPS加载项 JSAPI, which follows
 * Excel VBA's): collections are 1-based (`Item(i)`, or `Item(name)`), and an index or name that is not there
 * throws as a COM call does (“下标越界”); a multi-cell range's `Value2`/`Formula` is a 2-D array and a single
 * cell's a scalar; a merged area's value sits in its top-left cell only; `NumberFormat` and `MergeCells` of a
 * range are one value when every cell agrees and `null` when they differ; error values come back as the COM
 * VT_ERROR codes (or, with `errorStyle: 'text'`, as `#REF!` text); a change to a protected sheet throws; deleting
 * a sheet with `DisplayAlerts` on would ask the user (counted as a prompt). It can lack members a WPS build may
 * lack (`lacking`), and it counts the calls that read cells, so tests can prove the adapter reads in bulk.
 *
 * Self-contained (type-only imports), so the end-to-end test can load the same fake into the page.
 */
import type { Grid } from '../../src/core/grid';

export type FakeWpsMember = 'FormatConditions' | 'Names' | 'ListObjects' | 'PageSetup' | 'MergeCells' | 'ActiveWindow' | 'Hyperlinks' | 'NumberFormat' | 'Find' | 'ChartObjects' | 'AddChart2' | 'HPageBreaks';

/** A workbook member whose getter throws (as a COM call can, on a busy or damaged workbook). */
export type FakeWpsFailure = 'ProtectStructure' | 'ActiveSheet' | 'Names';

/**
 * Unfavourable modes ("fakes that say no"): each is something a real WPS may do that the kind default hides.
 * - `formattedTo`: every sheet carries a number format (and nothing else) down to this cell, as a sheet formatted
 *   by whole columns does, so `UsedRange` reaches it although the content ends far above.
 * - `mixedFormat`: what `NumberFormat` of a range with different formats returns (default `null`; some builds `''`).
 * - `closedPaneThrows`: `GetTaskPane(id)` of a pane the user has closed throws instead of returning it.
 * - `failing`: workbook members whose getter throws.
 */
export interface FakeWpsOptions {
  readonly lacking?: readonly FakeWpsMember[];
  readonly errorStyle?: 'scode' | 'text';
  readonly formattedTo?: string;
  readonly mixedFormat?: null | '';
  readonly closedPaneThrows?: boolean;
  readonly failing?: readonly FakeWpsFailure[];
  /** Freezing panes while the active sheet is hidden throws (unverified; a hidden sheet cannot be active in the fake anyway). */
  readonly hiddenSheetFreeze?: 'reject' | 'accept';
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeWpsCell {
  value: string | number | boolean | { error: string } | null;
  formula?: string;
  numberFormat?: string;
}

export interface FakeCondition {
  readonly areas: Area[];
  readonly type: number;
  readonly formula1: string;
  color: number | null;
}

const SCODE: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function fakeA1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** `A1`, `A1:C3`, `$A$1`, `A:C`, `1:3`, and comma-separated lists of those. */
export function parseAreas(address: string): Area[] {
  return address.split(',').map((part) => {
    const [a, b] = part.trim().replace(/\$/g, '').toUpperCase().split(':');
    const one = (s: string | undefined): { row: number | null; col: number | null } => {
      const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(s ?? '');
      if (!m || (m[1] === '' && m[2] === '')) throw new Error(`无效的引用: ${address}`);
      return { col: m[1] ? colNumber(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
    };
    const p = one(a);
    const q = b === undefined ? p : one(b);
    return {
      top: Math.min(p.row ?? 0, q.row ?? 0),
      left: Math.min(p.col ?? 0, q.col ?? 0),
      bottom: p.row === null ? MAX_ROW : Math.max(p.row, q.row ?? 0),
      right: p.col === null ? MAX_COL : Math.max(p.col, q.col ?? 0),
    };
  });
}

function comError(text: string): Error {
  return new Error(text);
}

/** A chart as the adapter built it (ChartObjects().Add or Shapes.AddChart2), with everything set on it. */
export interface FakeWpsChart {
  readonly via: 'ChartObjects' | 'AddChart2';
  Name: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number | undefined };
  readonly series: FakeWpsSeries[];
  readonly axes: Record<number, { HasTitle: boolean; AxisTitle: { Text: string }; MinimumScale?: number; ReversePlotOrder?: boolean; Crosses?: number; TickLabels: { NumberFormat?: string } }>;
}

export interface FakeWpsSeries {
  Name: string;
  /** Values and categories as the addresses of the ranges given. */
  values: string | undefined;
  xValues: string | undefined;
  color: number | undefined;
  readonly pointColors: Record<number, number>;
  HasDataLabels: boolean;
  labelFormat: string | undefined;
}

function fakeChart(via: FakeWpsChart['via'], left: number, top: number, width: number, height: number, type: number): FakeWpsChart & { Chart: unknown } {
  const axes: FakeWpsChart['axes'] = {};
  const chart: FakeWpsChart = { via, Name: '', left, top, width, height, ChartType: type, HasTitle: false, ChartTitle: { Text: '' }, HasLegend: true, Legend: { Position: undefined }, series: [], axes };
  const api = {
    get ChartType() {
      return chart.ChartType;
    },
    set ChartType(v: number) {
      chart.ChartType = v;
    },
    set HasTitle(v: boolean) {
      chart.HasTitle = v;
    },
    get ChartTitle() {
      if (!chart.HasTitle) throw comError('图表没有标题');
      return chart.ChartTitle;
    },
    set HasLegend(v: boolean) {
      chart.HasLegend = v;
    },
    get Legend() {
      if (!chart.HasLegend) throw comError('图表没有图例');
      return chart.Legend;
    },
    SeriesCollection: () => ({
      get Count() {
        return chart.series.length;
      },
      Item: (i: number) => ({ Delete: () => chart.series.splice(i - 1, 1) }),
      NewSeries: () => {
        const s: FakeWpsSeries = { Name: `系列${chart.series.length + 1}`, values: undefined, xValues: undefined, color: undefined, pointColors: {}, HasDataLabels: false, labelFormat: undefined };
        chart.series.push(s);
        const fill = (set: (v: number) => void) => ({ Fill: { ForeColor: { set RGB(v: number) { set(v); } } } });
        const range = (v: unknown): string => {
          if (!(v instanceof FakeWpsRange)) throw comError('类型不匹配');
          return v.address;
        };
        return {
          set Name(v: string) {
            s.Name = v;
          },
          set Values(v: unknown) {
            s.values = range(v);
          },
          set XValues(v: unknown) {
            s.xValues = range(v);
          },
          set HasDataLabels(v: boolean) {
            s.HasDataLabels = v;
          },
          Format: fill((v) => (s.color = v)),
          Points: (i: number) => {
            const n = Math.max(0, ...[s.values].filter(Boolean).map((a) => parseAreas(a as string).reduce((k, x) => k + x.bottom - x.top + 1, 0)));
            if (i < 1 || i > n) throw comError('下标越界');
            return { Format: fill((v) => (s.pointColors[i] = v)) };
          },
          DataLabels: () => {
            if (!s.HasDataLabels) throw comError('系列没有数据标签');
            return {
              set NumberFormat(v: string) {
                s.labelFormat = v;
              },
            };
          },
        };
      },
    }),
    Axes: (type: number) => {
      if (type !== 1 && type !== 2) throw comError('无效的坐标轴');
      const a = (axes[type] ??= { HasTitle: false, AxisTitle: { Text: '' }, TickLabels: {} });
      return {
        set HasTitle(v: boolean) {
          a.HasTitle = v;
        },
        get AxisTitle() {
          if (!a.HasTitle) throw comError('坐标轴没有标题');
          return a.AxisTitle;
        },
        set MinimumScale(v: number) {
          a.MinimumScale = v;
        },
        set ReversePlotOrder(v: boolean) {
          a.ReversePlotOrder = v;
        },
        set Crosses(v: number) {
          a.Crosses = v;
        },
        TickLabels: a.TickLabels,
      };
    },
  };
  return Object.assign(chart, { Chart: api });
}

export class FakeWpsSheet {
  Visible: number = -1;
  ProtectContents = false;
  readonly cells = new Map<string, FakeWpsCell>();
  merges: Area[] = [];
  conditions: FakeCondition[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly styles: { address: string; prop: string; value: unknown }[] = [];
  readonly hyperlinks: { anchor: string; subAddress: string; text: string }[] = [];
  readonly tables: { Name: string; address: string }[] = [];
  frozenRows = 0;
  pageSetup: Record<string, unknown> = {};
  readonly charts: FakeWpsChart[] = [];
  /** HPageBreaks.Add, as the addresses of the cells given. */
  readonly rowBreaks: string[] = [];

  constructor(
    readonly book: FakeWpsWorkbook,
    private name: string,
  ) {}

  get Name(): string {
    return this.name;
  }

  set Name(v: string) {
    if (v.length === 0 || v.length > 31 || /[\\/?*[\]:]/.test(v)) throw comError('工作表名称无效');
    if (this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === v.toLowerCase())) throw comError('该名称已被使用');
    this.name = v;
  }

  cell(row: number, col: number): FakeWpsCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): FakeWpsCell {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }

  guard(): void {
    if (this.ProtectContents) throw comError('不能更改受保护的工作表中的单元格。');
  }

  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Cells with a value, a formula or only a format, and merged areas: WPS's used range. */
  usedArea(): Area {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r1: number, c1: number, r2: number, c2: number): void => {
      top = Math.min(top, r1);
      left = Math.min(left, c1);
      bottom = Math.max(bottom, r2);
      right = Math.max(right, c2);
    };
    for (const [k, c] of this.cells) {
      if (c.value === null && c.formula === undefined && c.numberFormat === undefined) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      take(r, col, r, col);
    }
    for (const m of this.merges) take(m.top, m.left, m.bottom, m.right);
    const f = this.book.app.formattedTo;
    if (f) take(0, 0, f.row, f.col);
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }

  get UsedRange(): FakeWpsRange {
    return new FakeWpsRange(this, [this.usedArea()]);
  }

  get Cells(): FakeWpsRange {
    return new FakeWpsRange(this, [{ top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }]);
  }

  /** The format a cell shows: its own, else (an empty cell in the `formattedTo` area) `0.00`, else General. */
  formatAt(row: number, col: number): string {
    const cell = this.cell(row, col);
    if (cell?.numberFormat !== undefined) return cell.numberFormat;
    if (cell && (cell.value !== null || cell.formula !== undefined)) return 'General';
    const f = this.book.app.formattedTo;
    return f && row <= f.row && col <= f.col ? '0.00' : 'General';
  }

  /** The last cell with content (a value or a formula) by rows or by columns, as `Find("*", , xlFormulas, , order, xlPrevious)`. */
  lastContent(byColumns: boolean): { row: number; col: number } | null {
    let best: { row: number; col: number } | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === null && c.formula === undefined) continue;
      const [row, col] = k.split(',').map(Number) as [number, number];
      const later = !best || (byColumns ? col > best.col || (col === best.col && row > best.row) : row > best.row || (row === best.row && col > best.col));
      if (later) best = { row, col };
    }
    return best;
  }

  Range(address: string): FakeWpsRange {
    return new FakeWpsRange(this, parseAreas(address));
  }

  get PageSetup(): Record<string, unknown> | undefined {
    if (this.book.app.lacks('PageSetup')) return undefined;
    const book = this.book;
    const ps = this.pageSetup;
    return new Proxy(ps, {
      set(target, prop, value) {
        if (book.app.pageSetupFails) throw comError('未安装打印机');
        target[prop as string] = value;
        return true;
      },
    });
  }

  get ListObjects(): unknown {
    if (this.book.app.lacks('ListObjects')) return undefined;
    const ws = this;
    const wrap = (t: { Name: string; address: string }) => ({
      get Name() {
        return t.Name;
      },
      set Name(v: string) {
        if (ws.book.sheets.some((s) => s.tables.some((o) => o !== t && o.Name.toLowerCase() === v.toLowerCase()))) throw comError('表名称已存在');
        t.Name = v;
      },
    });
    return {
      get Count() {
        return ws.tables.length;
      },
      Item(i: number) {
        const t = ws.tables[i - 1];
        if (!t) throw comError('下标越界');
        return wrap(t);
      },
      Add(_type: number, source: FakeWpsRange) {
        ws.guard();
        const all = ws.book.sheets.flatMap((s) => s.tables.map((o) => o.Name.toLowerCase()));
        let n = 1;
        while (all.includes(`表${n}`)) n++;
        const t = { Name: `表${n}`, address: source.address };
        ws.tables.push(t);
        return wrap(t);
      },
    };
  }

  get ChartObjects(): unknown {
    if (this.book.app.lacks('ChartObjects')) return undefined;
    return () => ({
      get Count() {
        return 0;
      },
      Add: (left: number, top: number, width: number, height: number) => this.addChart('ChartObjects', left, top, width, height, 51),
    });
  }

  get Shapes(): unknown {
    if (this.book.app.lacks('AddChart2')) return {};
    return { AddChart2: (_style: number, type: number, left: number, top: number, width: number, height: number) => this.addChart('AddChart2', left, top, width, height, type) };
  }

  private addChart(via: FakeWpsChart['via'], left: number, top: number, width: number, height: number, type: number): unknown {
    this.guard();
    const c = fakeChart(via, left, top, width, height, type);
    this.charts.push(c);
    return {
      get Name() {
        return c.Name;
      },
      set Name(v: string) {
        c.Name = v;
      },
      Chart: c.Chart,
    };
  }

  get HPageBreaks(): unknown {
    if (this.book.app.lacks('HPageBreaks')) return undefined;
    return {
      Add: (before: FakeWpsRange) => {
        if (this.book.app.pageSetupFails) throw comError('未安装打印机');
        this.rowBreaks.push(before.address);
      },
    };
  }

  get Hyperlinks(): unknown {
    if (this.book.app.lacks('Hyperlinks')) return undefined;
    return {
      Add: (anchor: FakeWpsRange, _address: string, subAddress: string, _tip: string, text: string) => {
        this.guard();
        this.hyperlinks.push({ anchor: anchor.address, subAddress, text });
      },
    };
  }

  Activate(): void {
    if (this.Visible !== -1) throw comError('无法激活隐藏的工作表');
    if (!this.book.sheets.includes(this)) throw comError('对象已被删除');
    this.book.active = this;
  }

  Delete(): void {
    if (this.book.protectStructure) throw comError('工作簿受保护，不能删除工作表');
    if (this.book.app.DisplayAlerts) this.book.app.prompts++;
    this.book.sheets.splice(this.book.sheets.indexOf(this), 1);
    this.book.names = this.book.names.filter((n) => !n.RefersTo.includes(`'${this.name.replace(/'/g, "''")}'!`));
    if (this.book.active === this) this.book.active = this.book.sheets[0] ?? null;
  }
}

export class FakeWpsRange {
  constructor(
    readonly sheet: FakeWpsSheet,
    readonly areas: Area[],
  ) {}

  private get app(): FakeWpsApp {
    return this.sheet.book.app;
  }

  private get first(): Area {
    return this.areas[0] as Area;
  }

  get address(): string {
    return this.areas.map((a) => (a.top === a.bottom && a.left === a.right ? fakeA1(a.top, a.left) : `${fakeA1(a.top, a.left)}:${fakeA1(a.bottom, a.right)}`)).join(',');
  }

  get Row(): number {
    return this.first.top + 1;
  }

  /** Points from the sheet's left edge (column widths in characters × 5.25 pt, 8.43 by default). */
  get Left(): number {
    let x = 0;
    for (let c = 0; c < this.first.left; c++) x += (this.sheet.columnWidths.get(c) ?? 8.43) * 5.25;
    return x;
  }

  /** Points from the top (row heights, 13.5 pt by default). */
  get Top(): number {
    let y = 0;
    for (let r = 0; r < this.first.top; r++) y += this.sheet.rowHeights.get(r) ?? 13.5;
    return y;
  }

  get Column(): number {
    return this.first.left + 1;
  }

  get Rows(): { Count: number } {
    return { Count: this.first.bottom - this.first.top + 1 };
  }

  get Columns(): { Count: number } {
    return { Count: this.first.right - this.first.left + 1 };
  }

  private each(f: (r: number, c: number) => void): void {
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c);
  }

  private cellsCount(): number {
    return this.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  }

  /** One cell, or a 2-D array over the first area, as the object model hands them out. */
  private grid(read: (r: number, c: number) => unknown): unknown {
    const a = this.first;
    if (a.top === a.bottom && a.left === a.right) return read(a.top, a.left);
    const out: unknown[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(read(r, c));
      out.push(row);
    }
    return out;
  }

  private valueOf(r: number, c: number): unknown {
    const m = this.sheet.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) return undefined;
    const v = this.sheet.cell(r, c)?.value ?? null;
    if (v === null) return undefined;
    if (typeof v === 'object') return this.app.errorStyle === 'text' ? v.error : SCODE[v.error];
    return v;
  }

  get Value2(): unknown {
    this.app.calls.Value2++;
    this.app.calls.cells += this.cellsCount();
    return this.grid((r, c) => this.valueOf(r, c));
  }

  set Value2(v: unknown) {
    this.write(v, (cell, x) => {
      cell.value = x === undefined || x === '' ? null : (x as FakeWpsCell['value']);
      delete cell.formula;
    });
  }

  get Formula(): unknown {
    this.app.calls.Formula++;
    this.app.calls.cells += this.cellsCount();
    return this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (!cell) return '';
      if (cell.formula !== undefined) return cell.formula;
      const v = cell.value;
      if (v === null) return '';
      if (typeof v === 'object') return v.error;
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      return String(v);
    });
  }

  /** As WPS takes typed input: `=…` a formula, `'…` text, text that reads as a number a number. */
  set Formula(v: unknown) {
    this.write(v, (cell, x) => {
      delete cell.formula;
      if (typeof x === 'string' && x.startsWith('=') && x.length > 1) {
        cell.formula = x;
        cell.value = null;
      } else if (typeof x === 'string' && x.startsWith("'")) cell.value = x.slice(1);
      else if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) cell.value = Number(x);
      else if (x === '' || x === undefined || x === null) cell.value = null;
      else cell.value = x as FakeWpsCell['value'];
    });
  }

  private write(v: unknown, set: (cell: FakeWpsCell, x: unknown) => void): void {
    this.sheet.guard();
    const a = this.first;
    if (!Array.isArray(v)) {
      this.each((r, c) => set(this.sheet.ensure(r, c), v));
      return;
    }
    if (v.length !== a.bottom - a.top + 1 || v.some((row) => !Array.isArray(row) || row.length !== a.right - a.left + 1)) throw comError('数组大小与区域不符');
    (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => set(this.sheet.ensure(a.top + i, a.left + j), x)));
  }

  get NumberFormat(): unknown {
    if (this.app.lacks('NumberFormat')) return undefined;
    this.app.calls.NumberFormat++;
    let first: string | undefined;
    let mixed = false;
    const a = this.first;
    for (let r = a.top; r <= a.bottom && !mixed; r++)
      for (let c = a.left; c <= a.right; c++) {
        const nf = this.sheet.formatAt(r, c);
        if (first === undefined) first = nf;
        else if (nf !== first) {
          mixed = true;
          break;
        }
      }
    return mixed ? this.app.mixedFormat : first;
  }

  set NumberFormat(v: unknown) {
    this.sheet.guard();
    if (Array.isArray(v)) throw comError('类型不匹配');
    this.each((r, c) => {
      const cell = this.sheet.ensure(r, c);
      if (v === 'General') delete cell.numberFormat;
      else cell.numberFormat = String(v);
    });
  }

  get MergeCells(): boolean | null | undefined {
    if (this.app.lacks('MergeCells')) return undefined;
    this.app.calls.MergeCells++;
    let inside = 0;
    let outside = 0;
    const a = this.first;
    // Count by areas, not by cells, so that a huge range costs the fake nothing.
    const total = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    for (const m of this.sheet.merges) {
      const h = Math.min(a.bottom, m.bottom) - Math.max(a.top, m.top) + 1;
      const w = Math.min(a.right, m.right) - Math.max(a.left, m.left) + 1;
      if (h > 0 && w > 0) inside += h * w;
    }
    outside = total - inside;
    return inside === 0 ? false : outside === 0 ? true : null;
  }

  get MergeArea(): FakeWpsRange | undefined {
    if (this.app.lacks('MergeCells')) return undefined;
    this.app.calls.MergeArea++;
    const m = this.sheet.mergeAt(this.first.top, this.first.left);
    return new FakeWpsRange(this.sheet, [m ? { ...m } : { top: this.first.top, left: this.first.left, bottom: this.first.top, right: this.first.left }]);
  }

  Merge(): void {
    this.sheet.guard();
    const a = this.first;
    this.sheet.merges = this.sheet.merges.filter((m) => m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right);
    this.sheet.merges.push({ ...a });
  }

  private styled(prop: string): { set(v: unknown): void } {
    return {
      set: (v: unknown) => {
        this.sheet.guard();
        this.sheet.styles.push({ address: this.address, prop, value: v });
      },
    };
  }

  private styleObject(prefix: string, props: readonly string[]): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const p of props) Object.defineProperty(o, p, { set: (v: unknown) => this.styled(`${prefix}.${p}`).set(v), get: () => undefined });
    return o;
  }

  get Font(): Record<string, unknown> {
    return this.styleObject('Font', ['Name', 'Size', 'Bold', 'Italic', 'Color']);
  }

  get Interior(): Record<string, unknown> {
    return this.styleObject('Interior', ['Color']);
  }

  get Borders(): Record<string, unknown> {
    return this.styleObject('Borders', ['LineStyle', 'Weight', 'Color']);
  }

  set WrapText(v: boolean) {
    this.styled('WrapText').set(v);
  }

  set HorizontalAlignment(v: number) {
    this.styled('HorizontalAlignment').set(v);
  }

  set VerticalAlignment(v: number) {
    this.styled('VerticalAlignment').set(v);
  }

  set ColumnWidth(v: number) {
    this.sheet.guard();
    for (const a of this.areas) for (let c = a.left; c <= a.right; c++) this.sheet.columnWidths.set(c, v);
  }

  set RowHeight(v: number) {
    this.sheet.guard();
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) this.sheet.rowHeights.set(r, v);
  }

  get FormatConditions(): unknown {
    if (this.app.lacks('FormatConditions')) return undefined;
    const sheet = this.sheet;
    const whole = this.cellsCount() > 1_000_000;
    const mine = (): FakeCondition[] => (whole ? sheet.conditions : sheet.conditions.filter((f) => f.areas.some((x) => this.areas.some((a) => x.top <= a.bottom && x.bottom >= a.top && x.left <= a.right && x.right >= a.left))));
    const wrap = (f: FakeCondition) => ({
      get Type() {
        return f.type;
      },
      get Formula1() {
        return f.formula1;
      },
      Interior: {
        get Color() {
          return f.color;
        },
        set Color(v: number | null) {
          sheet.guard();
          f.color = v;
        },
      },
      Delete() {
        sheet.guard();
        const i = sheet.conditions.indexOf(f);
        if (i < 0) throw comError('对象已被删除');
        sheet.conditions.splice(i, 1);
      },
    });
    return {
      get Count() {
        return mine().length;
      },
      Item(i: number) {
        const f = mine()[i - 1];
        if (!f) throw comError('下标越界');
        return wrap(f);
      },
      Add: (type: number, _op: unknown, formula1: string) => {
        sheet.guard();
        if (this.address.length > 255) throw comError('引用无效');
        const f: FakeCondition = { areas: this.areas.map((a) => ({ ...a })), type, formula1, color: null };
        sheet.conditions.push(f);
        return wrap(f);
      },
    };
  }

  /** `Find(What, After, LookIn, LookAt, SearchOrder, SearchDirection)`, enough for `"*"` backwards over the sheet: the last cell with content. */
  get Find(): unknown {
    if (this.app.lacks('Find')) return undefined;
    return (what: string, _after?: unknown, _lookIn?: number, _lookAt?: number, order?: number, direction?: number): FakeWpsRange | null => {
      if (what !== '*' || direction !== 2) throw comError('不支持的查找');
      const last = this.sheet.lastContent(order === 2);
      return last ? new FakeWpsRange(this.sheet, [{ top: last.row, left: last.col, bottom: last.row, right: last.col }]) : null;
    };
  }

  Select(): void {
    if (this.sheet.book.active !== this.sheet) throw comError('选择区域类的 Select 方法无效');
    this.sheet.book.app.selection = { sheet: this.sheet.Name, address: this.address };
  }
}

export class FakeWpsWorkbook {
  readonly sheets: FakeWpsSheet[] = [];
  names: { Name: string; RefersTo: string }[] = [];
  protectStructure = false;
  active: FakeWpsSheet | null = null;
  private added = 0;

  constructor(
    readonly app: FakeWpsApp,
    readonly Name = '工作簿1.xlsx',
  ) {}

  addSheet(name: string): FakeWpsSheet {
    const ws = new FakeWpsSheet(this, name);
    this.sheets.push(ws);
    if (!this.active) this.active = ws;
    return ws;
  }

  sheet(name: string): FakeWpsSheet {
    const ws = this.sheets.find((s) => s.Name.toLowerCase() === name.toLowerCase());
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  get ProtectStructure(): boolean {
    if (this.app.fails('ProtectStructure')) throw comError('远程过程调用失败');
    return this.protectStructure;
  }

  set ProtectStructure(v: boolean) {
    this.protectStructure = v;
  }

  get ActiveSheet(): FakeWpsSheet | null {
    if (this.app.fails('ActiveSheet')) throw comError('远程过程调用失败');
    return this.active;
  }

  get Worksheets(): unknown {
    const wb = this;
    return {
      get Count() {
        return wb.sheets.length;
      },
      Item(key: number | string) {
        const ws = typeof key === 'number' ? wb.sheets[key - 1] : wb.sheets.find((s) => s.Name.toLowerCase() === String(key).toLowerCase());
        if (!ws || (typeof key === 'number' && key < 1)) throw comError('下标越界');
        return ws;
      },
      Add(before?: FakeWpsSheet, after?: FakeWpsSheet) {
        if (wb.protectStructure) throw comError('工作簿受保护，不能添加工作表');
        let n = wb.sheets.length + 1 + wb.added++;
        while (wb.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
        const ws = new FakeWpsSheet(wb, `Sheet${n}`);
        const at = after ? wb.sheets.indexOf(after) + 1 : before ? wb.sheets.indexOf(before) : wb.active ? wb.sheets.indexOf(wb.active) : 0;
        wb.sheets.splice(at, 0, ws);
        wb.active = ws;
        return ws;
      },
    };
  }

  get Names(): unknown {
    if (this.app.lacks('Names')) return undefined;
    if (this.app.fails('Names')) throw comError('远程过程调用失败');
    const wb = this;
    const wrap = (n: { Name: string; RefersTo: string }) => ({
      get Name() {
        return n.Name;
      },
      get RefersTo() {
        return n.RefersTo;
      },
      Delete() {
        wb.names = wb.names.filter((x) => x !== n);
      },
    });
    return {
      get Count() {
        return wb.names.length;
      },
      Item(i: number) {
        const n = wb.names[i - 1];
        if (!n) throw comError('下标越界');
        return wrap(n);
      },
      Add(name: string, refersTo: string) {
        if (!/^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name)) throw comError('名称无效');
        wb.names = wb.names.filter((x) => x.Name.toLowerCase() !== name.toLowerCase());
        const n = { Name: name, RefersTo: refersTo };
        wb.names.push(n);
        return wrap(n);
      },
    };
  }
}

export class FakeWpsApp {
  readonly Name = 'WPS 表格';
  readonly Version = '12.1';
  readonly Build = '12.1.0.16250';
  DisplayAlerts = true;
  ScreenUpdating = true;
  Calculation = -4105;
  calculations = 0;
  prompts = 0;
  pageSetupFails = false;
  selection: { sheet: string; address: string } | null = null;
  /** Calls that read cells, and `cells`: how many cells crossed the bridge in `Value2`/`Formula` reads. */
  readonly calls = { Value2: 0, Formula: 0, NumberFormat: 0, MergeCells: 0, MergeArea: 0, cells: 0 };
  readonly taskPanes: { ID: number; url: string; Visible: boolean; closed?: boolean }[] = [];
  readonly storage = new Map<string, unknown>();
  readonly errorStyle: 'scode' | 'text';
  readonly formattedTo: { row: number; col: number } | null;
  readonly mixedFormat: null | '';
  readonly closedPaneThrows: boolean;
  readonly hiddenSheetFreeze: 'reject' | 'accept';
  private readonly lacking: ReadonlySet<FakeWpsMember>;
  private readonly failing: ReadonlySet<FakeWpsFailure>;
  workbook: FakeWpsWorkbook | null;

  constructor(options: FakeWpsOptions = {}) {
    this.lacking = new Set(options.lacking ?? []);
    this.failing = new Set(options.failing ?? []);
    this.errorStyle = options.errorStyle ?? 'scode';
    const f = options.formattedTo ? parseAreas(options.formattedTo)[0] : undefined;
    this.formattedTo = f ? { row: f.bottom, col: f.right } : null;
    this.mixedFormat = options.mixedFormat === undefined ? null : options.mixedFormat;
    this.closedPaneThrows = options.closedPaneThrows ?? false;
    this.hiddenSheetFreeze = options.hiddenSheetFreeze ?? 'accept';
    this.workbook = new FakeWpsWorkbook(this);
  }

  lacks(member: FakeWpsMember): boolean {
    return this.lacking.has(member);
  }

  fails(member: FakeWpsFailure): boolean {
    return this.failing.has(member);
  }

  /** The user closes a task pane with its ✕. */
  closePane(id: number): void {
    const pane = this.taskPanes.find((p) => p.ID === id);
    if (pane) {
      pane.Visible = false;
      pane.closed = true;
    }
  }

  get ActiveWorkbook(): FakeWpsWorkbook | null {
    return this.workbook;
  }

  get Workbooks(): { Count: number } {
    return { Count: this.workbook ? 1 : 0 };
  }

  get ActiveWindow(): unknown {
    if (this.lacks('ActiveWindow')) return undefined;
    const app = this;
    const state = { SplitRow: 0, SplitColumn: 0 };
    return {
      get SplitRow() {
        return state.SplitRow;
      },
      set SplitRow(v: number) {
        state.SplitRow = v;
      },
      get SplitColumn() {
        return state.SplitColumn;
      },
      set SplitColumn(v: number) {
        state.SplitColumn = v;
      },
      get FreezePanes() {
        return (app.workbook?.active?.frozenRows ?? 0) > 0;
      },
      set FreezePanes(v: boolean) {
        const ws = app.workbook?.active;
        if (v && ws && ws.Visible !== -1 && app.hiddenSheetFreeze === 'reject') throw comError('无法冻结隐藏工作表的窗格');
        if (ws) ws.frozenRows = v ? state.SplitRow : 0;
      },
    };
  }

  Calculate(): void {
    this.calculations++;
  }

  CreateTaskPane(url: string): { ID: number; url: string; Visible: boolean } {
    const pane = { ID: this.taskPanes.length + 1, url, Visible: false };
    this.taskPanes.push(pane);
    return pane;
  }

  GetTaskPane(id: number): { ID: number; url: string; Visible: boolean } | null {
    const pane = this.taskPanes.find((p) => p.ID === Number(id)) ?? null;
    if (pane?.closed && this.closedPaneThrows) throw comError('任务窗格已关闭');
    return pane;
  }

  get PluginStorage(): { getItem(k: string): unknown; setItem(k: string, v: unknown): void } {
    return { getItem: (k) => this.storage.get(k) ?? null, setItem: (k, v) => void this.storage.set(k, v) };
  }

  /** A fake whose workbook holds these grids (values, formulas with `=`, number formats, merges, hidden state). */
  static fromGrids(grids: readonly Grid[], options: FakeWpsOptions = {}): FakeWpsApp {
    const app = new FakeWpsApp(options);
    const wb = app.workbook as FakeWpsWorkbook;
    for (const g of grids) {
      const ws = wb.addSheet(g.name);
      if (g.hidden) ws.Visible = 0;
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = g.formulas?.[r]?.[c] ?? null;
          const nf = g.numberFormats?.[r]?.[c] ?? null;
          if (v === null && f === null && nf === null) return;
          const cell = ws.ensure(r, c);
          cell.value = v === null ? null : typeof v === 'object' ? { error: v.error } : v;
          if (f !== null) cell.formula = `=${f}`;
          if (nf !== null) cell.numberFormat = nf;
        }),
      );
      ws.merges = g.merges.map((m) => ({ ...m }));
    }
    return app;
  }
}
