/**
 * Native charts of the summary sheets (issue 23), as the package writer and the exceljs path write them:
 * chart parts whose series and categories are formulas over the summary sheet's cells, caches equal to the
 * plan's figures, a drawing related to the sheet. Then LibreOffice: every written workbook opens with its
 * charts and exports them to PDF (pages rendered under test-artifacts/charts/), and a corrected rating,
 * recalculated, moves the cells the chart refers to and the chart's own data.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { auditWorkbook, buildSummaryPlans, type Lang, type SheetPlan } from '../../src/core';
import { resolveSettings } from '../../src/core/settings';
import { chartData, chartName, planCharts } from '../../src/core/plans/charts';
import { WorkbookPackage } from '../../src/xlsx/files';
import { mergeToWorkbook, workbookBytes } from '../../src/xlsx/submissions';
import { openWorkbook } from '../../src/xlsx';
import { SAMPLES, sampleGrids } from '../helpers/grids';
import { recalcManyWithLibreOffice, sofficePath } from '../helpers/libreoffice';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'charts');
const available = sofficePath() !== null;
const suite = available || process.env['CI'] ? describe : describe.skip;

type Parts = Record<string, Uint8Array>;

function parts(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

function text(p: Parts, name: string): string {
  const e = p[name];
  if (!e) throw new Error(`no part ${name}`);
  return strFromU8(e);
}

const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The chart parts related to the sheet named `sheet`, through its drawing. */
function chartsOfSheet(p: Parts, sheet: string): string[] {
  const wb = text(p, 'xl/workbook.xml');
  const rid = new RegExp(`<sheet [^>]*name="${sheet.replace(/[-()]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(text(p, 'xl/_rels/workbook.xml.rels'));
  const sheetPart = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
  const rels = p[sheetPart.replace(/([^/]+)$/, '_rels/$1.rels')];
  if (!rels) return [];
  const drawing = /Target="\.\.\/drawings\/([^"]+)"/.exec(strFromU8(rels))?.[1];
  if (!drawing) return [];
  const drels = text(p, `xl/drawings/_rels/${drawing}.rels`);
  return [...drels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map((m) => `xl/charts/${m[1]}`);
}

function formulasOf(chartXml: string): string[] {
  return [...chartXml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unescape(m[1] ?? ''));
}

/** The numbers of each series' numCache, in order. */
function cachesOf(chartXml: string): (number | null)[][] {
  return [...chartXml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) => {
    const count = Number(/<c:ptCount val="(\d+)"/.exec(m[1] ?? '')?.[1] ?? 0);
    const out: (number | null)[] = Array.from({ length: count }, () => null);
    for (const pt of (m[1] ?? '').matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(pt[1])] = Number(pt[2]);
    return out;
  });
}

async function summarized(sample: string, lang: Lang): Promise<{ bytes: Uint8Array; plans: SheetPlan[] }> {
  const grids = await sampleGrids(sample);
  const plans = buildSummaryPlans(auditWorkbook(grids), lang);
  const pkg = WorkbookPackage.open(new Uint8Array(readFileSync(join(SAMPLES, sample))), sample);
  pkg.applySheetPlans(plans, lang);
  return { bytes: pkg.toBytes({ recalculate: true }), plans };
}

const CASES: [string, Lang][] = [
  ['incentive-2022.xlsx', 'zh-CN'],
  ['incentive-2022.xlsx', 'en-US'],
  ['keywork-2024.xlsx', 'zh-CN'],
  ['keywork-2024.xlsx', 'en-US'],
];

describe('the package writer writes the planned charts as DrawingML over the summary cells', () => {
  it('four summary sheets carry the planned charts: types, titles and ranges in the chosen language', async () => {
    const zh = [...(await summarized('incentive-2022.xlsx', 'zh-CN')).plans, ...(await summarized('keywork-2024.xlsx', 'zh-CN')).plans];
    expect(planCharts(zh).map((c) => [c.sheet, c.chart.kind, c.chart.title])).toEqual([
      ['汇总-研判统计', 'barStacked', '各牵头单位研判等级分布'],
      ['汇总-完成率', 'bar', '各牵头单位考核指标完成率（由高到低，末行为合计）'],
      ['汇总-目标任务', 'column', '目标任务推进情况（全部）'],
      ['汇总-目标任务', 'barStacked', '各牵头单位目标任务推进情况'],
      ['汇总-民生实事', 'bar', '重点民生实事完成进度（填报量化数据，目标＝100%）'],
    ]);
    const en = (await summarized('incentive-2022.xlsx', 'en-US')).plans;
    const tally = planCharts(en)[0];
    expect(tally?.chart.title).toBe('Ratings per lead unit');
    expect(tally?.chart.series.map((s) => s.name)).toEqual(['Very likely', 'Likely', 'Difficult', 'Unlikely']);
    expect([tally?.chart.categoryAxisTitle, tally?.chart.valueAxisTitle]).toEqual(['Lead unit', 'Items']);
  });

  it.each(CASES)('%s (%s): each chart part refers to its sheet’s cells and caches the plan’s figures', async (sample, lang) => {
    const { bytes, plans } = await summarized(sample, lang);
    const p = parts(bytes);
    const types = text(p, '[Content_Types].xml');
    for (const plan of plans.filter((x) => x.charts)) {
      const charts = chartsOfSheet(p, plan.name);
      expect(charts).toHaveLength(plan.charts?.length ?? 0);
      plan.charts?.forEach((chart, i) => {
        const xml = text(p, charts[i] as string);
        expect(types).toContain(`PartName="/${charts[i]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
        expect(xml).toContain(`<a:t>${chart.title}</a:t>`);
        expect(xml).toContain(`<c:barDir val="${chart.kind.startsWith('bar') ? 'bar' : 'col'}"/>`);
        expect(xml).toContain(`<c:grouping val="${chart.kind.endsWith('Stacked') ? 'stacked' : 'clustered'}"/>`);
        const q = `'${plan.name}'!`;
        const expected = chart.series.flatMap((s) => [...(s.nameCell ? [q + s.nameCell] : []), q + chart.categories, q + s.values]);
        expect(formulasOf(xml)).toEqual(expected);
        const data = chartData(plan, chart);
        expect(cachesOf(xml)).toEqual(data.series.map((s) => s.values));
      });
      const drawing = Object.keys(p).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n) && text(p, n).includes(chartName(plan, plan.charts?.[0] ?? { id: '' })));
      expect(drawing).toBeDefined();
    }
  });

  it('summarizing our own copy again replaces our drawing and charts (no part left behind)', async () => {
    const { bytes, plans } = await summarized('keywork-2024.xlsx', 'zh-CN');
    const again = WorkbookPackage.open(bytes, 'again.xlsx');
    again.applySheetPlans(plans);
    const twice = parts(again.toBytes());
    const once = parts(bytes);
    const ours = (p: Parts) => Object.keys(p).filter((n) => /^xl\/(charts|drawings)\//.test(n)).sort();
    expect(ours(twice)).toEqual(ours(once));
    const types = text(twice, '[Content_Types].xml');
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(3);
  });

  it('the exceljs path (merge) gets the same charts, added to its file by the package writer', async () => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES, 'incentive-2022.xlsx')));
    const opened = openWorkbook(bytes, 'a.xlsx');
    const done = await mergeToWorkbook([{ name: 'a.xlsx', bytes, opened }], resolveSettings({}).settings, 'zh-CN');
    if (!done) throw new Error('nothing merged');
    const p = parts(await workbookBytes(done.workbook));
    for (const name of ['汇总-研判统计', '汇总-完成率']) {
      const charts = chartsOfSheet(p, name);
      expect(charts).toHaveLength(1);
      expect(formulasOf(text(p, charts[0] as string)).every((f) => f.startsWith(`'${name}'!$`))).toBe(true);
    }
    // The page break above each chart, so it prints whole.
    const tallySheet = Object.keys(p).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && text(p, n).includes('<drawing'));
    expect(text(p, tallySheet as string)).toMatch(/<rowBreaks[^>]*><brk id="\d+"/);
  });
});

function pdfText(pdf: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page), pdf, '-'] : [pdf, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm']).status === 0;

suite('LibreOffice opens every written workbook with its charts and prints them', () => {
  jest.setTimeout(600_000);

  it('each chart title is on a PDF page (rendered to test-artifacts/charts/)', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const files: { name: string; bytes: Uint8Array }[] = [];
    const titles = new Map<string, string[]>();
    for (const [sample, lang] of CASES) {
      const { bytes, plans } = await summarized(sample, lang);
      const name = `${sample.replace(/\.xlsx$/, '')}-${lang}.xlsx`;
      files.push({ name, bytes });
      titles.set(name, planCharts(plans).map((c) => c.chart.title));
    }
    // LibreOffice also reads back the charts it saves: the recalculated copy still has them.
    const saved = recalcManyWithLibreOffice(files);
    for (const f of files) {
      const back = parts(new Uint8Array(saved.get(f.name) as Buffer));
      expect(Object.keys(back).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(titles.get(f.name)?.length ?? 0);
    }
    const pdfs = recalcManyWithLibreOffice(files, 'pdf');
    if (!hasPoppler) return;
    for (const f of files) {
      const pdf = join(ARTIFACTS, f.name.replace(/\.xlsx$/, '.pdf'));
      writeFileSync(pdf, pdfs.get(f.name) as Buffer);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
      for (const title of titles.get(f.name) ?? []) {
        let found = 0;
        for (let page = pages; page >= 1 && found === 0; page--) if (pdfText(pdf, page).replace(/\s+/g, '').includes(title.replace(/\s+/g, ''))) found = page;
        expect({ title, found: found > 0 }).toEqual({ title, found: true });
        execFileSync('pdftoppm', ['-r', '60', '-f', String(found), '-l', String(found), '-png', '-singlefile', pdf, join(ARTIFACTS, `${f.name.replace(/\.xlsx$/, '')}-p${found}`)]);
      }
    }
  });

  it('a corrected rating, recalculated, moves the cells the tally chart refers to and the chart’s data', async () => {
    const { bytes, plans } = await summarized('incentive-2022.xlsx', 'zh-CN');
    const tally = plans.find((p) => p.id === 'tally') as SheetPlan;
    const p = parts(bytes);
    const wb = text(p, 'xl/workbook.xml');
    const rid = /<sheet [^>]*name="汇总-研判统计"[^>]*r:id="([^"]+)"/.exec(wb)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text(p, 'xl/_rels/workbook.xml.rels'))?.[1] as string;
    const sheetPart = `xl/${target.replace(/^\/?xl\//, '')}`;
    // The clerk rates 州发改委's first item (附件3!E5, 难度较大 in the helper table's K column) 很有可能.
    let sheet = text(p, sheetPart);
    const row = /<c r="L(\d+)"[^>]*t="inlineStr"><is><t[^>]*>附件3!E5<\/t>/.exec(sheet)?.[1];
    expect(row).toBeDefined();
    const cell = new RegExp(`(<c r="K${row}"[^>]*><is><t[^>]*>)难度较大(</t>)`);
    expect(sheet).toMatch(cell);
    sheet = sheet.replace(cell, '$1很有可能$2');
    p[sheetPart] = strToU8(sheet);
    const edited = zipSync(p);
    const back = parts(new Uint8Array(recalcManyWithLibreOffice([{ name: 'corrected.xlsx', bytes: edited }]).get('corrected.xlsx') as Buffer));
    // The recalculated cells: 州发改委 (row 5) has one more 很有可能 (C) and one less 难度较大 (E).
    const recalculated = openWorkbook(new Uint8Array(zipSync(back)), 'back.xlsx').grids.find((g) => g.name === '汇总-研判统计');
    const chart = tally.charts?.[0];
    if (!recalculated || !chart) throw new Error('no tally');
    const before = chartData(tally, chart).series.map((s) => s.values[0]);
    const at = (ref: string) => recalculated.values[Number(ref.slice(1)) - 1]?.[ref.charCodeAt(0) - 65];
    expect(before).toEqual([1, 2, 3, 1]);
    expect(['C5', 'D5', 'E5', 'F5'].map(at)).toEqual([2, 2, 2, 1]);
    // The chart LibreOffice saved still refers to those cells, and its data now shows the corrected figures.
    const savedChart = Object.keys(back)
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .map((n) => text(back, n))
      .find((x) => formulasOf(x).some((f) => f.includes('$C$5:$C$30')));
    expect(savedChart).toBeDefined();
    expect(formulasOf(savedChart as string).filter((f) => /\$[C-F]\$5:/.test(f))).toEqual(['$C$5:$C$30', '$D$5:$D$30', '$E$5:$E$30', '$F$5:$F$30'].map((r) => `'汇总-研判统计'!${r}`));
    expect(cachesOf(savedChart as string).map((s) => s[0])).toEqual([2, 2, 2, 1]);
    // The drafted 通报 paragraph is a formula over those cells: its counts follow too.
    const draft = openWorkbook(new Uint8Array(zipSync(back)), 'back.xlsx').grids.find((g) => g.name === '通报草稿');
    const paragraph = String(draft?.values[3]?.[0] ?? '');
    expect(paragraph).toContain('很有可能获得激励的13项，有可能的30项，难度较大的20项，不太可能的2项');
    expect(paragraph).toContain('暂无单位有可能争取到的事项有22项');
  });
});
