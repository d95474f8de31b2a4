/// <reference types="office-js" />
/**
 * Ribbon function commands (manifest ExecuteFunction): 一键重算 (check, write the summary sheets, mark the
 * findings) and 清除标记, without opening the pane. Each completes its event whatever happens; a failure is
 * shown in a small dialog with the catalogue message, never Office's own text.
 */
import { t } from '../core';
import { checkAndMark, clearFindingMarks, isExcelAdapterError, loadDocumentSettings } from '../excel';

function tell(message: string): void {
  try {
    const url = new URL('message.html', window.location.href);
    url.searchParams.set('m', message);
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true });
  } catch {
    /* no dialog support: the pane shows the same messages */
  }
}

export async function recomputeSummaries(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // One Excel.run: read, audit, write the summary sheets, mark.
    const { audit, sheets } = await checkAndMark({ settings: loadDocumentSettings(), summaries: true });
    tell(`${t('pane.done.summarize', 'zh-CN', { sheets: sheets.map((s) => s.name).join('、') })} ${t('pane.done.check', 'zh-CN', audit.counts)}`);
  } catch (e) {
    tell(isExcelAdapterError(e) ? e.userMessage('zh-CN') : t('pane.error.unexpected', 'zh-CN'));
  } finally {
    event.completed();
  }
}

export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await clearFindingMarks();
  } catch (e) {
    tell(isExcelAdapterError(e) ? e.userMessage('zh-CN') : t('pane.error.unexpected', 'zh-CN'));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('recomputeSummaries', recomputeSummaries);
  Office.actions.associate('clearMarks', clearMarks);
});
