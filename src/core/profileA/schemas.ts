/**
 * zod schemas of profile A's records. Parsers build records from tables; the schemas state what a
 * complete record is, and their issues become findings in one place (`issuesToFindings`).
 */
import { z } from 'zod';
import type { FindingSink } from '../finding';

const text = z.string().trim().min(1);

export const RatingTallyRowSchema = z.object({
  unit: text,
  total: z.number().int().nonnegative(),
  veryLikely: z.number().int().nonnegative(),
  likely: z.number().int().nonnegative(),
  hard: z.number().int().nonnegative(),
  unlikely: z.number().int().nonnegative(),
});

export const UnitKeyItemsRowSchema = z.object({
  unit: text,
  count: z.number().int().nonnegative(),
  items: z.array(z.object({ number: z.number().int().nullable(), name: text })),
});

export const AnalysisItemSchema = z.object({
  unit: text,
  seq: text,
  item: text,
  assessment: text,
});

export const ProgressItemSchema = z.object({
  unit: text,
  item: text,
  progress: text,
});

export const LiaisonEntrySchema = z.object({
  county: text,
  item: text,
  liaison: text,
});

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
