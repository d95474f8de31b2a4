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
import { createRoot, type Root } from 'react-dom/client';
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

/**
 * Marks the pane as shown (window.__paneReady: the time, for the floor guard and the first-render benchmark)
 * once React has put it in the page — its first commit, before that frame is painted — not when rendering was
 * merely asked for (React renders later, in a task of its own).
 */
function Shown({ children }: { readonly children: React.ReactNode }): React.ReactNode {
  React.useLayoutEffect(() => {
    const w = window as unknown as { __paneReady?: number };
    if (w.__paneReady === undefined) w.__paneReady = performance.now();
  }, []);
  return children;
}

let root: Root | null = null;

function render(node: React.ReactElement): void {
  const container = document.getElementById('root');
  if (!container) return;
  root ??= createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Shown>{node}</Shown>
    </FluentProvider>,
  );
}

function mount(services: PaneServices): void {
  // Keyed by mode: a pane mounted again in another mode starts afresh.
  render(<App key={services.mode} services={services} initialLang={userLang()} />);
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
  // Opened outside Office (no sign of a host: officeHost.ts reads the signals Office.js reads), the pane starts
  // in file mode at once instead of after Office.js has finished looking for a host (it fetches and runs a
  // 170 KB table first). Should Office.js find Excel after all, the pane is mounted again in Excel mode.
  const early = !openedByOffice();
  if (early) void servicesFor(null).then(mount);
  void Office.onReady().then((info) => {
    const host = info.host ?? null;
    if (early && host !== Office.HostType.Excel) return; // file mode already, as servicesFor would choose
    return servicesFor(host).then(mount);
  });
}

start();
