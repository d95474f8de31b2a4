/**
 * Grid assembly the spreadsheet hosts share: a used block's values, formulas and number formats as the host
 * reported them → the core's Grid, exactly as the xlsx reader makes it (rows above and cells left of the block are
 * empty, each row ends at its last cell with a value or a formula, the sheet ends at its last row with content,
 * merged areas in order).
 */
import type { CellValue, Grid, MergeArea } from '../core';
import { toGridCell } from './cells';

export interface HostBlock {
  readonly name: string;
  readonly hidden: boolean;
  /** 0-based position and size of the block read; null for a sheet with nothing used. */
  readonly used: { readonly top: number; readonly left: number; readonly rows: number; readonly cols: number } | null;
  readonly values: readonly (readonly unknown[] | undefined)[];
  readonly formulas: readonly (readonly unknown[] | undefined)[];
  readonly formats: readonly (readonly unknown[] | undefined)[];
  readonly merges: Iterable<MergeArea>;
  /** The host's raw value → what `toGridCell` takes (WPS: COM error codes to error text). */
  readonly hostValue?: (v: unknown) => unknown;
}

export function assembleGrid(block: HostBlock): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const used = block.used;
  const hostValue = block.hostValue ?? ((v: unknown) => v);
  if (used) {
    for (let r = 0; r < used.top; r++) {
      values.push([]);
      formulas.push([]);
      numberFormats.push([]);
    }
    for (let i = 0; i < used.rows; i++) {
      const vs: CellValue[] = [];
      const fs: (string | null)[] = [];
      const nf: (string | null)[] = [];
      for (let c = 0; c < used.left; c++) {
        vs.push(null);
        fs.push(null);
        nf.push(null);
      }
      const rv = block.values[i] ?? [];
      const rf = block.formulas[i] ?? [];
      const rn = block.formats[i] ?? [];
      for (let c = 0; c < used.cols; c++) {
        const cell = toGridCell(hostValue(rv[c]), rf[c], rn[c]);
        vs.push(cell.value);
        fs.push(cell.formula);
        nf.push(cell.numberFormat);
      }
      // A row ends at its last cell with a value or a formula, as the xlsx reader's rows do.
      let end = vs.length;
      while (end > 0 && vs[end - 1] === null && fs[end - 1] === null) end--;
      values.push(vs.slice(0, end));
      formulas.push(fs.slice(0, end));
      numberFormats.push(nf.slice(0, end));
    }
  }
  // A used range may also cover cells with only a format: the sheet ends at its last row with content.
  while (values.length > 0 && (values[values.length - 1]?.length ?? 0) === 0) {
    values.pop();
    formulas.pop();
    numberFormats.pop();
  }
  const merges = [...block.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  return { name: block.name, values, formulas, numberFormats, merges, hidden: block.hidden };
}
