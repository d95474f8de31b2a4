/// <reference types="office-js" />
/**
 * The Office.js adapter's reader: the open workbook → the core's Grid[], exactly as the xlsx adapter reads
 * a file (values, formulas without `=`, number formats, merged areas; dates stay serial numbers; errors
 * become `{ error }`; merged continuation cells and empty cells are null; rows end at their last cell).
 *
 * Calculation: the first sync also reads `application.calculationMode`. In Manual mode the values Excel reports
 * are the results of the last calculation, so the workbook is recalculated (as F9 does) in the next sync,
 * before any value is read, and a note says so; if Excel refuses, the note says values may be stale.
 *
 * Syncs: 1 (the sheets, names, calculation mode) + 1 (each sheet's used range — `getUsedRangeOrNullObject(true)` — and a sample of
 * rows 9–40 for the payload estimate) + 1 (values, formulas, number formats and merged areas of every
 * sheet, queued together), plus one per chunk forced by Excel's limits (5 MB payload, 5 million cells) —
 * never one per sheet or per row. A batch Excel still rejects as too large is split and sent again.
 */
import { sheetOfReference, SHEET_TAG_PREFIX, type Grid, type MergeArea } from '../core';
import { type BatchLimits, jsonBytes, runWorks, type Work } from './batch';
import { isExcelAdapterError } from './errors';
import type { ExcelNote } from './messages';
import { supports } from './requirements';
import { assembleGrid } from '../hosts/grid';

export { toGridCell } from '../hosts/cells';

/** getMergedAreasOrNullObject fails past 512 areas in one range: query blocks of at most 512 cells. */
const MERGE_QUERY_CELLS = 512;
/** Rows sampled near the top of each sheet (below the usual title and header rows) to estimate the payload per row. */
const SAMPLE_ROWS = '9:40';

export interface ReadOptions {
  /** Read merged areas (ExcelApi 1.13); by default when the host supports it. */
  readonly mergedAreas?: boolean;
  readonly limits?: BatchLimits;
  /** Recalculate a workbook in manual calculation mode before reading (default true). */
  readonly calculate?: boolean;
}

export interface WorkbookRead {
  readonly grids: Grid[];
  /** What the user should know about the values read (manual calculation). */
  readonly notes: readonly ExcelNote[];
}

interface UsedArea {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

class SheetReader {
  private readonly values: unknown[][] = [];
  private readonly formulas: unknown[][] = [];
  private readonly formats: unknown[][] = [];
  private readonly merges = new Map<string, MergeArea>();
  readonly work: Work | null;

  constructor(
    private readonly ws: Excel.Worksheet,
    private readonly name: string,
    private readonly hidden: boolean,
    private readonly used: UsedArea | null,
    bytesPerRow: number,
    private readonly mergedAreas: boolean,
  ) {
    if (!used) {
      this.work = null;
      return;
    }
    const bottom = used.top + used.rows - 1;
    // Merged areas are queried from row 1 and column A, so an area that starts above or left of the used
    // range but covers it is still found; values only within the used range.
    const base = mergedAreas ? 0 : used.top;
    const width = used.left + used.cols;
    const colBlock = Math.min(width, MERGE_QUERY_CELLS);
    const rowBlock = Math.max(1, Math.floor(MERGE_QUERY_CELLS / colBlock));
    const mergeBytesPerRow = mergedAreas ? Math.ceil(160 / rowBlock) * Math.ceil(width / colBlock) : 0;
    this.work = {
      rows: bottom + 1 - base,
      fixedBytes: 64,
      cellsPerRow: used.cols,
      idempotent: true,
      rowBytes: (_start, count) => count * (bytesPerRow + mergeBytesPerRow),
      queue: (start, count) => {
        const from = base + start;
        const to = from + count;
        const callbacks: (() => void)[] = [];
        const vs = Math.max(from, used.top);
        const ve = Math.min(to, bottom + 1);
        if (ve > vs) {
          const range = this.ws.getRangeByIndexes(vs, used.left, ve - vs, used.cols);
          range.load('values,formulas,numberFormat');
          callbacks.push(() => {
            range.values.forEach((row, i) => (this.values[vs - used.top + i] = row));
            range.formulas.forEach((row, i) => (this.formulas[vs - used.top + i] = row));
            range.numberFormat.forEach((row, i) => (this.formats[vs - used.top + i] = row));
          });
        }
        if (this.mergedAreas) {
          for (let r = from; r < to; r += rowBlock) {
            for (let c = 0; c < width; c += colBlock) {
              const areas = this.ws.getRangeByIndexes(r, c, Math.min(rowBlock, to - r), Math.min(colBlock, width - c)).getMergedAreasOrNullObject();
              areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
              callbacks.push(() => {
                if (areas.isNullObject) return;
                for (const a of areas.areas.items) {
                  const m: MergeArea = { top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 };
                  this.merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
                }
              });
            }
          }
        }
        return () => callbacks.forEach((f) => f());
      },
    };
  }

  grid(): Grid {
    return assembleGrid({ name: this.name, hidden: this.hidden, used: this.used, values: this.values, formulas: this.formulas, formats: this.formats, merges: this.merges.values() });
  }
}

/** Payload per row of values + formulas + number formats, estimated from sampled rows' values. */
function estimateBytesPerRow(sample: unknown[][] | null, cols: number): number {
  const floor = cols * 24 + 16;
  if (!sample || sample.length === 0) return floor;
  const perRow = jsonBytes(sample) / sample.length;
  // values + formulas (constants repeat their value) + number formats ("General"), with 25% headroom.
  return Math.max(floor, Math.ceil((2 * perRow + cols * 11 + 16) * 1.25));
}

/** Every worksheet (visible, hidden and very hidden) as a grid, in workbook order. */
export async function readWorkbookGrids(context: Excel.RequestContext, options: ReadOptions = {}): Promise<Grid[]> {
  return (await readWorkbook(context, options)).grids;
}

/** Every worksheet as a grid, and notes about the values read (a workbook in manual calculation mode). */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const mergedAreas = options.mergedAreas ?? supports('mergedAreas');
  const notes: ExcelNote[] = [];
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/value');
  const application = context.workbook.application;
  application.load('calculationMode');
  await context.sync();
  if (application.calculationMode === 'Manual') {
    if (options.calculate === false) notes.push({ key: 'excel.note.manualCalcStale' });
    else {
      // Recalculate (F9) before anything is read: values would otherwise be the last calculation's results.
      application.calculate('Recalculate');
      try {
        await context.sync();
        notes.push({ key: 'excel.note.manualCalc' });
      } catch (e) {
        if (isExcelAdapterError(e)) throw e;
        notes.push({ key: 'excel.note.manualCalcStale' });
      }
    }
  }
  // Our earlier summary sheets (tagged `AnnexAudit_<id>` → `='sheet'!$A$1`) are never audited as annexes.
  const generated = new Set<string>();
  for (const n of names.items) {
    if (!n.name.startsWith(SHEET_TAG_PREFIX)) continue;
    const sheet = sheetOfReference(String(n.value ?? ''));
    if (sheet !== null) generated.add(sheet);
  }

  const probes = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const sample = ws.getRange(SAMPLE_ROWS).getUsedRangeOrNullObject(true);
    sample.load('values');
    return { ws, name: ws.name, hidden: ws.visibility !== 'Visible', used, sample };
  });
  await context.sync();

  const readers = probes.map((p) => {
    const used: UsedArea | null = p.used.isNullObject ? null : { top: p.used.rowIndex, left: p.used.columnIndex, rows: p.used.rowCount, cols: p.used.columnCount };
    const sample = p.sample.isNullObject ? null : (p.sample.values as unknown[][]);
    return new SheetReader(p.ws, p.name, p.hidden, used, estimateBytesPerRow(sample, used?.cols ?? 1), mergedAreas);
  });
  await runWorks(
    context,
    readers.map((r) => r.work).filter((w): w is Work => w !== null),
    options.limits,
  );
  const grids = readers.map((r) => {
    const g = r.grid();
    return generated.has(g.name) ? { ...g, generated: true } : g;
  });
  return { grids, notes };
}
