/**
 * Issue 24 item 3: nothing hidden. A sheet, part or cell the reader could not read becomes a finding on
 * that sheet — an error where an annex may be missing from the check — and a workbook is never reported
 * as checked while a sheet silently fell out. Bad XML or a malformed relationship never gives the generic
 * "unexpected error": the sentence names the real cause.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { type Audit, auditSubmission, auditWorkbook, buildSummaryPlans, highlightPlan, messageOf } from '../../src/core';
import type { SheetReadProblem } from '../../src/core/grid';
import { FINDINGS_READ } from '../../src/core/i18n/findingsRead';
import { copyTarget, isWorkbookReadError, readErrorMessage } from '../../src/xlsx/files';
import { openWorkbook } from '../../src/xlsx/open';
import { editSample, sample } from './make';

const SHEET1 = 'xl/worksheets/sheet1.xml';

function check(bytes: Uint8Array, file = 'x.xlsx'): Audit {
  return auditSubmission(openWorkbook(bytes, file).grids);
}

const intact = check(sample());

describe('a sheet that cannot be read is a finding on it, never a silent gap', () => {
  it('a relationship pointing at a missing part: 附件1 is listed, with an error naming the part', () => {
    const audit = check(editSample({ [SHEET1]: null }));
    expect(audit.sheets.map((s) => s.name)).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
    const f = audit.findings.find((x) => x.code === 'read/part-missing');
    expect(f).toMatchObject({ severity: 'error', sheet: '附件1', cell: 'A1' });
    expect(messageOf(f!)).toBe(
      '工作表“附件1”的内容部件“xl/worksheets/sheet1.xml”在文件中不存在，该表未能读取、未经检查，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
    );
    expect(f && messageOf(f, 'en-US')).toBe(
      'The part "xl/worksheets/sheet1.xml" of sheet "附件1" is not in the file: the sheet was not read nor checked, and an annex on it may be missing from the check. Open the file in Excel or WPS, save it again and check it again.',
    );
    expect(audit.counts.error).toBe(intact.counts.error + 1);
  });

  it.each([['99999'], ['-1'], ['abc']])('one shared-string index of %s: the sheet is read, that cell read as blank, and an error names it', (index) => {
    const bytes = editSample({ [SHEET1]: (x) => x.replace('<c r="A4" s="4" t="s"><v>3</v></c>', `<c r="A4" s="4" t="s"><v>${index}</v></c>`) });
    const audit = check(bytes);
    expect(audit.sheets[0]?.kind).toBe('rating-tally');
    const f = audit.findings.filter((x) => x.code === 'read/shared-string-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '附件1', cell: 'A4' });
    expect(messageOf(f[0]!)).toContain('有 1 个单元格（A4）引用了文件中不存在的共享文字，按空白读取');
  });

  it('a cut-off sheet: an error naming the part and where it breaks (附件1 was read as nothing and nothing said so)', () => {
    const audit = check(editSample({ [SHEET1]: (x) => x.slice(0, Math.floor(x.length * 0.6)) }));
    const f = audit.findings.filter((x) => x.code === 'read/bad-xml');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '附件1' });
    expect(messageOf(f[0]!)).toMatch(/^工作表“附件1”的 XML（xl\/worksheets\/sheet1\.xml）在第 [\d,]+ 个字节处中断（文件在元素结束之前就结束了）/);
    expect(audit.counts.error).toBeGreaterThan(intact.counts.error);
  });

  it('one unclosed tag in the middle of a sheet is an error too', () => {
    const audit = check(editSample({ [SHEET1]: (x) => x.replace('<c r="B6"', '<c r="B6"><is>') }));
    expect(audit.findings.filter((x) => x.code === 'read/bad-xml').map((f) => f.sheet)).toEqual(['附件1']);
  });

  it('a malformed %-escape in the workbook relationships: the sheet is reported, not dropped', () => {
    const audit = check(editSample({ 'xl/_rels/workbook.xml.rels': (x) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet%E4%1.xml') }));
    expect(messageOf(audit.findings.find((x) => x.code === 'read/part-missing')!)).toContain('“xl/worksheets/sheet%E4%1.xml”在文件中不存在');
  });

  it('a cut-off workbook.xml is refused with a sentence naming it, never checked as a workbook of fewer sheets', () => {
    let error: unknown;
    try {
      openWorkbook(editSample({ 'xl/workbook.xml': (x) => x.slice(0, Math.floor(x.length * 0.8)) }), 'cut.xlsx');
    } catch (e) {
      error = e;
    }
    expect(isWorkbookReadError(error) && error.problem).toBe('bad-xml');
    if (isWorkbookReadError(error)) expect(readErrorMessage(error, 'zh-CN')).toMatch(/^“cut\.xlsx”的部件“xl\/workbook\.xml”在第 [\d,]+ 个字节处不完整或格式错误/);
  });

  it('the intact sample has no read finding', () => {
    expect(intact.findings.filter((f) => f.code.startsWith('read/'))).toEqual([]);
    expect(check(sample('keywork-2024.xlsx')).findings.filter((f) => f.code.startsWith('read/'))).toEqual([]);
  });
});

describe('every read/ code of the catalogue', () => {
  it('is what the audit makes of the problem a grid carries, in both languages', () => {
    const problems: SheetReadProblem[] = [
      { kind: 'part-missing', part: 'xl/worksheets/sheet1.xml' },
      { kind: 'bad-xml', part: 'xl/worksheets/sheet1.xml', position: 4503, problem: 'mismatched' },
      { kind: 'unreadable', part: 'xl/worksheets/sheet1.xml' },
      { kind: 'shared-string-missing', count: 5, cells: ['A4', 'B7', 'C9'] },
      { kind: 'outside-grid', count: 1, cells: ['XFE1'] },
    ];
    const audit = auditWorkbook([{ name: '附件1', values: [], merges: [], readProblems: problems }]);
    const read = audit.findings.filter((f) => f.code.startsWith('read/'));
    expect(read.map((f) => f.code).sort()).toEqual(Object.keys(FINDINGS_READ).sort());
    const byCode = (code: string) => read.find((f) => f.code === code);
    expect(['read/part-missing', 'read/bad-xml', 'read/sheet-unreadable', 'read/shared-string-missing', 'read/outside-grid'].map((c) => messageOf(byCode(c)!))).toEqual([
      '工作表“附件1”的内容部件“xl/worksheets/sheet1.xml”在文件中不存在，该表未能读取、未经检查，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
      '工作表“附件1”的 XML（xl/worksheets/sheet1.xml）在第 4,503 个字节处出现了不匹配的结束标记，该表的内容未能完整读取，检查结果不可靠，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
      '工作表“附件1”的内容（xl/worksheets/sheet1.xml）无法解析，该表未能读取、未经检查，其中的附件可能被漏检；请在 Excel 或 WPS 中打开并重新保存后再检查。',
      '工作表“附件1”有 5 个单元格（A4、B7、C9…）引用了文件中不存在的共享文字，按空白读取，这些单元格的检查结果不可靠；请在 Excel 或 WPS 中打开并重新保存后再检查。',
      '工作表“附件1”有 1 个单元格的地址超出 Excel 的表格范围 A1:XFD1048576（XFE1），Excel 不会显示它们，已忽略。',
    ]);
    const sst = byCode('read/shared-string-missing');
    expect(sst && messageOf(sst, 'en-US')).toBe(
      'Sheet "附件1" has 5 cells (A4, B7, C9…) that refer to shared text not in the file; they were read as blank and their checks are not reliable. Open the file in Excel or WPS, save it again and check it again.',
    );
    expect(['read/part-missing', 'read/bad-xml', 'read/sheet-unreadable', 'read/shared-string-missing', 'read/outside-grid'].map((c) => byCode(c)?.severity)).toEqual(['error', 'error', 'error', 'error', 'warning']);
  });
});

describe('summarize --mark on the same files gives a result or the true reason, never the generic sentence', () => {
  it.each([
    ['a cut-off sheet', { [SHEET1]: (x: string) => x.slice(0, Math.floor(x.length * 0.6)) }],
    ['a malformed %-escape', { 'xl/_rels/workbook.xml.rels': (x: string) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet%E4%1.xml') }],
    ['a missing part', { [SHEET1]: null }],
  ])('%s: the copy is written, with the summary sheets, and marks where the sheet can take them', (_label, edit) => {
    const bytes = editSample(edit);
    const opened = openWorkbook(bytes, 'x.xlsx');
    const audit = auditSubmission(opened.grids);
    const target = copyTarget(bytes, opened, 'x.xlsx');
    const applied = target.pkg.applySheetPlans(buildSummaryPlans(audit));
    target.pkg.applyHighlights(highlightPlan(audit, opened.grids.map((g) => g.name)));
    const again = openWorkbook(target.pkg.toBytes({ recalculate: true }), 'out.xlsx');
    expect(again.grids.map((g) => g.name)).toEqual([...opened.grids.map((g) => g.name), ...applied.map((a) => a.name)]);
  });

  it('the CLI: check lists 附件1 with its error and exits 1; summarize --mark writes the copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unreadable-'));
    try {
      const file = join(dir, 'missing-part.xlsx');
      writeFileSync(file, editSample({ [SHEET1]: null }));
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s) > 0, err: (s: string) => err.push(s) > 0 };
      expect(await main(['check', file, '--format', 'json'], io)).toBe(1);
      const body = JSON.parse(out.join('\n')) as { sheets: { name: string }[]; findings: { code: string; sheet: string }[] };
      expect(body.sheets.map((s) => s.name)).toContain('附件1');
      expect(body.findings).toContainEqual(expect.objectContaining({ code: 'read/part-missing', sheet: '附件1' }));
      const cut = join(dir, 'invalid-xml.xlsx');
      writeFileSync(cut, editSample({ [SHEET1]: (x) => x.slice(0, Math.floor(x.length * 0.6)) }));
      out.length = 0;
      expect(await main(['summarize', cut, '--mark', '-o', join(dir, 'out.xlsx')], io)).toBe(0);
      expect(err.join('\n')).not.toContain('意外错误');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
