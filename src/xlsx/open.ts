/**
 * The file reader of the CLI and the pane's file mode: bytes of any spreadsheet staff receive → the core's
 * Grid[]. .xlsx/.xlsm from any writer (prefixed namespaces, Strict OOXML, ISO date cells, cells without
 * addresses, odd part names), .xls and WPS .et (BIFF), .xlsb, .ods, .csv/.txt (UTF-8, UTF-16 or GB18030),
 * and the HTML or XML tables that web systems save as ".xls". Read with SheetJS CE (chosen by measurement:
 * docs/benchmarks.md): it never expands data validations, styles or merged areas cell by cell.
 *
 * The format is decided from the bytes, never from the name alone; every file we cannot read gets one
 * WorkbookReadError whose problem says why (encrypted, not a spreadsheet, incomplete, past which limit).
 *
 * Within the limits of limits.ts, measured on what the file really holds: a zip package is inflated here
 * against byte budgets (zipGuard.ts) and SheetJS parses only those parts; cells are counted in the bytes
 * before anything is parsed (cellCount.ts). A sheet that cannot be read, in whole or in part, is never
 * dropped: its grid carries `readProblems`, which the audit reports on it.
 */
import * as XLSX from '@e965/xlsx';
import { type CellValue, type Grid, type MergeArea, type SheetReadProblem, a1, sheetOfReference, SHEET_TAG_PREFIX, TEMPLATE_MARKER_NAME } from '../core';
import { countBiffCells, countOdsCells, countTextCells, countXlsbCells, countXmlCells } from './cellCount';
import { WorkbookReadError } from './errors';
import { READ_LIMITS, type ReadLimits } from './limits';
import { resolveTarget } from './ooxml/parts';
import { xmlFaultBytes } from './ooxml/wellFormed';
import { attr, tags } from './ooxml/xml';
import { decodeXml, isUtf16Xml } from './zip';
import { inflatePackage, type Preinflated } from './zipGuard';

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

export interface OpenOptions {
  /** The reader's budgets (limits.ts); tests pass small ones. */
  readonly limits?: ReadLimits;
  /** The package's entries inflated already (zipGuard.ts `preinflatePackage`: the batch's workers inflate natively). */
  readonly inflated?: Preinflated;
}

/** @deprecated the limits live in limits.ts (READ_LIMITS); kept for callers that name them. */
export const MAX_CELLS = READ_LIMITS.cells;
export const MAX_MERGES_PER_SHEET = READ_LIMITS.mergesPerSheet;
export const MAX_TEXT_BYTES = READ_LIMITS.fileBytes;

/** Excel's grid: a reference past it (XFE1, A1048577, A0) is not a cell Excel shows. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

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

function sniff(bytes: Uint8Array, file: string, limits: ReadLimits): Sniffed {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (bytes.length > limits.fileBytes) throw new WorkbookReadError('file-too-large', file, String(limits.fileBytes));
    return { kind: 'ole' };
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY)) return { kind: 'zip' };
  if (bytes.length === 0) throw new WorkbookReadError('empty', file);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new WorkbookReadError('pdf', file);
  if (!looksLikeText(bytes)) throw new WorkbookReadError('not-a-workbook', file);
  if (bytes.length > limits.fileBytes) throw new WorkbookReadError('file-too-large', file, String(limits.fileBytes));
  const text = decodeText(bytes);
  const head = text.slice(0, 4096).toLowerCase();
  // Web systems often save an HTML table or Excel 2003 XML under an .xls name: Excel opens both.
  if (/<table[\s>]/.test(head) || head.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<html[\s>]/.test(head)) {
    return { kind: 'text', text, as: 'html' };
  }
  if (TEXT_NAMES.test(file) || LEGACY_NAMES.test(file) || !/\.[a-z0-9]{1,5}$/i.test(file)) return { kind: 'text', text, as: 'csv' };
  throw new WorkbookReadError('text', file);
}

/** A zip package's parts, inflated against the budgets, found by name as SheetJS finds them (case-insensitive). */
class Parts {
  private readonly byLower = new Map<string, string>();

  constructor(readonly map: Map<string, Uint8Array>) {
    for (const name of map.keys()) this.byLower.set(Parts.key(name), name);
  }

  private static key(name: string): string {
    return name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
  }

  /** The part's name as stored, or null. */
  find(name: string): string | null {
    return this.byLower.get(Parts.key(name)) ?? null;
  }

  get(name: string): Uint8Array | undefined {
    const n = this.find(name);
    return n === null ? undefined : this.map.get(n);
  }

  text(name: string): string | null {
    const b = this.get(name);
    return b === undefined ? null : decodeXml(b);
  }

  names(): string[] {
    return [...this.map.keys()];
  }
}

/** What a zip archive holds, from its part names (OOXML, .xlsb, .ods, or something else). */
function zipFormat(parts: Parts, file: string): SourceFormat {
  const names = parts.names();
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (has(/^mimetype$/) && has(/^content\.xml$/)) return 'ods';
  if (has(/\.bin$/i) && has(/workbook\.bin$/i)) return 'xlsb';
  const types = parts.text('[Content_Types].xml');
  if (types !== null && (has(/workbook[^/]*\.xml$/i) || has(/^_rels\/\.rels$/))) {
    if (has(/^word\//)) throw new WorkbookReadError('word', file);
    if (has(/^ppt\//)) throw new WorkbookReadError('powerpoint', file);
    // A macro-enabled workbook says so in its content types (whether or not it still holds VBA).
    return has(/vbaProject\.bin$/i) || /macroEnabled\.main\+xml/i.test(types) ? 'xlsm' : 'xlsx';
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

function parseError(e: unknown, file: string, sniffed: Sniffed): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  // A broken OLE file can make the parser speak of "ZIP encryption": only a BIFF password is encryption there.
  if (sniffed.kind === 'ole') return new WorkbookReadError(/password/i.test(msg) ? 'encrypted' : 'legacy-unreadable', file, msg, { cause: e });
  if (/password|encrypt/i.test(msg)) return new WorkbookReadError('encrypted', file, msg, { cause: e });
  if (/end of (central )?directory|unexpected end|truncat|corrupt|crc/i.test(msg)) return new WorkbookReadError('truncated', file, msg, { cause: e });
  return new WorkbookReadError('unreadable', file, msg, { cause: e });
}

// ── zip packages: SheetJS is handed parts we inflated ourselves ─────────────────────────────────

type NodeBuffer = { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array };

/**
 * The parts as SheetJS's own zip reader would hold them (a CFB container: `FullPaths` and `FileIndex`), so
 * `parse_zip` reads them without ever inflating anything itself. In Node the parts are Buffers, as its
 * reader makes them (its text decoding takes the fast path).
 */
function sheetjsContainer(parts: ReadonlyMap<string, Uint8Array>): unknown {
  const B = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  const FullPaths: string[] = ['Root Entry/'];
  const FileIndex: object[] = [{ name: 'Root Entry', type: 5 }];
  for (const [name, data] of parts) {
    const content = B ? B.from(data.buffer, data.byteOffset, data.length) : data;
    FullPaths.push(`Root Entry/${name}`.replace('//', '/'));
    FileIndex.push({ name: name.slice(name.lastIndexOf('/') + 1), type: 2, content, size: content.length });
  }
  return { FullPaths, FileIndex };
}

function parseParts(parts: ReadonlyMap<string, Uint8Array>, extra: XLSX.ParsingOptions = {}): XLSX.WorkBook {
  const parseZip = (XLSX as unknown as { parse_zip: (zip: unknown, opts: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;
  return quietly(() => parseZip(sheetjsContainer(parts), { ...READ_OPTIONS, ...extra }));
}


function relsOf(parts: Parts, part: string): { id: string; type: string; target: string; external: boolean }[] {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const xml = parts.text(`${dir}_rels/${part.slice(dir.length)}.rels`);
  if (xml === null) return [];
  const out: { id: string; type: string; target: string; external: boolean }[] = [];
  for (const t of tags(xml)) {
    if (t.closing || t.local !== 'Relationship') continue;
    out.push({ id: attr(t, 'Id') ?? '', type: attr(t, 'Type') ?? '', target: attr(t, 'Target') ?? '', external: attr(t, 'TargetMode') === 'External' });
  }
  return out;
}

interface SheetRef {
  readonly name: string;
  /** The relationship type's last segment: worksheet, chartsheet, dialogsheet, macrosheet. */
  readonly type: string;
  /** The part the sheet's relationship points to (as resolved), or null when it has none. */
  readonly part: string | null;
  readonly rid: string;
}

interface Structure {
  readonly workbookPart: string;
  readonly sheets: readonly SheetRef[];
  readonly sharedStrings: string | null;
  /** Parts that decide what the workbook holds: when one is broken, no sheet list can be trusted. */
  readonly essential: readonly string[];
}

/** The workbook part, its sheets and the parts they point to, read as Excel reads them (xlsx/xlsm only). */
function structureOf(parts: Parts): Structure {
  const office = relsOf(parts, '').find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  const workbookPart = parts.find(office ? resolveTarget('', office.target) : 'xl/workbook.xml') ?? 'xl/workbook.xml';
  const rels = relsOf(parts, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  const wb = parts.text(workbookPart) ?? '';
  for (const t of tags(wb)) {
    if (t.closing || t.local !== 'sheet') continue;
    const rid = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(t.attrs);
    const id = rid?.[1] ?? rid?.[2] ?? '';
    const rel = byId.get(id);
    sheets.push({ name: attr(t, 'name') ?? '', type: rel?.type.slice(rel.type.lastIndexOf('/') + 1) ?? '', rid: id, part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null });
  }
  const sst = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const styles = rels.find((r) => /\/styles$/.test(r.type));
  const dir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  const essential = ['[Content_Types].xml', '_rels/.rels', workbookPart, `${dir}_rels/${workbookPart.slice(dir.length)}.rels`];
  if (sst) essential.push(resolveTarget(workbookPart, sst.target));
  if (styles) essential.push(resolveTarget(workbookPart, styles.target));
  return { workbookPart, sheets, sharedStrings: sst ? resolveTarget(workbookPart, sst.target) : parts.find('xl/sharedStrings.xml'), essential };
}

/** The number of shared strings (`<si>` items) the package holds. */
function sharedStringCount(parts: Parts, structure: Structure): number {
  const xml = structure.sharedStrings === null ? null : parts.text(structure.sharedStrings);
  if (xml === null) return 0;
  const re = /<(?:[\w.-]+:)?si[\s>/]/g;
  let n = 0;
  while (re.exec(xml)) n++;
  return n;
}

/**
 * A sheet's XML with every cell that refers to a shared string the package does not have (index 99999, -1,
 * "abc") made blank, and those cells' references; null when there is none (SheetJS drops the whole sheet
 * for one such cell).
 */
function blankMissingSharedStrings(xml: string, count: number): { xml: string; cells: string[]; n: number } | null {
  const cells: string[] = [];
  let n = 0;
  const re = /<((?:[\w.-]+:)?)c\b([^>]*?)>\s*(?:<\1f\b[^>]*(?:\/>|>[^<]*<\/\1f>)\s*)?<\1v>([^<]*)<\/\1v>\s*<\/\1c>/g;
  const out = xml.replace(re, (whole, prefix: string, attrs: string, v: string) => {
    if (attr(attrs, 't') !== 's') return whole;
    const idx = v.trim();
    if (/^\d+$/.test(idx) && Number(idx) < count) return whole;
    n++;
    const ref = attr(attrs, 'r');
    if (ref !== undefined && cells.length < 3) cells.push(ref);
    return `<${prefix}c${attrs.replace(/\st\s*=\s*(?:"s"|'s')/, '')}/>`;
  });
  return n === 0 ? null : { xml: out, cells, n };
}

interface ZipRead {
  readonly wb: XLSX.WorkBook;
  readonly format: SourceFormat;
  /** Problems found per sheet name, before the sheets are turned into grids. */
  readonly problems: Map<string, SheetReadProblem[]>;
  /** Sheets SheetJS dropped and we read again after making their bad cells blank. */
  readonly reread: Map<string, XLSX.WorkSheet>;
}

function addProblem(map: Map<string, SheetReadProblem[]>, sheet: string, p: SheetReadProblem): void {
  map.set(sheet, [...(map.get(sheet) ?? []), p]);
}

const XML_PART = /\.(xml|rels|vml)$/i;

function readZipPackage(bytes: Uint8Array, file: string, limits: ReadLimits, extra: XLSX.ParsingOptions, ready?: Preinflated): ZipRead {
  const inflated = inflatePackage(bytes, file, limits, true, ready).parts ?? new Map<string, Uint8Array>();
  // Parts in UTF-16 (Excel opens them) are given to SheetJS as UTF-8.
  for (const [name, data] of inflated) {
    if (XML_PART.test(name) && isUtf16Xml(data)) inflated.set(name, new TextEncoder().encode(decodeXml(data)));
  }
  const parts = new Parts(inflated);
  const format = zipFormat(parts, file);

  // The cell budget, on the cells the sheet data really holds, before anything is parsed.
  let cells = 0;
  for (const [name, data] of inflated) {
    if (format === 'ods') {
      if (/(^|\/)content\.xml$/i.test(name)) cells += countOdsCells(decodeXml(data));
    } else if (format === 'xlsb') {
      if (/(^|\/)(worksheets|macrosheets|dialogsheets)\/[^/]*\.bin$/i.test(name)) cells += countXlsbCells(data);
    } else if (/\.xml$/i.test(name)) {
      cells += countXmlCells(data);
    }
    if (cells > limits.cells) throw new WorkbookReadError('too-many-cells', file, String(limits.cells));
  }

  const problems = new Map<string, SheetReadProblem[]>();
  const reread = new Map<string, XLSX.WorkSheet>();
  if (format === 'ods') {
    const content = parts.find('content.xml');
    const fault = content === null ? null : xmlFaultBytes(parts.get(content) ?? new Uint8Array(0));
    if (content !== null && fault) throw new WorkbookReadError('bad-xml', file, String(fault.position + 1), { part: content });
  }
  let structure: Structure | null = null;
  if (format === 'xlsx' || format === 'xlsm') {
    structure = structureOf(parts);
    for (const name of structure.essential) {
      const bytes = parts.get(name);
      const fault = bytes === undefined ? null : xmlFaultBytes(bytes);
      if (fault) throw new WorkbookReadError('bad-xml', file, String(fault.position + 1), { part: parts.find(name) ?? name });
    }
  }

  let wb: XLSX.WorkBook;
  try {
    wb = parseParts(inflated, extra);
  } catch (e) {
    throw parseError(e, file, { kind: 'zip' });
  }
  if (structure === null) {
    for (const name of wb.SheetNames) if (!wb.Sheets[name]) addProblem(problems, name, { kind: 'unreadable', part: `.${format}` });
    return { wb, format, problems, reread };
  }

  // Each sheet: its part is there, is whole XML, and was read — or the finding says which and why.
  const refs = new Map(structure.sheets.map((s) => [s.name, s]));
  let sst: number | null = null;
  wb.SheetNames.forEach((name, index) => {
    const ref = refs.get(name);
    // A chart or dialog sheet holds no cells to check: whether SheetJS drew it or not, nothing is missing.
    if (ref && /^(chartsheet|dialogsheet)$/i.test(ref.type)) return;
    const part = ref?.part ?? null;
    const stored = part === null ? null : parts.find(part);
    if (stored === null) {
      if (!wb.Sheets[name]) addProblem(problems, name, { kind: 'part-missing', part: part ?? ref?.rid ?? name });
      return;
    }
    const fault = xmlFaultBytes(parts.get(stored) ?? new Uint8Array(0));
    if (fault) addProblem(problems, name, { kind: 'bad-xml', part: stored, position: fault.position + 1, problem: fault.problem });
    if (wb.Sheets[name]) return;
    sst ??= sharedStringCount(parts, structure as Structure);
    const fixed = fault ? null : blankMissingSharedStrings(parts.text(stored) ?? '', sst);
    if (fixed) {
      try {
        const again = parseParts(new Map([...inflated, [stored, new TextEncoder().encode(fixed.xml)]]), { ...extra, sheets: index });
        const ws = again.Sheets[name];
        if (ws) {
          reread.set(name, ws);
          addProblem(problems, name, { kind: 'shared-string-missing', count: fixed.n, cells: fixed.cells });
          return;
        }
      } catch {
        /* reported below as unreadable */
      }
    }
    if (!fault) addProblem(problems, name, { kind: 'unreadable', part: stored });
  });
  return { wb, format, problems, reread };
}

interface Read {
  readonly wb: XLSX.WorkBook;
  readonly format: SourceFormat;
  readonly problems: Map<string, SheetReadProblem[]>;
  readonly reread: Map<string, XLSX.WorkSheet>;
}

/** The file's base name without its extension: a CSV's one sheet is named after it, as Excel, WPS and LibreOffice do. */
function csvSheetName(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).replace(/\.[^.]*$/, '');
  // Excel's rules for sheet names: no []:*?/\, at most 31 characters, not blank.
  const name = [...base.replace(/[[\]:*?/\\]/g, '_')].slice(0, 31).join('').trim();
  return name === '' ? 'Sheet1' : name;
}

/** Read any spreadsheet into a SheetJS workbook within the limits; WorkbookReadError with the true reason otherwise. */
function readAny(bytes: Uint8Array, file: string, limits: ReadLimits, extra: XLSX.ParsingOptions = {}, ready?: Preinflated): Read {
  const sniffed = sniff(bytes, file, limits);
  const none = { problems: new Map<string, SheetReadProblem[]>(), reread: new Map<string, XLSX.WorkSheet>() };
  if (sniffed.kind === 'zip') return readZipPackage(bytes, file, limits, extra, ready);
  if (sniffed.kind === 'ole') {
    // An encrypted .xlsx is an OLE file holding an EncryptionInfo stream; anything else OLE is BIFF (.xls, .et).
    if (containsUtf16(bytes, 'EncryptionInfo')) throw new WorkbookReadError('encrypted', file);
    try {
      const cfb = XLSX.CFB.read(bytes, { type: 'array' }) as unknown;
      const stream = (XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book')) as { content?: ArrayLike<number> } | null;
      const content = stream?.content;
      if (content && countBiffCells(content instanceof Uint8Array ? content : Uint8Array.from(content)) > limits.cells) {
        throw new WorkbookReadError('too-many-cells', file, String(limits.cells));
      }
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      /* the parser below reports a broken container */
    }
    try {
      return { wb: quietly(() => XLSX.read(bytes, { ...READ_OPTIONS, ...extra, type: 'array' })), format: 'xls', ...none };
    } catch (e) {
      throw parseError(e, file, sniffed);
    }
  }
  if (countTextCells(sniffed.text, sniffed.as) > limits.cells) throw new WorkbookReadError('too-many-cells', file, String(limits.cells));
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => XLSX.read(sniffed.text, { ...READ_OPTIONS, ...extra, type: 'string' }));
  } catch (e) {
    throw parseError(e, file, sniffed);
  }
  const only = wb.SheetNames[0];
  if (sniffed.as === 'csv' && wb.SheetNames.length === 1 && only !== undefined) {
    const name = csvSheetName(file);
    const ws = wb.Sheets[only];
    if (name !== only && ws) {
      wb.SheetNames[0] = name;
      wb.Sheets = { [name]: ws };
    }
  }
  return { wb, format: sniffed.as, ...none };
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

/**
 * The integer keys of a SheetJS row (or of its rows array), ascending, negative ones included (`A0` is row
 * -1). Costs the entries it holds: a row with one cell at ZZZZ40 is not walked up to column 475,254.
 */
function indexesOf(arr: readonly unknown[], scanUpTo: number): number[] {
  const out: number[] = [];
  if (arr.length <= scanUpTo) {
    for (let i = 0; i < arr.length; i++) if (arr[i] !== undefined) out.push(i);
    if (Object.prototype.hasOwnProperty.call(arr, '-1')) out.unshift(-1);
    return out;
  }
  for (const k in arr) {
    const i = Number(k);
    if (Number.isInteger(i) && (arr as unknown as Record<string, unknown>)[k] !== undefined) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

interface GridBudget {
  cells: number;
  readonly limits: ReadLimits;
}

/** The row of a sheet's rows that hold nothing (shared, frozen: a grid is never written to once read). */
const NO_CELLS: readonly never[] = Object.freeze([]);

function sheetToGrid(ws: XLSX.WorkSheet, name: string, hidden: boolean, file: string, budget: GridBudget, problems: readonly SheetReadProblem[]): Grid {
  const data = ((ws as { '!data'?: (SheetCell[] | undefined)[] })['!data'] ?? []) as (SheetCell[] | undefined)[];
  const values: (readonly CellValue[])[] = [];
  const formulas: (readonly (string | null)[])[] = [];
  const numberFormats: (readonly (string | null)[])[] = [];
  const outside: string[] = [];
  let outsideCount = 0;
  const stray = (r: number, c: number): void => {
    outsideCount++;
    if (outside.length < 3) outside.push(a1(r, c));
  };
  let rows = 0;
  for (const r of indexesOf(data, MAX_ROWS)) {
    const row = data[r];
    if (!row) continue;
    const vals: CellValue[] = [];
    const fs: (string | null)[] = [];
    const nf: (string | null)[] = [];
    let held = 0;
    for (const c of indexesOf(row, 256)) {
      const cell = row[c];
      if (!cell) continue;
      const v = cellValue(cell);
      const f = typeof cell.f === 'string' && cell.f !== '' ? cell.f : null;
      if (v === null && f === null) continue;
      if (r < 0 || r >= MAX_ROWS || c < 0 || c >= MAX_COLS) {
        stray(r, c);
        continue;
      }
      if (--budget.cells < 0) throw new WorkbookReadError('too-many-cells', file, String(budget.limits.cells));
      vals[c] = v;
      fs[c] = f;
      nf[c] = numberFormat(cell);
      held++;
    }
    if (held === 0) continue;
    // A compact row is filled with nulls as before; a row with a stray far cell stays sparse (core/grid.ts cellsOf).
    if (vals.length <= 64 || vals.length <= 4 * held) {
      for (let c = 0; c < vals.length; c++) {
        if (vals[c] === undefined) vals[c] = null;
        if (fs[c] === undefined) fs[c] = null;
        if (nf[c] === undefined) nf[c] = null;
      }
    }
    // Rows with nothing between held ones share one frozen empty row: a cell left at XFD1048576 costs one
    // array of a million slots per layer, not three million empty arrays (~150 MB and most of a second).
    if (rows < r) {
      values.length = formulas.length = numberFormats.length = r;
      values.fill(NO_CELLS, rows);
      formulas.fill(NO_CELLS, rows);
      numberFormats.fill(NO_CELLS, rows);
    }
    values[r] = vals;
    formulas[r] = fs;
    numberFormats[r] = nf;
    rows = r + 1;
  }
  const ranges = ws['!merges'] ?? [];
  if (ranges.length > budget.limits.mergesPerSheet) throw new WorkbookReadError('too-many-merges', file, String(budget.limits.mergesPerSheet));
  const merges: MergeArea[] = [];
  for (const m of ranges) {
    if (m.e.r === m.s.r && m.e.c === m.s.c) continue;
    const top = Math.min(m.s.r, m.e.r);
    const left = Math.min(m.s.c, m.e.c);
    if (!(top >= 0 && left >= 0 && top < MAX_ROWS && left < MAX_COLS)) continue;
    merges.push({ top, left, bottom: Math.min(Math.max(m.s.r, m.e.r), MAX_ROWS - 1), right: Math.min(Math.max(m.s.c, m.e.c), MAX_COLS - 1) });
  }
  const all = outsideCount > 0 ? [...problems, { kind: 'outside-grid' as const, count: outsideCount, cells: outside }] : problems;
  return { name, values, formulas, numberFormats, merges, hidden, ...(all.length > 0 ? { readProblems: all } : {}) };
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

/**
 * A file that is not an .xlsx/.xlsm package (.xls, .xlsb, .ods, .csv) as a new .xlsx package holding its
 * sheets' values, formulas, number formats, merged areas and column widths — what `summarize` adds to
 * when it cannot keep the original format.
 */
export function convertToXlsx(bytes: Uint8Array, file = 'workbook', options: OpenOptions = {}): Uint8Array {
  const { wb } = readAny(bytes, file, options.limits ?? READ_LIMITS, { cellStyles: true, dense: false });
  return new Uint8Array(quietly(() => XLSX.write(wb, { bookType: 'xlsx', type: 'array', compression: true })) as ArrayBuffer);
}

/**
 * Read a spreadsheet of any format we know, within the limits (limits.ts); throws WorkbookReadError with
 * the true reason otherwise. A sheet that could not be read, in whole or in part, is still listed: its
 * grid carries `readProblems`, which the audit turns into findings on it.
 */
export function openWorkbook(bytes: Uint8Array, file = 'workbook', options: OpenOptions = {}): OpenedWorkbook {
  const limits = options.limits ?? READ_LIMITS;
  const { wb, format, problems, reread } = readAny(bytes, file, limits, {}, options.inflated);
  const tagged = tagsOf(wb);
  const generated = new Set(tagged.values());
  const budget: GridBudget = { cells: limits.cells, limits };
  const grids: Grid[] = [];
  const props = wb.Workbook?.Sheets ?? [];
  wb.SheetNames.forEach((name, i) => {
    const ws = reread.get(name) ?? wb.Sheets[name];
    const found = problems.get(name) ?? [];
    const hidden = (props[i]?.Hidden ?? 0) !== 0;
    if (!ws && found.length === 0 && (format === 'xlsx' || format === 'xlsm')) return;
    if (!ws) {
      // Never silently gone: the sheet is listed, empty, with what kept it from being read.
      grids.push({ name, values: [], merges: [], hidden, readProblems: found.length > 0 ? found : [{ kind: 'unreadable', part: name }] });
      return;
    }
    // Chart sheets and dialog sheets hold no cells.
    if ((ws as { '!type'?: string })['!type'] === 'chart' && found.length === 0) return;
    const g = sheetToGrid(ws, name, hidden, file, budget, found);
    grids.push(generated.has(name) ? { ...g, generated: true } : g);
  });
  if (grids.length === 0) throw new WorkbookReadError('no-sheets', file);
  return { format, grids, tagged, templateMarker: markerOf(wb) };
}
