/**
 * The file reader of the CLI and the pane's file mode: bytes of any spreadsheet staff receive → the core's
 * Grid[]. .xlsx/.xlsm from any writer (prefixed namespaces, Strict OOXML, ISO date cells, cells without
 * addresses, odd part names), .xls and WPS .et (BIFF), .xlsb, .ods, .csv/.txt (UTF-8, UTF-16 or GB18030),
 * and the HTML or XML tables that web systems save as ".xls". Read with SheetJS CE (chosen by measurement:
 * docs/benchmarks.md): it never expands data validations, styles or merged areas cell by cell.
 *
 * The format is decided from the bytes, never from the name alone; every file we cannot read gets one
 * WorkbookReadError whose problem says why (encrypted, not a spreadsheet, incomplete, too large).
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, Grid, MergeArea } from '../core/grid';
import { sheetOfReference } from '../core/grid';
import { SHEET_TAG_PREFIX } from '../core/plans/types';
import { TEMPLATE_MARKER_NAME } from '../core/submissions/marker';
import { WorkbookReadError } from './errors';
import { entryText } from './zip';
import { guardedZipEntries } from './zipGuard';

/** What a file turned out to be. `ooxml` packages (.xlsx/.xlsm) are the ones we can add to without loss. */
export type SourceFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'html';

export interface OpenedWorkbook {
  readonly format: SourceFormat;
  readonly grids: Grid[];
  /** Sheets we wrote earlier, by plan id (from the workbook names `AnnexAudit_<id>`). */
  readonly tagged: ReadonlyMap<string, string>;
  /** `kind@version` when the workbook was made from one of our templates. */
  readonly templateMarker: string | null;
}

/** Limits far above any real annex workbook; past them the user gets one sentence, not a hang. */
export const MAX_CELLS = 5_000_000;
export const MAX_MERGES_PER_SHEET = 100_000;
export const MAX_TEXT_BYTES = 100 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const name = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

/** Text as the file's author saved it: a BOM decides; else UTF-8 when it decodes cleanly; else GB18030 (WPS/Excel in China). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Bytes that are text (no NUL in the first KiB, UTF-16 excepted): CSV, HTML, XML. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return n > 0;
}

const TEXT_NAMES = /\.(csv|tsv|txt|prn)$/i;
const LEGACY_NAMES = /\.(xls|et|ett|xlt)$/i;

type Sniffed = { kind: 'zip' } | { kind: 'ole' } | { kind: 'text'; text: string; as: 'csv' | 'html' };

function sniff(bytes: Uint8Array, file: string): Sniffed {
  if (startsWith(bytes, OLE_MAGIC)) return { kind: 'ole' };
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY)) return { kind: 'zip' };
  if (bytes.length === 0) throw new WorkbookReadError('empty', file);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new WorkbookReadError('pdf', file);
  if (!looksLikeText(bytes)) throw new WorkbookReadError('not-a-workbook', file);
  if (bytes.length > MAX_TEXT_BYTES) throw new WorkbookReadError('too-large', file);
  const text = decodeText(bytes);
  const head = text.slice(0, 4096).toLowerCase();
  // Web systems often save an HTML table or Excel 2003 XML under an .xls name: Excel opens both.
  if (/<table[\s>]/.test(head) || head.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<html[\s>]/.test(head)) {
    return { kind: 'text', text, as: 'html' };
  }
  if (TEXT_NAMES.test(file) || LEGACY_NAMES.test(file) || !/\.[a-z0-9]{1,5}$/i.test(file)) return { kind: 'text', text, as: 'csv' };
  throw new WorkbookReadError('text', file);
}

/** What a zip archive holds, from its part names (OOXML, .xlsb, .ods, or something else). */
function zipFormat(bytes: Uint8Array, file: string): SourceFormat {
  const entries = guardedZipEntries(bytes, file);
  const names = entries.map((e) => e.name);
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (has(/^mimetype$/) && has(/^content\.xml$/)) return 'ods';
  if (has(/\.bin$/i) && has(/workbook\.bin$/i)) return 'xlsb';
  const types = entries.find((e) => /^\[Content_Types\]\.xml$/i.test(e.name));
  if (types && (has(/workbook[^/]*\.xml$/i) || has(/^_rels\/\.rels$/))) {
    if (has(/^word\//)) throw new WorkbookReadError('word', file);
    if (has(/^ppt\//)) throw new WorkbookReadError('powerpoint', file);
    // A macro-enabled workbook says so in its content types (whether or not it still holds VBA).
    let macro = has(/vbaProject\.bin$/i);
    try {
      macro ||= /macroEnabled\.main\+xml/i.test(entryText(types));
    } catch {
      /* unreadable content types: the parser below reports it */
    }
    return macro ? 'xlsm' : 'xlsx';
  }
  if (has(/^word\//)) throw new WorkbookReadError('word', file);
  if (has(/^ppt\//)) throw new WorkbookReadError('powerpoint', file);
  throw new WorkbookReadError('zip', file);
}

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellDates: false,
  cellStyles: false,
  cellHTML: false,
  cellText: false,
  // Stubs keep formula cells that carry no cached result (exceljs and other libraries write them).
  sheetStubs: true,
  bookVBA: false,
  WTF: false,
};

/**
 * SheetJS writes its own notes to the console ("ODS number format may be incorrect"); the CLI's stderr
 * carries one sentence per failure and nothing else, so they are silenced while it runs (synchronously).
 */
function quietly<T>(fn: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const hush = (): void => undefined;
  console.error = hush;
  console.warn = hush;
  console.log = hush;
  try {
    return fn();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
    console.log = saved.log;
  }
}

function parse(bytes: Uint8Array, file: string, sniffed: Sniffed, extra: XLSX.ParsingOptions = {}): XLSX.WorkBook {
  try {
    if (sniffed.kind === 'text') return quietly(() => XLSX.read(sniffed.text, { ...READ_OPTIONS, ...extra, type: 'string' }));
    return quietly(() => XLSX.read(bytes, { ...READ_OPTIONS, ...extra, type: 'array' }));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // A broken OLE file can make the parser speak of "ZIP encryption": only a BIFF password is encryption there.
    if (sniffed.kind === 'ole') throw new WorkbookReadError(/password/i.test(msg) ? 'encrypted' : 'legacy-unreadable', file, msg, { cause: e });
    if (/password|encrypt/i.test(msg)) throw new WorkbookReadError('encrypted', file, msg, { cause: e });
    if (/end of (central )?directory|unexpected end|truncat|corrupt|crc/i.test(msg)) throw new WorkbookReadError('truncated', file, msg, { cause: e });
    throw new WorkbookReadError('unreadable', file, msg, { cause: e });
  }
}

type SheetCell = XLSX.CellObject & { f?: string; z?: string | number };

function cellValue(c: SheetCell): CellValue {
  switch (c.t) {
    case 's':
      return typeof c.v === 'string' ? c.v : String(c.v ?? '');
    case 'n':
      return typeof c.v === 'number' && Number.isFinite(c.v) ? c.v : null;
    case 'b':
      return Boolean(c.v);
    case 'e':
      return { error: typeof c.w === 'string' && c.w.startsWith('#') ? c.w : errorText(c.v) };
    case 'd':
      // Only when a format stores real dates (ISO cells are converted to serials by the parser): keep serials.
      return c.v instanceof Date ? (c.v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : null;
    default:
      return null;
  }
}

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function errorText(v: unknown): string {
  return typeof v === 'number' ? (ERRORS[v] ?? '#VALUE!') : '#VALUE!';
}

function numberFormat(c: SheetCell): string | null {
  const z = c.z;
  if (z === undefined || z === null) return null;
  const s = typeof z === 'number' ? (XLSX.SSF.get_table()[z] ?? null) : z;
  return s === null || s === 'General' || s === '' ? null : s;
}

function sheetToGrid(ws: XLSX.WorkSheet, name: string, hidden: boolean, file: string, budget: { cells: number }): Grid {
  const data = ((ws as { '!data'?: (SheetCell[] | undefined)[] })['!data'] ?? []) as (SheetCell[] | undefined)[];
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const vals: CellValue[] = [];
    const fs: (string | null)[] = [];
    const nf: (string | null)[] = [];
    if (row) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const v = cellValue(cell);
        const f = typeof cell.f === 'string' && cell.f !== '' ? cell.f : null;
        if (v === null && f === null) continue;
        if (--budget.cells < 0) throw new WorkbookReadError('too-many-cells', file, String(MAX_CELLS));
        vals[c] = v;
        fs[c] = f;
        nf[c] = numberFormat(cell);
      }
      for (let c = 0; c < vals.length; c++) {
        if (vals[c] === undefined) vals[c] = null;
        if (fs[c] === undefined) fs[c] = null;
        if (nf[c] === undefined) nf[c] = null;
      }
    }
    values[r] = vals;
    formulas[r] = fs;
    numberFormats[r] = nf;
  }
  // Trailing empty rows (a row of blank stubs) are not part of the grid, as in Excel's used range of values.
  while (values.length > 0 && (values[values.length - 1]?.length ?? 0) === 0) {
    values.pop();
    formulas.pop();
    numberFormats.pop();
  }
  const ranges = ws['!merges'] ?? [];
  if (ranges.length > MAX_MERGES_PER_SHEET) throw new WorkbookReadError('too-many-merges', file, String(MAX_MERGES_PER_SHEET));
  const merges: MergeArea[] = [];
  for (const m of ranges) {
    if (m.e.r === m.s.r && m.e.c === m.s.c) continue;
    merges.push({ top: Math.min(m.s.r, m.e.r), left: Math.min(m.s.c, m.e.c), bottom: Math.max(m.s.r, m.e.r), right: Math.max(m.s.c, m.e.c) });
  }
  return { name, values, formulas, numberFormats, merges, hidden };
}

function definedNames(wb: XLSX.WorkBook): { Name: string; Ref: string; Sheet?: number }[] {
  return (wb.Workbook?.Names ?? []) as { Name: string; Ref: string; Sheet?: number }[];
}

function tagsOf(wb: XLSX.WorkBook): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of definedNames(wb)) {
    if (!n.Name.startsWith(SHEET_TAG_PREFIX) || n.Sheet !== undefined) continue;
    const sheet = sheetOfReference(n.Ref ?? '');
    if (sheet !== null) out.set(n.Name.slice(SHEET_TAG_PREFIX.length), sheet);
  }
  return out;
}

function cellText(ws: XLSX.WorkSheet | undefined, ref: string): string | null {
  if (!ws) return null;
  const addr = XLSX.utils.decode_cell(ref.replace(/\$/g, ''));
  const data = (ws as { '!data'?: (SheetCell[] | undefined)[] })['!data'];
  const cell = data ? data[addr.r]?.[addr.c] : (ws[ref.replace(/\$/g, '')] as SheetCell | undefined);
  if (!cell || cell.v === undefined || cell.v === null) return null;
  return String(cell.v).trim();
}

function markerOf(wb: XLSX.WorkBook): string | null {
  const named = definedNames(wb).find((n) => n.Name === TEMPLATE_MARKER_NAME && n.Sheet === undefined);
  if (named) {
    const m = /^'?(.*?)'?!\$?([A-Z]{1,3})\$?(\d+)/.exec(named.Ref ?? '');
    if (m?.[1] !== undefined && m[2] && m[3]) {
      const text = cellText(wb.Sheets[m[1].replace(/''/g, "'")], `${m[2]}${m[3]}`);
      if (text !== null) return text;
    }
  }
  return cellText(wb.Sheets[TEMPLATE_MARKER_NAME], 'A1');
}

function detectFormat(bytes: Uint8Array, file: string): { sniffed: Sniffed; format: SourceFormat } {
  const sniffed = sniff(bytes, file);
  if (sniffed.kind === 'zip') return { sniffed, format: zipFormat(bytes, file) };
  if (sniffed.kind === 'ole') {
    // An encrypted .xlsx is an OLE file holding an EncryptionInfo stream; anything else OLE is BIFF (.xls, .et).
    if (containsUtf16(bytes, 'EncryptionInfo')) throw new WorkbookReadError('encrypted', file);
    return { sniffed, format: 'xls' };
  }
  return { sniffed, format: sniffed.as };
}

/**
 * A file that is not an .xlsx/.xlsm package (.xls, .xlsb, .ods, .csv) as a new .xlsx package holding its
 * sheets' values, formulas, number formats, merged areas and column widths — what `summarize` adds to
 * when it cannot keep the original format.
 */
export function convertToXlsx(bytes: Uint8Array, file = 'workbook'): Uint8Array {
  const { sniffed } = detectFormat(bytes, file);
  const wb = parse(bytes, file, sniffed, { cellStyles: true, dense: false });
  return new Uint8Array(quietly(() => XLSX.write(wb, { bookType: 'xlsx', type: 'array', compression: true })) as ArrayBuffer);
}

/** Read a spreadsheet of any format we know; throws WorkbookReadError with the true reason otherwise. */
export function openWorkbook(bytes: Uint8Array, file = 'workbook'): OpenedWorkbook {
  const { sniffed, format } = detectFormat(bytes, file);
  const wb = parse(bytes, file, sniffed);
  const tagged = tagsOf(wb);
  const generated = new Set(tagged.values());
  const budget = { cells: MAX_CELLS };
  const grids: Grid[] = [];
  const props = wb.Workbook?.Sheets ?? [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    // Chart sheets and dialog sheets hold no cells.
    if (!ws || (ws as { '!type'?: string })['!type'] === 'chart') return;
    const hidden = (props[i]?.Hidden ?? 0) !== 0;
    const g = sheetToGrid(ws, name, hidden, file, budget);
    grids.push(generated.has(name) ? { ...g, generated: true } : g);
  });
  if (grids.length === 0) throw new WorkbookReadError('no-sheets', file);
  return { format, grids, tagged, templateMarker: markerOf(wb) };
}
