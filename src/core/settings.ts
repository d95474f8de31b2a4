/**
 * Audit settings, validated field by field (core/validate.ts): a bad field falls back to its default and
 * becomes a `settings/invalid` finding; the other fields keep what the user set.
 */
import { type Infer, type Schema, v as z } from './validate';
import { isAnnexKind, tableSpecOf } from './kinds';
import type { AnnexKind } from './table';
import { DEFAULT_COUNTY_ALIASES, DEFAULT_UNIT_ALIASES } from './units';

const wordList = z.array(z.string().min(1));

export const SettingsSchema = z.object({
  /** The `必有1个名额` convention (ANNEXES.md): an item whose note guarantees a quota counts as 很有可能. */
  guaranteedQuotaIsVeryLikely: z.boolean().default(true),
  /** Long form → short form of office names. */
  unitAliases: z.record(z.string()).default({ ...DEFAULT_UNIT_ALIASES }),
  /** Park or zone → its county; every use is reported as an info finding. */
  countyAliases: z.record(z.string()).default({ ...DEFAULT_COUNTY_ALIASES }),
  /** The workbook's year for dates in narratives; read from the titles when absent. */
  year: z.number().int().min(1990).max(2100).optional(),
  /** The user's header names: `{ "incentive-analysis": { "栏目三": "assessment" } }`. */
  columnMap: z.record(z.record(z.string())).default({}),
  /** The user says what a sheet is: `{ "Sheet3": "incentive-analysis" }`. */
  sheetKinds: z.record(z.string()).default({}),
  /** More words for the progress classes (`{ "lagging": ["推进较慢"] }`). */
  progressWords: z.object({ done: wordList.optional(), onSchedule: wordList.optional(), lagging: wordList.optional() }).default({}),
  /** The units expected to report (批量校验报送: those without a file are listed as missing). */
  expectedUnits: z.array(z.string().trim().min(1)).default([]),
});

type SettingsShape = (typeof SettingsSchema)['shape'];

export type Settings = Omit<Infer<typeof SettingsSchema>, 'columnMap' | 'sheetKinds'> & {
  readonly columnMap: Readonly<Partial<Record<AnnexKind, Readonly<Record<string, string>>>>>;
  readonly sheetKinds: Readonly<Record<string, AnnexKind>>;
};
/** What may be given: any field may be left out (it takes its default); `year` may be absent. */
export type SettingsInput = { [K in keyof SettingsShape]?: Infer<SettingsShape[K]> };

/** One settings field that could not be used, with the path inside it. */
export interface SettingsProblem {
  readonly field: string;
}

type Field = keyof typeof SettingsSchema.shape;

export function resolveSettings(input: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const raw: Record<string, unknown> =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  if (input !== undefined && input !== null && raw !== input) problems.push({ field: '(root)' });
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(SettingsSchema.shape) as Field[]) {
    const schema = SettingsSchema.shape[field] as Schema<unknown>;
    const r = schema.safeParse(raw[field]);
    if (r.success) {
      if (r.data !== undefined) out[field] = r.data;
      continue;
    }
    const paths = new Set(r.error.issues.map((i) => [field, ...i.path.map(String)].join('.')));
    for (const p of paths) problems.push({ field: p });
    const fallback = schema.safeParse(undefined);
    if (fallback.success && fallback.data !== undefined) out[field] = fallback.data;
  }
  // Mapping entries are checked one by one: a wrong kind or column key drops only that entry.
  const columnMap: Partial<Record<AnnexKind, Record<string, string>>> = {};
  for (const [kind, entries] of Object.entries((out['columnMap'] ?? {}) as Record<string, Record<string, string>>)) {
    if (!isAnnexKind(kind)) {
      problems.push({ field: `columnMap.${kind}` });
      continue;
    }
    const keys = new Set(tableSpecOf(kind)?.columns.map((c) => c.key) ?? []);
    for (const [header, key] of Object.entries(entries)) {
      if (!keys.has(key)) problems.push({ field: `columnMap.${kind}.${header}` });
      else columnMap[kind] = { ...(columnMap[kind] ?? {}), [header]: key };
    }
  }
  const sheetKinds: Record<string, AnnexKind> = {};
  for (const [sheet, kind] of Object.entries((out['sheetKinds'] ?? {}) as Record<string, string>)) {
    if (isAnnexKind(kind)) sheetKinds[sheet] = kind;
    else problems.push({ field: `sheetKinds.${sheet}` });
  }
  return { settings: { ...(out as Omit<Settings, 'columnMap' | 'sheetKinds'>), columnMap, sheetKinds }, problems };
}

