/**
 * Schemas (core/validate.ts) of profile B's records. The parsers build records from the tables; a schema states
 * what a complete record is, and its issues on required text become `cell/required` findings in one
 * place (`issuesToFindings`, shared with profile A).
 */
import { type Infer, v as z } from '../../validate';

const text = z.string().trim().min(1);

export const PROGRESS_CLASSES = ['done', 'onSchedule', 'lagging'] as const;
export const ProgressClassSchema = z.enum(PROGRESS_CLASSES);
export type ProgressClass = Infer<typeof ProgressClassSchema>;

export const TargetRowSchema = z.object({
  seq: z.number().int().positive().nullable(),
  target: text,
  units: z.array(text).min(1),
  progress: text,
});

export const LivelihoodRowSchema = z.object({
  project: text,
  target: text,
  unit: text,
  progress: text,
  status: text,
});

export const TaskRowSchema = z.object({
  measure: text,
  lead: z.array(text).min(1),
  related: z.array(text).min(1),
});

export const ReportGroupSchema = z.enum(['targets', 'livelihood', 'provincial', 'city']);
export type ReportGroup = Infer<typeof ReportGroupSchema>;

/** One figure the 通报 states: a group's total, one class's count (and share), or a count named by other words. */
export const ReportFigureSchema = z.object({
  group: ReportGroupSchema,
  cls: ProgressClassSchema.nullable(),
  /** A class the vocabulary does not know: the words before the count (`进展顺利的`); set only on such figures. */
  word: z.string().min(1).optional(),
  count: z.number().int().nonnegative(),
  share: z.number().min(0).nullable(),
  shareDecimals: z.number().int().nonnegative(),
  phrase: text,
  source: z.enum(['headline', 'enumeration']),
  row: z.number().int().nonnegative(),
  cell: text,
});
export type ReportFigure = Infer<typeof ReportFigureSchema>;
