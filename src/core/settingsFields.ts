/**
 * Single settings fields read and changed without the validation (settings.ts, zod): what the pane's first paint
 * needs (指定列, the expected units shown by 报送工作), so that it does not load zod (issue 21). Each agrees with
 * `resolveSettings` on the field (test/unit/settingsFields.test.ts).
 */
import type { SettingsInput } from './settings';
import type { AnnexKind } from './table';
import { DEFAULT_UNIT_ALIASES } from './units';

/**
 * The settings with one more column mapping: header text `header` of a sheet of `kind` is column `key`.
 * What the pane's 指定列 saves with the workbook; nothing else in the settings changes.
 */
export function withColumnMapping(settings: SettingsInput, kind: AnnexKind, header: string, key: string): SettingsInput {
  const map = { ...((settings.columnMap ?? {}) as Record<string, Record<string, string>>) };
  map[kind] = { ...(map[kind] ?? {}), [header]: key };
  return { ...settings, columnMap: map };
}

/** `expectedUnits` as resolveSettings gives it: the trimmed names, or none when any entry is not a name. */
export function expectedUnitsOf(settings: SettingsInput): string[] {
  const list: unknown = settings.expectedUnits;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const u of list) {
    if (typeof u !== 'string' || u.trim() === '') return [];
    out.push(u.trim());
  }
  return out;
}

/**
 * 指定单位: the settings with one more unit alias — the unit written `written` is the unit whose key is `unit`.
 * The built-in aliases stay beside the user's (they are the field's default when it is absent).
 */
export function withUnitAlias(settings: SettingsInput, written: string, unit: string): SettingsInput {
  const base = (settings.unitAliases ?? { ...DEFAULT_UNIT_ALIASES }) as Record<string, string>;
  return { ...settings, unitAliases: { ...base, [written.replace(/\s+/g, '')]: unit } };
}
