/**
 * A fake Excel host for the Office.js adapter's tests. It behaves like Excel where it matters:
 *
 * - an in-memory workbook: sheets with values, formulas, number formats, styles, merged areas,
 *   conditional formats, hyperlinks, column widths, frozen rows, page layout; workbook names; tables;
 * - proxy objects: operations are queued and applied in order at `context.sync()`; reading a property that
 *   was not loaded and synced throws `PropertyNotLoaded`; `*OrNullObject` / `isNullObject`;
 * - `getUsedRangeOrNullObject(valuesOnly)`, `getMergedAreasOrNullObject` that reports only areas whose
 *   top-left cell lies in the queried range and fails past 512 areas;
 * - text written without a `'` prefix is parsed as Excel parses typed input (`=…` becomes a formula,
 *   `001` a number, `TRUE` a boolean), so a missing text guard shows up in tests;
 * - per sync it counts the request bytes (JSON of what was queued) and response bytes (JSON of what was
 *   loaded) and rejects a sync past the payload limit (5 MB) with `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded`, applying nothing;
 * - injectable failures: a protected sheet (writes rejected with AccessDenied), GeneralException on large
 *   writes, a sync that never resolves, any error on a given sync.
 *
 * What real Excel does that the adapter must survive, each with the source that says Excel does it:
 * - sheet protection: writes to a protected sheet fail with AccessDenied, reading works; the project's own
 *   templates protect every annex sheet (src/xlsx/template.ts), so a colleague's submission arrives protected
 *   (`FakeSheet.protected`; `FakeWorkbook.structureProtected` for 保护工作簿: adding/deleting sheets fails);
 * - reading conditional formats throws for some user-made rules: two cellValue rules on one table column
 *   (OfficeDev/office-js #6827), a duplicated rule (#6835), `custom` on a non-custom format (#2180). The issues
 *   do not name the error code; GeneralException is modelled (`FakeSheet.unreadableConditionalFormats`);
 * - calculation mode: `application.calculationMode` may be Manual, "calculation is done when the user
 *   requests it" (d.ts Application.calculationMode): formula cells keep stale cached values until
 *   `application.calculate` (`FakeWorkbook.calculationMode`, `FakeCell.pending`);
 * - cell-edit mode (excel-add-ins-delay-in-cell-edit.md): office.js runs the batch callback at once; with
 *   `delayForCellEdit` Excel queues the request until the user leaves the cell and then applies it, even if
 *   the add-in gave up waiting; without it the batch fails. The doc's table names `InvalidOperation`,
 *   application-specific-api-error-handling.md names `InvalidOperationInCellEditMode` (`FakeExcelHost.cellEdit`,
 *   `exitCellEdit()`, `cellEditError`);
 * - `MergedRangeConflict`: "A table can't overlap with another table, a PivotTable report, query results,
 *   merged cells, or an XML Map" (application-specific-api-error-handling.md), for `tables.add`;
 * - not verified in real Excel, modelled as the cautious case and switchable: page-layout settings rejected
 *   (`failures.pageLayout`; `verticalFitToPages: 0` is not a documented value, d.ts PageLayoutZoomOptions, and
 *   #1860 shows fit-to-pages not applied), and `activate()` on a hidden sheet rejected with InvalidOperation
 *   (`hiddenSheetActivate`; Excel's UI and VBA cannot activate a hidden sheet; office-js is silent, audit §2.6).
 *
 * - `Excel.createWorkbook(base64?)`: "Creates and opens a new workbook. Optionally, the workbook can be
 *   pre-populated with a Base64-encoded .xlsx file." [Api set: ExcelApi 1.8] (@types/office-js; Microsoft's
 *   docs/excel/excel-add-ins-workbooks.md, "Create a workbook"). It is a static call, not part of a batch: no
 *   sync. The fake records each workbook created (`createdWorkbooks`, the base64 as given), rejects where the
 *   host is below ExcelApi 1.8 (ApiNotFound) or with `failures.createWorkbook`, and is absent altogether with
 *   `createWorkbookMissing` (an office.js too old to define it). The unfavourable modes of Excel on the web:
 *   `createWorkbookLimit` (the 5 MB request limit) and, while `cellEdit`, the call held until `exitCellEdit()`.
 * - freezing panes on a hidden sheet: accepted by default, refused with InvalidOperation with
 *   `hiddenSheetFreeze: 'reject'` (unverified either way; 自检 must not read a refusal as three failures).
 *
 * `installFakeExcel(workbook)` puts it in place as `global.Excel` (with `Excel.run`) and `global.Office`
 * (`Office.context.requirements.isSetSupported`); `host.uninstall()` removes it.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { a1, columnLetter, parseA1 } from '../../src/core/grid';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export type Side = 'top' | 'bottom' | 'left' | 'right';
export interface FakeBorder {
  style?: string;
  weight?: string;
  color?: string;
}
export interface FakeStyle {
  fill?: string;
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<Side, FakeBorder>>;
}
export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}
export interface FakeCell {
  value: string | number | boolean | { error: string } | null;
  /** With the leading `=`. */
  formula?: string;
  numberFormat?: string;
  /** Written with a leading `'`: stored as text. */
  textPrefix?: boolean;
  /** A formula cell whose cached `value` is stale (manual calculation): the value it takes when calculated. */
  pending?: string | number | boolean | { error: string } | null;
  style?: FakeStyle;
  hyperlink?: FakeHyperlink;
}
export interface FakeConditionalFormat {
  id: number;
  type: string;
  areas: Area[];
  formula?: string;
  fill?: string;
}
export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  area: Area;
  showBandedRows: boolean;
  showFilterButton: boolean;
}
export interface FakeName {
  name: string;
  /** null once the sheet is deleted (`#REF!`). */
  sheet: FakeSheet | null;
  area: Area;
}

// ───────────────────────────── the workbook ─────────────────────────────

function areaA1(a: Area): string {
  const from = a1(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? from : `${from}:${a1(a.bottom, a.right)}`;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** `A1`, `A1:B2`, `A:C`, `3:5` (with optional `$`) → an area; null when not an address. */
export function parseAddress(address: string): Area | null {
  const s = address.replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(s);
  if (cols?.[1] && cols[2]) {
    const l = columnIndex(cols[1]);
    const r = columnIndex(cols[2]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(s);
  if (rows?.[1] && rows[2]) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(t, b), bottom: Math.max(t, b), left: 0, right: MAX_COLS - 1 };
  }
  const [x, y] = s.split(':');
  const p = x !== undefined ? parseA1(x) : null;
  const q = y !== undefined ? parseA1(y) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** A chart as the adapter built it: the call to `charts.add`, its series and every property set (by path). */
export interface FakeChart {
  readonly type: string;
  /** A1 address of the source range given to `charts.add`. */
  readonly source: string;
  readonly seriesBy: string | undefined;
  /** `title.text`, `axes.valueAxis.numberFormat`, `legend.visible`, `name`, `width`, `position` … */
  readonly props: Record<string, unknown>;
  readonly series: FakeChartSeries[];
}

export interface FakeChartSeries {
  /** Values and categories as A1 addresses (the first series' values are the chart's source). */
  values: string | undefined;
  xValues: string | undefined;
  readonly props: Record<string, unknown>;
}

export class FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Sheet protection: every write to this sheet is rejected with AccessDenied. */
  protected = false;
  /** Reading this sheet's conditional formats fails (OfficeDev/office-js #6827, #6835). */
  unreadableConditionalFormats = false;
  readonly rows: (FakeCell | undefined)[][] = [];
  merges: Area[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points by 0-based row (whole rows set through `format.rowHeight`). */
  readonly rowHeights = new Map<number, number>();
  freezeRows = 0;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string } = {};
  /** Charts added through `worksheet.charts.add`, with everything set on them. */
  readonly charts: FakeChart[] = [];
  /** Manual page breaks (`horizontalPageBreaks.add`), as the addresses given. */
  readonly rowBreaks: string[] = [];

  constructor(
    readonly id: number,
    name: string,
  ) {
    this.name = name;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.rows[row]?.[col];
  }

  ensure(row: number, col: number): FakeCell {
    const r = (this.rows[row] ??= []);
    return (r[col] ??= { value: null });
  }

  at(ref: string): FakeCell | undefined {
    const p = parseA1(ref);
    return p ? this.cell(p.row, p.col) : undefined;
  }

  /** Every stored cell, row-major. */
  *cells(): Generator<{ row: number; col: number; cell: FakeCell }> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) yield { row: r, col: c, cell };
      }
    }
  }

  /** Bounding box of cells with a value or formula (valuesOnly), or also with formats and merges. */
  usedArea(valuesOnly: boolean): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number): void => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const { row, col, cell } of this.cells()) {
      const hasValue = cell.value !== null || cell.formula !== undefined;
      if (hasValue || (!valuesOnly && (cell.style || cell.numberFormat || cell.hyperlink))) take(row, col);
    }
    if (!valuesOnly)
      for (const m of this.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

let cfIds = 0;

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  tables: FakeTable[] = [];
  /** Workbook structure protection: adding or deleting sheets is rejected with AccessDenied. */
  structureProtected = false;
  /** `application.calculationMode`; in Manual, formula cells keep `value` until calculated. */
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** Number of `application.calculate` calls applied. */
  calculations = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  static fromGrids(grids: readonly Grid[]): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const g of grids) {
      const ws = wb.addSheet(g.name);
      if (g.hidden) ws.visibility = 'Hidden';
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
    return wb;
  }

  sheet(name: string): FakeSheet {
    const ws = this.findSheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    const ws = new FakeSheet(this.nextId++, name);
    this.sheets.push(ws);
    return ws;
  }

  /** Calculate every formula cell whose cached value is stale (what `application.calculate` does). */
  calculate(): void {
    this.calculations++;
    for (const ws of this.sheets)
      for (const { cell } of ws.cells())
        if ('pending' in cell) {
          cell.value = cell.pending ?? null;
          delete cell.pending;
        }
  }

  /** A user's own conditional format (what `clear marks` must leave alone). */
  addConditionalFormat(sheet: string, address: string, type: string, formula: string | undefined, fill: string): FakeConditionalFormat {
    const area = parseAddress(address);
    if (!area) throw new Error(`bad address ${address}`);
    const cf: FakeConditionalFormat = { id: ++cfIds, type, areas: [area], fill, ...(formula !== undefined ? { formula } : {}) };
    this.sheet(sheet).conditionalFormats.push(cf);
    return cf;
  }

  /** Everything in the workbook as plain data, for before/after comparisons. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((s) => ({
          name: s.name,
          visibility: s.visibility,
          cells: [...s.cells()].map(({ row, col, cell }) => [a1(row, col), cell]),
          merges: s.merges,
          conditionalFormats: s.conditionalFormats,
          columnWidths: [...s.columnWidths.entries()],
          freezeRows: s.freezeRows,
          pageLayout: s.pageLayout,
        })),
        names: this.names.map((n) => ({ name: n.name, sheet: n.sheet?.name ?? null, area: n.area })),
        tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, area: t.area })),
      }),
    ) as unknown;
  }
}

// ───────────────────────────── errors ─────────────────────────────

/** Shaped like OfficeExtension.Error: `code`, `message`, `debugInfo`. The texts are Office's English ones. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get debugInfo(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const RAW_OFFICE_TEXT = {
  AccessDenied: 'The cell or chart you are trying to change is on a protected sheet. To make a change, unprotect the sheet.',
  GeneralException: 'An internal error has occurred while processing the request.',
  ItemNotFound: 'The requested resource does not exist.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  MergedRangeConflict: "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  Conflict: 'Request could not be processed because of a conflict.',
} as const;

function officeError(code: keyof typeof RAW_OFFICE_TEXT, detail?: string): FakeOfficeError {
  return new FakeOfficeError(code, detail ? `${RAW_OFFICE_TEXT[code]} (${detail})` : RAW_OFFICE_TEXT[code]);
}

function notLoaded(prop: string, path: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available (${path}). Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

// ───────────────────────────── the host ─────────────────────────────

export interface SyncRecord {
  readonly ops: number;
  /** Queued operations that change the workbook (property sets and method calls other than loads). */
  readonly writes: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** `held`: queued by Excel while a cell is edited, applied at `exitCellEdit()` (then `ok` or `rejected`). */
  outcome: 'ok' | 'rejected' | 'hung' | 'held';
}

export interface FakeFailures {
  /** The n-th sync (1-based, counted since install or resetStats) never resolves. */
  hangAtSync?: number;
  /** Writing values, formulas or number formats to more than this many cells at once fails with GeneralException. */
  generalExceptionAboveCells?: number;
  /** The n-th sync fails with this Office error code, applying nothing. */
  failAtSync?: { sync: number; code: keyof typeof RAW_OFFICE_TEXT };
  /** Setting any page-layout property fails with this code (unverified in real Excel; see the header). */
  pageLayout?: keyof typeof RAW_OFFICE_TEXT;
  /** Adding a worksheet fails with this code (e.g. ItemAlreadyExists, GeneralException). */
  addSheet?: keyof typeof RAW_OFFICE_TEXT;
  /** The user starts editing a cell just before the n-th sync (cell-edit mode begins mid-action). */
  cellEditAtSync?: number;
  /** `Excel.createWorkbook` fails with this code (e.g. GeneralException for the extension-hardening policy). */
  createWorkbook?: keyof typeof RAW_OFFICE_TEXT;
}

export class FakeExcelHost {
  readonly syncLog: SyncRecord[] = [];
  readonly runOptions: unknown[] = [];
  failures: FakeFailures = {};
  payloadLimit = PAYLOAD_LIMIT;
  /** Milliseconds each sync takes before it settles (0: immediate). For the latency benchmark. */
  latencyMs = 0;
  /** Highest ExcelApi requirement set this host supports. */
  excelApi = '1.17';
  /** The user is editing a cell (excel-add-ins-delay-in-cell-edit.md). */
  cellEdit = false;
  /** The code a batch fails with in cell-edit mode when it did not ask to wait. */
  cellEditError: 'InvalidOperation' | 'InvalidOperationInCellEditMode' = 'InvalidOperationInCellEditMode';
  /** What `activate()` on a hidden sheet does (unverified in real Excel; see the header). */
  hiddenSheetActivate: 'reject' | 'accept' = 'reject';
  /** Workbooks made with `Excel.createWorkbook`, as the base64 passed. */
  readonly createdWorkbooks: string[] = [];
  /** office.js without `Excel.createWorkbook` at all. */
  createWorkbookMissing = false;
  /** Excel on the web: `createWorkbook` with more base64 than this fails with RequestPayloadSizeLimitExceeded (null: no limit). */
  createWorkbookLimit: number | null = null;
  /** What freezing panes on a hidden sheet does (unverified in real Excel: the cautious case is `reject`). */
  hiddenSheetFreeze: 'reject' | 'accept' = 'accept';
  /** Requests Excel holds until the user leaves the cell. */
  private held: (() => void)[] = [];
  private previous: { Excel: unknown; Office: unknown } | null = null;

  constructor(readonly workbook: FakeWorkbook) {}

  get syncs(): number {
    return this.syncLog.length;
  }

  /** Request + response bytes over all syncs since install / reset. */
  get bytes(): { request: number; response: number } {
    return this.syncLog.reduce((t, s) => ({ request: t.request + s.requestBytes, response: t.response + s.responseBytes }), { request: 0, response: 0 });
  }

  resetStats(): void {
    this.syncLog.length = 0;
  }

  /** The user leaves the cell: Excel applies the requests it held, in order, whether or not anyone still waits. */
  exitCellEdit(): void {
    this.cellEdit = false;
    const held = this.held;
    this.held = [];
    for (const release of held) release();
  }

  /** @internal Hold a request until the user leaves the cell. */
  hold(release: () => void): void {
    this.held.push(release);
  }

  isSetSupported(name: string, version?: string): boolean {
    if (name !== 'ExcelApi') return false;
    const want = (version ?? '1.1').split('.').map(Number);
    const have = this.excelApi.split('.').map(Number);
    for (let i = 0; i < Math.max(want.length, have.length); i++) {
      const w = want[i] ?? 0;
      const h = have[i] ?? 0;
      if (w !== h) return w < h;
    }
    return true;
  }

  install(): this {
    const g = globalThis as unknown as Record<string, unknown>;
    this.previous = { Excel: g.Excel, Office: g.Office };
    g.Excel = {
      run: (a: unknown, b?: unknown) => this.run(a, b),
      ...(this.createWorkbookMissing ? {} : { createWorkbook: (base64?: string) => this.createWorkbook(base64) }),
    };
    g.Office = {
      context: {
        requirements: { isSetSupported: (name: string, version?: string) => this.isSetSupported(name, version) },
        diagnostics: { host: 'Excel', platform: 'PC', version: '16.0.99999.10000 (fake)' },
      },
    };
    return this;
  }

  uninstall(): void {
    const g = globalThis as unknown as Record<string, unknown>;
    if (this.previous) {
      if (this.previous.Excel === undefined) delete g.Excel;
      else g.Excel = this.previous.Excel;
      if (this.previous.Office === undefined) delete g.Office;
      else g.Office = this.previous.Office;
    }
    this.previous = null;
  }

  private async createWorkbook(base64?: string): Promise<void> {
    await Promise.resolve();
    if (!this.isSetSupported('ExcelApi', '1.8')) throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.');
    if (this.failures.createWorkbook) throw officeError(this.failures.createWorkbook);
    // On the web the call is a request (wacWorkbook.createAndOpenWorkbook, delayForCellEdit): the 5 MB request
    // limit applies, and Excel holds it while a cell is edited (hosts audit 3, §1).
    if (this.createWorkbookLimit !== null && (base64 ?? '').length > this.createWorkbookLimit) throw officeError('RequestPayloadSizeLimitExceeded');
    if (this.cellEdit) await new Promise<void>((resolve) => this.hold(resolve));
    this.createdWorkbooks.push(base64 ?? '');
  }

  private async run(a: unknown, b?: unknown): Promise<unknown> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
    const options = typeof a === 'function' ? {} : a;
    this.runOptions.push(options);
    // office.js calls the batch at once, editing or not; it is the request (the sync) that Excel holds.
    const ctx = new FakeContext(this, (options as { delayForCellEdit?: boolean } | undefined)?.delayForCellEdit === true);
    const result = await batch(ctx);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  }
}

export function installFakeExcel(workbook: FakeWorkbook): FakeExcelHost {
  return new FakeExcelHost(workbook).install();
}

// ───────────────────────────── context and proxies ─────────────────────────────

class Resp {
  bytes = 0;
  readonly commits: (() => void)[] = [];
  add(v: unknown): void {
    this.bytes += jsonBytes(v);
  }
  commit(f: () => void): void {
    this.commits.push(f);
  }
}

interface Op {
  readonly desc: unknown;
  readonly run: (resp: Resp) => void;
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;

  constructor(
    readonly host: FakeExcelHost,
    /** Excel.run was asked to wait while a cell is edited. */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  get wb(): FakeWorkbook {
    return this.host.workbook;
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(desc: unknown, run: (resp: Resp) => void): void {
    this.queue.push({ desc, run });
  }

  sync(): Promise<void> {
    const host = this.host;
    if (host.failures.cellEditAtSync === host.syncLog.length + 1) host.cellEdit = true;
    if (host.cellEdit) {
      if (!this.delayForCellEdit) {
        const ops = this.queue;
        this.queue = [];
        host.syncLog.push({ ops: ops.length, writes: writesOf(ops), requestBytes: 0, responseBytes: 0, outcome: 'rejected' });
        return Promise.reject(officeError(host.cellEditError));
      }
      // Excel queues the request and applies it once the user leaves the cell.
      const ops = this.queue;
      this.queue = [];
      const record: SyncRecord = { ops: ops.length, writes: writesOf(ops), requestBytes: 0, responseBytes: 0, outcome: 'held' };
      host.syncLog.push(record);
      return new Promise<void>((resolve, reject) => {
        host.hold(() => {
          const index = host.syncLog.indexOf(record);
          host.syncLog.splice(index, 1);
          this.queue = ops;
          this.syncNow(index).then(resolve, reject);
        });
      });
    }
    const result = this.syncNow();
    const latency = this.host.latencyMs;
    // A round trip to Excel (on the web: over the network) costs time whatever it carries.
    return latency > 0 ? new Promise<void>((resolve) => setTimeout(resolve, latency)).then(() => result) : result;
  }

  private syncNow(at?: number): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const host = this.host;
    const index = (at ?? host.syncLog.length) + 1;
    const requestBytes = ops.reduce((n, op) => n + jsonBytes(op.desc), 0);
    const writes = writesOf(ops);
    const log = (record: SyncRecord): void => {
      if (at === undefined) host.syncLog.push(record);
      else host.syncLog.splice(at, 0, record);
    };
    if (host.failures.hangAtSync === index) {
      log({ ops: ops.length, writes, requestBytes, responseBytes: 0, outcome: 'hung' });
      return new Promise<void>(() => undefined);
    }
    const reject = (e: FakeOfficeError, responseBytes = 0): Promise<void> => {
      log({ ops: ops.length, writes, requestBytes, responseBytes, outcome: 'rejected' });
      return Promise.reject(e);
    };
    if (host.failures.failAtSync?.sync === index) return reject(officeError(host.failures.failAtSync.code));
    if (requestBytes > host.payloadLimit) return reject(officeError('RequestPayloadSizeLimitExceeded', `${requestBytes} bytes`));
    const resp = new Resp();
    try {
      for (const op of ops) op.run(resp);
    } catch (e) {
      return reject(e instanceof FakeOfficeError ? e : new FakeOfficeError('GeneralException', String(e)), resp.bytes);
    }
    if (resp.bytes > host.payloadLimit) return reject(officeError('ResponsePayloadSizeLimitExceeded', `${resp.bytes} bytes`), resp.bytes);
    for (const c of resp.commits) c();
    log({ ops: ops.length, writes, requestBytes, responseBytes: resp.bytes, outcome: 'ok' });
    return Promise.resolve();
  }
}

function writesOf(ops: readonly Op[]): number {
  return ops.filter((op) => {
    const kind = (op.desc as { op?: string }).op;
    return kind === 'set' || kind === 'call';
  }).length;
}

function parseLoad(spec?: string | string[]): string[] {
  const list = spec === undefined ? [] : Array.isArray(spec) ? spec : spec.split(',');
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

/** A proxy: resolves its target in the workbook when a queued operation runs. */
abstract class Obj<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly children = new Map<string, Obj<unknown>>();

  constructor(
    readonly context: FakeContext,
    readonly path: string,
    protected readonly resolver: () => T | null,
    protected readonly nullable = false,
    /** Nullable objects made by a method resolve when their place in the queue runs; those reached through a load path resolve there. */
    resolveInQueue = nullable,
  ) {
    if (resolveInQueue) {
      context.enqueue({ path, op: 'resolve' }, (resp) => {
        const isNull = this.resolver() === null;
        resp.commit(() => (this.nullState = isNull));
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw notLoaded('isNullObject', this.path);
    return this.nullState;
  }

  protected get ctx(): FakeContext {
    return this.context;
  }

  protected get wb(): FakeWorkbook {
    return this.context.wb;
  }

  /** The target, or ItemNotFound. */
  target(): T {
    const t = this.resolver();
    if (t === null) throw officeError('ItemNotFound', this.path);
    return t;
  }

  load(spec?: string | string[]): this {
    const paths = parseLoad(spec);
    this.ctx.enqueue({ path: this.path, op: 'load', select: paths }, (resp) => this.collect(paths, resp));
    return this;
  }

  collect(paths: readonly string[], resp: Resp): void {
    const t = this.resolver();
    if (this.nullable) {
      const isNull = t === null;
      resp.commit(() => (this.nullState = isNull));
    }
    if (t === null) {
      if (this.nullable) return;
      throw officeError('ItemNotFound', this.path);
    }
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head = '', ...rest] = p.split('/');
      const list = groups.get(head) ?? [];
      if (rest.length > 0) list.push(rest.join('/'));
      groups.set(head, list);
    }
    for (const [head, sub] of groups) {
      if (sub.length === 0) {
        const v = this.scalar(t, head);
        resp.add({ [head]: v });
        resp.commit(() => this.loaded.set(head, v));
      } else this.child(head).collect(sub, resp);
    }
  }

  /** A loadable scalar property, read from the target. */
  protected scalar(_t: T, name: string): unknown {
    throw officeError('InvalidArgument', `property ${name} of ${this.path}`);
  }

  /** A navigation property (an object loaded through a path such as `customOrNullObject/rule/formula`). */
  protected makeChild(name: string): Obj<unknown> | undefined {
    void name;
    return undefined;
  }

  protected child(name: string): Obj<unknown> {
    let c = this.children.get(name);
    if (!c) {
      c = this.makeChild(name);
      if (!c) throw officeError('InvalidArgument', `navigation ${name} of ${this.path}`);
      this.children.set(name, c);
    }
    return c;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name, this.path);
    return this.loaded.get(name) as V;
  }

  /** Queue a property write. */
  protected setOp(name: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(name, value);
    this.ctx.enqueue({ path: this.path, op: 'set', name, value }, () => apply(this.target()));
  }

  /** Queue a method call. */
  protected callOp(name: string, args: unknown[], apply: (t: T) => void): void {
    this.ctx.enqueue({ path: this.path, op: 'call', name, args }, () => apply(this.target()));
  }
}

abstract class Collection<T, I> extends Obj<T[]> {
  private itemsLoaded: I[] | undefined;

  get items(): I[] {
    if (!this.itemsLoaded) throw notLoaded('items', this.path);
    return this.itemsLoaded;
  }

  protected abstract item(t: T, index: number): I & { collect(paths: readonly string[], resp: Resp): void };

  override collect(paths: readonly string[], resp: Resp): void {
    const list = this.target();
    const sub: string[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (head !== 'items') throw officeError('InvalidArgument', `${p} of ${this.path}`);
      if (rest.length > 0) sub.push(rest.join('/'));
    }
    const items = list.map((t, i) => this.item(t, i));
    for (const it of items) if (sub.length > 0) it.collect(sub, resp);
    resp.add({ items: items.length });
    resp.commit(() => (this.itemsLoaded = items));
  }
}

function checkWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw officeError('AccessDenied', sheet.name);
}

// ── workbook, names, tables ──

class WorkbookProxy extends Obj<FakeWorkbook> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;
  readonly protection: WorkbookProtectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook', () => ctx.wb);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, 'workbook.tables', () => ctx.wb.tables);
    this.application = new ApplicationProxy(ctx, 'workbook.application', () => ctx.wb);
    this.protection = new WorkbookProtectionProxy(ctx, 'workbook.protection', () => ctx.wb);
  }
}

class ApplicationProxy extends Obj<FakeWorkbook> {
  get calculationMode(): string {
    return this.get('calculationMode');
  }
  protected override scalar(t: FakeWorkbook, name: string): unknown {
    if (name === 'calculationMode') return t.calculationMode;
    return super.scalar(t, name);
  }
  calculate(type: string): void {
    this.callOp('calculate', [type], (wb) => wb.calculate());
  }
}

class WorkbookProtectionProxy extends Obj<FakeWorkbook> {
  get protected(): boolean {
    return this.get('protected');
  }
  protected override scalar(t: FakeWorkbook, name: string): unknown {
    if (name === 'protected') return t.structureProtected;
    return super.scalar(t, name);
  }
}

class NamedItemCollectionProxy extends Collection<FakeName, NamedItemProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook.names', () => ctx.wb.names);
  }

  protected item(t: FakeName, i: number): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}.items[${i}]`, () => (this.wb.names.includes(t) ? t : null));
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => this.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null);
  }

  add(name: string, reference: RangeProxy): NamedItemProxy {
    let created: FakeName | null = null;
    this.callOp('add', [name, reference.path], () => {
      // Excel's rule for defined names: a letter, `_` or `\` first, then letters, digits, `_` and `.`.
      if (!/^[A-Za-z_\\\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name)) throw officeError('InvalidArgument', name);
      if (this.wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) || this.wb.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
        throw officeError('ItemAlreadyExists', name);
      const { sheet, area } = reference.target();
      created = { name, sheet, area };
      this.wb.names.push(created);
    });
    return new NamedItemProxy(this.ctx, `${this.path}.add(${JSON.stringify(name)})`, () => created);
  }
}

class NamedItemProxy extends Obj<FakeName> {
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get value(): unknown {
    return this.get('value');
  }
  protected override scalar(t: FakeName, name: string): unknown {
    if (name === 'name') return t.name;
    if (name === 'type') return t.sheet ? 'Range' : 'Error';
    if (name === 'value') return t.sheet ? `${quoteName(t.sheet.name)}!$${columnLetter(t.area.left)}$${t.area.top + 1}` : '#REF!';
    return super.scalar(t, name);
  }
  delete(): void {
    this.callOp('delete', [], (t) => {
      this.wb.names = this.wb.names.filter((n) => n !== t);
    });
  }
}

class TableCollectionProxy extends Collection<FakeTable, TableProxy> {
  constructor(
    ctx: FakeContext,
    path: string,
    resolver: () => FakeTable[] | null,
    private readonly sheet?: WorksheetProxy,
  ) {
    super(ctx, path, resolver);
  }

  protected item(t: FakeTable, i: number): TableProxy {
    return new TableProxy(this.ctx, `${this.path}.items[${i}]`, () => (this.wb.tables.includes(t) ? t : null));
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: FakeTable | null = null;
    this.callOp('add', [typeof address === 'string' ? address : address.path, hasHeaders], () => {
      let sheet: FakeSheet;
      let area: Area;
      if (typeof address === 'string') {
        if (!this.sheet) throw officeError('InvalidArgument', 'workbook.tables.add needs a sheet-qualified address in this fake');
        sheet = this.sheet.target();
        const parsed = parseAddress(address);
        if (!parsed) throw officeError('InvalidArgument', address);
        area = parsed;
      } else ({ sheet, area } = address.target());
      checkWritable(sheet);
      // "A table can't overlap with another table, … merged cells" (application-specific-api-error-handling.md).
      if (this.wb.tables.some((t) => t.sheet === sheet && intersects(t.area, area))) throw officeError('MergedRangeConflict', 'tables overlap');
      if (sheet.merges.some((m) => intersects(m, area))) throw officeError('MergedRangeConflict', 'table over merged cells');
      let n = this.wb.tables.length + 1;
      while (this.wb.tables.some((t) => t.name === `Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, area, showBandedRows: true, showFilterButton: true };
      this.wb.tables.push(created);
    });
    return new TableProxy(this.ctx, `${this.path}.add()`, () => created);
  }
}

class TableProxy extends Obj<FakeTable> {
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.setOp('name', v, (t) => {
      const clash = this.wb.tables.some((o) => o !== t && o.name.toLowerCase() === v.toLowerCase()) || this.wb.names.some((n) => n.name.toLowerCase() === v.toLowerCase());
      if (clash) throw officeError('ItemAlreadyExists', v);
      t.name = v;
    });
  }
  set showBandedRows(v: boolean) {
    this.setOp('showBandedRows', v, (t) => (t.showBandedRows = v));
  }
  get worksheet(): WorksheetProxy {
    return this.child('worksheet') as WorksheetProxy;
  }
  protected override scalar(t: FakeTable, name: string): unknown {
    if (name === 'name') return t.name;
    if (name === 'showBandedRows') return t.showBandedRows;
    return super.scalar(t, name);
  }
  protected override makeChild(name: string): Obj<unknown> | undefined {
    if (name === 'worksheet') return new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolver()?.sheet ?? null);
    return undefined;
  }
}

// ── worksheets ──

class WorksheetCollectionProxy extends Collection<FakeSheet, WorksheetProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, 'workbook.worksheets', () => ctx.wb.sheets);
  }

  protected item(t: FakeSheet, i: number): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.items[${i}]`, () => (this.wb.sheets.includes(t) ? t : null));
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => this.wb.findSheet(name) ?? null);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this.wb.findSheet(name) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getActiveWorksheet()`, () => {
      const wb = this.wb;
      return (wb.activeSheet !== null ? wb.findSheet(wb.activeSheet) : undefined) ?? wb.sheets.find((x) => x.visibility === 'Visible') ?? null;
    });
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.callOp('add', [name], () => {
      if (this.wb.structureProtected) throw officeError('AccessDenied', 'workbook structure');
      const injected = this.ctx.host.failures.addSheet;
      if (injected) throw officeError(injected, name);
      if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw officeError('InvalidArgument', name);
      if (this.wb.findSheet(name)) throw officeError('ItemAlreadyExists', name);
      created = this.wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, `${this.path}.add(${JSON.stringify(name)})`, () => (created && this.wb.sheets.includes(created) ? created : null));
  }
}

class WorksheetProxy extends Obj<FakeSheet> {
  get name(): string {
    return this.get('name');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.setOp('visibility', v, (t) => {
      if (v === 'Visible' || v === 'Hidden' || v === 'VeryHidden') t.visibility = v;
      else throw officeError('InvalidArgument', v);
    });
  }
  protected override scalar(t: FakeSheet, name: string): unknown {
    if (name === 'name') return t.name;
    if (name === 'visibility') return t.visibility;
    if (name === 'position') return this.wb.sheets.indexOf(t);
    return super.scalar(t, name);
  }

  private range(path: string, area: (s: FakeSheet) => Area | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.${path}`,
      () => {
        const sheet = this.resolver();
        if (!sheet) return null;
        const a = area(sheet);
        return a ? { sheet, area: a } : null;
      },
      nullable,
    );
  }

  getRange(address?: string): RangeProxy {
    return this.range(`getRange(${JSON.stringify(address ?? '')})`, () => {
      if (address === undefined || address === '') return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const a = parseAddress(address);
      if (!a) throw officeError('InvalidArgument', address);
      return a;
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return this.range(`getRangeByIndexes(${row},${col},${rows},${cols})`, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) throw officeError('InvalidArgument', `${row},${col},${rows},${cols}`);
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, `${this.path}.getRanges(${JSON.stringify(address)})`, () => {
      const sheet = this.resolver();
      if (!sheet) return null;
      const areas = address.split(/[,;]/).map((s) => parseAddress(s));
      if (areas.some((a) => a === null)) throw officeError('InvalidArgument', address);
      return { sheet, areas: areas as Area[] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.range(`getUsedRangeOrNullObject(${valuesOnly === true})`, (s) => s.usedArea(valuesOnly === true), true);
  }

  delete(): void {
    this.callOp('delete', [], (t) => {
      const wb = this.wb;
      if (wb.structureProtected) throw officeError('AccessDenied', 'workbook structure');
      // d.ts Worksheet.delete: a VeryHidden sheet fails with InvalidOperation.
      if (t.visibility === 'VeryHidden') throw officeError('InvalidOperation', `${t.name} is very hidden`);
      wb.sheets.splice(wb.sheets.indexOf(t), 1);
      wb.tables = wb.tables.filter((x) => x.sheet !== t);
      for (const n of wb.names) if (n.sheet === t) n.sheet = null;
    });
  }

  activate(): void {
    this.callOp('activate', [], (t) => {
      if (t.visibility !== 'Visible' && this.ctx.host.hiddenSheetActivate === 'reject') throw officeError('InvalidOperation', `${t.name} is hidden`);
      this.wb.activeSheet = t.name;
    });
  }

  get freezePanes(): { freezeRows(count?: number): void } {
    return {
      freezeRows: (count = 1) =>
        this.callOp('freezePanes.freezeRows', [count], (t) => {
          if (t.visibility !== 'Visible' && this.ctx.host.hiddenSheetFreeze === 'reject') throw officeError('InvalidOperation', `${t.name} is hidden`);
          t.freezeRows = count;
        }),
    };
  }

  get pageLayout(): Record<string, unknown> {
    const reject = (): void => {
      const code = this.ctx.host.failures.pageLayout;
      if (code) throw officeError(code, 'page layout');
    };
    const set = (name: string, value: unknown, apply: (t: FakeSheet) => void): void =>
      this.setOp(`pageLayout.${name}`, value, (t) => {
        reject();
        apply(t);
      });
    return {
      set orientation(v: string) {
        set('orientation', v, (t) => (t.pageLayout.orientation = v));
      },
      set paperSize(v: string) {
        set('paperSize', v, (t) => (t.pageLayout.paperSize = v));
      },
      set zoom(v: unknown) {
        set('zoom', v, (t) => (t.pageLayout.zoom = v));
      },
      setPrintTitleRows: (rows: string) =>
        this.callOp('pageLayout.setPrintTitleRows', [rows], (t) => {
          reject();
          t.pageLayout.printTitleRows = rows;
        }),
    };
  }

  get protection(): ProtectionProxy {
    return this.child('protection') as ProtectionProxy;
  }

  get charts(): { add(type: string, source: RangeProxy, seriesBy?: string): unknown } {
    return {
      add: (type: string, source: RangeProxy, seriesBy?: string) => {
        let made: FakeChart | null = null;
        this.callOp('charts.add', [type, source.path, seriesBy], (t) => {
          checkWritable(t);
          const r = source.target();
          if (r.sheet !== t) throw officeError('InvalidArgument', 'source on another sheet');
          made = { type, source: areaA1(r.area), seriesBy, props: {}, series: [{ values: areaA1(r.area), xValues: undefined, props: {} }] };
          t.charts.push(made);
        });
        return chartProxy(this.ctx, `${this.path}.charts.add(${JSON.stringify(type)})`, () => made);
      },
    };
  }

  get horizontalPageBreaks(): { add(range: string): void } {
    return {
      add: (range: string) =>
        this.callOp('horizontalPageBreaks.add', [range], (t) => {
          const reject = this.ctx.host.failures.pageLayout;
          if (reject) throw officeError(reject, 'page breaks');
          if (!parseAddress(range)) throw officeError('InvalidArgument', range);
          t.rowBreaks.push(range);
        }),
    };
  }

  protected override makeChild(name: string): Obj<unknown> | undefined {
    if (name === 'protection') return new ProtectionProxy(this.ctx, `${this.path}.protection`, () => this.resolver());
    return undefined;
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, `${this.path}.tables`, () => {
      const s = this.resolver();
      return s ? this.wb.tables.filter((t) => t.sheet === s) : null;
    }, this);
  }
}

class ProtectionProxy extends Obj<FakeSheet> {
  get protected(): boolean {
    return this.get('protected');
  }
  protected override scalar(t: FakeSheet, name: string): unknown {
    if (name === 'protected') return t.protected;
    return super.scalar(t, name);
  }
}

// ── ranges ──

interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

function cellsOf(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

/** The value Excel reports for a cell. */
function reportedValue(cell: FakeCell | undefined): string | number | boolean {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'object') return cell.value.error;
  return cell.value;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/;
const EPOCH = Date.UTC(1899, 11, 30);

/** Store one written value as Excel stores typed input. */
function writeInput(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  delete cell.textPrefix;
  if (input === null || input === undefined || input === '') {
    cell.value = null;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const s = String(input);
  const t = s.trim();
  if (cell.numberFormat === '@') cell.value = s;
  else if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.textPrefix = true;
  } else if (s.startsWith('=') && s.length > 1) {
    cell.formula = s;
    cell.value = null; // calculated by Excel; the fake does not calculate
  } else if (NUMBER_TEXT.test(t.replace(/,/g, ''))) {
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    cell.value = t.endsWith('%') ? n / 100 : n;
  } else if (/^[+\-@]/.test(s) && s.length > 1) {
    cell.formula = `=${s}`;
    cell.value = { error: '#NAME?' };
  } else if (/^(true|false)$/i.test(t)) cell.value = t.toLowerCase() === 'true';
  else if (ERROR_LITERAL.test(t)) cell.value = { error: t };
  else if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(t)) {
    const [y, m, d] = t.split(/[-/]/).map(Number);
    cell.value = (Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) - EPOCH) / 86_400_000;
  } else cell.value = s;
}

function matrixFor(area: Area, value: unknown, what: string): unknown[][] {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (!Array.isArray(value) || value.length !== rows || value.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw officeError('InvalidArgument', `${what}: the dimensions do not match the range (${rows}×${cols})`);
  }
  return value as unknown[][];
}

class RangeProxy extends Obj<RangeTarget> {
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.writeMatrix('values', v);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeMatrix('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setOp('numberFormat', v, ({ sheet, area }) => {
      checkWritable(sheet);
      this.checkLargeWrite(area);
      const m = matrixFor(area, v, 'numberFormat');
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const f = m[r - area.top]?.[c - area.left];
          const cell = sheet.ensure(r, c);
          if (typeof f === 'string' && f !== 'General') cell.numberFormat = f;
          else delete cell.numberFormat;
        }
    });
  }
  set hyperlink(v: FakeHyperlink) {
    this.setOp('hyperlink', v, ({ sheet, area }) => {
      checkWritable(sheet);
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const cell = sheet.ensure(r, c);
          cell.hyperlink = { ...v };
          if (v.textToDisplay !== undefined) {
            delete cell.formula;
            cell.value = v.textToDisplay;
          }
        }
    });
  }

  private checkLargeWrite(area: Area): void {
    const limit = this.ctx.host.failures.generalExceptionAboveCells;
    if (limit !== undefined && cellsOf(area) > limit) throw officeError('GeneralException');
  }

  private writeMatrix(name: 'values' | 'formulas', v: unknown[][]): void {
    this.setOp(name, v, ({ sheet, area }) => {
      checkWritable(sheet);
      this.checkLargeWrite(area);
      const m = matrixFor(area, v, name);
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const input = m[r - area.top]?.[c - area.left];
          const existing = sheet.cell(r, c);
          if (!existing && (input === '' || input === null)) continue;
          writeInput(sheet.ensure(r, c), input);
        }
    });
  }

  protected override scalar({ sheet, area }: RangeTarget, name: string): unknown {
    switch (name) {
      case 'address':
        return `${quoteName(sheet.name)}!${areaA1(area)}`;
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      case 'values':
      case 'formulas':
      case 'numberFormat': {
        if (cellsOf(area) > 5_000_000) throw officeError('GeneralException', 'more than 5 million cells');
        const out: unknown[][] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          const row: unknown[] = [];
          for (let c = area.left; c <= area.right; c++) {
            const cell = sheet.cell(r, c);
            if (name === 'values') row.push(reportedValue(cell));
            else if (name === 'formulas') row.push(cell?.formula ?? reportedValue(cell));
            else row.push(cell?.numberFormat ?? 'General');
          }
          out.push(row);
        }
        return out;
      }
      default:
        return super.scalar({ sheet, area }, name);
    }
  }

  get format(): RangeFormatProxy {
    return this.child('format') as RangeFormatProxy;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child('conditionalFormats') as ConditionalFormatCollectionProxy;
  }

  protected override makeChild(name: string): Obj<unknown> | undefined {
    if (name === 'format') return new RangeFormatProxy(this.ctx, `${this.path}.format`, () => this.resolver());
    if (name === 'conditionalFormats')
      return new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.conditionalFormats`, () => {
        const t = this.resolver();
        return t ? { sheet: t.sheet, areas: [t.area] } : null;
      });
    return undefined;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly === true})`,
      () => {
        const t = this.resolver();
        const used = t?.sheet.usedArea(valuesOnly === true);
        if (!t || !used || !intersects(used, t.area)) return null;
        return {
          sheet: t.sheet,
          area: { top: Math.max(used.top, t.area.top), left: Math.max(used.left, t.area.left), bottom: Math.min(used.bottom, t.area.bottom), right: Math.min(used.right, t.area.right) },
        };
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      `${this.path}.getMergedAreasOrNullObject()`,
      () => {
        const t = this.resolver();
        if (!t) return null;
        // Like Excel: only areas whose top-left cell lies in the range; more than 512 fails.
        const found = t.sheet.merges.filter((m) => contains(t.area, m.top, m.left));
        if (found.length > 512) throw officeError('GeneralException', `more than 512 merged areas (${found.length})`);
        return found.length === 0 ? null : { sheet: t.sheet, areas: found.map((m) => ({ ...m })) };
      },
      true,
    );
  }

  merge(across = false): void {
    this.callOp('merge', [across], ({ sheet, area }) => {
      checkWritable(sheet);
      const parts = across ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i })) : [area];
      for (const part of parts) {
        if (cellsOf(part) < 2) continue;
        if (sheet.merges.some((m) => intersects(m, part))) throw officeError('InvalidArgument', 'overlaps a merged area');
        sheet.merges.push({ ...part });
        for (let r = part.top; r <= part.bottom; r++)
          for (let c = part.left; c <= part.right; c++) {
            if (r === part.top && c === part.left) continue;
            const cell = sheet.cell(r, c);
            if (cell) {
              cell.value = null;
              delete cell.formula;
            }
          }
      }
    });
  }

  select(): void {
    this.callOp('select', [], ({ sheet, area }) => (this.wb.selection = { sheet: sheet.name, address: areaA1(area) }));
  }
}

class RangeAreasProxy extends Obj<{ sheet: FakeSheet; areas: Area[] }> {
  get areas(): RangeCollectionProxy {
    return this.child('areas') as RangeCollectionProxy;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child('conditionalFormats') as ConditionalFormatCollectionProxy;
  }
  protected override scalar(t: { sheet: FakeSheet; areas: Area[] }, name: string): unknown {
    if (name === 'address') return t.areas.map((a) => `${quoteName(t.sheet.name)}!${areaA1(a)}`).join(',');
    if (name === 'areaCount') return t.areas.length;
    return super.scalar(t, name);
  }
  protected override makeChild(name: string): Obj<unknown> | undefined {
    if (name === 'areas')
      return new RangeCollectionProxy(this.ctx, `${this.path}.areas`, () => {
        const t = this.resolver();
        return t ? t.areas.map((area) => ({ sheet: t.sheet, area })) : null;
      });
    if (name === 'conditionalFormats') return new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.conditionalFormats`, () => this.resolver());
    return undefined;
  }
}

class RangeCollectionProxy extends Collection<RangeTarget, RangeProxy> {
  protected item(t: RangeTarget, i: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.items[${i}]`, () => t);
  }
}

// ── formats ──

function eachCell(t: RangeTarget, f: (cell: FakeCell, r: number, c: number) => void): void {
  checkWritable(t.sheet);
  if (cellsOf(t.area) > 5_000_000) throw officeError('GeneralException', 'formatting more than 5 million cells');
  for (let r = t.area.top; r <= t.area.bottom; r++) for (let c = t.area.left; c <= t.area.right; c++) f(t.sheet.ensure(r, c), r, c);
}

function styleOf(cell: FakeCell): FakeStyle {
  return (cell.style ??= {});
}

class RangeFormatProxy extends Obj<RangeTarget> {
  set wrapText(v: boolean) {
    this.setOp('wrapText', v, (t) => eachCell(t, (cell) => (styleOf(cell).wrapText = v)));
  }
  set horizontalAlignment(v: string) {
    this.setOp('horizontalAlignment', v, (t) => eachCell(t, (cell) => (styleOf(cell).horizontalAlignment = v)));
  }
  set verticalAlignment(v: string) {
    this.setOp('verticalAlignment', v, (t) => eachCell(t, (cell) => (styleOf(cell).verticalAlignment = v)));
  }
  set columnWidth(v: number) {
    this.setOp('columnWidth', v, ({ sheet, area }) => {
      checkWritable(sheet);
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.setOp('rowHeight', v, ({ sheet, area }) => {
      checkWritable(sheet);
      for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }
  get fill(): { color: string } {
    const set = (v: string): void => this.setOp('fill.color', v, (t) => eachCell(t, (cell) => (styleOf(cell).fill = v)));
    return {
      set color(v: string) {
        set(v);
      },
      get color(): string {
        throw notLoaded('color', 'format.fill');
      },
    };
  }
  get font(): Record<string, unknown> {
    const set = (name: 'name' | 'size' | 'bold' | 'italic' | 'color', v: unknown): void =>
      this.setOp(`font.${name}`, v, (t) =>
        eachCell(t, (cell) => {
          const s = styleOf(cell);
          s.font = { ...s.font, [name]: v };
        }),
      );
    return {
      set name(v: string) {
        set('name', v);
      },
      set size(v: number) {
        set('size', v);
      },
      set bold(v: boolean) {
        set('bold', v);
      },
      set italic(v: boolean) {
        set('italic', v);
      },
      set color(v: string) {
        set('color', v);
      },
    };
  }
  get borders(): { getItem(index: string): Record<string, unknown> } {
    return {
      getItem: (index: string) => {
        const set = (prop: keyof FakeBorder, v: string): void =>
          this.setOp(`borders.${index}.${prop}`, v, (t) =>
            eachCell(t, (cell, r, c) => {
              const sides: Side[] = [];
              const a = t.area;
              if (index === 'EdgeTop' && r === a.top) sides.push('top');
              if (index === 'EdgeBottom' && r === a.bottom) sides.push('bottom');
              if (index === 'EdgeLeft' && c === a.left) sides.push('left');
              if (index === 'EdgeRight' && c === a.right) sides.push('right');
              if (index === 'InsideHorizontal') {
                if (r > a.top) sides.push('top');
                if (r < a.bottom) sides.push('bottom');
              }
              if (index === 'InsideVertical') {
                if (c > a.left) sides.push('left');
                if (c < a.right) sides.push('right');
              }
              const s = styleOf(cell);
              for (const side of sides) s.borders = { ...s.borders, [side]: { ...s.borders?.[side], [prop]: v } };
            }),
          );
        return {
          set style(v: string) {
            set('style', v);
          },
          set weight(v: string) {
            set('weight', v);
          },
          set color(v: string) {
            set('color', v);
          },
        };
      },
    };
  }
}

// ── conditional formats ──

type CfHost = { sheet: FakeSheet; areas: Area[] };

class ConditionalFormatCollectionProxy extends Collection<FakeConditionalFormat, ConditionalFormatProxy> {
  private host?: () => CfHost | null;

  constructor(ctx: FakeContext, path: string, host: () => CfHost | null) {
    super(ctx, path, () => {
      const h = host();
      return h ? h.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => h.areas.some((b) => intersects(a, b)))) : null;
    });
    this.host = host;
  }

  protected item(t: FakeConditionalFormat, i: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, `${this.path}.items[${i}]`, () => this.owner(t));
  }

  override collect(paths: readonly string[], resp: Resp): void {
    // Reading some user-made rules fails (OfficeDev/office-js #6827, #6835).
    const h = this.host?.();
    if (h?.sheet.unreadableConditionalFormats && h.sheet.conditionalFormats.length > 0) throw officeError('GeneralException', `conditional formats of ${h.sheet.name}`);
    super.collect(paths, resp);
  }

  private owner(cf: FakeConditionalFormat): { sheet: FakeSheet; cf: FakeConditionalFormat } | null {
    const sheet = this.wb.sheets.find((s) => s.conditionalFormats.includes(cf));
    return sheet ? { sheet, cf } : null;
  }

  add(type: string): ConditionalFormatProxy {
    let created: FakeConditionalFormat | null = null;
    this.callOp('add', [type], () => {
      const h = this.host?.();
      if (!h) throw officeError('ItemNotFound', this.path);
      checkWritable(h.sheet);
      created = { id: ++cfIds, type, areas: h.areas.map((a) => ({ ...a })) };
      h.sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormatProxy(this.ctx, `${this.path}.add(${JSON.stringify(type)})`, () => (created ? this.owner(created) : null));
  }
}

type CfTarget = { sheet: FakeSheet; cf: FakeConditionalFormat };

class ConditionalFormatProxy extends Obj<CfTarget> {
  get type(): string {
    return this.get('type');
  }
  get custom(): CustomConditionalFormatProxy {
    return this.child('custom') as CustomConditionalFormatProxy;
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this.child('customOrNullObject') as CustomConditionalFormatProxy;
  }
  protected override scalar(t: CfTarget, name: string): unknown {
    if (name === 'type') return t.cf.type;
    return super.scalar(t, name);
  }
  protected override makeChild(name: string): Obj<unknown> | undefined {
    if (name === 'custom')
      return new CustomConditionalFormatProxy(this.ctx, `${this.path}.custom`, () => {
        const t = this.resolver();
        if (t && t.cf.type !== 'Custom') throw officeError('InvalidArgument', 'not a custom conditional format');
        return t;
      });
    if (name === 'customOrNullObject')
      return new CustomConditionalFormatProxy(
        this.ctx,
        `${this.path}.customOrNullObject`,
        () => {
          const t = this.resolver();
          return t && t.cf.type === 'Custom' ? t : null;
        },
        true,
        false,
      );
    return undefined;
  }
  delete(): void {
    this.callOp('delete', [], ({ sheet, cf }) => {
      checkWritable(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

class CustomConditionalFormatProxy extends Obj<CfTarget> {
  get rule(): RuleProxy {
    return this.child('rule') as RuleProxy;
  }
  get format(): { fill: { color: string } } {
    const set = (v: string): void =>
      this.setOp('format.fill.color', v, ({ sheet, cf }) => {
        checkWritable(sheet);
        cf.fill = v;
      });
    return {
      fill: {
        set color(v: string) {
          set(v);
        },
        get color(): string {
          throw notLoaded('color', 'format.fill');
        },
      },
    };
  }
  protected override makeChild(name: string): Obj<unknown> | undefined {
    if (name === 'rule') return new RuleProxy(this.ctx, `${this.path}.rule`, () => this.resolver());
    return undefined;
  }
}

class RuleProxy extends Obj<CfTarget> {
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.setOp('formula', v, ({ sheet, cf }) => {
      checkWritable(sheet);
      cf.formula = v;
    });
  }
  protected override scalar(t: CfTarget, name: string): unknown {
    if (name === 'formula') return t.cf.formula ?? '';
    return super.scalar(t, name);
  }
}

/** Test helper: a grid cell's value as the fake stores it (for comparisons). */
export function fakeValue(cell: FakeCell | undefined): CellValue {
  if (!cell || cell.value === null) return null;
  return typeof cell.value === 'object' ? { error: cell.value.error } : cell.value;
}

// ── charts ──

/** Chart members the adapter may set (property paths) or call (paths ending in `()`); anything else throws, as Office.js does. */
const CHART_MEMBERS = new Set([
  'name', 'width', 'height', 'setPosition()', 'title.text', 'legend.visible', 'legend.position',
  'axes.categoryAxis.title.text', 'axes.categoryAxis.reversePlotOrder', 'axes.categoryAxis.position',
  'axes.valueAxis.title.text', 'axes.valueAxis.numberFormat', 'axes.valueAxis.minimum', 'axes.valueAxis.maximum',
  'dataLabels.showValue', 'dataLabels.numberFormat',
]);
const SERIES_MEMBERS = new Set(['name', 'setValues()', 'setXAxisValues()', 'format.fill.setSolidColor()', 'hasDataLabels', 'dataLabels.numberFormat', 'dataLabels.showValue']);

/**
 * A recording proxy over a chart member tree: setting a leaf or calling a method queues an operation that
 * applies it to the chart when the batch runs; a member outside `members` throws at once.
 */
function memberProxy(ctx: FakeContext, path: string, members: ReadonlySet<string>, apply: (member: string, value: unknown) => void, prefix = '', extra: (p: string) => unknown = () => undefined): unknown {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        const p = prefix ? `${prefix}.${prop}` : prop;
        const special = extra(p);
        if (special !== undefined) return special;
        if (members.has(`${p}()`)) {
          return (...args: unknown[]) => {
            const shown = args.map((a) => (a instanceof RangeProxy ? a.path : a));
            ctx.enqueue({ path, op: 'call', name: p, args: shown }, () => apply(`${p}()`, args));
          };
        }
        if ([...members].some((m) => m.startsWith(`${p}.`))) return memberProxy(ctx, path, members, apply, p, extra);
        throw officeError('InvalidArgument', `${path}.${p}`);
      },
      set(_t, prop, value) {
        const p = prefix ? `${prefix}.${String(prop)}` : String(prop);
        if (!members.has(p)) throw officeError('InvalidArgument', `${path}.${p}`);
        ctx.enqueue({ path, op: 'set', name: p, value }, () => apply(p, value));
        return true;
      },
    },
  );
}

function rangeAddress(v: unknown): string {
  if (!(v instanceof RangeProxy)) throw officeError('InvalidArgument', 'not a range');
  return areaA1(v.target().area);
}

function seriesProxy(ctx: FakeContext, path: string, resolve: () => FakeChartSeries | null): unknown {
  const target = (): FakeChartSeries => {
    const s = resolve();
    if (!s) throw officeError('ItemNotFound', path);
    return s;
  };
  return memberProxy(
    ctx,
    path,
    SERIES_MEMBERS,
    (member, value) => {
      const s = target();
      const args = Array.isArray(value) ? value : [value];
      if (member === 'setValues()') s.values = rangeAddress(args[0]);
      else if (member === 'setXAxisValues()') s.xValues = rangeAddress(args[0]);
      else s.props[member] = member.endsWith('()') ? args[0] : value;
    },
    '',
    (p) =>
      p === 'points'
        ? {
            getItemAt: (i: number) =>
              memberProxy(ctx, `${path}.points.getItemAt(${i})`, new Set(['format.fill.setSolidColor()']), (_m, value) => {
                const s = target();
                const colors = (s.props['pointColors'] ??= {}) as Record<number, unknown>;
                colors[i] = (value as unknown[])[0];
              }),
          }
        : undefined,
  );
}

function chartProxy(ctx: FakeContext, path: string, resolve: () => FakeChart | null): unknown {
  const target = (): FakeChart => {
    const c = resolve();
    if (!c) throw officeError('ItemNotFound', path);
    return c;
  };
  return memberProxy(
    ctx,
    path,
    CHART_MEMBERS,
    (member, value) => {
      const c = target();
      if (member === 'setPosition()') c.props['position'] = (value as unknown[]).filter((v) => v !== undefined);
      else c.props[member] = value;
    },
    '',
    (p) =>
      p === 'series'
        ? {
            getItemAt: (i: number) => seriesProxy(ctx, `${path}.series.getItemAt(${i})`, () => resolve()?.series[i] ?? null),
            add: (name?: string) => {
              let made: FakeChartSeries | null = null;
              ctx.enqueue({ path, op: 'call', name: 'series.add', args: [name] }, () => {
                made = { values: undefined, xValues: undefined, props: name === undefined ? {} : { name } };
                target().series.push(made);
              });
              return seriesProxy(ctx, `${path}.series.add(${JSON.stringify(name)})`, () => made);
            },
          }
        : undefined,
  );
}
