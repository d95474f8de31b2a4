/// <reference types="office-js" />
/**
 * Settings stored with the workbook (Office document settings), so a colleague's copy carries them. The
 * pane and the ribbon commands read the same key through here.
 */
import { resolveSettings, type SettingsInput } from '../core';
import { ExcelAdapterError } from './errors';

const SETTINGS_KEY = 'annexAuditSettings';

/** The stored settings, validated; defaults when none are stored or the host has no document settings. */
export function loadDocumentSettings(): SettingsInput {
  try {
    const raw: unknown = Office.context.document.settings.get(SETTINGS_KEY);
    return raw ? resolveSettings(raw).settings : {};
  } catch {
    return {};
  }
}

export async function saveDocumentSettings(settings: SettingsInput): Promise<void> {
  Office.context.document.settings.set(SETTINGS_KEY, settings);
  await new Promise<void>((resolve, reject) => {
    Office.context.document.settings.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new ExcelAdapterError('unexpected')),
    );
  });
}
