/**
 * Schemas (core/validate.ts) of profile A's records. Parsers build records from tables; the schemas state what a
 * complete record is, and their issues become findings in one place (`issuesToFindings`).
 */
import { v as z } from '../../validate';

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

export { issuesToFindings, placedColumns, placedFields, rowWhere, type FieldCells } from '../../schemas';
