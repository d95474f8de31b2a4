/**
 * The Office.js adapter's user-facing text lives in the one UI catalogue (src/core/i18n/uiExcel.ts,
 * spread into UI); this module renders it.
 */
import type { Params } from '../core/i18n/findings';
import type { Lang } from '../core/i18n/spec';
import { t } from '../core/i18n/ui';
import { UI_EXCEL as EXCEL_MESSAGES } from '../core/i18n/uiExcel';

export { UI_EXCEL as EXCEL_MESSAGES } from '../core/i18n/uiExcel';

export type ExcelMessageKey = keyof typeof EXCEL_MESSAGES;

export function excelText(key: ExcelMessageKey, lang: Lang = 'zh-CN', params: Params = {}): string {
  return t(key, lang, params);
}

/** A message not yet rendered: the key and its parameters, rendered in the user's language at the edge. */
export interface ExcelNote {
  readonly key: ExcelMessageKey;
  readonly params?: Params;
  /** Why a step failed: a catalogue message filled into the note's `{reason}`. */
  readonly cause?: ExcelNote;
}

/** A note in the user's language (its cause, if any, rendered into `{reason}`). */
export function renderExcelNote(note: ExcelNote, lang: Lang = 'zh-CN'): string {
  const reason = note.cause ? renderExcelNote(note.cause, lang) : '';
  return excelText(note.key, lang, { ...note.params, ...(note.cause ? { reason } : {}) });
}
