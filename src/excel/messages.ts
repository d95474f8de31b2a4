/**
 * The Office.js adapter's user-facing text lives in the one UI catalogue (src/core/i18n/uiExcel.ts,
 * spread into UI); this module renders it.
 */
import { type Lang, t, type UiArgs, UI_EXCEL as EXCEL_MESSAGES } from '../core';
import { type HostNote, renderHostNote } from '../hosts/errors';

export { UI_EXCEL as EXCEL_MESSAGES } from '../core';

export type ExcelMessageKey = keyof typeof EXCEL_MESSAGES;

export function excelText<K extends ExcelMessageKey>(key: K, lang: Lang = 'zh-CN', ...params: UiArgs<K>): string {
  return t(key, lang, ...params);
}

/** A message not yet rendered (the hosts' note, src/hosts/errors.ts), with a key of the Excel adapter's. */
export type ExcelNote = HostNote<ExcelMessageKey>;

/** A note in the user's language (its cause, if any, rendered into `{reason}`). */
export const renderExcelNote: (note: ExcelNote, lang?: Lang) => string = renderHostNote;
