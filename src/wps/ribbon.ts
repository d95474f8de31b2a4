/**
 * The ribbon's commands (打开审核助手, 一键重算, 清除标记), bundled for the add-in's index.html as
 * `window.AnnexAuditWps`; the customUI callbacks in main.js (plain ES5, so that a webview too old for this
 * bundle still answers with a message) call them. Each resolves with the message to show, in the pane's
 * language; nothing here rejects.
 */
import { type Lang, resolveSettings, type SettingsInput, t, listOf } from '../core';
import { checkAndMarkWps, clearWpsFindingMarks, isWpsAdapterError, renderWpsNote } from './index';
import { wpsApplication } from './host';
import type { WpsApplication, WpsTaskPane } from './model';
import { loadWpsSettings } from './settings';

const PANE_ID_KEY = 'annex_audit_taskpane_id';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The pane's language choice (same origin as the pane), else zh-CN. */
export function ribbonLang(): Lang {
  return storage()?.getItem('annex-audit.lang') === 'en-US' ? 'en-US' : 'zh-CN';
}

/** The workbook's settings (hidden names, src/wps/settings.ts), else the pane's (same origin as the pane). */
function ribbonSettings(app: WpsApplication | null): SettingsInput {
  try {
    const wb = app?.ActiveWorkbook;
    const kept = wb ? loadWpsSettings(wb) : null;
    if (kept) return kept;
  } catch {
    /* no workbook: the check says so */
  }
  try {
    const raw = storage()?.getItem('annex-audit.settings');
    return raw ? resolveSettings(JSON.parse(raw)).settings : {};
  } catch {
    return {};
  }
}

function failure(e: unknown, lang: Lang): string {
  return isWpsAdapterError(e) ? e.userMessage(lang) : t('pane.error.unexpected', lang);
}

/** The pane whose id is kept, or null: none kept, or WPS no longer has it (a closed pane may throw). */
function keptPane(app: WpsApplication): WpsTaskPane | null {
  try {
    const id = app.PluginStorage?.getItem(PANE_ID_KEY);
    if (id === null || id === undefined || id === '' || typeof app.GetTaskPane !== 'function') return null;
    return app.GetTaskPane(id as string) ?? null;
  } catch {
    // After the user closed the pane some builds throw here: make a new one instead of failing until WPS restarts.
    return null;
  }
}

/** Show the pane (create it once; its id is kept in PluginStorage; recreated when WPS lost it). Resolves with a message only when it cannot. */
export async function openPane(url: string, app: WpsApplication | null = wpsApplication()): Promise<string | null> {
  const lang = ribbonLang();
  if (!app) return t('wps.notInWps', lang);
  if (typeof app.CreateTaskPane !== 'function') return t('wps.unsupported', lang, { feature: 'CreateTaskPane' });
  try {
    const kept = keptPane(app);
    if (kept) {
      try {
        kept.Visible = true;
        return null;
      } catch {
        /* a pane object WPS has let go of: make a new one */
      }
    }
    const pane = app.CreateTaskPane(url);
    app.PluginStorage?.setItem(PANE_ID_KEY, pane.ID);
    pane.Visible = true;
    return null;
  } catch (e) {
    return failure(e, lang);
  }
}

/** 一键重算: check, write the summary sheets, mark the findings. */
export async function recompute(app: WpsApplication | null = wpsApplication()): Promise<string> {
  const lang = ribbonLang();
  try {
    const { audit, sheets, notes } = await checkAndMarkWps({ app, settings: ribbonSettings(app), summaries: true, lang });
    return [
      sheets.length > 0 ? t('pane.done.summarize', lang, { sheets: listOf(sheets.map((s) => s.name), lang) }) : t('pane.done.summarizeNone', lang),
      audit.findings.length === 0 ? t('pane.done.clean', lang) : t('pane.done.check', lang, audit.counts),
      ...notes.map((n) => renderWpsNote(n, lang)),
    ].join('\n');
  } catch (e) {
    return failure(e, lang);
  }
}

/** 清除标记. */
export async function clear(app: WpsApplication | null = wpsApplication()): Promise<string> {
  const lang = ribbonLang();
  try {
    const { notes } = await clearWpsFindingMarks(app);
    return [t(notes.length > 0 ? 'pane.done.clearPartial' : 'pane.done.clear', lang), ...notes.map((n) => renderWpsNote(n, lang))].join('\n');
  } catch (e) {
    return failure(e, lang);
  }
}

export interface RibbonApi {
  readonly openPane: typeof openPane;
  readonly recompute: typeof recompute;
  readonly clear: typeof clear;
}

if (typeof window !== 'undefined') {
  (window as unknown as { AnnexAuditWps?: RibbonApi }).AnnexAuditWps = { openPane, recompute, clear };
  // Loaded: the page's floor guard leaves the buttons to these functions (src/runtime/loader.js).
  (window as unknown as { __annexStarted?: boolean }).__annexStarted = true;
}
