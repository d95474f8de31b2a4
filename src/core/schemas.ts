/** Converting zod issues on a record into findings: the one place where schema issues become findings. */
import type { z } from 'zod';
import type { FindingSink } from './finding';

/** Where each field of a record sits, for locating findings. */
export type FieldCells = Readonly<Record<string, { readonly cell: string; readonly label: string }>>;

/**
 * Convert a schema's issues on one record into findings. Blank or missing text → `cell/required`.
 * Numeric issues are reported by the cell readers (with the text that was found), not here.
 */
export function issuesToFindings(
  schema: z.ZodType,
  record: unknown,
  sheet: string,
  cells: FieldCells,
  where: string,
  sink: FindingSink,
): boolean {
  const r = schema.safeParse(record);
  if (r.success) return true;
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '');
    const loc = cells[field];
    if (!loc || seen.has(field)) continue;
    // Numbers are reported by the cell readers, with the text that was found.
    if (typeof (record as Record<string, unknown>)[field] === 'number') continue;
    seen.add(field);
    if (issue.code === 'too_small' || issue.code === 'invalid_type') {
      sink.add('cell/required', { sheet, cell: loc.cell }, { column: loc.label, where });
    }
  }
  return false;
}
