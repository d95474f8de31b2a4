/**
 * A kind's record checked against its registry entry: the one place where a blank required cell of a parsed row
 * becomes `cell/required` (worded by the kind's own name for the row) and a count out of range `cell/count-range`.
 * Which cells must be filled is said once, by the column's `required` or `filled` in the registry.
 */
import type { FindingSink } from './finding';
import { hasColumn } from './gate';
import { columnLabel, type Table } from './table';
import { perObject } from './memo';

/** Where each field of a record sits, for locating findings, and the column it was read from (`key`). */
export type FieldCells = Readonly<Record<string, { readonly cell: string; readonly label: string; readonly key?: string }>>;

/** Only the fields whose column was placed: a column the header lacks is reported once, not per row. */
export function placedFields(table: Table, cells: FieldCells, columnOf: Readonly<Record<string, string>> = {}): FieldCells {
  const out: Record<string, { readonly cell: string; readonly label: string; readonly key?: string }> = {};
  for (const field in cells) {
    if (!Object.prototype.hasOwnProperty.call(cells, field)) continue;
    const key = columnOf[field] ?? field;
    if (!placed(table, key)) continue;
    const at = cells[field] as { readonly cell: string; readonly label: string };
    // The column is named only where it is not the field's own name (`checkRow` reads `key ?? field`).
    out[field] = key === field ? at : { cell: at.cell, label: at.label, key };
  }
  return out;
}

/**
 * The placed fields of a row, each at its column's cell (`cellOf`) and named by its column's label: `fields` lists
 * the column keys, or maps a record field to its column key (`{ units: 'unit' }`).
 */
export function placedColumns(table: Table, cellOf: (key: string) => string, fields: readonly string[] | Readonly<Record<string, string>>): FieldCells {
  // Called for every row: only the placed fields are located (what `placedFields` would keep), in the fields' order.
  const out: Record<string, { readonly cell: string; readonly label: string; readonly key?: string }> = {};
  const add = (field: string, key: string) => {
    if (placed(table, key)) out[field] = key === field ? { cell: cellOf(key), label: columnLabel(table, key) } : { cell: cellOf(key), label: columnLabel(table, key), key };
  };
  if (Array.isArray(fields)) for (const k of fields as readonly string[]) add(k, k);
  else for (const [field, key] of Object.entries(fields)) add(field, key);
  return out;
}

/** `hasColumn` per table and key, asked once (placedFields is called for every row). */
const placedCache = perObject((_table: Table) => new Map<string, boolean>());

function placed(table: Table, key: string): boolean {
  const cache = placedCache(table);
  let v = cache.get(key);
  if (v === undefined) {
    v = hasColumn(table, key);
    cache.set(key, v);
  }
  return v;
}

/** A row named by its number, as data (rendered per language). */
export function rowWhere(row: number): { 'zh-CN': string; 'en-US': string } {
  return { 'zh-CN': `第${row + 1}行`, 'en-US': `row ${row + 1}` };
}

/** The columns of a table's kind whose cells a row must fill (`required` or `filled`), once per table. */
const mustFill = perObject((table: Table) => new Set(table.spec.columns.filter((c) => c.required || c.filled).map((c) => c.key)));

/** A value the row does not hold: nothing, blank text, or a list that is empty or has a blank entry. */
function isBlankValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0 || v.some((x) => (typeof x === 'string' ? x.trim() === '' : false));
  return false;
}

/**
 * Check one parsed row against the registry: each placed field whose column is `required` or `filled` must hold a
 * value (`cell/required`, named `where`), and a count must be a whole number ≥ 0 (`cell/count-range`). Words where
 * numbers belong are reported by the cell readers (with the text that was found). True when the row is complete.
 */
export function checkRow(table: Table, record: Readonly<Record<string, unknown>>, sheet: string, cells: FieldCells, where: string | { readonly 'zh-CN': string; readonly 'en-US': string }, sink: FindingSink): boolean {
  let ok = true;
  for (const field in cells) {
    if (!Object.prototype.hasOwnProperty.call(cells, field)) continue;
    const loc = cells[field] as { readonly cell: string; readonly label: string; readonly key?: string };
    if (!mustFill(table).has(loc.key ?? field)) continue;
    const value = record[field];
    if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0) continue;
      ok = false;
      if (loc.cell !== '') sink.add('cell/count-range', { sheet, cell: loc.cell }, { column: loc.label }, { actual: value });
      continue;
    }
    if (!isBlankValue(value)) continue;
    ok = false;
    sink.add('cell/required', { sheet, cell: loc.cell }, { column: loc.label, where });
  }
  return ok;
}
