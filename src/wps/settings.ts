/**
 * Settings that travel with the workbook in WPS 表格: column mappings, sheet kinds and units are kept in hidden
 * workbook names `AnnexAuditSettings_1`, `AnnexAuditSettings_2`, … whose `RefersTo` is a text constant (`="…"`)
 * holding a slice of the settings' JSON. Names are saved in the file (.xlsx and .et alike), so a colleague's copy
 * carries them; hidden names do not show in the Name Manager. A text constant in a formula holds at most 255
 * characters, so the JSON is cut into slices of SLICE characters.
 *
 * WPS has no document settings store like Office's, and a hidden sheet would be read (and checked) by every
 * other reader of the file; names are what the adapter already relies on (summary tags, 自检's names step).
 */
import { resolveSettings, type SettingsInput } from '../core';
import { toWpsAdapterError, WpsAdapterError } from './errors';
import type { WpsNames, WpsWorkbook } from './model';

export const SETTINGS_NAME_PREFIX = 'AnnexAuditSettings_';
const SLICE = 200;

function settingsNames(names: WpsNames): { index: number; name: string; refersTo: string }[] {
  const out: { index: number; name: string; refersTo: string }[] = [];
  for (let i = 1; i <= names.Count; i++) {
    const n = names.Item(i);
    const m = new RegExp(`^${SETTINGS_NAME_PREFIX}(\\d+)$`).exec(n.Name);
    if (m) out.push({ index: Number(m[1]), name: n.Name, refersTo: String(n.RefersTo ?? '') });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** `="a""b"` → `a"b`; anything else → null. */
function textConstant(refersTo: string): string | null {
  const m = /^=\s*"((?:[^"]|"")*)"\s*$/s.exec(refersTo);
  return m ? (m[1] ?? '').replace(/""/g, '"') : null;
}

/** The workbook's settings; null when it carries none (or they cannot be read back). */
export function loadWpsSettings(wb: WpsWorkbook): SettingsInput | null {
  try {
    const names = wb.Names;
    if (!names) return null;
    const parts = settingsNames(names).map((n) => textConstant(n.refersTo));
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    return resolveSettings(JSON.parse(parts.join(''))).settings;
  } catch {
    return null;
  }
}

/** Keep `settings` in the workbook (replacing what it carried). Throws WpsAdapterError where names cannot be written. */
export function saveWpsSettings(wb: WpsWorkbook, settings: SettingsInput): void {
  try {
    const names = wb.Names;
    if (!names || typeof names.Add !== 'function') throw new WpsAdapterError('unsupported', { feature: 'Names' });
    for (let i = names.Count; i >= 1; i--) {
      const n = names.Item(i);
      if (n.Name.startsWith(SETTINGS_NAME_PREFIX)) n.Delete();
    }
    const json = JSON.stringify(settings);
    let at = 0;
    for (let k = 1; at < json.length; k++) {
      let end = Math.min(json.length, at + SLICE);
      // Never between the two halves of a surrogate pair.
      const c = json.charCodeAt(end - 1);
      if (end < json.length && c >= 0xd800 && c <= 0xdbff) end--;
      names.Add(`${SETTINGS_NAME_PREFIX}${k}`, `="${json.slice(at, end).replace(/"/g, '""')}"`, false);
      at = end;
    }
  } catch (e) {
    throw toWpsAdapterError(e);
  }
}
