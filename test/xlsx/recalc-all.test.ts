/**
 * Every formula we write recalculates to the figure we cached (issue 17). For every surface that writes a
 * workbook — summarize on both samples (both languages, with marks), on editions written in the tests, on
 * the samples as LibreOffice saves them (.xlsx, .ods, .xls: another writer's package, and the copy made for
 * formats we cannot keep), templates with their 合计 SUMs, 版本比较, 合并报送 and 报送情况 — LibreOffice
 * recalculates the output and **every** formula cell of every sheet we wrote must come back with the value
 * we cached: exact for counts and text, 1e-9 for shares. Cached values are read with SheetJS, which keeps a
 * cached `<v>0</v>` (exceljs drops it).
 *
 * Then "live means live": a clerk's correction (a rating, a completion figure, a progress class, a
 * livelihood status) made in the written summary moves every dependent cell of every table to the figures
 * the engine computes when the same correction is made in the source annex.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { auditWorkbook, buildSummaryPlans, type SheetPlan } from '../../src/core';
import type { Grid } from '../../src/core/grid';
import { statusPlan, submissionStatus, unreadableStatus, missingUnits } from '../../src/core/submissions/status';
import { planWorkbook, workbookBytes } from '../../src/xlsx/submissions';
import { WorkbookPackage } from '../../src/xlsx/files';
import { editionA, HUAIHUA_2023, ZHUZHOU_2025 } from '../editions/editionA';
import { editionB, HUARONG_2023, XIANGYIN_2025 } from '../editions/editionB';
import { CORPUS } from '../helpers/corpus';
import { replaceText } from '../editions/sheets';
import { cloneGrid, findGrid, getCell, SAMPLES, sampleGrids, setCell } from '../helpers/grids';
import { recalcManyWithLibreOffice, sofficePath } from '../helpers/libreoffice';
import { gridsToBytes, run, splitSubmissions, tempDir } from '../submissions/support';
import { existsSync, writeFileSync } from 'node:fs';

const available = sofficePath() !== null;
const suite = available || process.env['CI'] ? describe : describe.skip;
if (!available && !process.env['CI']) console.warn('recalc-all: LibreOffice (soffice) is not installed; skipped');

type Cached = { f: string; v: unknown };

/** Every formula cell of the named sheets: `sheet!A1` → formula and cached value. */
export function formulaCells(bytes: Uint8Array, sheets?: readonly string[]): Map<string, Cached> {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellHTML: false, cellText: false, cellDates: false });
  const out = new Map<string, Cached>();
  for (const name of wb.SheetNames) {
    if (sheets && !sheets.includes(name)) continue;
    const ws = wb.Sheets[name] ?? {};
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      if (c.f === undefined) continue;
      out.set(`${name}!${ref}`, { f: c.f, v: c.t === 'z' ? null : c.v });
    }
  }
  return out;
}

function sheetNames(bytes: Uint8Array): string[] {
  return XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}

function same(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(a) && blank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-9;
  return a === b;
}

/** Formula cells whose recalculated value is not the cached one (or that lost their formula). */
export function disagreements(written: Uint8Array, recalculated: Uint8Array, sheets: readonly string[]): { n: number; bad: string[] } {
  const before = formulaCells(written, sheets);
  const after = formulaCells(recalculated, sheets);
  const bad: string[] = [];
  for (const [ref, c] of before) {
    const r = after.get(ref);
    if (!r) bad.push(`${ref} =${c.f}: no formula after recalculation`);
    else if (!same(c.v, r.v)) bad.push(`${ref} =${c.f}: cached ${JSON.stringify(c.v)}, recalculated ${JSON.stringify(r.v)}`);
  }
  return { n: before.size, bad };
}

interface Written {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The sheets we wrote (a copy's user sheets are the user's, with the user's formulas). */
  readonly sheets: readonly string[];
}

const INCENTIVE = join(SAMPLES, 'incentive-2022.xlsx');

/** Units renamed with the characters a COUNTIFS criterion would interpret. */
const HOSTILE_UNITS: readonly [string, string][] = [
  ['州财政局', '州财政局*'],
  ['州发改委', '=州发改委'],
  ['州商务局', '<州商务局'],
  ['州人社局', '>州人社局'],
  ['州工信局', '州工信局?'],
  ['州住建局', '~州住建局'],
  ['州交通运输局', '州*局'],
];
const KEYWORK = join(SAMPLES, 'keywork-2024.xlsx');

suite('every formula we write recalculates (LibreOffice) to the value we cached', () => {
  jest.setTimeout(900_000);
  const dir = tempDir('annex-recalc-');
  const written: Written[] = [];
  const recalculated = new Map<string, Buffer>();

  /** Our sheets: those of the output that the input did not have. */
  const add = (name: string, out: string, input: Uint8Array | null) => {
    const bytes = new Uint8Array(readFileSync(out));
    const own = input ? new Set(sheetNames(input)) : new Set<string>();
    written.push({ name, bytes, sheets: sheetNames(bytes).filter((s) => !own.has(s)) });
  };

  const summarize = async (name: string, input: string, ...flags: string[]) => {
    const out = join(dir, `${name}-summary.xlsx`);
    const r = await run('summarize', input, '-o', out, ...flags);
    expect({ name, code: r.code, err: r.err }).toMatchObject({ name, err: '' });
    const written = existsSync(out) ? out : out.replace(/\.xlsx$/, '.xlsm');
    add(name, written, new Uint8Array(readFileSync(input)));
  };

  const write = async (name: string, grids: readonly Grid[]): Promise<string> => {
    const p = join(dir, name);
    writeFileSync(p, await gridsToBytes(grids));
    return p;
  };

  beforeAll(async () => {
    // The samples as another program saves them: LibreOffice's own .xlsx package, and .ods / .xls (which
    // we cannot keep as they are: summarize writes a new .xlsx with their sheets).
    const samples = [
      { name: 'incentive.xlsx', bytes: new Uint8Array(readFileSync(INCENTIVE)) },
      { name: 'keywork.xlsx', bytes: new Uint8Array(readFileSync(KEYWORK)) },
    ];
    const others: [string, string][] = [];
    for (const [to, ext] of [
      ['xlsx:Calc MS Excel 2007 XML', 'xlsx'],
      ['ods', 'ods'],
      ['xls:MS Excel 97', 'xls'],
    ] as const) {
      const converted = recalcManyWithLibreOffice(samples, to);
      for (const [n, bytes] of converted) {
        const p = join(dir, `lo-${n.replace(/\.xlsx$/, '')}.${ext}`);
        writeFileSync(p, bytes);
        others.push([`lo-${n.replace(/\.xlsx$/, '')}-${ext}`, p]);
      }
    }

    await summarize('incentive-zh', INCENTIVE, '--mark');
    await summarize('incentive-en', INCENTIVE, '--lang', 'en-US');
    await summarize('incentive-noguarantee', INCENTIVE, '--no-guarantee');
    await summarize('keywork-zh', KEYWORK, '--mark');
    await summarize('keywork-en', KEYWORK, '--lang', 'en-US');
    for (const [name, p] of others) await summarize(name, p);

    // Editions written in the tests (other places, years, wordings and layouts).
    await summarize('edition-A-huaihua', await write('edition-A-huaihua.xlsx', editionA({ place: HUAIHUA_2023 }).grids));
    await summarize('edition-A-zhuzhou', await write('edition-A-zhuzhou.xlsx', editionA({ place: ZHUZHOU_2025, layout: { numbersRow: true } }).grids));
    await summarize('edition-B-xiangyin', await write('edition-B-xiangyin.xlsx', editionB({ place: XIANGYIN_2025 }).grids));
    await summarize('edition-B-huarong', await write('edition-B-huarong.xlsx', editionB({ place: HUARONG_2023 }).grids));

    // Other writers' packages from the corpus (no annexes: 校验结果 only, but written into their package).
    if (existsSync(CORPUS)) {
      for (const f of ['test__Book1.xlsx', 'ClosedXML.Tests__Resource__Examples__Columns__ColumnSettings.xlsx', 'src__TestData__strict__TestOpen.xlsx']) {
        await summarize(`corpus-${f.replace(/\W+/g, '_')}`, join(CORPUS, f));
      }
    } else console.warn('recalc-all: ../shared/corpus-cases is absent; other writers’ corpus packages skipped');

    // Unit names that COUNTIFS would read as operators or wildcards (issue 24): `* ? ~` and a leading `= < >`.
    // The summary's counts match units exactly, so after recalculation each still counts its own items.
    const hostile = (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
    for (const [from, to] of HOSTILE_UNITS) for (const g of hostile) replaceText(g, from, to);
    await summarize('criteria-units', await write('criteria-units.xlsx', hostile));

    // Templates: every bundle, with their 合计 SUMs.
    for (const id of ['all-incentive', 'all-keywork']) {
      const out = join(dir, `template-${id}.xlsx`);
      const r = await run('template', id, '-o', out, '--year', '2025');
      expect({ id, code: r.code }).toEqual({ id, code: 0 });
      add(`template-${id}`, out, null);
    }

    // 版本比较: the sample against an edited copy.
    const grids = await sampleGrids('incentive-2022.xlsx');
    const edited = grids.map((g) => cloneGrid(g));
    const analysis = findGrid(edited, '附件3');
    setCell(analysis, 'E5', `${String(getCell(analysis, 'E5') ?? '')}（补充）`);
    const editedPath = await write('edited.xlsx', edited);
    const diffOut = join(dir, 'diff.xlsx');
    await run('diff', INCENTIVE, editedPath, '-o', diffOut);
    add('diff', diffOut, new Uint8Array(readFileSync(editedPath)));

    // 合并报送: each sample split into submissions and merged (the 合计 rows rebuilt as SUMs).
    for (const [sample, parts] of [
      ['incentive-2022.xlsx', 4],
      ['keywork-2024.xlsx', 3],
    ] as const) {
      const split = splitSubmissions(await sampleGrids(sample), parts);
      const files: string[] = [];
      for (let i = 0; i < split.length; i++) files.push(await write(`${sample}-part${i + 1}.xlsx`, split[i] ?? []));
      const out = join(dir, `merged-${sample}`);
      await run('merge', ...files, '-o', out);
      add(`merged-${sample}`, out, null);
    }

    // 报送情况, as the pane writes it.
    const audit = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    const rows = [submissionStatus('州发改委.xlsx', audit, null, ['州发改委', '州财政局']), unreadableStatus('坏文件.xlsx', '无法读取', ['州发改委', '州财政局'])];
    const { workbook } = planWorkbook([statusPlan(rows, missingUnits(rows, ['州发改委', '州财政局']), 'zh-CN')]);
    const statusPath = join(dir, 'status.xlsx');
    writeFileSync(statusPath, await workbookBytes(workbook));
    add('status', statusPath, null);

    const back = recalcManyWithLibreOffice(written.map((w) => ({ name: `${w.name}.xlsx`, bytes: w.bytes })));
    for (const w of written) recalculated.set(w.name, back.get(`${w.name}.xlsx`) as Buffer);
  });

  it('0 disagreements in every formula cell of every written sheet', () => {
    const report: string[] = [];
    const bad: string[] = [];
    let total = 0;
    for (const w of written) {
      const r = disagreements(w.bytes, recalculated.get(w.name) as Buffer, w.sheets);
      total += r.n;
      report.push(`${w.name}: ${r.bad.length} disagreements of ${r.n} formula cells (${w.sheets.join(', ')})`);
      bad.push(...r.bad.map((b) => `${w.name} ${b}`));
    }
    console.log(`recalc-all: ${bad.length} disagreements of ${total} formula cells in ${written.length} workbooks\n${report.join('\n')}`);
    expect(bad).toEqual([]);
    // Every summary with figures has formulas to compare (a writer that dropped them would pass vacuously).
    const counts = new Map(written.map((w) => [w.name, formulaCells(w.bytes, w.sheets).size]));
    for (const name of ['criteria-units', 'incentive-zh', 'incentive-en', 'keywork-zh', 'edition-A-huaihua', 'edition-B-xiangyin', 'lo-incentive-ods', 'lo-keywork-xls', 'template-all-incentive', 'merged-incentive-2022.xlsx']) {
      expect({ name, some: (counts.get(name) ?? 0) > 0 }).toEqual({ name, some: true });
    }
  });

  it('the per-unit table of 汇总-完成率 is among the cells compared', () => {
    const w = written.find((x) => x.name === 'incentive-zh') as Written;
    const cells = [...formulaCells(w.bytes, ['汇总-完成率']).entries()];
    // Both tables: the per-item rates and the per-unit counts, sums and rates.
    expect(cells.filter(([, c]) => c.f.startsWith('SUMPRODUCT')).length).toBeGreaterThan(10);
    expect(cells.filter(([, c]) => c.f.startsWith('IF(')).length).toBeGreaterThan(10);
  });
});

// ── live means live ──────────────────────────────────────────────────────────

/** The cached figures of every formula cell of a plan, by A1 reference. */
function planFigures(plan: SheetPlan): Map<string, unknown> {
  const out = new Map<string, unknown>();
  plan.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.formula !== undefined) out.set(XLSX.utils.encode_cell({ r, c: col }), c.value);
    }),
  );
  return out;
}

/** The cells of `sheet` in `bytes` (after recalculation) against a plan's figures. */
function againstPlan(bytes: Uint8Array, plan: SheetPlan): string[] {
  const got = formulaCells(bytes, [plan.name]);
  const bad: string[] = [];
  for (const [ref, v] of planFigures(plan)) {
    const g = got.get(`${plan.name}!${ref}`);
    if (!same(v, g?.v)) bad.push(`${plan.name}!${ref}: engine ${JSON.stringify(v)}, sheet ${JSON.stringify(g?.v)}`);
  }
  return bad;
}

interface Correction {
  readonly label: string;
  readonly sample: string;
  /** The summary sheets whose figures must follow. */
  readonly plans: readonly string[];
  /** The clerk's correction in the source annex. */
  readonly source: (grids: Grid[]) => void;
  /** The same correction made in our written summary (plan names of the uncorrected audit). */
  readonly summary: (wb: ExcelJS.Workbook) => void;
}

function cellText(ws: ExcelJS.Worksheet | undefined, ref: string): string {
  const v = ws?.getCell(ref).value as unknown;
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return typeof v === 'string' ? v : String(v ?? '');
}

/** The row whose column `col` holds `text` (exact, or as a prefix when `prefix`). */
function rowWith(ws: ExcelJS.Worksheet, col: string, text: string, prefix = false): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = cellText(ws, `${col}${r}`);
    if (v === text || (prefix && v.startsWith(text))) return r;
  }
  throw new Error(`${ws.name}: no ${text} in column ${col}`);
}

function replaceIn(grids: Grid[], sheet: string, ref: string, from: string | RegExp, to: string): void {
  const g = findGrid(grids, sheet);
  const before = String(getCell(g, ref) ?? '');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${sheet}!${ref} has no ${String(from)}: ${before}`);
  setCell(g, ref, after);
}

const sheetOf = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;

const CORRECTIONS: Correction[] = [
  {
    // 州发改委's first item (高质量发展, 附件3!E5) is 难度较大: the clerk rates it 很有可能.
    label: 'a rating (附件3 / the helper table of 汇总-研判统计)',
    sample: 'incentive-2022.xlsx',
    plans: ['tally'],
    source: (grids) => replaceIn(grids, '附件3', 'E5', /难度较大/g, '很有可能'),
    summary: (wb) => {
      const ws = sheetOf(wb, '汇总-研判统计');
      const r = rowWith(ws, 'L', '附件3!E5', true);
      expect(cellText(ws, `K${r}`)).toBe('难度较大');
      ws.getCell(`K${r}`).value = '很有可能';
    },
  },
  {
    // 财政管理 (附件4!C13) states 已完成2项 of 10: the clerk corrects it to 5.
    label: 'a completion figure (附件4 / the item table of 汇总-完成率)',
    sample: 'incentive-2022.xlsx',
    plans: ['completion'],
    source: (grids) => replaceIn(grids, '附件4', 'C13', '已完成2项，未完成8项', '已完成5项，未完成5项'),
    summary: (wb) => {
      const ws = sheetOf(wb, '汇总-完成率');
      const r = rowWith(ws, 'G', '附件4!C13');
      expect(ws.getCell(`D${r}`).value).toBe(2);
      ws.getCell(`D${r}`).value = 5;
    },
  },
  {
    // The first target (附件1 row 5) is marked 滞后 in G5: the clerk moves the mark to 已完成 (E5).
    label: 'a progress mark (附件1 / the helper table of 汇总-目标任务)',
    sample: 'keywork-2024.xlsx',
    plans: ['targets'],
    source: (grids) => {
      const g = findGrid(grids, '附件1');
      expect(getCell(g, 'G5')).toBe('√');
      setCell(g, 'G5', null);
      setCell(g, 'E5', '√');
    },
    summary: (wb) => {
      const ws = sheetOf(wb, '汇总-目标任务');
      const r = rowWith(ws, 'L', '附件1!', true);
      const done = cellText(ws, 'A4'); // the class table's first row is 已完成
      expect(cellText(ws, `K${r}`)).not.toBe(done);
      ws.getCell(`K${r}`).value = done;
    },
  },
  {
    // The first livelihood project (附件2!J4) is 正常推进: the clerk marks it 已完成.
    label: 'a livelihood status (附件2 / the project table of 汇总-民生实事)',
    sample: 'keywork-2024.xlsx',
    plans: ['livelihood'],
    source: (grids) => replaceIn(grids, '附件2', 'J4', '正常推进', '已完成'),
    summary: (wb) => {
      const ws = sheetOf(wb, '汇总-民生实事');
      const r = rowWith(ws, 'H', '附件2!I4');
      expect(cellText(ws, `G${r}`)).toBe('正常推进');
      ws.getCell(`G${r}`).value = '已完成';
    },
  },
];

suite('a clerk’s correction moves every dependent summary cell (recalculated by LibreOffice)', () => {
  jest.setTimeout(600_000);
  const results = new Map<string, { before: SheetPlan[]; after: SheetPlan[]; bytes: Buffer }>();

  beforeAll(async () => {
    const edited: { name: string; bytes: Uint8Array }[] = [];
    const plans = new Map<string, { before: SheetPlan[]; after: SheetPlan[] }>();
    for (const [i, c] of CORRECTIONS.entries()) {
      const grids = await sampleGrids(c.sample);
      const before = buildSummaryPlans(auditWorkbook(grids));
      const corrected = grids.map((g) => cloneGrid(g));
      c.source(corrected);
      const after = buildSummaryPlans(auditWorkbook(corrected));
      plans.set(c.label, { before, after });
      // The summary as summarize writes it, then the clerk's correction in our sheet (exceljs, as a user's edit).
      const source = new Uint8Array(readFileSync(join(SAMPLES, c.sample)));
      const pkg = WorkbookPackage.open(source, c.sample);
      pkg.applySheetPlans(before);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(pkg.toBytes({ recalculate: true }).slice().buffer);
      c.summary(wb);
      edited.push({ name: `correction-${i}.xlsx`, bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) });
    }
    const back = recalcManyWithLibreOffice(edited);
    CORRECTIONS.forEach((c, i) => {
      const p = plans.get(c.label) as { before: SheetPlan[]; after: SheetPlan[] };
      results.set(c.label, { ...p, bytes: back.get(`correction-${i}.xlsx`) as Buffer });
    });
  });

  it.each(CORRECTIONS.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const r = results.get(c.label);
    if (!r) throw new Error('not recalculated');
    for (const id of c.plans) {
      const before = r.before.find((p) => p.id === id) as SheetPlan;
      const after = r.after.find((p) => p.id === id) as SheetPlan;
      // The correction matters (some figure changes) and keeps the layout (the same cells hold the figures).
      expect([...planFigures(after).keys()]).toEqual([...planFigures(before).keys()]);
      expect([...planFigures(after).values()]).not.toEqual([...planFigures(before).values()]);
      // Every formula cell of every table of the sheet now shows the engine's figure for the corrected source.
      expect(againstPlan(r.bytes, { ...after, name: before.name })).toEqual([]);
    }
  });
});
