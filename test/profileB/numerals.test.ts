/**
 * Values as a clerk reads them (issue 18, item 3): the 通报 states its counts in Chinese numerals
 * (已完成年度目标任务的七项, 达到时间与进度同步的六十四项, 两件 …) or full-width digits. The figures are read
 * the same, the phrases quoted are the clerk's own, and a wrong count written in words is still found.
 */
import { auditWorkbook } from '../../src/core';
import type { CellValue, Grid } from '../../src/core/grid';
import { readableCounts } from '../../src/core/annexes/report-text/read';
import { brief } from '../editions/sheets';
import { inWords } from '../generator/editions';
import { cloneGrid, sampleGrids } from '../helpers/grids';

/** 7 → 七, 64 → 六十四, 12 → 十二, 2 → 两 (before 件, as people write it). */
function inWordsFor(n: number, unit: string): string {
  return n === 2 && unit === '件' ? '两' : inWords(n);
}

async function withHeadline(edit: (text: string) => string): Promise<Grid[]> {
  const grids = (await sampleGrids('keywork-2024.xlsx')).map((g) => cloneGrid(g));
  const report = grids.find((g) => g.name === '通报') as Grid;
  const row = report.values[7] as CellValue[];
  row[0] = edit(String(row[0]));
  return grids;
}

describe('counts written in Chinese numerals in the 通报', () => {
  it('readableCounts: digits for the numerals before 项/件, positions mapped back, ordinals left alone', () => {
    const r = readableCounts('已完成的七项，占8.8%；同步的六十四项；第一项；两件；１２项');
    expect(r.text).toBe('已完成的7项，占8.8%；同步的64项；第一项；2件；12项');
    const at = r.text.indexOf('64项');
    expect('已完成的七项，占8.8%；同步的六十四项；第一项；两件；１２项'.slice(r.orig(at), r.orig(at + 3))).toBe('六十四项');
  });

  it('the sample’s 通报 with every count in words gives the sample’s findings and figures', async () => {
    const original = auditWorkbook(await sampleGrids('keywork-2024.xlsx'));
    const grids = await withHeadline((t) => t.replace(/(\d+)(项|件)/g, (_m, n: string, u: string) => `${inWordsFor(Number(n), u)}${u}`));
    const text = String((grids.find((g) => g.name === '通报')?.values[7] ?? [])[0]);
    expect(text).toContain('已完成年度目标任务的七项');
    expect(text).toContain('达到时间与进度同步的六十四项');
    const a = auditWorkbook(grids);
    expect(brief(a.findings)).toEqual(brief(original.findings));
    const figures = (x: typeof a) => x.records['report-text']?.figures.map((f) => `${f.group}/${f.cls}:${f.count}`);
    expect(figures(a)).toEqual(figures(original));
    expect(a.records['report-text']?.figures.find((f) => f.group === 'targets' && f.cls === 'onSchedule')?.phrase).toContain('六十四项');
  });

  it('a wrong count written in words is found by the same rule as in digits', async () => {
    const digits = auditWorkbook(await withHeadline((t) => t.replace('进展相对滞后的9项', '进展相对滞后的8项')));
    const words = auditWorkbook(await withHeadline((t) => t.replace('进展相对滞后的9项', '进展相对滞后的八项')));
    const errorsOf = (x: typeof digits) => x.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.sheet}!${f.cell} ${f.severity}`);
    expect(errorsOf(digits).length).toBeGreaterThan(0);
    expect(errorsOf(words)).toEqual(errorsOf(digits));
  });
});
