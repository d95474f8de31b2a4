/** The template marker: the checker reports submissions on an old, newer, unknown or foreign template. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetInfo } from '../../src/core';
import { formatMarker, parseMarker, TEMPLATE_VERSION, templateFindings, templateWorkbook } from '../../src/core/submissions';
import { buildTemplateWorkbook, writeTemplateMarker } from '../../src/xlsx/template';
import { run, tempDir } from './support';
import { messageOf } from '../../src/core';

const sheet = (name: string, kind: SheetInfo['kind']): SheetInfo => ({ name, kind, headerRow: 4, firstDataRow: 5, lastDataRow: 9 });
const INCENTIVE = [sheet('附件1', 'rating-tally'), sheet('附件3', 'incentive-analysis')];

describe('parsing the marker', () => {
  it('reads kinds, bundles and combinations', () => {
    expect(parseMarker('rating-tally@1')).toEqual({ ok: true, id: 'rating-tally', kinds: ['rating-tally'], version: 1 });
    expect(parseMarker('all-keywork@3')).toMatchObject({ ok: true, kinds: ['target-progress', 'livelihood-projects', 'task-decomposition'], version: 3 });
    expect(parseMarker('rating-tally+liaison-log@2')).toMatchObject({ ok: true, kinds: ['rating-tally', 'liaison-log'] });
    for (const bad of ['', 'rating-tally', 'report-text@1', 'rating-tally@x', 'something-else@1', '@1']) expect(parseMarker(bad)).toEqual({ ok: false });
    expect(formatMarker('all-incentive', 4)).toBe('all-incentive@4');
  });
});

describe('templateFindings', () => {
  it('says nothing about a workbook without a marker or on the current template', () => {
    expect(templateFindings(null, INCENTIVE)).toEqual([]);
    expect(templateFindings(`all-incentive@${TEMPLATE_VERSION}`, INCENTIVE)).toEqual([]);
    expect(templateFindings(`incentive-analysis@${TEMPLATE_VERSION}`, INCENTIVE)).toEqual([]);
  });

  it('an old version is a warning naming both versions, on the template\'s annex', () => {
    const [f, ...rest] = templateFindings('incentive-analysis@1', INCENTIVE, 2);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'template/old-version', severity: 'warning', sheet: '附件3', cell: 'A1', expected: 2, actual: 1 });
    expect(messageOf(f!)).toBe('本工作簿按第1版“研判分析表（附件3）”模板填写，当前模板为第2版；表头或填写规则可能已调整，请改用新模板。');
  });

  it('a newer version is a note', () => {
    expect(templateFindings('all-incentive@7', INCENTIVE, 2).map((f) => [f.code, f.severity])).toEqual([['template/newer-version', 'info']]);
  });

  it('a template of the other profile, or one whose annex is not there, is foreign', () => {
    const [f] = templateFindings(`all-keywork@${TEMPLATE_VERSION}`, INCENTIVE);
    expect(f).toMatchObject({ code: 'template/foreign', severity: 'warning', expected: 'all-keywork', actual: 'rating-tally+incentive-analysis' });
    expect(messageOf(f!)).toContain('重点工作推进全套附件');
    expect(messageOf(f!)).toContain('研判统计表（附件1）、研判分析表（附件3）');
    expect(templateFindings(`liaison-log@${TEMPLATE_VERSION}`, INCENTIVE).map((x) => x.code)).toEqual(['template/foreign']);
    // Foreign and old at once: both said.
    expect(templateFindings('liaison-log@1', INCENTIVE, 2).map((x) => x.code)).toEqual(['template/foreign', 'template/old-version']);
  });

  it('a marker that is not ours is reported as unknown', () => {
    expect(templateFindings('v2 final', INCENTIVE).map((f) => [f.code, f.actual])).toEqual([['template/unknown', 'v2 final']]);
  });
});

describe('check reads the marker from the file', () => {
  async function stamped(marker: string): Promise<string> {
    const wb = await buildTemplateWorkbook(templateWorkbook(['all-incentive'], { year: 2025, rows: 5 }));
    writeTemplateMarker(wb, marker);
    const file = join(tempDir(), 'stamped.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('an old template version: a warning in the JSON, exit 0 (no error)', async () => {
    const r = await run('check', await stamped('all-incentive@0'), '--format', 'json');
    const body = JSON.parse(r.out) as { findings: { code: string; sheet: string; cell: string }[]; counts: { warning: number } };
    expect(body.findings).toEqual([expect.objectContaining({ code: 'template/old-version', sheet: '附件1', cell: 'A1' })]);
    expect(body.counts.warning).toBe(1);
    expect(r.code).toBe(0);
  });

  it('a foreign template: a keywork marker on incentive annexes', async () => {
    const r = await run('check', await stamped(`all-keywork@${TEMPLATE_VERSION}`), '--format', 'json', '--lang', 'en-US');
    const body = JSON.parse(r.out) as { findings: { code: string; message: string }[] };
    expect(body.findings.map((f) => f.code)).toEqual(['template/foreign']);
    expect(body.findings[0]?.message).toMatch(/^This workbook carries the marker of the "all key-work annexes" template/);
  });

  it('the marker survives a round trip through exceljs and is read back from the defined name', async () => {
    const file = await stamped('all-incentive@0');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const again = join(tempDir(), 'again.xlsx');
    await wb.xlsx.writeFile(again);
    const r = await run('check', again, '--format', 'json');
    expect((JSON.parse(r.out) as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual(['template/old-version']);
  });
});
