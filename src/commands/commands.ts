/// <reference types="office-js" />
/**
 * Ribbon function commands (manifest ExecuteFunction): 一键重算 (check, write the summary sheets, mark the
 * findings) and 清除标记, without opening the pane. The outcome (or the failure, as the catalogue message,
 * never Office's own text) is shown in a small dialog.
 *
 * The function-command runtime shuts down when the command calls `event.completed()` (docs
 * testing/runtimes.md), so `completed` is called only once the dialog has opened and the user has closed it
 * (or after a cap well under the runtime's limit), or at once when no dialog can be shown. This file guards
 * itself: without Office.js (an intranet without the CDN) it registers nothing and throws nothing.
 */
import { type Lang, t, listOf } from '../core';
import { checkAndMark, clearFindingMarks, isExcelAdapterError, loadDocumentSettings, renderExcelNote } from '../excel';

/** Longest wait for the user to close the message before the command completes (the runtime allows ~5 minutes). */
export const DIALOG_CAP_MS = 4 * 60 * 1000;

/** The pane's language choice (same origin), else Office's UI language, else zh-CN. */
export function commandLang(): Lang {
  try {
    const chosen = window.localStorage.getItem('annex-audit.lang');
    if (chosen === 'en-US' || chosen === 'zh-CN') return chosen;
  } catch {
    /* storage unavailable */
  }
  try {
    if (/^en\b/i.test(Office.context.displayLanguage ?? '')) return 'en-US';
  } catch {
    /* no context */
  }
  return 'zh-CN';
}

/** Show the message in a dialog; resolves when the dialog is closed (or cannot be shown, or after the cap). */
export function tell(message: string, capMs = DIALOG_CAP_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(cap);
      resolve();
    };
    const cap = setTimeout(finish, capMs);
    try {
      const url = new URL('message.html', window.location.href);
      url.searchParams.set('m', message);
      Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          finish();
          return;
        }
        // DialogEventReceived: the user closed the dialog (12006) or it failed to load.
        result.value.addEventHandler(Office.EventType.DialogEventReceived, () => finish());
      });
    } catch {
      /* no dialog support: the pane shows the same messages */
      finish();
    }
  });
}

function failureText(e: unknown, lang: Lang): string {
  return isExcelAdapterError(e) ? e.userMessage(lang) : t('pane.error.unexpected', lang);
}

export async function recomputeSummaries(event: Office.AddinCommands.Event): Promise<void> {
  const lang = commandLang();
  let message: string;
  try {
    // One Excel.run: read, audit, write the summary sheets, mark. The findings come back whatever the writes did.
    const { audit, sheets, notes } = await checkAndMark({ settings: loadDocumentSettings(), summaries: true, lang });
    const parts = [
      sheets.length > 0 ? t('pane.done.summarize', lang, { sheets: listOf(sheets.map((s) => s.name), lang) }) : t('pane.done.summarizeNone', lang),
      audit.findings.length === 0 ? t('pane.done.clean', lang) : t('pane.done.check', lang, audit.counts),
      ...notes.map((n) => renderExcelNote(n, lang)),
    ];
    message = parts.join('\n');
  } catch (e) {
    message = failureText(e, lang);
  }
  await tell(message);
  event.completed();
}

export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  const lang = commandLang();
  let message: string;
  try {
    const { notes } = await clearFindingMarks();
    message = [t(notes.length > 0 ? 'pane.done.clearPartial' : 'pane.done.clear', lang), ...notes.map((n) => renderExcelNote(n, lang))].join('\n');
  } catch (e) {
    message = failureText(e, lang);
  }
  await tell(message);
  event.completed();
}

/** Register the functions the manifest names, at load as the docs do; nothing when Office.js is missing. */
export function register(): boolean {
  if (typeof Office === 'undefined' || typeof Office.actions?.associate !== 'function') return false;
  Office.actions.associate('recomputeSummaries', recomputeSummaries);
  Office.actions.associate('clearMarks', clearMarks);
  return true;
}

register();
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady();
// Loaded: from here on the page's floor guard leaves the buttons to these functions (src/runtime/loader.js).
(window as unknown as { __annexStarted?: boolean }).__annexStarted = true;
