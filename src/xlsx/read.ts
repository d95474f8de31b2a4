/**
 * The xlsx adapter's reader: an .xlsx file (via exceljs) → the core's Grid[].
 * Values, formulas, number formats and merged areas; dates become Excel serial numbers
 * (as Office.js reports them), rich text becomes plain text.
 */
import ExcelJS from 'exceljs';
import { type CellValue, type Grid, type MergeArea, parseA1, sheetOfReference, SHEET_TAG_PREFIX } from '../core';
import { WorkbookReadError } from './errors';
import type { ReadLimits } from './limits';
import { guardedZipEntries } from './zipGuard';

// Plain byte arrays (no Node Buffer), so the same reader runs in the task pane's file mode.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

type ExcelValue = ExcelJS.CellValue;

function plainValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    if ('error' in v && typeof (v as { error?: unknown }).error === 'string') return { error: String((v as { error: string }).error) };
    if ('richText' in v && Array.isArray((v as { richText?: unknown }).richText)) {
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && result !== null && 'error' in result) return { error: String((result as { error: string }).error) };
      return plainValue(result as ExcelValue);
    }
    if ('text' in v && 'hyperlink' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text;
      return typeof t === 'string' ? t : plainValue(t as unknown as ExcelValue);
    }
  }
  return String(v);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (v && typeof v === 'object') {
    if ('formula' in v && typeof (v as { formula?: unknown }).formula === 'string') return (v as { formula: string }).formula;
    if ('sharedFormula' in v) {
      try {
        const f = cell.formula;
        if (typeof f === 'string' && f !== '') return f;
      } catch {
        /* a shared formula exceljs cannot translate: keep the value only */
      }
      return null;
    }
  }
  return null;
}

function parseMerge(ref: string): MergeArea | null {
  const [a, b] = ref.split(':');
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** The row of a sheet's rows that hold nothing (shared, frozen: a grid is never written to once read). */
const NO_CELLS: readonly never[] = Object.freeze([]);

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: (readonly CellValue[])[] = [];
  const formulas: (readonly (string | null)[])[] = [];
  const numberFormats: (readonly (string | null)[])[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = [];
    const fs: (string | null)[] = [];
    const nf: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Merged continuation cells carry the master's value in exceljs; the grid keeps them empty, as Excel does.
      if (cell.isMerged && cell.master !== cell) return;
      // exceljs's `cell.value` drops a formula's falsy cached result (0, FALSE, ""); `cell.result` keeps it.
      const formula = formulaOf(cell);
      vals[c] = formula !== null || cell.type === ExcelJS.ValueType.Formula ? plainValue((cell.result ?? null) as ExcelValue) : plainValue(cell.value);
      fs[c] = formula;
      const fmt = cell.numFmt;
      nf[c] = fmt && fmt !== 'General' ? fmt : null;
    });
    for (let c = 0; c < vals.length; c++) {
      if (vals[c] === undefined) vals[c] = null;
      if (fs[c] === undefined) fs[c] = null;
      if (nf[c] === undefined) nf[c] = null;
    }
    values[r] = vals;
    formulas[r] = fs;
    numberFormats[r] = nf;
  });
  // Rows with nothing share one frozen empty row (a value left at A1048576 costs no million arrays).
  for (let r = 0; r < values.length; r++) {
    if (!values[r]) {
      values[r] = NO_CELLS;
      formulas[r] = NO_CELLS;
      numberFormats[r] = NO_CELLS;
    }
  }
  const mergeRefs: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  const merges = mergeRefs.map(parseMerge).filter((m): m is MergeArea => m !== null);
  return { name: ws.name, values, formulas, numberFormats, merges, hidden: ws.state !== 'visible' };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Classify bytes before exceljs sees them, so the user gets one clear sentence. */
export function sniffProblem(bytes: Uint8Array): 'encrypted-or-xls' | 'not-zip' | 'zip' {
  if (startsWith(bytes, OLE_MAGIC)) return 'encrypted-or-xls';
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY)) return 'zip';
  return 'not-zip';
}

/** An OLE compound file is either a legacy .xls or an encrypted .xlsx (it has an EncryptionInfo stream). */
function oleIsEncrypted(bytes: Uint8Array): boolean {
  const name = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

export async function loadWorkbook(bytes: Uint8Array, file = 'workbook', options: { limits?: ReadLimits } = {}): Promise<ExcelJS.Workbook> {
  const kind = sniffProblem(bytes);
  if (kind === 'encrypted-or-xls') {
    throw new WorkbookReadError(oleIsEncrypted(bytes) ? 'encrypted' : 'legacy-xls', file);
  }
  if (kind === 'not-zip') throw new WorkbookReadError('not-a-workbook', file);
  // Every part inflated once against the reader's budgets (only counted) before exceljs inflates anything.
  guardedZipEntries(bytes, file, options.limits);
  const wb = new ExcelJS.Workbook();
  // exceljs writes its own "Worksheet name … exceeds 31 chars" lines to the console; what matters reaches
  // the user as our own sentences instead.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const copy = bytes.slice().buffer;
    await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/end of central directory|corrupt|invalid|unexpected end|truncated|crc32/i.test(msg)) {
      throw new WorkbookReadError('truncated', file, msg);
    }
    throw new WorkbookReadError('unreadable', file, msg);
  } finally {
    console.warn = warn;
  }
  return wb;
}

type DefinedNameModel = { name: string; ranges: string[] }[];

/** Sheets we wrote earlier, by plan id, from their workbook-level tags `AnnexAudit_<id>` → `'sheet'!$A$1`. */
export function taggedSheets(wb: ExcelJS.Workbook): Map<string, string> {
  const model = (wb as unknown as { definedNames?: { model?: DefinedNameModel } }).definedNames?.model ?? [];
  const out = new Map<string, string>();
  for (const n of model) {
    if (!n.name.startsWith(SHEET_TAG_PREFIX)) continue;
    const sheet = sheetOfReference(n.ranges[0] ?? '');
    if (sheet !== null) out.set(n.name.slice(SHEET_TAG_PREFIX.length), sheet);
  }
  return out;
}

export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  const generated = new Set(taggedSheets(wb).values());
  return wb.worksheets.map((ws) => {
    const g = worksheetToGrid(ws);
    return generated.has(g.name) ? { ...g, generated: true } : g;
  });
}
