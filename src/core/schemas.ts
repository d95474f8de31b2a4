/** Converting schema issues on a record into findings: the one place where schema issues become findings. */
import type { FindingSink } from './finding';
import { hasColumn } from './gate';
import { columnLabel, type Table } from './table';
import { perObject } from './memo';
import type { Schema } from './validate';

/** Where each field of a record sits, for locating findings. */
export type FieldCells = Readonly<Record<string, { readonly cell: string; readonly label: string }>>;

/** Only the fields whose column was placed: a column the header lacks is reported once, not per row. */
export function placedFields(table: Table, cells: FieldCells, columnOf: Readonly<Record<string, string>> = {}): FieldCells {
  const out: Record<string, { readonly cell: string; readonly label: string }> = {};
  for (const field in cells) {
    if (!Object.prototype.hasOwnProperty.call(cells, field)) continue;
    if (placed(table, columnOf[field] ?? field)) out[field] = cells[field] as { readonly cell: string; readonly label: string };
  }
  return out;
}

/**
 * The placed fields of a row, each at its column's cell (`cellOf`) and named by its column's label: `fields` lists
 * the column keys, or maps a record field to its column key (`{ units: 'unit' }`).
 */
export function placedColumns(table: Table, cellOf: (key: string) => string, fields: readonly string[] | Readonly<Record<string, string>>): FieldCells {
  // Called for every row: only the placed fields are located (what `placedFields` would keep), in the fields' order.
  const out: Record<string, { readonly cell: string; readonly label: string }> = {};
  const add = (field: string, key: string) => {
    if (placed(table, key)) out[field] = { cell: cellOf(key), label: columnLabel(table, key) };
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

/**
 * Convert a schema's issues on one record into findings, every issue to a code: blank or missing
 * text → `cell/required`; a count out of its range (negative, fractional) → `cell/count-range`.
 * Words where numbers belong are reported by the cell readers (with the text that was found).
 */
export function issuesToFindings(
  schema: Schema<unknown>,
  record: unknown,
  sheet: string,
  cells: FieldCells,
  where: string | { readonly 'zh-CN': string; readonly 'en-US': string },
  sink: FindingSink,
): boolean {
  const r = schema.safeParse(record);
  if (r.success) return true;
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '');
    const loc = cells[field];
    if (!loc || seen.has(field)) continue;
    const value = (record as Record<string, unknown>)[field];
    if (typeof value === 'number') {
      seen.add(field);
      if (loc.cell !== '') sink.add('cell/count-range', { sheet, cell: loc.cell }, { column: loc.label }, { actual: value });
      continue;
    }
    seen.add(field);
    if (issue.code === 'too_small' || issue.code === 'invalid_type') {
      sink.add('cell/required', { sheet, cell: loc.cell }, { column: loc.label, where });
    }
  }
  return false;
}
