/**
 * WPS mode: the pane inside WPS 表格 (a WPS加载项 task pane), working on the open workbook through the WPS adapter
 * (src/wps) with the same actions and messages as Excel mode. WPS's object model is synchronous; adapter failures
 * arrive as catalogue messages, never WPS's own text. Settings are kept in the browser's storage of the pane
 * (WPS has no document settings store the adapter relies on).
 */
import { resolveSettings } from '../../core';
import { checkAndMarkWps, clearWpsFindingMarks, isWpsAdapterError, renderWpsNote, renderWpsSelfTest, runWpsSelfTest, selectWpsFinding, type WpsApplication } from '../../wps';
import { createHostServices } from './hostServices';
import type { PaneServices } from './types';

const SETTINGS_KEY = 'annex-audit.settings';

export function createWpsServices(app: WpsApplication, storage: Pick<Storage, 'getItem' | 'setItem'> | null): PaneServices {
  return createHostServices({
    mode: 'wps',
    checkAndMark: (options) => checkAndMarkWps({ app, ...options }),
    clearMarks: () => clearWpsFindingMarks(app),
    selectCell: (sheet, cell) => selectWpsFinding(sheet, cell, app),
    selfTest: async (lang) => renderWpsSelfTest(runWpsSelfTest(app), lang),
    renderNote: renderWpsNote,
    isAdapterError: isWpsAdapterError,
    async loadSettings() {
      try {
        const raw = storage?.getItem(SETTINGS_KEY);
        return raw ? resolveSettings(JSON.parse(raw)).settings : {};
      } catch {
        return {};
      }
    },
    async saveSettings(settings) {
      storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
      return 'browser';
    },
  });
}
