/// <reference types="office-js" />
/**
 * Excel mode: the open workbook, through the Office.js adapter (src/excel). Every action is one
 * Excel.run under a timeout; adapter failures arrive as catalogue messages, never Office's own text.
 * Settings are stored with the workbook (document settings), so a colleague's copy carries them.
 */
import { checkAndMark, clearFindingMarks, isExcelAdapterError, loadDocumentSettings, renderExcelNote, renderSelfTest, runSelfTest, saveDocumentSettings, selectCell } from '../../excel';
import { createExcelSubmissions } from './excelSubmissions';
import { createHostServices } from './hostServices';
import type { PaneServices } from './types';

export function createExcelServices(): PaneServices {
  const services = createHostServices({
    mode: 'excel',
    // One Excel.run: read, audit, mark (and the summaries when asked).
    checkAndMark: (options) => checkAndMark(options),
    clearMarks: () => clearFindingMarks(),
    selectCell: (sheet, cell) => selectCell(sheet, cell),
    selfTest: async (lang) => renderSelfTest(await runSelfTest(), lang),
    renderNote: renderExcelNote,
    isAdapterError: isExcelAdapterError,
    loadSettings: async () => loadDocumentSettings(),
    saveSettings: async (settings) => {
      await saveDocumentSettings(settings);
      return 'workbook';
    },
  });
  return { ...services, submissions: createExcelSubmissions() };
}
