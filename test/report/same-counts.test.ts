/**
 * One report on every surface (issue 13): the same workbook — a colleague's submission on an old
 * template, so the template finding is in play — gives the same findings and counts from the CLI
 * (check, summarize), the pane in file mode (check, the downloaded 校验结果), in Excel mode and in WPS, and
 * the ribbon's one-click action.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { TEMPLATE_MARKER_NAME } from '../../src/core/submissions';
import { checkAndMark } from '../../src/excel';
import { createExcelServices } from '../../src/taskpane/services/excelMode';
import { createFileServices } from '../../src/taskpane/services/fileMode';
import { createWpsServices } from '../../src/taskpane/services/wpsMode';
import { writeTemplateMarker } from '../../src/xlsx/template';
import { openWorkbook } from '../../src/xlsx/open';
import { hostWith } from '../excel/support';
import { FakeWpsApp } from '../fakes/wps';
import { sampleBytes } from '../helpers/grids';

type Counts = { error: number; warning: number; info: number };
const EXPECTED: Counts = { error: 2, warning: 13, info: 3 }; // the sample's 2/12/3 + the old-template warning

let dir: string;
let file: string;
let bytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annex-same-'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sampleBytes('incentive-2022.xlsx') as unknown as ExcelJS.Buffer);
  writeTemplateMarker(wb, 'all-incentive@0');
  file = join(dir, 'submission.xlsx');
  await wb.xlsx.writeFile(file);
  bytes = new Uint8Array(readFileSync(file));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(argv, { out: (s: string) => out.push(s), err: () => undefined });
  return { code, out: out.join('\n') };
}

function countsIn(text: string): Counts {
  const m = /(\d+) 个错误、(\d+) 个警告、(\d+) 条提示/.exec(text);
  if (!m) throw new Error(`no counts in: ${text}`);
  return { error: Number(m[1]), warning: Number(m[2]), info: Number(m[3]) };
}

describe('the same counts on every surface', () => {
  it('CLI check (JSON), CLI summarize, and the 校验结果 sheet it writes', async () => {
    const checked = await cli('check', file, '--format', 'json');
    const body = JSON.parse(checked.out) as { counts: Counts; findings: { code: string }[] };
    expect(body.counts).toEqual(EXPECTED);
    expect(body.findings.map((f) => f.code)).toContain('template/old-version');

    const out = join(dir, 'summary.xlsx');
    const summarized = await cli('summarize', file, '-o', out);
    expect(countsIn(summarized.out)).toEqual(EXPECTED);
    const sheet = openWorkbook(new Uint8Array(readFileSync(out)), out).grids.find((g) => g.name === '校验结果');
    expect(countsIn(String(sheet?.values[0]?.[0] ?? ''))).toEqual(EXPECTED);
  });

  it('the pane in file mode: 校验 and the downloaded copy', async () => {
    const saved: Uint8Array[] = [];
    const services = createFileServices(null, (_name, b) => saved.push(b));
    await services.openFile?.(new File([bytes as Uint8Array<ArrayBuffer>], 'submission.xlsx'));
    const view = await services.check({}, 'zh-CN', () => undefined);
    expect(view.counts).toEqual(EXPECTED);
    await services.download?.({}, 'zh-CN', () => undefined);
    const copy = saved[0];
    if (!copy) throw new Error('nothing downloaded');
    const sheet = openWorkbook(copy, 'copy.xlsx').grids.find((g) => g.name === '校验结果');
    expect(countsIn(String(sheet?.values[0]?.[0] ?? ''))).toEqual(EXPECTED);
  });

  it('the pane in Excel mode and the ribbon (一键重算)', async () => {
    const grids = openWorkbook(bytes, 'submission.xlsx').grids;
    expect(grids.map((g) => g.name)).toContain(TEMPLATE_MARKER_NAME);
    const host = hostWith(grids);
    try {
      const view = await createExcelServices().check({}, 'zh-CN', () => undefined);
      expect(view.counts).toEqual(EXPECTED);
      const ribbon = await checkAndMark({ summaries: true });
      expect(ribbon.audit.counts).toEqual(EXPECTED);
    } finally {
      host.uninstall();
    }
  });

  it('the pane in WPS 表格', async () => {
    const grids = openWorkbook(bytes, 'submission.xlsx').grids;
    const app = FakeWpsApp.fromGrids(grids);
    const view = await createWpsServices(app as never, null).check({}, 'zh-CN', () => undefined);
    expect(view.counts).toEqual(EXPECTED);
  });
});
