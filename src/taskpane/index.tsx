/// <reference types="office-js" />
/**
 * Entry: render only after Office.onReady, inside FluentProvider. In Excel the pane works on the open
 * workbook; outside Office (host null: a plain browser) it works on files chosen with 打开工作簿.
 * When Office.js could not be loaded (an intranet without the CDN) and the page was opened by Office, the
 * pane says so instead of silently falling into file mode; a build with file mode off always says so.
 * Inside WPS 表格 (a WPS加载项 task pane: WPS's `Application` global, no Office.js) the pane works on the open
 * workbook through the WPS adapter.
 */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '../core';
import { App } from './App';
import { wpsApplication } from '../wps/host';
import { openedByOffice } from './officeHost';
import { browserSave, createFileServices } from './services/fileMode';
import type { PaneServices } from './services/types';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function servicesFor(host: Office.HostType | null): Promise<PaneServices> {
  // Without Office.js there is no `Office` at all: never touch it then.
  if (host !== null && typeof Office !== 'undefined' && host === Office.HostType.Excel) {
    const { createExcelServices } = await import(/* webpackChunkName: "excel" */ './services/excelMode');
    return createExcelServices();
  }
  return createFileServices(browserStorage(), browserSave);
}

declare const __OFFICE_JS_URL__: string;
declare const __FILE_MODE__: boolean;

function userLang(): 'zh-CN' | 'en-US' {
  // zh-CN by default, whatever the browser's language; the user's own choice is remembered.
  try {
    if (window.localStorage.getItem('annex-audit.lang') === 'en-US') return 'en-US';
  } catch {
    /* storage unavailable: keep the default */
  }
  return 'zh-CN';
}

function render(node: React.ReactElement): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  (window as unknown as { __paneReady?: number }).__paneReady = performance.now();
}

function mount(services: PaneServices): void {
  render(<App services={services} initialLang={userLang()} />);
}

/** Inside Office without Office.js: the workbook cannot be reached, and file mode would only confuse. */
function officeJsMissing(): void {
  const lang = userLang();
  render(
    <main style={{ padding: 12 }}>
      <MessageBar intent="error">
        <MessageBarBody>{t('excel.officeJsMissing', lang, { url: __OFFICE_JS_URL__ })}</MessageBarBody>
      </MessageBar>
    </main>,
  );
}

/** WPS 表格: chosen by its globals, before anything looks for Office.js. */
function startWps(): boolean {
  const app = wpsApplication(window);
  if (!app) return false;
  void import(/* webpackChunkName: "wps" */ './services/wpsMode').then(({ createWpsServices }) => mount(createWpsServices(app, browserStorage())));
  return true;
}

function start(): void {
  if (startWps()) return;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    if (!__FILE_MODE__ || openedByOffice()) officeJsMissing();
    else void servicesFor(null).then(mount);
    return;
  }
  void Office.onReady().then((info) => servicesFor(info.host ?? null).then(mount));
}

start();
