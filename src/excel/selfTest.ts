/// <reference types="office-js" />
/**
 * 自检: exercise every Excel API the add-in uses, on a temporary hidden sheet that is removed at the end,
 * and describe the host (Office version, platform, requirement sets, webview), so that the first user or an
 * IT admin can prove an install in ten seconds. One Excel.run, one sync per step; a failed step is a failed
 * line (with Office's error *code*, never its text) and the next steps still run. The user's sheets are only
 * read (calculation mode, protection); the active sheet is restored after the select step.
 */
import { sheetOfReference, type Lang } from '../core';
import {
  expectThat as expect,
  earlierSelfTestSheets,
  renderSelfTestOutcome,
  type RenderedSelfTest,
  type SelfTestLine,
  type SelfTestOutcome,
  selfTestRun,
  selfTestSheetName,
  userAgent,
  webviewOf,
} from '../hosts/selfTest';
import { excelText } from './messages';
import { officeCode, isExcelAdapterError } from './errors';
import { FEATURE_SPECS, isSetSupported, MANIFEST_EXCEL_API } from './requirements';
import { type RunOptions, runExcel } from './run';

export { SELF_TEST_STEPS, webviewOf, type RenderedSelfTest, type SelfTestLine, type SelfTestStep } from '../hosts/selfTest';

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

export interface SelfTestReport extends SelfTestOutcome {
  readonly environment: SelfTestEnvironment;
  readonly lines: readonly SelfTestLine[];
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
  const ua = userAgent();
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
  return { inExcel, ...(office ? { office } : {}), ...(platform ? { platform } : {}), ...(host ? { host } : {}), sets, webview: webviewOf(ua), userAgent: ua };
}

/**
 * Run the self-test. Outside Excel it returns the environment only (the pane says "not in Excel"). Freezing panes
 * is its own step, on the sheet made visible (as the summaries are): a refusal costs that line only. When Excel
 * stops answering while the sheet is being added (a request held in cell-edit mode), it may add the sheet later:
 * the report names it as a possible leftover.
 */
export async function runSelfTest(options: RunOptions = {}): Promise<SelfTestReport> {
  const environment = describeHost();
  if (!environment.inExcel) return { environment, lines: [] };
  const mergedAreas = isSetSupported('ExcelApi', FEATURE_SPECS.find((f) => f.feature === 'mergedAreas')?.version ?? '1.13');
  const name = selfTestSheetName();
  let sent = false;
  let added = false;
  let removed = false;
  let earlier: string[] = [];
  const run = selfTestRun((e) => officeCode(e) ?? 'error', isExcelAdapterError);

  try {
    await runExcel(async (context) => {
      const wb = context.workbook;
      const step = run.step;
      const sheet = (): Excel.Worksheet => wb.worksheets.getItem(name);

      added = await step('addSheet', true, async () => {
        const ws = wb.worksheets.add(name);
        ws.visibility = 'Hidden';
        sent = true;
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
      await step('freeze', added, async () => {
        // As the summaries are frozen: on a visible sheet. It hides again whatever the freeze did.
        const ws = sheet();
        ws.visibility = 'Visible';
        await context.sync();
        try {
          ws.freezePanes.freezeRows(1);
          await context.sync();
        } finally {
          ws.visibility = 'Hidden';
          await context.sync();
        }
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
        earlier = earlierSelfTestSheets(sheets.items.map((s) => s.name), name);
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
      removed = await step('removeSheet', added, async () => {
        sheet().delete();
        await context.sync();
      });
    }, options);
  } catch (e) {
    // Excel stopped answering (timeout, busy): the step that hung failed; the rest did not run.
    run.abandon(isExcelAdapterError(e) ? e.problem : (officeCode(e) ?? 'error'));
  }
  // Sent but not confirmed: Excel may apply the held request after we gave up.
  const addLine = run.lines().find((l) => l.step === 'addSheet');
  const uncertain = sent && !added && (addLine?.code === 'busy' || addLine?.code === 'timeout');
  const leftover = (added && !removed) || uncertain ? { leftover: name, ...(uncertain ? { leftoverUncertain: true } : {}) } : {};
  return { environment, lines: run.lines(), ...leftover, ...(earlier.length > 0 ? { earlier } : {}) };
}

/** The report in the user's language, and as text to copy. */
export function renderSelfTest(report: SelfTestReport, lang: Lang = 'zh-CN'): RenderedSelfTest {
  const env = report.environment;
  return renderSelfTestOutcome(report, lang, {
    header: [
      `${excelText('selftest.env.office', lang)}: ${env.office ?? '—'}  ${excelText('selftest.env.platform', lang)}: ${env.platform ?? '—'}  ${excelText('selftest.env.host', lang)}: ${env.host ?? '—'}`,
      `${excelText('selftest.env.sets', lang)}: ${env.sets.length > 0 ? env.sets.join(', ') : '—'} (${excelText('selftest.env.manifest', lang, { version: MANIFEST_EXCEL_API })})`,
      `${excelText('selftest.env.webview', lang)}: ${env.webview}`,
      `User agent: ${env.userAgent || '—'}`,
    ],
    unavailable: env.inExcel ? null : excelText('selftest.notInExcel', lang),
  });
}
