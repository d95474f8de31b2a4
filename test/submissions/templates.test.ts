/**
 * Templates: every kind is recognised by the checker's own detection; the saved file really carries data
 * validation (closed vocabularies as lists, ratings as a FIND formula, counts as whole numbers ≥ 0),
 * input messages, number formats, locked headers / unlocked data cells, and the hidden marker; a template
 * filled in through exceljs passes the check; LibreOffice rejects words outside the vocabulary.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { auditWorkbook } from '../../src/core';
import {
  TEMPLATE_BUNDLES,
  TEMPLATE_KINDS,
  TEMPLATE_MARKER_NAME,
  TEMPLATE_VERSION,
  templatePlan,
  templateWorkbook,
  type TemplateKind,
} from '../../src/core/submissions';
import { loadWorkbook, workbookToGrids } from '../../src/xlsx';
import { buildTemplateWorkbook, readTemplateMarker, withoutMarkerSheet } from '../../src/xlsx/template';
import { INCENTIVE, KEYWORK, typeRows as type } from './data';
import { dataValidations, run, sheetXml, tempDir, unzipText } from './support';

const YEAR = 2025;

async function templateBytes(kinds: Parameters<typeof templateWorkbook>[0], rows?: number): Promise<Buffer> {
  const wb = await buildTemplateWorkbook(templateWorkbook(kinds, { year: YEAR, ...(rows ? { rows } : {}) }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('each template is recognised by the checker', () => {
  it.each(TEMPLATE_KINDS.map((k) => [k]))('%s: detected as its kind, header where the plan put it, no findings', async (kind) => {
    const wb = await loadWorkbook(await templateBytes([kind]));
    const grids = withoutMarkerSheet(workbookToGrids(wb));
    const audit = auditWorkbook(grids);
    const plan = templatePlan(kind as TemplateKind, { year: YEAR });
    expect(audit.sheets).toEqual([{ name: plan.sheet.name, kind, headerRow: plan.headerRows[0], firstDataRow: null, lastDataRow: null }]);
    // A blank template of one annex: at most "the other annexes are missing" notes, never a warning or error.
    expect(audit.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(audit.findings.every((f) => f.code === 'structure/annex-missing' || f.code === 'structure/total-row-missing')).toBe(true);
  });

  it.each(Object.keys(TEMPLATE_BUNDLES).map((b) => [b]))('%s: one sheet per annex, all recognised, a blank bundle has no findings at all', async (bundle) => {
    const wb = await loadWorkbook(await templateBytes([bundle as keyof typeof TEMPLATE_BUNDLES]));
    const audit = auditWorkbook(withoutMarkerSheet(workbookToGrids(wb)));
    expect(audit.sheets.map((s) => s.kind)).toEqual([...TEMPLATE_BUNDLES[bundle as keyof typeof TEMPLATE_BUNDLES]]);
    expect(audit.findings).toEqual([]);
  });

  it('titles and the award-history columns follow the year', async () => {
    const wb = await loadWorkbook(await templateBytes(['incentive-analysis']));
    const ws = wb.getWorksheet('附件3')!;
    expect(ws.getCell('A1').value).toBe('附件3');
    expect(ws.getCell('A2').value).toBe('2025年省政府真抓实干激励事项研判分析表');
    expect(ws.getCell('A3').value).toMatch(/^统计截止/);
    expect([6, 7, 8, 9, 10].map((c) => ws.getCell(5, c).value)).toEqual(['2024年获激励情况', '2023年获激励情况', '2022年获激励情况', '2021年获激励情况', '2020年获激励情况']);
  });

  it('merged two-row headers where the annex has them', async () => {
    const wb = await loadWorkbook(await templateBytes(['all-keywork']));
    const merges = (ws: ExcelJS.Worksheet) => (ws.model as { merges?: string[] }).merges ?? [];
    expect(merges(wb.getWorksheet('附件1')!)).toEqual(expect.arrayContaining(['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:G4']));
    expect(wb.getWorksheet('附件1')!.getCell('E4').value).toBe('工作进度');
    expect(merges(wb.getWorksheet('附件2')!)).toEqual(expect.arrayContaining(['C4:D4', 'E4:F4']));
    const a2 = await loadWorkbook(await templateBytes(['unit-key-items']));
    expect(merges(a2.getWorksheet('附件2')!)).toEqual(expect.arrayContaining(['A4:A5', 'B4:C4']));
  });
});

describe('what is in the saved file', () => {
  let entries: Map<string, string>;
  let keywork: Map<string, string>;
  beforeAll(async () => {
    entries = unzipText(await templateBytes(['all-incentive'], 30));
    keywork = unzipText(await templateBytes(['all-keywork'], 30));
  });

  const byRange = (xml: string) => new Map(dataValidations(xml).map((v) => [v.attrs['sqref'] ?? '', v] as const));

  it('附件3 州直研判情况: a stop rule that the text contains one of the four ratings', () => {
    const v = byRange(sheetXml(entries, '附件3')).get('E6:E35');
    expect(v?.attrs).toMatchObject({ type: 'custom', errorStyle: 'stop', showErrorMessage: '1', showInputMessage: '1', allowBlank: '1' });
    expect(v?.formula1).toBe('OR(ISNUMBER(FIND("很有可能",E6)),ISNUMBER(FIND("有可能",E6)),ISNUMBER(FIND("难度较大",E6)),ISNUMBER(FIND("不太可能",E6)))');
    expect(v?.attrs['prompt']).toContain('很有可能、有可能、难度较大、不太可能');
  });

  it('附件1 counts: whole numbers ≥ 0 with format 0; the 合计 row is SUM formulas, locked', async () => {
    const xml = sheetXml(entries, '附件1');
    const rules = byRange(xml);
    for (const col of ['B', 'C', 'D', 'E', 'F']) {
      expect(rules.get(`${col}6:${col}35`)?.attrs).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', errorStyle: 'stop' });
      expect(rules.get(`${col}6:${col}35`)?.formula1).toBe('0');
    }
    expect(xml).toContain('<f>SUM(B6:B35)</f>');
  });

  it('profile B: √ as a list in the three progress columns, 进度评价 and 类别 as lists, 量化数据 a number ≥ 0', () => {
    const a1 = byRange(sheetXml(keywork, '附件1'));
    for (const col of ['E', 'F', 'G']) {
      expect(a1.get(`${col}6:${col}35`)?.attrs).toMatchObject({ type: 'list', errorStyle: 'stop' });
      expect(a1.get(`${col}6:${col}35`)?.formula1).toBe('"√"');
    }
    const a2 = byRange(sheetXml(keywork, '附件2'));
    expect(a2.get('J5:J34')?.formula1).toBe('"已完成,正常推进"');
    expect(a2.get('A5:A34')?.formula1).toBe('"省级重点民生实事,市级重点民生实事"');
    expect(a2.get('I5:I34')?.attrs).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
  });

  it('every data column explains itself in an input message within Excel\'s limits', () => {
    for (const [book, sheets] of [[entries, ['附件1', '附件2', '附件3', '附件4', '附件5']], [keywork, ['附件1', '附件2', '任务分解']]] as const) {
      for (const sheet of sheets) {
        const list = dataValidations(sheetXml(book, sheet));
        expect(list.length).toBeGreaterThanOrEqual(3);
        for (const v of list) {
          expect(v.attrs['showInputMessage']).toBe('1');
          expect((v.attrs['prompt'] ?? '').length).toBeGreaterThan(5);
          expect((v.attrs['prompt'] ?? '').length).toBeLessThanOrEqual(255);
          expect((v.attrs['promptTitle'] ?? '').length).toBeLessThanOrEqual(32);
        }
      }
    }
  });

  it('sheets are protected without a password; the hidden marker is a very hidden sheet named by a defined name', () => {
    for (const sheet of ['附件1', '附件3', '附件5']) {
      const prot = /<sheetProtection [^>]*\/>/.exec(sheetXml(entries, sheet))?.[0] ?? '';
      expect(prot).toContain('sheet="1"');
      expect(prot).not.toMatch(/hashValue|password/);
      expect(prot).toContain('insertRows="0"'); // rows may still be inserted
    }
    const wbXml = entries.get('xl/workbook.xml') ?? '';
    expect(wbXml).toMatch(new RegExp(`<sheet [^>]*name="${TEMPLATE_MARKER_NAME}"[^>]*state="veryHidden"`));
    expect(wbXml).toContain(`<definedName name="${TEMPLATE_MARKER_NAME}">${TEMPLATE_MARKER_NAME}!$A$1</definedName>`);
  });

  it('header cells are locked and data cells unlocked; formats on the data cells', async () => {
    const wb = await loadWorkbook(await templateBytes(['all-keywork'], 30));
    const a2 = wb.getWorksheet('附件2')!;
    expect(a2.getCell('A4').protection?.locked).not.toBe(false);
    expect(a2.getCell('A2').protection?.locked).not.toBe(false);
    for (const addr of ['A5', 'I5', 'J34']) expect(a2.getCell(addr).protection?.locked).toBe(false);
    expect(a2.getCell('I5').numFmt).toBe('0%');
    expect(a2.getCell('H5').numFmt).toBe('@');
    expect(readTemplateMarker(wb)).toBe(`all-keywork@${TEMPLATE_VERSION}`);
    const inc = await loadWorkbook(await templateBytes(['rating-tally'], 30));
    const a1 = inc.getWorksheet('附件1')!;
    expect(['A4', 'B4', 'A5', 'B5', 'F5'].map((a) => a1.getCell(a).protection?.locked)).not.toContain(false); // header and 合计
    expect(['A6', 'B6', 'F35'].map((a) => a1.getCell(a).protection?.locked)).toEqual([false, false, false]);
    expect(a1.getCell('B6').numFmt).toBe('0');
  });
});

// ── filled in ────────────────────────────────────────────────────────────────────────────────────────

describe('a template filled in through exceljs passes the checker', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it.each([
    ['all-incentive', INCENTIVE],
    ['all-keywork', KEYWORK],
  ] as const)('%s: typed values, saved, checked: exit 0 and no findings', async (bundle, data) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateBytes([bundle])) as unknown as ExcelJS.Buffer);
    for (const [sheet, [first, rows]] of Object.entries(data)) type(wb.getWorksheet(sheet)!, first, rows);
    const file = join(dir, `${bundle}-filled.xlsx`);
    await wb.xlsx.writeFile(file);
    const r = await run('check', file, '--format', 'json');
    const body = JSON.parse(r.out) as { profile: string; findings: { code: string; message: string }[]; sheets: { name: string; firstDataRow: number | null; lastDataRow: number | null }[] };
    expect(body.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect(body.profile).toBe(bundle === 'all-incentive' ? 'incentive' : 'keywork');
    // The marker sheet is not reported as a sheet of the submission.
    expect(body.sheets.map((s) => s.name)).not.toContain(TEMPLATE_MARKER_NAME);
    const first = Object.values(data)[0]!;
    expect(body.sheets[0]).toMatchObject({ firstDataRow: first[0], lastDataRow: first[0] + first[1].length - 1 });
  });

  it('a filled template with a wrong count is caught like any other submission', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateBytes(['all-incentive'])) as unknown as ExcelJS.Buffer);
    for (const [sheet, [first, rows]] of Object.entries(INCENTIVE)) type(wb.getWorksheet(sheet)!, first, rows);
    wb.getWorksheet('附件1')!.getCell('B6').value = 3;
    const file = join(dir, 'wrong.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file, '--format', 'json');
    const body = JSON.parse(r.out) as { findings: { code: string; cell: string }[] };
    expect(body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'tally/row-sum', cell: 'B6' })]));
    expect(r.code).toBe(1);
  });
});

// ── LibreOffice enforces the rules ─────────────────────────────────────────────────────────────────

function hasUno(): boolean {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { encoding: 'utf8' });
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return r.status === 0 && soffice.status === 0;
}

// CI installs python3-uno (.ci/run), so there the check always runs; elsewhere it needs LibreOffice's bridge.
const itLO = hasUno() || process.env['CI'] ? it : it.skip;

describe('LibreOffice applies the validation', () => {
  itLO('rejects words outside the vocabulary and accepts the ones inside', async () => {
    const dir = tempDir();
    const inc = join(dir, 'inc.xlsx');
    const kw = join(dir, 'kw.xlsx');
    writeFileSync(inc, await templateBytes(['all-incentive'], 20));
    writeFileSync(kw, await templateBytes(['all-keywork'], 20));
    const ask = (book: string, checks: { sheet: string; cell: string; value: string | number }[]) => {
      const spec = join(dir, `checks-${checks.length}-${book.length}.json`);
      writeFileSync(spec, JSON.stringify(checks));
      const r = spawnSync('/usr/bin/python3', [join(__dirname, 'lo-validate.py'), book, spec], { encoding: 'utf8', timeout: 180_000 });
      expect(r.status).toBe(0);
      return new Map((JSON.parse(r.stdout) as { cell: string; value: string | number; invalid: boolean }[]).map((x) => [`${x.cell}=${x.value}`, x.invalid]));
    };
    const a = ask(inc, [
      { sheet: '附件3', cell: 'E6', value: '难度较大' },
      { sheet: '附件3', cell: 'E6', value: '州本级：很有可能\n吉首市：有可能' },
      { sheet: '附件3', cell: 'E6', value: '可能性较大' },
      { sheet: '附件3', cell: 'E6', value: '待定' },
      { sheet: '附件1', cell: 'C6', value: 3 },
      { sheet: '附件1', cell: 'C6', value: -1 },
      { sheet: '附件1', cell: 'C6', value: 2.5 },
    ]);
    expect(a.get('E6=难度较大')).toBe(false);
    expect(a.get('E6=州本级：很有可能\n吉首市：有可能')).toBe(false);
    expect(a.get('E6=可能性较大')).toBe(true);
    expect(a.get('E6=待定')).toBe(true);
    expect(a.get('C6=3')).toBe(false);
    expect(a.get('C6=-1')).toBe(true);
    expect(a.get('C6=2.5')).toBe(true);
    const b = ask(kw, [
      { sheet: '附件1', cell: 'E6', value: '√' },
      { sheet: '附件1', cell: 'E6', value: '是' },
      { sheet: '附件2', cell: 'J5', value: '正常推进' },
      { sheet: '附件2', cell: 'J5', value: '基本完成' },
    ]);
    expect(b.get('E6=√')).toBe(false);
    expect(b.get('E6=是')).toBe(true);
    expect(b.get('J5=正常推进')).toBe(false);
    expect(b.get('J5=基本完成')).toBe(true);
  }, 240_000);
});
