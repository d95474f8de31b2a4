/// <reference types="office-js" />
/**
 * Entry: render only after Office.onReady, inside FluentProvider. In Excel the pane works on the open
 * workbook; outside Office (host null: a plain browser) it works on files chosen with 打开工作簿.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserSave, createFileServices } from './services/fileMode';
import type { PaneServices } from './services/types';

async function servicesFor(host: Office.HostType | null): Promise<PaneServices> {
  if (host === Office.HostType.Excel) {
    const { createExcelServices } = await import(/* webpackChunkName: "excel" */ './services/excelMode');
    return createExcelServices();
  }
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  return createFileServices(storage, browserSave);
}

function mount(services: PaneServices): void {
  const container = document.getElementById('root');
  if (!container) return;
  // zh-CN by default, whatever the browser's language; the user's own choice is remembered.
  let lang: 'zh-CN' | 'en-US' = 'zh-CN';
  try {
    if (window.localStorage.getItem('annex-audit.lang') === 'en-US') lang = 'en-US';
  } catch {
    /* storage unavailable: keep the default */
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} initialLang={lang} />
    </FluentProvider>,
  );
  (window as unknown as { __paneReady?: number }).__paneReady = performance.now();
}

function start(): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    void servicesFor(null).then(mount);
    return;
  }
  void Office.onReady().then((info) => servicesFor(info.host ?? null).then(mount));
}

start();
