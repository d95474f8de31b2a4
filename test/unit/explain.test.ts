/**
 * Say how it was read (issue 18, item 8): per table its range, header rows, each column's role with how sure
 * the reading is, total and note rows, and the unit names resolved to another.
 */
import { auditWorkbook } from '../../src/core';
import type { CellValue } from '../../src/core/grid';
import { explainAudit, renderExplanation } from '../../src/core/explain';
import { cloneGrid, sampleGrids } from '../helpers/grids';

describe('explain', () => {
  it('the incentive sample: five tables with their ranges, header rows, total row and columns, all certain', async () => {
    const e = explainAudit(auditWorkbook(await sampleGrids('incentive-2022.xlsx')));
    expect(e.tables.map((t) => `${t.sheet} ${t.range}`)).toEqual(['附件1 A4:F31', '附件2 A4:C15', '附件3 A4:J69', '附件4 A3:E68', '附件5 A4:C102']);
    const tally = e.tables[0];
    expect(tally?.headerRows).toEqual([4, 4]);
    expect(tally?.dataRows).toEqual([6, 31]);
    expect(tally?.totalRows).toEqual([5]);
    expect(tally?.columns.map((c) => `${c.label}:${c.columns.join('')}:${c.confidence}`)).toEqual([
      '牵头单位:A:high', '总项数:B:high', '很有可能:C:high', '有可能:D:high', '难度较大:E:high', '不太可能:F:high',
    ]);
    expect(e.units).toEqual([]);
  });

  it('units written in their formal names are listed with the unit they count as, in both languages', async () => {
    const grids = (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
    const a3 = grids.find((g) => g.name === '附件3');
    for (const row of (a3?.values ?? []) as CellValue[][]) if (row[0] === '州发改委') row[0] = '湘西土家族苗族自治州发展和改革委员会';
    const e = explainAudit(auditWorkbook(grids));
    expect(e.units).toContainEqual({ sheet: '附件3', written: '湘西土家族苗族自治州发展和改革委员会', unit: '州发改委' });
    const zh = renderExplanation(e, 'zh-CN').join('\n');
    expect(zh).toContain('附件3：“湘西土家族苗族自治州发展和改革委员会”按“州发改委”计');
    expect(zh).toContain('── 工作表“附件1”：研判统计表（附件1），范围 A4:F31');
    const en = renderExplanation(e, 'en-US').join('\n');
    expect(en).toContain('counted as "州发改委"');
    expect(en).not.toMatch(/[、；]/);
  });

  it('a key-work sample table with a note below and a split header', async () => {
    const e = explainAudit(auditWorkbook(await sampleGrids('keywork-2024.xlsx')));
    expect(e.tables.length).toBeGreaterThanOrEqual(2);
    for (const t of e.tables) expect(t.columns.length).toBeGreaterThan(2);
  });
});
