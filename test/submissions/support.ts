/**
 * Test support for colleagues' submissions: write grids as .xlsx (values, formulas, formats, merges),
 * split a sample into per-unit submissions, and run the CLI in-process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { detectKind } from '../../src/core/detect';
import { type CellValue, type Grid, GridView, isErrorValue, type MergeArea } from '../../src/core/grid';
import { resolveSettings } from '../../src/core/settings';
import { rowKey } from '../../src/core/submissions';
import { readTable } from '../../src/core/table';

export function tempDir(prefix = 'annex-sub-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function gridsToBytes(grids: readonly Grid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = g.formulas?.[r]?.[c] ?? null;
        if ((v === null || v === undefined) && f === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (f !== null) cell.value = { formula: f, result: v as number } as ExcelJS.CellFormulaValue;
        else cell.value = isErrorValue(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : (v as string | number | boolean);
        const nf = g.numberFormats?.[r]?.[c] ?? null;
        if (nf) cell.numFmt = nf;
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeGrids(path: string, grids: readonly Grid[]): Promise<string> {
  writeFileSync(path, await gridsToBytes(grids));
  return path;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Trailing blank rows removed, cells as plain values. */
export function trimmed(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((r) => {
    const row = [...r];
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
    return row.map((v) => (v === undefined ? null : v));
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  return rows;
}

const UNIT_COLUMN: Record<string, string> = {
  'rating-tally': 'unit',
  'unit-key-items': 'unit',
  'incentive-analysis': 'unit',
  'progress-report': 'unit',
  'liaison-log': 'county',
};

/**
 * Split a workbook into `parts` submissions. Profile A: by unit (lead unit for 附件1/3/4, county for
 * 附件2/5), units in order of first appearance, contiguous groups of units per file. Other annexes: by
 * contiguous blocks of rows. Each file repeats the title rows, header and notes; a 合计 row sums its part.
 * A sheet that is not a table (the 通报) goes into every file unchanged.
 */
export function splitSubmissions(grids: readonly Grid[], parts: number): Grid[][] {
  const settings = resolveSettings({}).settings;
  const files: Grid[][] = Array.from({ length: parts }, () => []);
  for (const grid of grids) {
    const view = new GridView(grid);
    const det = detectKind(grid, view);
    if (!det?.spec || !det.header) {
      for (const f of files) f.push(grid);
      continue;
    }
    const table = readTable(grid, det.spec, det.header, view);
    const data = table.rows.filter((r) => r.role !== 'total');
    // Which part each data row goes to.
    const partOf = new Map<number, number>();
    const unitKey = UNIT_COLUMN[det.kind];
    if (unitKey) {
      const units: string[] = [];
      for (const r of data) {
        const u = r.cells.get(unitKey)?.text ?? '';
        if (!units.includes(u)) units.push(u);
      }
      for (const r of data) partOf.set(r.row, Math.floor((units.indexOf(r.cells.get(unitKey)?.text ?? '') * parts) / units.length));
    } else {
      // Blocks that never cut through a merged area or a key.
      const keys = data.map((r) => rowKey(det.kind, r, settings)?.key.split('|')[0] ?? '');
      const blocks: number[][] = [];
      data.forEach((r, i) => {
        const cut = i === 0 || keys[i] !== keys[i - 1] || grid.merges.some((m) => m.top < r.row && m.bottom >= r.row);
        if (cut && !(i > 0 && grid.merges.some((m) => m.top < r.row && m.bottom >= r.row))) blocks.push([r.row]);
        else blocks[blocks.length - 1]?.push(r.row);
      });
      blocks.forEach((b, i) => b.forEach((row) => partOf.set(row, Math.floor((i * parts) / blocks.length))));
    }
    for (let p = 0; p < parts; p++) {
      const mine = data.filter((r) => partOf.get(r.row) === p).map((r) => r.row);
      if (mine.length === 0) continue;
      files[p]?.push(subGrid(grid, table.header.bottom, table.totalRow?.row ?? null, mine, table.notesBelow.map((n) => n.row)));
    }
  }
  return files;
}

function subGrid(grid: Grid, headerBottom: number, totalRow: number | null, rows: readonly number[], notes: readonly number[]): Grid {
  const order: number[] = [];
  for (let r = 0; r <= headerBottom; r++) order.push(r);
  const totalFirst = totalRow !== null && totalRow < (rows[0] ?? 0);
  if (totalFirst && totalRow !== null) order.push(totalRow);
  order.push(...rows);
  if (!totalFirst && totalRow !== null) order.push(totalRow);
  order.push(...[...new Set(notes)]);
  const at = new Map(order.map((r, i) => [r, i] as const));
  const firstData = at.get(rows[0] ?? -1) ?? 0;
  const lastData = at.get(rows[rows.length - 1] ?? -1) ?? 0;
  const values = order.map((r, i) =>
    (grid.values[r] ?? []).map((v, c) => {
      if (r !== totalRow || grid.formulas?.[r]?.[c] == null) return v;
      let sum = 0;
      for (let k = firstData; k <= lastData; k++) {
        const x = grid.values[order[k] ?? -1]?.[c];
        if (typeof x === 'number') sum += x;
      }
      void i;
      return sum;
    }),
  );
  const formulas = order.map((r) =>
    (grid.formulas?.[r] ?? []).map((f, c) => {
      if (f === null || r !== totalRow) return f;
      const letter = String.fromCharCode(65 + c);
      return `SUM(${letter}${firstData + 1}:${letter}${lastData + 1})`;
    }),
  );
  const numberFormats = order.map((r) => [...(grid.numberFormats?.[r] ?? [])]);
  const merges: MergeArea[] = [];
  for (const m of grid.merges) {
    const top = at.get(m.top);
    if (top === undefined) continue;
    let ok = true;
    for (let r = m.top; r <= m.bottom; r++) ok &&= at.get(r) === top + (r - m.top);
    if (ok) merges.push({ ...m, top, bottom: top + (m.bottom - m.top) });
  }
  return { name: grid.name, values, formulas, numberFormats, merges };
}

/** The text entries of a zip (an .xlsx), read with zlib: enough to look at the XML Excel will see. */
export function unzipText(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const localStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(localStart, localStart + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The worksheet XML of a sheet by its name (through workbook.xml and its relationships). */
export function sheetXml(entries: Map<string, string>, sheet: string): string {
  const wbXml = entries.get('xl/workbook.xml') ?? '';
  const rels = entries.get('xl/_rels/workbook.xml.rels') ?? '';
  const esc = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wbXml)?.[1];
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] : undefined;
  if (!target) throw new Error(`sheet ${sheet} not found`);
  return entries.get(`xl/${target.replace(/^\/?xl\//, '')}`) ?? '';
}

/** The `<dataValidation>` elements of a sheet: attributes and formula1. */
export function dataValidations(xml: string): { attrs: Record<string, string>; formula1: string | null }[] {
  const out: { attrs: Record<string, string>; formula1: string | null }[] = [];
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<dataValidation\s([^>]*?)(\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1] ?? ''] = unescape(a[2] ?? '');
    const f = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[3] ?? '')?.[1];
    out.push({ attrs, formula1: f === undefined ? null : unescape(f) });
  }
  return out;
}

// ── editing grids in tests ───────────────────────────────────────────────────────────────────────────

export interface MutableGrid {
  name: string;
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  merges: MergeArea[];
}

export function mutable(g: Grid): MutableGrid {
  return {
    name: g.name,
    values: g.values.map((r) => [...r]),
    formulas: g.values.map((r, i) => r.map((_, c) => g.formulas?.[i]?.[c] ?? null)),
    numberFormats: g.values.map((r, i) => r.map((_, c) => g.numberFormats?.[i]?.[c] ?? null)),
    merges: [...g.merges],
  };
}

export function setCell(g: MutableGrid, ref: string, value: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  const col = [...(m[1] ?? '')].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  while (g.values.length <= row) {
    g.values.push([]);
    g.formulas.push([]);
    g.numberFormats.push([]);
  }
  const vr = g.values[row]!;
  while (vr.length <= col) vr.push(null);
  vr[col] = value;
}

export function cellAt(g: MutableGrid, ref: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...(m[1] ?? '')].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return g.values[Number(m[2]) - 1]?.[col] ?? null;
}

/** Delete a row (1-based), shifting the rows below and the merged areas like Excel does. */
export function deleteRow(g: MutableGrid, row1: number): void {
  const r = row1 - 1;
  g.values.splice(r, 1);
  g.formulas.splice(r, 1);
  g.numberFormats.splice(r, 1);
  g.merges = g.merges
    .map((m) => {
      if (m.bottom < r) return m;
      if (m.top > r) return { ...m, top: m.top - 1, bottom: m.bottom - 1 };
      return { ...m, bottom: m.bottom - 1 };
    })
    .filter((m) => m.bottom > m.top || m.right > m.left);
}

/** Swap two unmerged rows (1-based). */
export function swapRows(g: MutableGrid, a1: number, b1: number): void {
  for (const list of [g.values, g.formulas, g.numberFormats] as unknown[][][]) {
    const a = list[a1 - 1]!;
    list[a1 - 1] = list[b1 - 1]!;
    list[b1 - 1] = a;
  }
}
