/**
 * The words profile B's records share (the progress classes, the 通报's groups) and the schema of a figure the 通报
 * states. Which cells of a row must be filled is the registry's (`required` / `filled`), checked by `checkRow`.
 */
import { type Infer, v as z } from '../../validate';

const text = z.string().trim().min(1);

export const PROGRESS_CLASSES = ['done', 'onSchedule', 'lagging'] as const;
export const ProgressClassSchema = z.enum(PROGRESS_CLASSES);
export type ProgressClass = Infer<typeof ProgressClassSchema>;

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
