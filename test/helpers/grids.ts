/** Test helpers: build grids in code, load the shipped samples, and derive variants from them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, Grid, MergeArea } from '../../src/core/grid';
import { columnLetter, parseA1 } from '../../src/core/grid';
import { readGrids } from '../../src/xlsx';

export const SAMPLES = join(__dirname, '..', '..', 'samples');

export function sampleBytes(name: string): Buffer {
  return readFileSync(join(SAMPLES, name));
}

export async function sampleGrids(name: string): Promise<Grid[]> {
  return readGrids(sampleBytes(name), name);
}

/** `A2:C2` → a merge area. */
export function merge(ref: string): MergeArea {
  const [a, b] = ref.split(':');
  const p = parseA1(a ?? '');
  const q = parseA1(b ?? a ?? '');
  if (!p || !q) throw new Error(`bad range ${ref}`);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** A grid from rows of values; `formulas` as { A1: 'SUM(B6:B31)' }. */
export function makeGrid(name: string, rows: CellValue[][], merges: string[] = [], formulas: Record<string, string> = {}): Grid {
  const f: (string | null)[][] = rows.map((r) => r.map(() => null));
  for (const [ref, text] of Object.entries(formulas)) {
    const p = parseA1(ref);
    if (!p) throw new Error(`bad ref ${ref}`);
    while (f.length <= p.row) f.push([]);
    const row = f[p.row] ?? [];
    row[p.col] = text;
    f[p.row] = row;
  }
  return { name, values: rows, formulas: f, merges: merges.map(merge) };
}

export function cloneGrid(g: Grid, name = g.name): Grid {
  return {
    name,
    values: g.values.map((r) => [...r]),
    formulas: g.formulas?.map((r) => [...r]),
    numberFormats: g.numberFormats?.map((r) => [...r]),
    merges: g.merges.map((m) => ({ ...m })),
    ...(g.hidden !== undefined ? { hidden: g.hidden } : {}),
  };
}

export function findGrid(grids: readonly Grid[], name: string): Grid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
}

/** Set one cell (A1) of a grid, in place. */
export function setCell(g: Grid, ref: string, value: CellValue, formula: string | null = null): void {
  const p = parseA1(ref);
  if (!p) throw new Error(`bad ref ${ref}`);
  const values = g.values as CellValue[][];
  while (values.length <= p.row) values.push([]);
  const row = values[p.row] as CellValue[];
  while (row.length <= p.col) row.push(null);
  row[p.col] = value;
  if (g.formulas) {
    const fs = g.formulas as (string | null)[][];
    while (fs.length <= p.row) fs.push([]);
    const fr = fs[p.row] as (string | null)[];
    while (fr.length <= p.col) fr.push(null);
    fr[p.col] = formula;
  }
}

export function getCell(g: Grid, ref: string): CellValue {
  const p = parseA1(ref);
  if (!p) throw new Error(`bad ref ${ref}`);
  return g.values[p.row]?.[p.col] ?? null;
}

/** Reorder columns: `order[newCol] = oldCol`. Values, formats, merges and simple formula references follow. */
export function reorderColumns(g: Grid, order: readonly number[]): Grid {
  const inverse = new Map(order.map((oldCol, newCol) => [oldCol, newCol] as const));
  const mapRow = <T>(r: readonly T[]): T[] => order.map((oldCol) => r[oldCol] as T);
  const remapFormula = (f: string | null): string | null =>
    f === null
      ? null
      : f.replace(/\$?([A-Z]{1,3})\$?(\d+)/g, (m, col: string, row: string) => {
          const p = parseA1(`${col}${row}`);
          const nc = p ? inverse.get(p.col) : undefined;
          return nc === undefined ? m : `${columnLetter(nc)}${row}`;
        });
  return {
    name: g.name,
    values: g.values.map((r) => mapRow(r).map((v) => v ?? null)),
    formulas: g.formulas?.map((r) => mapRow(r).map((f) => remapFormula(f ?? null))),
    numberFormats: g.numberFormats?.map((r) => mapRow(r).map((f) => f ?? null)),
    merges: g.merges.map((m) => {
      const cols = [m.left, m.right].map((c) => inverse.get(c) ?? c);
      // A horizontal merge whose columns are no longer adjacent cannot survive; only vertical merges are kept whole.
      return { top: m.top, bottom: m.bottom, left: Math.min(...cols), right: Math.max(...cols) };
    }),
  };
}

/** Replace every vertical merge of a data column by the value filled down into each cell (as after 取消合并 + 填充). */
export function fillDownMerges(g: Grid, firstDataRow: number): Grid {
  const out = cloneGrid(g);
  const values = out.values as CellValue[][];
  const kept: MergeArea[] = [];
  for (const m of g.merges) {
    if (m.top < firstDataRow || m.left !== m.right) {
      kept.push(m);
      continue;
    }
    const v = g.values[m.top]?.[m.left] ?? null;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const row = values[r] ?? [];
      while (row.length <= m.left) row.push(null);
      row[m.left] = v;
      values[r] = row;
    }
  }
  return { ...out, values, merges: kept };
}
