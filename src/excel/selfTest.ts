/// <reference types="office-js" />
/**
 * 自检: exercise every Excel API the add-in uses, on a temporary hidden sheet that is removed at the end,
 * and describe the host (Office version, platform, requirement sets, webview), so that the first user or an
 * IT admin can prove an install in ten seconds. One Excel.run, one sync per step; a failed step is a failed
 * line (with Office's error *code*, never its text) and the next steps still run. The user's sheets are only
 * read (calculation mode, protection); the active sheet is restored after the select step.
 */
import { sheetOfReference } from '../core/grid';
import { excelText, type ExcelMessageKey } from './messages';
import { officeCode, isExcelAdapterError } from './errors';
import { FEATURE_SPECS, isSetSupported, MANIFEST_EXCEL_API } from './requirements';
import { type RunOptions, runExcel } from './run';
import type { Lang } from '../core/i18n/spec';

export type SelfTestStep =
  | 'addSheet'
  | 'write'
  | 'read'
  | 'mergedAreas'
  | 'conditionalFormats'
  | 'names'
  | 'table'
  | 'pageLayout'
  | 'calculation'
  | 'protection'
  | 'select'
  | 'removeSheet';

export const SELF_TEST_STEPS: readonly SelfTestStep[] = [
  'addSheet',
  'write',
  'read',
  'mergedAreas',
  'conditionalFormats',
  'names',
  'table',
  'pageLayout',
  'calculation',
  'protection',
  'select',
  'removeSheet',
];

export interface SelfTestLine {
  readonly step: SelfTestStep;
  /** null: not run (a step it needs failed, or the host lacks the requirement set). */
  readonly ok: boolean | null;
  /** Office's error code, or `mismatch` when Excel answered but not what was written, or `timeout`. */
  readonly code?: string;
  /** What was found (calculation mode, protection), for the report. */
  readonly info?: string;
}

export interface SelfTestEnvironment {
  readonly inExcel: boolean;
  readonly office?: string;
  readonly platform?: string;
  readonly host?: string;
  /** `ExcelApi 1.1–1.17`, `DialogApi 1.1`, … */
  readonly sets: readonly string[];
  readonly webview: string;
  readonly userAgent: string;
}

export interface SelfTestReport {
  readonly environment: SelfTestEnvironment;
  readonly lines: readonly SelfTestLine[];
  /** The temporary sheet could not be removed: its name, so the user can delete it. */
  readonly leftover?: string;
}

const LABEL: Readonly<Record<SelfTestStep, ExcelMessageKey>> = {
  addSheet: 'selftest.step.addSheet',
  write: 'selftest.step.write',
  read: 'selftest.step.read',
  mergedAreas: 'selftest.step.mergedAreas',
  conditionalFormats: 'selftest.step.conditionalFormats',
  names: 'selftest.step.names',
  table: 'selftest.step.table',
  pageLayout: 'selftest.step.pageLayout',
  calculation: 'selftest.step.calculation',
  protection: 'selftest.step.protection',
  select: 'selftest.step.select',
  removeSheet: 'selftest.step.removeSheet',
};

/** The browser engine Office runs the pane in, from the user agent (browsers-used-by-office-web-add-ins.md). */
export function webviewOf(userAgent: string): string {
  if (/Trident\//.test(userAgent)) return 'Trident (Internet Explorer 11)';
  if (/\bEdge\/\d/.test(userAgent)) return 'EdgeHTML (Microsoft Edge Legacy)';
  if (/\bEdg\/\d/.test(userAgent)) return 'WebView2 (Microsoft Edge, Chromium)';
  if (/Macintosh/.test(userAgent) && /AppleWebKit/.test(userAgent) && !/Chrome\//.test(userAgent)) return 'WKWebView (Safari)';
  if (/Chrome\/\d/.test(userAgent)) return 'Chromium';
  if (/Firefox\/\d/.test(userAgent)) return 'Firefox';
  return 'unknown';
}

function highestExcelApi(): string | null {
  let best: string | null = null;
  for (let minor = 1; minor <= 30; minor++) {
    if (isSetSupported('ExcelApi', `1.${minor}`)) best = `1.${minor}`;
    else break;
  }
  return best;
}

/** Office version, platform, requirement sets and webview; outside Office, only the webview. */
export function describeHost(): SelfTestEnvironment {
  const userAgent = typeof navigator !== 'undefined' && typeof navigator.userAgent === 'string' ? navigator.userAgent : '';
  const inExcel = typeof Excel !== 'undefined' && typeof Excel.run === 'function';
  const sets: string[] = [];
  const excelApi = highestExcelApi();
  if (excelApi) sets.push(`ExcelApi 1.1–${excelApi}`);
  for (const [set, version] of [
    ['DialogApi', '1.1'],
    ['AddinCommands', '1.1'],
  ] as const)
    if (isSetSupported(set, version)) sets.push(`${set} ${version}`);
  let office: string | undefined;
  let platform: string | undefined;
  let host: string | undefined;
  try {
    const d = typeof Office !== 'undefined' ? Office.context?.diagnostics : undefined;
    if (d) {
      office = String(d.version ?? '');
      platform = String(d.platform ?? '');
      host = String(d.host ?? '');
    }
  } catch {
    /* no diagnostics: leave them out */
  }
  return { inExcel, ...(office ? { office } : {}), ...(platform ? { platform } : {}), ...(host ? { host } : {}), sets, webview: webviewOf(userAgent), userAgent };
}

class Mismatch extends Error {
  override readonly name = 'Mismatch';
}

function expect(condition: boolean): void {
  if (!condition) throw new Mismatch('mismatch');
}

/** Run the self-test. Outside Excel it returns the environment only (the pane says "not in Excel"). */
export async function runSelfTest(options: RunOptions = {}): Promise<SelfTestReport> {
  const environment = describeHost();
  const lines: SelfTestLine[] = [];
  if (!environment.inExcel) return { environment, lines };
  const mergedAreas = isSetSupported('ExcelApi', FEATURE_SPECS.find((f) => f.feature === 'mergedAreas')?.version ?? '1.13');
  const name = `AnnexAudit自检${Math.floor(Math.random() * 1e6)}`;
  let added = false;
  let removed = false;
  let current: SelfTestStep = 'addSheet';
  const done = new Set<SelfTestStep>();
  const record = (step: SelfTestStep, ok: boolean | null, extra: { code?: string; info?: string } = {}): void => {
    done.add(step);
    lines.push({ step, ok, ...extra });
  };

  try {
    await runExcel(async (context) => {
      const wb = context.workbook;
      const step = async (id: SelfTestStep, needs: boolean, body: () => Promise<string | void>): Promise<boolean> => {
        current = id;
        if (!needs) {
          record(id, null);
          return false;
        }
        try {
          const info = await body();
          record(id, true, info ? { info } : {});
          return true;
        } catch (e) {
          if (isExcelAdapterError(e)) throw e;
          record(id, false, { code: e instanceof Mismatch ? 'mismatch' : (officeCode(e) ?? 'error') });
          return false;
        }
      };
      const sheet = (): Excel.Worksheet => wb.worksheets.getItem(name);

      added = await step('addSheet', true, async () => {
        const ws = wb.worksheets.add(name);
        ws.visibility = 'Hidden';
        await context.sync();
      });
      const wrote = await step('write', added, async () => {
        const ws = sheet();
        const range = ws.getRangeByIndexes(0, 0, 3, 3);
        range.formulas = [
          ['自检', '', ''],
          ['项目', 2, '=B2*2'],
          ['日期', 45292, "'001"],
        ];
        range.numberFormat = [
          ['General', 'General', 'General'],
          ['General', '0.00', '0.00'],
          ['General', 'yyyy-mm-dd', '@'],
        ];
        ws.getRange('A1:C1').merge(false);
        ws.getRange('A:A').format.columnWidth = 60;
        ws.getRange('A1').format.font.bold = true;
        ws.freezePanes.freezeRows(1);
        ws.getRange('A3').hyperlink = { documentReference: `'${name}'!A1`, textToDisplay: '日期' };
        await context.sync();
      });
      await step('read', wrote, async () => {
        const ws = sheet();
        const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
        const range = ws.getRangeByIndexes(0, 0, 3, 3).load('values,formulas,numberFormat');
        await context.sync();
        expect(!used.isNullObject && used.rowCount === 3 && used.columnCount === 3);
        expect(range.values[1]?.[1] === 2 && range.values[2]?.[2] === '001');
        expect(range.formulas[1]?.[2] === '=B2*2');
        expect(range.numberFormat[2]?.[1] === 'yyyy-mm-dd');
      });
      await step('mergedAreas', wrote && mergedAreas, async () => {
        if (mergedAreas) {
          const areas = sheet().getRange('A1:C3').getMergedAreasOrNullObject();
          areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
          await context.sync();
          expect(!areas.isNullObject && areas.areas.items.length === 1);
          const a = areas.areas.items[0];
          expect(a !== undefined && a.rowIndex === 0 && a.columnIndex === 0 && a.rowCount === 1 && a.columnCount === 3);
        }
      });
      await step('conditionalFormats', added, async () => {
        const ws = sheet();
        const cf = ws.getRanges('B2:B3,C2').conditionalFormats.add('Custom');
        cf.custom.rule.formula = '=N("annex-audit:selftest")=0';
        cf.custom.format.fill.color = '#FFF2CC';
        await context.sync();
        const cfs = ws.getRange().conditionalFormats.load('items/customOrNullObject/rule/formula');
        await context.sync();
        const ours = cfs.items.filter((c) => !c.customOrNullObject.isNullObject && c.customOrNullObject.rule.formula.includes('annex-audit:selftest'));
        expect(ours.length === 1);
        for (const c of ours) c.delete();
        await context.sync();
      });
      await step('names', added, async () => {
        const tag = `AnnexAudit_selftest${Math.floor(Math.random() * 1e6)}`;
        wb.names.add(tag, sheet().getRange('A1'));
        await context.sync();
        const item = wb.names.getItemOrNullObject(tag).load('type,value');
        await context.sync();
        expect(!item.isNullObject && item.type === 'Range' && sheetOfReference(String(item.value)) === name);
        item.delete();
        await context.sync();
      });
      await step('table', wrote, async () => {
        const t = sheet().tables.add(sheet().getRange('A2:C3'), true);
        t.name = `AnnexAuditSelfTest${Math.floor(Math.random() * 1e6)}`;
        t.showBandedRows = false;
        await context.sync();
      });
      await step('pageLayout', added, async () => {
        const pl = sheet().pageLayout;
        pl.orientation = 'Landscape';
        pl.paperSize = 'A4';
        pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        pl.setPrintTitleRows('$1:$1');
        await context.sync();
      });
      await step('calculation', true, async () => {
        const app = wb.application.load('calculationMode');
        await context.sync();
        return app.calculationMode;
      });
      await step('protection', true, async () => {
        const p = wb.protection.load('protected');
        const sheets = wb.worksheets.load('items/name,items/protection/protected');
        await context.sync();
        const locked = sheets.items.filter((s) => s.protection.protected).length;
        return `workbook ${p.protected ? 'protected' : 'unprotected'}, ${locked}/${sheets.items.length} sheets protected`;
      });
      await step('select', added, async () => {
        const active = wb.worksheets.getActiveWorksheet().load('name');
        await context.sync();
        const ws = sheet();
        ws.visibility = 'Visible';
        ws.activate();
        ws.getRange('B2').select();
        await context.sync();
        // Back to where the user was; the temporary sheet hides again until it is removed.
        wb.worksheets.getItem(active.name).activate();
        ws.visibility = 'Hidden';
        await context.sync();
      });
      if (added) {
        current = 'removeSheet';
        removed = await step('removeSheet', true, async () => {
          sheet().delete();
          await context.sync();
        });
      } else record('removeSheet', null);
    }, options);
  } catch (e) {
    // Excel stopped answering (timeout, busy): the step that hung failed; the rest did not run.
    const code = isExcelAdapterError(e) ? e.problem : (officeCode(e) ?? 'error');
    if (!done.has(current)) record(current, false, { code });
    for (const s of SELF_TEST_STEPS) if (!done.has(s)) record(s, null);
  }
  lines.sort((a, b) => SELF_TEST_STEPS.indexOf(a.step) - SELF_TEST_STEPS.indexOf(b.step));
  return { environment, lines, ...(added && !removed ? { leftover: name } : {}) };
}

export interface RenderedSelfTest {
  readonly lines: readonly { readonly label: string; readonly ok: boolean | null; readonly detail?: string }[];
  readonly summary: string;
  /** Everything, as plain text to copy. */
  readonly text: string;
}

/** The report in the user's language, and as text to copy. */
export function renderSelfTest(report: SelfTestReport, lang: Lang = 'zh-CN'): RenderedSelfTest {
  const env = report.environment;
  const lines = report.lines.map((l) => ({
    label: excelText(LABEL[l.step], lang),
    ok: l.ok,
    ...(l.code ? { detail: l.code } : l.info ? { detail: l.info } : {}),
  }));
  const passed = report.lines.filter((l) => l.ok === true).length;
  const failed = report.lines.filter((l) => l.ok === false).length;
  const summary = !env.inExcel
    ? excelText('selftest.notInExcel', lang)
    : failed === 0
      ? excelText('selftest.allPassed', lang, { passed, total: report.lines.length })
      : excelText('selftest.someFailed', lang, { passed, failed, total: report.lines.length });
  const status = (ok: boolean | null): string => excelText(ok === true ? 'selftest.pass' : ok === false ? 'selftest.fail' : 'selftest.skipped', lang);
  const text = [
    excelText('selftest.title', lang),
    `${excelText('selftest.env.office', lang)}: ${env.office ?? '—'}  ${excelText('selftest.env.platform', lang)}: ${env.platform ?? '—'}  ${excelText('selftest.env.host', lang)}: ${env.host ?? '—'}`,
    `${excelText('selftest.env.sets', lang)}: ${env.sets.length > 0 ? env.sets.join(', ') : '—'} (${excelText('selftest.env.manifest', lang, { version: MANIFEST_EXCEL_API })})`,
    `${excelText('selftest.env.webview', lang)}: ${env.webview}`,
    `User agent: ${env.userAgent || '—'}`,
    ...lines.map((l) => `[${status(l.ok)}] ${l.label}${l.detail ? ` — ${l.detail}` : ''}`),
    ...(report.leftover ? [excelText('selftest.leftover', lang, { sheet: report.leftover })] : []),
    summary,
  ].join('\n');
  return { lines, summary, text };
}
