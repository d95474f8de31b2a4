/** Audit settings: validated with zod, so a bad settings object becomes defaults plus a message, never a crash. */
import { z } from 'zod';
import { DEFAULT_COUNTY_ALIASES, DEFAULT_UNIT_ALIASES } from './units';

export const SettingsSchema = z.object({
  /** The `必有1个名额` convention (ANNEXES.md): an item whose note guarantees a quota counts as 很有可能. */
  guaranteedQuotaIsVeryLikely: z.boolean().default(true),
  /** Long form → short form of office names. */
  unitAliases: z.record(z.string(), z.string()).default({ ...DEFAULT_UNIT_ALIASES }),
  /** Park or zone → its county; every use is reported as an info finding. */
  countyAliases: z.record(z.string(), z.string()).default({ ...DEFAULT_COUNTY_ALIASES }),
  /** The workbook's year for dates in narratives; read from the titles when absent. */
  year: z.number().int().min(1990).max(2100).optional(),
});

export type Settings = z.output<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function resolveSettings(input: unknown): { settings: Settings; problems: string[] } {
  const parsed = SettingsSchema.safeParse(input ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}`);
  return { settings: SettingsSchema.parse({}), problems };
}
