/**
 * 自检 in WPS: exercise every part of the object model the add-in uses, on a temporary hidden sheet removed at
 * the end, and describe the host (WPS name, version, build, the members this build lacks, the webview), so that
 * an admin can prove an install in seconds. A failed step is a failed line (with the failure's kind, never WPS's
 * text) and the next steps still run; the user's sheets are only read, and the active sheet is restored.
 */
import { sheetOfReference, type Lang, t, isOurMarkFormula } from '../core';
import {
  earlierSelfTestSheets,
  expectThat as check,
  Mismatch,
  renderSelfTestOutcome,
  type RenderedSelfTest,
  type SelfTestLine,
  type SelfTestOutcome,
  selfTestRun,
  selfTestSheetName,
  userAgent,
  webviewOf,
} from '../hosts/selfTest';
import { toWpsAdapterError } from './errors';
import { sheetsOf, wpsApplication, wpsFeatures, type WpsFeature } from './host';
import { bgr, type WpsApplication, type WpsWorksheet, XL } from './model';
import { as2D } from './read';

const ALL_FEATURES: readonly WpsFeature[] = ['mergedAreas', 'numberFormats', 'formatConditions', 'names', 'tables', 'pageSetup', 'freeze', 'hyperlinks'];

export interface WpsSelfTestEnvironment {
  readonly inWps: boolean;
  readonly app?: string;
  readonly version?: string;
  readonly build?: string;
  readonly missing: readonly WpsFeature[];
  readonly webview: string;
  readonly userAgent: string;
}

export interface WpsSelfTestReport extends SelfTestOutcome {
  readonly environment: WpsSelfTestEnvironment;
  readonly lines: readonly SelfTestLine[];
}

/**
 * Run the self-test against the page's WPS (or the given application). Outside WPS: the environment only. The
 * object model is synchronous; the runner is shared with Excel's (src/hosts/selfTest.ts).
 */
export async function runWpsSelfTest(given?: WpsApplication | null): Promise<WpsSelfTestReport> {
  const app = given === undefined ? wpsApplication() : given;
  const ua = userAgent();
  const base = { webview: webviewOf(ua), userAgent: ua };
  let wb = null;
  try {
    wb = app ? app.ActiveWorkbook : null;
  } catch {
    wb = null;
  }
  if (!app || !wb) return { environment: { inWps: app !== null, missing: [], ...base }, lines: [] };
  const first = wb.Worksheets.Count > 0 ? wb.Worksheets.Item(1) : null;
  const features = wpsFeatures(app, wb, first);
  const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
  const environment: WpsSelfTestEnvironment = {
    inWps: true,
    ...(text(app.Name) ? { app: text(app.Name) } : {}),
    ...(text(app.Version) ? { version: text(app.Version) } : {}),
    ...(text(app.Build) ? { build: text(app.Build) } : {}),
    missing: ALL_FEATURES.filter((f) => !features.has(f)),
    ...base,
  };
  const name = selfTestSheetName();
  let ws: WpsWorksheet | null = null;
  let active: WpsWorksheet | null = null;
  try {
    active = wb.ActiveSheet;
  } catch {
    active = null;
  }
  let earlier: string[] = [];
  const run = selfTestRun((e) => toWpsAdapterError(e).problem);
  const step = run.step;
  const alerts = app.DisplayAlerts;
  if (alerts !== undefined) app.DisplayAlerts = false;
  try {
    const added = await step('addSheet', true, () => {
      ws = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
      ws.Name = name;
      ws.Visible = 0;
    });
    const sheet = (): WpsWorksheet => ws as unknown as WpsWorksheet;
    const wrote = await step('write', added, () => {
      const s = sheet();
      s.Range('A1:C3').Formula = [
        ['自检', '', ''],
        ['项目', 2, '=B2*2'],
        ['日期', 45292, "'001"],
      ];
      s.Range('B3').NumberFormat = 'yyyy-mm-dd';
      s.Range('A1:C1').Merge?.(false);
      s.Range('A:A').ColumnWidth = 12;
      s.Range('A1').Font.Bold = true;
      s.Hyperlinks?.Add(s.Range('A3'), '', `'${name}'!A1`, '', '日期');
    });
    await step('read', wrote, () => {
      const s = sheet();
      const used = s.UsedRange;
      check(used.Rows.Count === 3 && used.Columns.Count === 3);
      const v = as2D(used.Value2, 3, 3);
      const f = as2D(used.Formula, 3, 3);
      check(v[1]?.[1] === 2 && v[2]?.[2] === '001');
      check(f[1]?.[2] === '=B2*2');
      check(s.Range('B3').NumberFormat === 'yyyy-mm-dd');
      // What this build answers for a range of mixed formats (the reader compares, so null and '' both work).
      const mixed = s.Range('B2:B3').NumberFormat;
      check(mixed !== 'yyyy-mm-dd' && mixed !== 'General');
      return `mixed NumberFormat: ${mixed === null ? 'null' : JSON.stringify(mixed)}`;
    });
    await step('mergedAreas', wrote && features.has('mergedAreas'), () => {
      const s = sheet();
      check(s.Range('A1:C3').MergeCells === null && s.Range('A2:C3').MergeCells === false);
      const area = s.Range('B1').MergeArea;
      check(area !== undefined && area.Row === 1 && area.Column === 1 && area.Columns.Count === 3 && area.Rows.Count === 1);
    });
    await step('conditionalFormats', added && features.has('formatConditions'), () => {
      const s = sheet();
      const cf = s.Range('B2:B3,C2').FormatConditions?.Add(XL.expression, undefined, '=N("annex-audit:selftest")=0');
      if (cf) cf.Interior.Color = bgr('FFF2CC');
      const cfs = s.Cells.FormatConditions;
      let ours = 0;
      for (let i = cfs ? cfs.Count : 0; i >= 1; i--) {
        const c = cfs?.Item(i);
        if (c && isOurMarkFormula(String(c.Formula1)) && String(c.Formula1).includes('selftest')) {
          ours++;
          c.Delete();
        }
      }
      check(ours === 1 && (cfs?.Count ?? 0) === 0);
    });
    await step('names', added && features.has('names'), () => {
      const names = wb.Names;
      if (!names) throw new Mismatch('mismatch');
      const tag = `AnnexAudit_selftest${Math.floor(Math.random() * 1e6)}`;
      names.Add(tag, `='${name}'!$A$1`);
      let found = false;
      for (let i = names.Count; i >= 1; i--) {
        const n = names.Item(i);
        if (n.Name !== tag) continue;
        found = sheetOfReference(String(n.RefersTo)) === name;
        n.Delete();
      }
      check(found);
    });
    await step('table', wrote && features.has('tables'), () => {
      const s = sheet();
      const lo = s.ListObjects?.Add(XL.srcRange, s.Range('A2:C3'), undefined, XL.yes);
      if (lo) lo.Name = `AnnexAuditSelfTest${Math.floor(Math.random() * 1e6)}`;
    });
    await step('freeze', added && features.has('freeze'), () => {
      // As the summaries are frozen: on the sheet made visible and active (the window freezes its active sheet).
      const s = sheet();
      const win = app.ActiveWindow;
      if (!win) throw new Mismatch('mismatch');
      s.Visible = XL.sheetVisible;
      try {
        s.Activate();
        win.FreezePanes = false;
        win.SplitColumn = 0;
        win.SplitRow = 1;
        win.FreezePanes = true;
        check(win.FreezePanes === true);
        win.FreezePanes = false;
      } finally {
        active?.Activate();
        s.Visible = 0;
      }
    });
    await step('pageLayout', added && features.has('pageSetup'), () => {
      const ps = sheet().PageSetup;
      if (!ps) throw new Mismatch('mismatch');
      ps.Orientation = XL.landscape;
      ps.PaperSize = XL.paperA4;
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
      ps.PrintTitleRows = '$1:$1';
    });
    await step('calculation', true, () => (app.Calculation === XL.calculationManual ? 'Manual' : app.Calculation === undefined ? 'unknown' : 'Automatic'));
    await step('protection', true, () => {
      const all = sheetsOf(wb);
      const locked = all.filter((s) => s.ProtectContents).length;
      earlier = earlierSelfTestSheets(all.map((s) => s.Name), name);
      return `workbook ${wb.ProtectStructure ? 'protected' : 'unprotected'}, ${locked}/${all.length} sheets protected`;
    });
    await step('select', added, () => {
      const s = sheet();
      s.Visible = XL.sheetVisible;
      s.Activate();
      s.Range('B2').Select();
      active?.Activate();
      s.Visible = 0;
    });
    const removed = await step('removeSheet', added, () => sheet().Delete());
    return { environment, lines: run.lines(), ...(added && !removed ? { leftover: name } : {}), ...(earlier.length > 0 ? { earlier } : {}) };
  } finally {
    if (alerts !== undefined) app.DisplayAlerts = alerts;
  }
}

export type RenderedWpsSelfTest = RenderedSelfTest;

/** The report in the user's language, and as text to copy. */
export function renderWpsSelfTest(report: WpsSelfTestReport, lang: Lang = 'zh-CN'): RenderedWpsSelfTest {
  const env = report.environment;
  return renderSelfTestOutcome(report, lang, {
    header: [
      `${t('wps.selftest.env.app', lang)}: ${[env.app, env.version, env.build].filter(Boolean).join(' ') || '—'}`,
      `${t('wps.selftest.env.interfaces', lang)}: ${env.missing.length > 0 ? env.missing.join(', ') : '—'}`,
      `${t('selftest.env.webview', lang)}: ${env.webview}`,
      `User agent: ${env.userAgent || '—'}`,
    ],
    unavailable: !env.inWps || report.lines.length === 0 ? t(env.inWps ? 'wps.noWorkbook' : 'wps.selftest.notInWps', lang) : null,
    labels: { mergedAreas: 'wps.selftest.step.mergedAreas', table: 'wps.selftest.step.table' },
  });
}
