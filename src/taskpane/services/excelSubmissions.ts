/// <reference types="office-js" />
/**
 * Excel mode's submission actions (hostSubmissions.ts, with Excel's adapter): what goes into Excel is one
 * Excel.run per action through the adapter (src/excel) — 版本比较, 报送情况 and the merged annexes written into the
 * open workbook — or, for 生成填报模板, a new workbook (Excel.createWorkbook, feature-detected; without it, or when
 * Excel refuses or holds it, the template is offered as a download).
 * Office's own error text never reaches the user: adapter errors arrive as catalogue messages.
 */
import { type Lang, t } from '../../core';
import { auditThenWrite, canCreateWorkbook, createWorkbookFrom, isExcelAdapterError, renderExcelNote, type RunOptions, writeSheetPlans } from '../../excel';
import { browserSave } from './fileMode';
import { work } from './fileSubmissions';
import { guardedBy, hostSubmissions } from './hostSubmissions';
import type { SubmissionServices, TemplateOutcome } from './types';

/** The first sentence of a catalogue message, without its full stop (to sit inside another message). */
function firstSentence(message: string): string {
  return message.split(/。|\.\s/)[0]?.replace(/[。.]\s*$/, '') ?? message;
}

export function createExcelSubmissions(save: (name: string, bytes: Uint8Array) => void = browserSave, options: RunOptions = {}): SubmissionServices {
  const makeTemplate: SubmissionServices['makeTemplate'] = (request, lang: Lang): Promise<TemplateOutcome> =>
    guardedBy(isExcelAdapterError, lang, async () => {
      const w = await work();
      const made = await w.makeTemplate(request.kinds, request.year, lang);
      if (!canCreateWorkbook()) {
        // An Excel without ExcelApi 1.8 (a sideload past the manifest's check): the bytes another way.
        save(made.name, made.bytes);
        return { sheets: made.sheets, marker: made.marker, file: made.name, created: false };
      }
      try {
        await createWorkbookFrom(w.toBase64(made.bytes), options);
      } catch (e) {
        // Refused (the 5 MB request limit on the web, a policy) or held while a cell is edited: the template
        // is not lost, it is offered as a download instead of an error.
        save(made.name, made.bytes);
        const reason = isExcelAdapterError(e) ? e.userMessage(lang) : t('pane.error.unexpected', lang);
        return { sheets: made.sheets, marker: made.marker, file: made.name, created: false, createFailed: firstSentence(reason) };
      }
      return { sheets: made.sheets, marker: made.marker, created: true };
    });
  return hostSubmissions(
    {
      isAdapterError: isExcelAdapterError,
      auditThenWrite: (build, opts) => auditThenWrite(build, opts),
      writePlans: (plans) => writeSheetPlans(plans),
      renderNote: renderExcelNote,
    },
    makeTemplate,
  );
}
