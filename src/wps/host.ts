/**
 * Finding WPS 表格 and what this build of it offers. The pane and the ribbon call `wpsApplication()` at start-up:
 * WPS加载项 pages run with the object model's root as `window.Application` (and a `wps` global in most builds,
 * `wps.EtApplication()` in ET). A global named `Application` alone is not enough: it must look like WPS's
 * (a `Name`/`Build`, or the `wps` global beside it) and reach workbooks.
 */
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './model';

interface WpsGlobals {
  readonly Application?: unknown;
  readonly wps?: { readonly EtApplication?: () => unknown; readonly Application?: unknown };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null;
}

function has(o: Record<string, unknown>, key: string): boolean {
  try {
    return key in o || o[key] !== undefined;
  } catch {
    return false;
  }
}

/** The WPS application object, or null outside WPS (a browser, Excel's webview, Node). */
export function wpsApplication(scope: unknown = globalThis): WpsApplication | null {
  if (!isObject(scope)) return null;
  const g = scope as WpsGlobals;
  let app: unknown = g.Application;
  const wps = isObject(g.wps) ? g.wps : undefined;
  try {
    if (!isObject(app) && wps) app = typeof wps.EtApplication === 'function' ? wps.EtApplication() : wps.Application;
  } catch {
    return null;
  }
  if (!isObject(app)) return null;
  const signed = wps !== undefined || typeof app['Build'] === 'string' || typeof app['Build'] === 'number' || (typeof app['Name'] === 'string' && /wps|kingsoft|表格|^et$/i.test(app['Name']));
  if (!signed) return null;
  if (!has(app, 'ActiveWorkbook') && !has(app, 'Workbooks')) return null;
  return app as unknown as WpsApplication;
}

export type WpsFeature = 'mergedAreas' | 'numberFormats' | 'formatConditions' | 'names' | 'tables' | 'pageSetup' | 'freeze' | 'hyperlinks';

/** Which members this build has, judged on live objects (a WPS build that lacks a member returns undefined for it). */
export function wpsFeatures(app: WpsApplication, wb: WpsWorkbook, ws: WpsWorksheet | null): ReadonlySet<WpsFeature> {
  const out = new Set<WpsFeature>();
  const probe = (f: WpsFeature, test: () => boolean): void => {
    try {
      if (test()) out.add(f);
    } catch {
      /* a member that throws on access is missing */
    }
  };
  const cell: WpsRange | null = ws ? safe(() => ws.Range('A1')) : null;
  probe('mergedAreas', () => cell !== null && cell.MergeCells !== undefined && cell.MergeArea !== undefined);
  probe('numberFormats', () => cell !== null && cell.NumberFormat !== undefined);
  probe('formatConditions', () => cell !== null && isObject(cell.FormatConditions) && typeof cell.FormatConditions.Add === 'function');
  probe('names', () => isObject(wb.Names) && typeof wb.Names.Add === 'function');
  probe('tables', () => ws !== null && isObject(ws.ListObjects) && typeof ws.ListObjects.Add === 'function');
  probe('pageSetup', () => ws !== null && isObject(ws.PageSetup));
  probe('freeze', () => isObject(app.ActiveWindow));
  probe('hyperlinks', () => ws !== null && isObject(ws.Hyperlinks) && typeof ws.Hyperlinks.Add === 'function');
  return out;
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** The sheets of a workbook, in order (1-based `Item`). */
export function sheetsOf(wb: WpsWorkbook): WpsWorksheet[] {
  const out: WpsWorksheet[] = [];
  const n = wb.Worksheets.Count;
  for (let i = 1; i <= n; i++) out.push(wb.Worksheets.Item(i));
  return out;
}

export function isVisible(ws: WpsWorksheet): boolean {
  const v = ws.Visible;
  return v === -1 || v === true;
}
