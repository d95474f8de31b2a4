/**
 * The WPS adapter's writes on the fake host: summary sheets with live formulas, tagged and replaced on a re-run;
 * marks as our conditional formats only, removed exactly by clear; the user's cells, formats and rules untouched;
 * protection, missing members and refused page setups degrade with catalogue notes; select; start-up detection;
 * the self-test.
 */
import { buildSummaryPlans, highlightPlan, isOurMarkFormula, MARK_FILL, SHEET_TAG_PREFIX, type SheetPlan } from '../../src/core';
import {
  applyWpsSheetPlans,
  checkAndMarkWps,
  clearWpsFindingMarks,
  isWpsAdapterError,
  renderWpsNote,
  renderWpsSelfTest,
  runWpsSelfTest,
  selectWpsFinding,
  toWpsAdapterError,
  loadWpsSettings,
  saveWpsSettings,
  SETTINGS_NAME_PREFIX,
  wpsApplication,
  wpsContext,
} from '../../src/wps';
import { createWpsServices } from '../../src/taskpane/services/wpsMode';
import { bgr } from '../../src/wps/model';
import { FakeWpsApp, type FakeWpsOptions, type FakeWpsSheet } from '../fakes/wps';
import { sampleGrids } from '../helpers/grids';
import { planFormulas } from '../helpers/plans';
import { a1 } from '../../src/core/grid';

const SUMMARY_SHEETS = ['汇总-研判统计', '汇总-县市区事项', '汇总-完成率', '通报草稿', '校验结果'];

async function sampleApp(options: FakeWpsOptions = {}): Promise<FakeWpsApp> {
  return FakeWpsApp.fromGrids(await sampleGrids('incentive-2022.xlsx'), options);
}

function snapshot(ws: FakeWpsSheet): unknown {
  return { cells: JSON.stringify([...ws.cells.entries()]), merges: JSON.stringify(ws.merges), styles: ws.styles.length };
}

function marksOf(app: FakeWpsApp): { sheet: string; formula: string; color: number | null; cells: number }[] {
  return app.workbook!.sheets.flatMap((ws) =>
    ws.conditions.map((c) => ({ sheet: ws.Name, formula: c.formula1, color: c.color, cells: c.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0) })),
  );
}

describe('一键重算 through the WPS adapter', () => {
  it('writes the summary sheets with live formulas, tags them, marks the findings, and leaves the source sheets as they were', async () => {
    const app = await sampleApp();
    const sources = app.workbook!.sheets.map((ws) => ({ name: ws.Name, before: snapshot(ws) }));
    const { audit, sheets, notes } = await checkAndMarkWps({ app: app as never, summaries: true });
    expect(notes).toEqual([]);
    expect(sheets.map((s) => s.name)).toEqual(SUMMARY_SHEETS);
    expect(app.workbook!.sheets.map((s) => s.Name)).toEqual([...sources.map((s) => s.name), ...SUMMARY_SHEETS]);
    for (const s of sources) expect(snapshot(app.workbook!.sheet(s.name))).toEqual(s.before);
    // Live formulas, not values: exactly the plan's, cell for cell, in every summary sheet (so the
    // LibreOffice recalculation of the plans in test/xlsx/recalc-all.test.ts speaks for WPS too).
    const tally = app.workbook!.sheet('汇总-研判统计');
    expect([...tally.cells.values()].filter((c) => c.formula?.startsWith('=')).length).toBeGreaterThan(5);
    const plans = buildSummaryPlans(audit);
    for (const p of plans) {
      const ws = app.workbook!.sheet(p.name);
      const got = Object.fromEntries([...ws.cells.entries()].filter(([, c]) => c.formula !== undefined).map(([k, c]) => [a1(...(k.split(',').map(Number) as [number, number])), c.formula]));
      expect({ sheet: p.name, formulas: got }).toEqual({ sheet: p.name, formulas: planFormulas(p) });
      expect(Object.fromEntries([...ws.rowHeights].map(([r, h]) => [r + 1, h]))).toEqual(p.rowHeights ?? {});
    }
    // Tags: one workbook name per summary, pointing at its A1.
    expect(app.workbook!.names.filter((n) => n.Name.startsWith(SHEET_TAG_PREFIX)).map((n) => n.RefersTo).sort()).toEqual(SUMMARY_SHEETS.map((s) => `='${s}'!$A$1`).sort());
    expect(tally.frozenRows).toBeGreaterThan(0);
    expect(tally.pageSetup).toMatchObject({ Orientation: 2, PaperSize: 9, FitToPagesWide: 1 });
    // Marks: ours only, one colour per severity, as many cells as the plan has.
    const plan = highlightPlan(audit, audit.sheets.map((s) => s.name));
    const marks = marksOf(app);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(isOurMarkFormula(m.formula)).toBe(true);
    expect(new Set(marks.map((m) => m.color))).toEqual(new Set(plan.marks.map((m) => bgr(MARK_FILL[m.severity]))));
    expect(marks.reduce((n, m) => n + m.cells, 0)).toBe(plan.marks.reduce((n, m) => n + m.cells.length, 0));
    // Never asked the user anything; their settings are back.
    expect(app.prompts).toBe(0);
    expect(app.DisplayAlerts).toBe(true);
    expect(app.ScreenUpdating).toBe(true);
  });

  it('a re-run replaces our sheets and marks; a user sheet with our name is left alone and ours goes to "(2)"', async () => {
    const app = await sampleApp();
    const user = app.workbook!.addSheet('校验结果');
    user.ensure(0, 0).value = '我的表';
    await checkAndMarkWps({ app: app as never, summaries: true });
    const first = marksOf(app).length;
    const { sheets, notes } = await checkAndMarkWps({ app: app as never, summaries: true });
    expect(sheets.find((s) => s.id === 'findings')).toMatchObject({ name: '校验结果 (2)', renamed: true, replaced: true });
    expect(app.workbook!.sheets.filter((s) => s.Name.startsWith('校验结果')).map((s) => s.Name)).toEqual(['校验结果', '校验结果 (2)']);
    expect(user.cell(0, 0)?.value).toBe('我的表');
    expect(app.workbook!.names.filter((n) => n.Name.startsWith(SHEET_TAG_PREFIX))).toHaveLength(5);
    expect(marksOf(app)).toHaveLength(first);
    expect(notes.map((n) => renderWpsNote(n))).toContain('已有用户工作表名为“校验结果”，汇总写入“校验结果 (2)”。');
    expect(app.prompts).toBe(0);
  });

  it('清除标记 removes exactly ours; the user’s own conditional format stays', async () => {
    const app = await sampleApp();
    const ws = app.workbook!.sheet('附件3');
    ws.conditions.push({ areas: [{ top: 0, left: 0, bottom: 3, right: 3 }], type: 1, formula1: '=A1>5', color: 255 });
    await checkAndMarkWps({ app: app as never });
    expect(marksOf(app).length).toBeGreaterThan(1);
    const { removed, notes } = await clearWpsFindingMarks(app as never);
    expect(notes).toEqual([]);
    expect(removed).toBeGreaterThan(0);
    expect(marksOf(app)).toEqual([{ sheet: '附件3', formula: '=A1>5', color: 255, cells: 16 }]);
  });

  it('text that WPS would parse is written as text; only our formulas become formulas', () => {
    const app = new FakeWpsApp();
    app.workbook!.addSheet('源');
    const plan: SheetPlan = {
      id: 't',
      name: '测试',
      rows: [[{ value: '=1+1' }, { value: '001' }, { value: 3, formula: 'SUM(1,2)', numberFormat: '0.0%' }, { value: '附件3' }]],
      merges: [],
      columnWidths: [10, 12],
      frozenRows: 0,
      printTitleRows: [0, 0],
      print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: false },
      styles: {},
    };
    const ctx = wpsContext(app as never);
    applyWpsSheetPlans(ctx.app, ctx.wb, [plan], ctx.features);
    const ws = app.workbook!.sheet('测试');
    expect(ws.cell(0, 0)).toEqual({ value: '=1+1' });
    expect(ws.cell(0, 1)).toEqual({ value: '001' });
    expect(ws.cell(0, 2)).toEqual({ value: null, formula: '=SUM(1,2)', numberFormat: '0.0%' });
    expect(ws.cell(0, 3)).toEqual({ value: '附件3' });
    expect(ws.columnWidths.get(1)).toBe(12);
  });
});

describe('degrading with a message', () => {
  it('a protected sheet is not marked (one note); clear leaves its marks (one note); the audit is complete', async () => {
    const app = await sampleApp();
    await checkAndMarkWps({ app: app as never });
    app.workbook!.sheet('附件4').ProtectContents = true;
    const { audit, notes } = await checkAndMarkWps({ app: app as never });
    expect(audit.findings.length).toBeGreaterThan(0);
    expect(notes.map((n) => renderWpsNote(n))).toEqual(['工作表“附件4”受保护，未标记其中的问题单元格；校验结果不受影响。']);
    const cleared = await clearWpsFindingMarks(app as never);
    expect(cleared.notes.map((n) => n.key)).toEqual(['wps.note.clearSkippedProtected']);
    expect(marksOf(app).every((m) => m.sheet === '附件4')).toBe(true);
  });

  it('a protected workbook structure: no summary, a note, the workbook unchanged', async () => {
    const app = await sampleApp();
    app.workbook!.ProtectStructure = true;
    const count = app.workbook!.sheets.length;
    const { sheets, notes } = await checkAndMarkWps({ app: app as never, summaries: true });
    expect(sheets).toEqual([]);
    expect(notes.map((n) => n.key)).toEqual(['wps.note.summariesProtected']);
    expect(app.workbook!.sheets).toHaveLength(count);
  });

  it.each<[FakeWpsOptions['lacking'], string[]]>([
    [['FormatConditions'], ['wps.note.marksUnsupported']],
    [['Names'], ['wps.note.namesUnsupported']],
    [['ListObjects', 'ActiveWindow'], ['wps.note.tableSkipped', 'wps.note.freezeSkipped']],
    [['PageSetup'], ['wps.note.pageSetupSkipped']],
  ])('a WPS build lacking %j still checks and writes, with notes %j', async (lacking, keys) => {
    const app = await sampleApp({ lacking: lacking ?? [] });
    const { audit, sheets, notes } = await checkAndMarkWps({ app: app as never, summaries: true });
    expect(audit.counts.error).toBeGreaterThan(0);
    expect(sheets.map((s) => s.name)).toEqual(SUMMARY_SHEETS);
    expect([...new Set(notes.map((n) => n.key))].sort()).toEqual([...keys].sort());
    for (const n of notes) expect(renderWpsNote(n, 'en-US')).not.toMatch(/\{\w+\}/);
  });

  it('a page setup WPS refuses costs the print settings only', async () => {
    const app = await sampleApp();
    app.pageSetupFails = true;
    const { sheets, notes } = await checkAndMarkWps({ app: app as never, summaries: true });
    expect(sheets).toHaveLength(5);
    expect(notes.map((n) => renderWpsNote(n))).toEqual([`WPS 未接受汇总表的页面设置（A4、按页宽打印、打印标题），“${SUMMARY_SHEETS.join('、')}”按默认页面设置写入。`]);
  });
});

describe('select, start-up and failures', () => {
  it('selects a finding’s cell; a hidden sheet and a missing sheet are catalogue messages', async () => {
    const app = await sampleApp();
    await selectWpsFinding('附件4', 'E7', app as never);
    expect(app.selection).toEqual({ sheet: '附件4', address: 'E7' });
    app.workbook!.sheet('附件2').Visible = 0;
    await expect(selectWpsFinding('附件2', 'A1', app as never)).rejects.toMatchObject({ problem: 'hidden-sheet', message: '工作表“附件2”已隐藏，无法跳转。请先取消隐藏该工作表。' });
    await expect(selectWpsFinding('没有', 'A1', app as never)).rejects.toMatchObject({ problem: 'not-found' });
  });

  it('outside WPS, or without a workbook, the action rejects with a catalogue message', async () => {
    await expect(checkAndMarkWps({ app: null })).rejects.toMatchObject({ problem: 'not-in-wps' });
    const app = new FakeWpsApp();
    app.workbook = null;
    await expect(checkAndMarkWps({ app: app as never })).rejects.toMatchObject({ problem: 'no-workbook' });
  });

  it('finds WPS by its globals, and nothing else', () => {
    const app = new FakeWpsApp();
    expect(wpsApplication({ Application: app })).toBe(app);
    expect(wpsApplication({ wps: { EtApplication: () => app } })).toBe(app);
    expect(wpsApplication({ Application: {} })).toBeNull();
    expect(wpsApplication({ Application: { Name: 'Microsoft Excel', ActiveWorkbook: null } })).toBeNull();
    expect(wpsApplication({})).toBeNull();
  });

  it('maps what WPS raises to the catalogue, keeping WPS’s text only as detail', () => {
    expect(toWpsAdapterError(new Error('下标越界')).problem).toBe('not-found');
    expect(toWpsAdapterError(new Error('不能更改受保护的工作表中的单元格。')).problem).toBe('protected');
    expect(toWpsAdapterError(new TypeError('ws.Range(...).Merge is not a function')).problem).toBe('unsupported');
    const e = toWpsAdapterError(new Error('0x800A03EC'));
    expect(isWpsAdapterError(e)).toBe(true);
    expect(e.problem).toBe('unexpected');
    expect(e.message).not.toContain('0x800A03EC');
    expect(e.detail).toBe('0x800A03EC');
  });
});

describe('自检 in WPS', () => {
  it('passes every step on a full WPS and leaves the workbook as it was', async () => {
    const app = await sampleApp();
    const before = app.workbook!.sheets.map((s) => s.Name);
    const active = app.workbook!.active;
    const report = await runWpsSelfTest(app as never);
    expect(report.lines.filter((l) => l.ok !== true)).toEqual([]);
    expect(report.lines).toHaveLength(13);
    expect(report.leftover).toBeUndefined();
    expect(app.workbook!.sheets.map((s) => s.Name)).toEqual(before);
    expect(app.workbook!.active).toBe(active);
    expect(app.workbook!.names).toEqual([]);
    const view = renderWpsSelfTest(report);
    expect(view.summary).toBe('自检完成：13/13 项通过。');
    expect(view.text).toContain('WPS 版本: WPS 表格 12.1 12.1.0.16250');
    expect(view.text).toContain('[通过] 冻结标题行');
    expect(view.text).toContain('mixed NumberFormat: null');
  });

  it('names the temporary sheets an earlier self-test left behind', async () => {
    const app = await sampleApp();
    const left = app.workbook!.addSheet('AnnexAudit自检123456');
    left.Visible = 0;
    const report = await runWpsSelfTest(app as never);
    expect(report.earlier).toEqual(['AnnexAudit自检123456']);
    expect(renderWpsSelfTest(report).text).toContain('工作簿中有以前自检留下的临时工作表：AnnexAudit自检123456');
  });

  it.each([null, ''] as const)('mixed NumberFormat answered as %p: the read step passes and says which', async (mixedFormat) => {
    const report = await runWpsSelfTest((await sampleApp({ mixedFormat, hiddenSheetFreeze: 'reject' })) as never);
    expect(report.lines.filter((l) => l.ok !== true)).toEqual([]);
    expect(report.lines.find((l) => l.step === 'read')?.info).toBe(`mixed NumberFormat: ${mixedFormat === null ? 'null' : '""'}`);
  });

  it('names what a build lacks and does not run those steps', async () => {
    const app = await sampleApp({ lacking: ['FormatConditions', 'MergeCells'] });
    const report = await runWpsSelfTest(app as never);
    expect(report.environment.missing).toEqual(['mergedAreas', 'formatConditions']);
    expect(report.lines.filter((l) => l.ok === null).map((l) => l.step)).toEqual(['mergedAreas', 'conditionalFormats']);
    expect(renderWpsSelfTest(report, 'en-US').text).toContain('Missing interfaces: mergedAreas, formatConditions');
  });

  it('outside WPS it says so', async () => {
    const view = renderWpsSelfTest(await runWpsSelfTest(null));
    expect(view.summary).toBe('未在 WPS 表格中运行，无法测试 WPS 接口。请在 WPS 表格中打开本加载项后再自检。');
  });
});

describe('findings are never lost when writing fails (issue 20 item 4)', () => {
  it.each(['ProtectStructure', 'ActiveSheet', 'Names'] as const)('%s throwing before the write: the findings come back, with a note', async (member) => {
    const kind = await checkAndMarkWps({ app: (await sampleApp()) as never, summaries: true });
    const app = await sampleApp({ failing: [member] });
    const { audit, notes } = await checkAndMarkWps({ app: app as never, summaries: true });
    expect(audit.findings).toEqual(kind.audit.findings);
    expect(notes.map((n) => n.key)).toContain('wps.note.summariesFailed');
    expect(renderWpsNote(notes.find((n) => n.key === 'wps.note.summariesFailed')!)).toContain('汇总表未全部写完');
  });
});

describe('settings travel with the workbook (hidden names AnnexAuditSettings_n)', () => {
  it('saved into the workbook, read back from it, replaced on the next save; long settings are sliced', async () => {
    const app = await sampleApp();
    const wb = app.workbook!;
    const units = Array.from({ length: 60 }, (_, i) => `单位“${i}”号`);
    saveWpsSettings(wb as never, { expectedUnits: units });
    const kept = wb.names.filter((n) => n.Name.startsWith(SETTINGS_NAME_PREFIX));
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.every((n) => /^="(?:[^"]|"")*"$/s.test(n.RefersTo) && n.RefersTo.length < 255 * 2)).toBe(true);
    expect(loadWpsSettings(wb as never)).toMatchObject({ expectedUnits: units });
    saveWpsSettings(wb as never, { expectedUnits: ['甲'] });
    expect(wb.names.filter((n) => n.Name.startsWith(SETTINGS_NAME_PREFIX))).toHaveLength(1);
    expect(loadWpsSettings(wb as never)).toMatchObject({ expectedUnits: ['甲'] });
    // Not summary tags: a re-run neither reads them as sheets nor removes them.
    await checkAndMarkWps({ app: app as never, summaries: true });
    expect(loadWpsSettings(wb as never)).toMatchObject({ expectedUnits: ['甲'] });
  });

  it('the pane keeps them in the workbook, and falls back to the browser where names cannot be written', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const app = await sampleApp();
    const services = createWpsServices(app as never, storage);
    expect(await services.saveSettings({ expectedUnits: ['龙山县'] })).toBe('workbook');
    // Another machine (empty browser storage) opening the same workbook.
    expect(await createWpsServices(app as never, null).loadSettings()).toMatchObject({ expectedUnits: ['龙山县'] });
    const bare = await sampleApp({ lacking: ['Names'] });
    const local = createWpsServices(bare as never, storage);
    expect(await local.saveSettings({ expectedUnits: ['保靖县'] })).toBe('browser');
    expect(await local.loadSettings()).toMatchObject({ expectedUnits: ['保靖县'] });
  });
});
