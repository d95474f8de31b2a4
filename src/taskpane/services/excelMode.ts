/// <reference types="office-js" />
/** Excel mode: the open workbook, through the Office.js adapter (src/excel). */
import type { PaneServices } from './types';
import { PaneError } from './types';

export function createExcelServices(): PaneServices {
  return {
    mode: 'excel',
    async check() {
      throw new PaneError('Office.js adapter not wired yet');
    },
    async loadSettings() {
      return {};
    },
    async saveSettings() {
      return 'workbook';
    },
  };
}
