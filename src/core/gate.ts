/**
 * Degrade, never flood: a check runs only when every column it reads was placed with confidence.
 * What a check needs is declared in the annex registry (`ANNEXES[kind].checks`).
 */
import { ANNEXES, type AnnexSpec } from './kinds';
import type { Table } from './table';

/** The column was placed, or (for a required column with another layout) its alternative was. */
export function hasColumn(table: Table, key: string): boolean {
  if (table.header.columns.has(key)) return true;
  const alt = table.spec.alternatives?.[key];
  return alt !== undefined && alt.columns.filter((k) => table.header.columns.has(k)).length >= alt.min;
}

/** Whether the registry's check `id` of this table's kind can run. Unknown ids never run. */
export function checkEnabled(table: Table | undefined, id: string): boolean {
  if (!table) return false;
  const spec: AnnexSpec = ANNEXES[table.spec.kind];
  const check = spec.checks.find((c) => c.id === id);
  return check !== undefined && check.needs.every((k) => hasColumn(table, k));
}
