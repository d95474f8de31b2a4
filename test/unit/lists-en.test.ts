/**
 * Lists in the reader's language (issue 22): a list of units, columns, years or totals reads `A、B` in
 * Chinese and `A, B` in English. Every finding of both samples, and of editions made to produce the
 * findings that name lists, is rendered in English; outside the workbook's own text (quoted "…" or “…”),
 * no Chinese list punctuation may remain.
 */
import { auditWorkbook, type Finding, messageOf, actualOf, resolveSettings } from '../../src/core';
import type { CellValue, Grid } from '../../src/core/grid';
import { listOf, listParam, LIST_SEPARATOR } from '../../src/core/i18n/lists';
import { renderParam } from '../../src/core/i18n/template';
import { mergeSubmissions, templateWorkbook } from '../../src/core/submissions';
import { cloneGrid, findGrid, sampleGrids, setCell } from '../helpers/grids';

/** The message without the workbook's own text: anything in "…" or “…” is quoted cell text. */
function ownWords(message: string): string {
  return message.replace(/"[^"]*"/g, '""').replace(/“[^”]*”/g, '“”');
}

const CHINESE_LIST_PUNCTUATION = /[、，；：]/;

function badEnglish(findings: readonly Finding[]): string[] {
  return findings
    .map((f) => `${f.code} ${f.sheet}!${f.cell}: ${messageOf(f, 'en-US')}`)
    .filter((line) => CHINESE_LIST_PUNCTUATION.test(ownWords(line.slice(line.indexOf(': ') + 2))));
}

async function sample(name: string): Promise<Grid[]> {
  return (await sampleGrids(name)).map((g) => cloneGrid(g));
}

/** The sample with most of 附件3's lead units renamed: `cross/units-unmatched` names them. */
async function unitsRenamed(): Promise<Grid[]> {
  const grids = await sample('incentive-2022.xlsx');
  const codesOf = new Map<string, string>();
  for (const row of findGrid(grids, '附件3').values as CellValue[][]) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || !/^州.{1,10}(局|委|办)$/.test(v.trim())) continue;
      if (!codesOf.has(v)) codesOf.set(v, `单位${codesOf.size + 1}`);
      row[c] = codesOf.get(v) ?? v;
    }
  }
  return grids;
}

describe('lists in English findings', () => {
  it('the helper joins with 、 in Chinese and ", " in English, and says how many more', () => {
    expect(LIST_SEPARATOR).toEqual({ 'zh-CN': '、', 'en-US': ', ' });
    expect(listOf(['甲', '乙', 3], 'zh-CN')).toBe('甲、乙、3');
    expect(listOf(['甲', '乙', 3], 'en-US')).toBe('甲, 乙, 3');
    expect(listOf(['a', 'b', 'c'], 'zh-CN', { max: 2 })).toBe('a、b等（另有1个）');
    expect(listOf(['a', 'b', 'c'], 'en-US', { max: 2 })).toBe('a, b and 1 more');
    expect(listOf(['a', 'b', 'c'], 'zh-CN', { max: 1, measure: '处' })).toBe('a等（另有2处）');
    // As a parameter the list is data, joined only when rendered.
    expect(listParam([5, 19])).toEqual({ list: [5, 19] });
    expect(renderParam(listParam([5, 19]), 'zh-CN')).toBe('5、19');
    expect(renderParam(listParam([5, 19]), 'en-US')).toBe('5, 19');
    expect(renderParam(listParam(['a', 'b', 'c'], { max: 1, measure: '处' }), 'zh-CN')).toBe('a等（另有2处）');
    expect(renderParam(listParam([{ 'zh-CN': '甲', 'en-US': 'A' }, 'b']), 'en-US')).toBe('A, b');
  });

  it('the assertion sees a Chinese separator outside quotes, and ignores the workbook\'s quoted text', () => {
    expect(CHINESE_LIST_PUNCTUATION.test(ownWords('none of the totals 5、19.'))).toBe(true);
    expect(CHINESE_LIST_PUNCTUATION.test(ownWords('repeats "耕保任务四、推行田长制" (C44).'))).toBe(false);
  });

  it.each(['incentive-2022.xlsx', 'keywork-2024.xlsx'])('every finding of %s', async (name) => {
    const a = auditWorkbook(await sample(name));
    expect(a.findings.length).toBeGreaterThan(0);
    expect(badEnglish(a.findings)).toEqual([]);
  });

  it('the totals of an ambiguous count (text/count-sum-ambiguous) are listed with commas', async () => {
    const a = auditWorkbook(await sample('incentive-2022.xlsx'));
    const f = a.findings.find((x) => x.code === 'text/count-sum-ambiguous' && x.cell === 'C45') as Finding;
    expect(messageOf(f, 'en-US')).toContain('totals 5, 19.');
    expect(messageOf(f)).toContain('5、19');
    // The finding's `actual` follows the language too (JSON, the findings sheet).
    expect(f.actual).toBe('5、19');
    expect(actualOf(f, 'en-US')).toBe('5, 19');
  });

  it('units named in cross/units-unmatched', async () => {
    const a = auditWorkbook(await unitsRenamed());
    const found = a.findings.filter((f) => f.code === 'cross/units-unmatched');
    expect(found.length).toBeGreaterThan(0);
    expect(badEnglish(a.findings)).toEqual([]);
    expect(messageOf(found[0] as Finding, 'en-US')).toMatch(/单位\d+, 单位\d+/);
  });

  it('several missing columns (structure/column-missing)', async () => {
    const grids = await sample('incentive-2022.xlsx');
    const t1 = findGrid(grids, '附件1');
    setCell(t1, 'E4', '其他');
    setCell(t1, 'F4', '其它');
    const a = auditWorkbook(grids);
    const found = a.findings.filter((f) => f.code === 'structure/column-missing');
    expect(found.length).toBe(1);
    expect(messageOf(found[0]!)).toContain('难度较大、不太可能');
    expect(messageOf(found[0] as Finding, 'en-US')).toContain('难度较大, 不太可能');
    expect(badEnglish(a.findings)).toEqual([]);
  });

  it('several progress marks on one target (target/mark-multiple)', async () => {
    const grids = await sample('keywork-2024.xlsx');
    const t1 = findGrid(grids, '附件1');
    setCell(t1, 'E5', '√');
    const a = auditWorkbook(grids);
    const found = a.findings.filter((f) => f.code === 'target/mark-multiple');
    expect(found.length).toBe(1);
    expect(messageOf(found[0]!)).toMatch(/”、“/);
    expect(messageOf(found[0] as Finding, 'en-US')).toMatch(/", "/);
    expect(badEnglish(a.findings)).toEqual([]);
  });

  it('the English templates\' validation messages list the allowed values with commas', () => {
    const errors = (lang: 'zh-CN' | 'en-US') =>
      templateWorkbook(['all-incentive'], { year: 2023, lang }).sheets.flatMap((p) => p.validations.map((v) => v.error ?? ''));
    const en = errors('en-US').filter((e) => e !== '');
    expect(en.some((e) => e.includes('很有可能, 有可能, 难度较大, 不太可能'))).toBe(true);
    expect(en.filter((e) => e.includes('、'))).toEqual([]);
    expect(errors('zh-CN').some((e) => e.includes('很有可能、有可能、难度较大、不太可能'))).toBe(true);
  });

  it('a conflicting row in two submissions names its columns (merge/conflict)', async () => {
    const a = await sample('keywork-2024.xlsx');
    const b = await sample('keywork-2024.xlsx');
    const t1 = findGrid(b, '附件1');
    setCell(t1, 'C5', '区财政局');
    setCell(t1, 'D5', '另一段进展。');
    const r = mergeSubmissions([{ file: 'a.xlsx', grids: a }, { file: 'b.xlsx', grids: b }], resolveSettings({}).settings);
    const found = r.findings.filter((f) => f.code === 'merge/conflict');
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => messageOf(f, 'en-US')).join('\n')).toMatch(/\(\S+, \S+\)/);
    expect(badEnglish(r.findings)).toEqual([]);
  });
});
