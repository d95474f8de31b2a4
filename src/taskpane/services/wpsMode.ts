/**
 * WPS mode: the pane inside WPS 表格 (a WPS加载项 task pane), working on the open workbook through the WPS adapter
 * (src/wps) with the same actions and messages as Excel mode, 报送工作 included (wpsSubmissions.ts). WPS's object
 * model is synchronous; adapter failures arrive as catalogue messages, never WPS's own text.
 *
 * Settings travel with the workbook: hidden workbook names `AnnexAuditSettings_n` (src/wps/settings.ts). They are
 * also kept in the pane's browser storage, for workbooks that cannot take them (no Names interface) and as the
 * default for a workbook that carries none.
 */
import { resolveSettings, type SettingsInput } from '../../core';
import {
  checkAndMarkWps,
  clearWpsFindingMarks,
  isWpsAdapterError,
  loadWpsSettings,
  renderWpsNote,
  renderWpsSelfTest,
  runWpsSelfTest,
  saveWpsSettings,
  selectWpsFinding,
  type WpsApplication,
} from '../../wps';
import { createHostServices } from './hostServices';
import type { PaneServices } from './types';
import { createWpsSubmissions } from './wpsSubmissions';

const SETTINGS_KEY = 'annex-audit.settings';

export function createWpsServices(app: WpsApplication, storage: Pick<Storage, 'getItem' | 'setItem'> | null, save?: (name: string, bytes: Uint8Array) => void): PaneServices {
  const workbook = () => {
    try {
      return app.ActiveWorkbook;
    } catch {
      return null;
    }
  };
  const local = (): SettingsInput => {
    try {
      const raw = storage?.getItem(SETTINGS_KEY);
      return raw ? resolveSettings(JSON.parse(raw)).settings : {};
    } catch {
      return {};
    }
  };
  const services = createHostServices({
    mode: 'wps',
    checkAndMark: (options) => checkAndMarkWps({ app, ...options }),
    clearMarks: () => clearWpsFindingMarks(app),
    selectCell: (sheet, cell) => selectWpsFinding(sheet, cell, app),
    selfTest: async (lang) => renderWpsSelfTest(await runWpsSelfTest(app), lang),
    renderNote: renderWpsNote,
    isAdapterError: isWpsAdapterError,
    async loadSettings() {
      const wb = workbook();
      return (wb ? loadWpsSettings(wb) : null) ?? local();
    },
    async saveSettings(settings) {
      try {
        storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        /* storage full or blocked: the workbook copy still counts */
      }
      const wb = workbook();
      if (!wb) return 'browser';
      try {
        saveWpsSettings(wb, settings);
        return 'workbook';
      } catch {
        return 'browser';
      }
    },
  });
  return { ...services, submissions: createWpsSubmissions(app, save) };
}
