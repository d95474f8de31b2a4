/**
 * The real-shaped sample of profile A and variants built from it in code: renamed and reordered sheets,
 * reordered columns, merged group cells replaced by filled-down values, counts typed as text.
 */
import { auditWorkbook, type Audit, type Grid } from '../../src/core';
import type { CellValue } from '../../src/core/grid';
import { cloneGrid, fillDownMerges, findGrid, getCell, reorderColumns, sampleGrids, setCell } from '../helpers/grids';

const SAMPLE = 'incentive-2022.xlsx';

/** The findings a careful clerk agrees with on the sample (see the closing note for why each is right). */
const EXPECTED: readonly (readonly [sheet: string, cell: string, code: string, severity: string])[] = [
  ['附件2', 'C14', 'cross/key-item-extra', 'warning'], // 龙山县 lists 知识产权工作, which 附件3 rates only for 泸溪县/保靖县
  ['附件2', 'C14', 'cross/key-item-missing', 'warning'], // 附件3 rates 龙山县 质量强省工作 很有可能; not listed
  ['附件3', 'A3', 'cross/marker-count', 'error'], // the note says 14 Ⅱ/Ⅲ items; the table has 15
  ['附件3', 'B34', 'cell/required', 'warning'], // 林长制 has no 序号
  ['附件3', 'E40', 'units/alias-applied', 'info'], // 泸溪高新区 → 泸溪县
  ['附件3', 'E40', 'units/alias-applied', 'info'], // 花垣产业开发区 → 花垣县
  ['附件3', 'J48', 'cell/history-blank', 'warning'],
  ['附件3', 'F54', 'cell/history-blank', 'warning'],
  ['附件3', 'F63', 'cell/history-blank', 'warning'],
  ['附件4', 'C20', 'cell/required', 'warning'], // 高新区创新驱动发展综合评价 has no progress at all
  ['附件4', 'C24', 'text/count-sum-ambiguous', 'warning'], // 7大项 = 2大项 + 8项?
  ['附件4', 'C37', 'text/breakdown-sum', 'warning'], // 未完成11项（难度较大8项，不太可能2项）
  ['附件4', 'C45', 'text/count-sum-ambiguous', 'warning'], // 19个二级指标 vs 1 + 13
  ['附件4', 'C45', 'text/repeated-passage', 'info'], // 耕地保护's completed items pasted under 自然资源节约高效利用
  ['附件4', 'E60', 'cell/invalid-date', 'error'], // 28月16日
  ['附件5', 'B25', 'dup/liaison', 'warning'], // 泸溪县 促进工业高质量发展 twice
  ['附件5', 'C69', 'cell/malformed-date', 'warning'], // 9月1月—2日
];

function summary(a: Audit): string[] {
  return a.findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`).sort();
}

const expectedSummary = EXPECTED.map(([s, c, code, sev]) => `${s}!${c} ${code} ${sev}`).sort();

/** The 附件1 figures as the sheet states them, per unit. */
function statedTally(grid: Grid): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let r = 5; r < 31; r++) {
    const row = grid.values[r] ?? [];
    const unit = String(row[0] ?? '');
    out.set(unit, [1, 2, 3, 4, 5].map((c) => Number(row[c] ?? 0)));
  }
  return out;
}

describe('profile A sample (incentive-2022.xlsx)', () => {
  let grids: Grid[];
  let audit: Audit;
  beforeAll(async () => {
    grids = await sampleGrids(SAMPLE);
    audit = auditWorkbook(grids);
  });

  it('recognises every sheet with its kind and table bounds', () => {
    expect(audit.profile).toBe('incentive');
    expect(audit.sheets.map((s) => [s.name, s.kind, s.headerRow, s.firstDataRow, s.lastDataRow])).toEqual([
      ['附件1', 'rating-tally', 4, 6, 31],
      ['附件2', 'unit-key-items', 4, 6, 15],
      ['附件3', 'incentive-analysis', 4, 5, 69],
      ['附件4', 'progress-report', 3, 4, 68],
      ['附件5', 'liaison-log', 4, 5, 102],
    ]);
  });

  it('reports exactly the real inconsistencies, at the right cells', () => {
    expect(summary(audit)).toEqual(expectedSummary);
    expect(audit.counts).toEqual({ error: 2, warning: 12, info: 3 });
  });

  it('derives 附件1 from 附件3 equal to the sheet’s own figures, unit by unit and in total', () => {
    const stated = statedTally(findGrid(grids, '附件1'));
    const r = audit.recomputed.incentive;
    expect(r).toBeDefined();
    expect(r?.tally.length).toBe(stated.size);
    for (const row of r?.tally ?? []) {
      expect([row.unit, row.total, row.veryLikely, row.likely, row.hard, row.unlikely]).toEqual([row.unit, ...(stated.get(row.unit) ?? [])]);
    }
    expect(r?.tallyTotal).toEqual({ unit: '合计', total: 65, veryLikely: 12, likely: 30, hard: 21, unlikely: 2 });
  });

  it('derives each county’s key items from 附件3 with the counts of 附件2', () => {
    const counts = Object.fromEntries((audit.recomputed.incentive?.counties ?? []).map((c) => [c.county, c.count]));
    expect(counts).toEqual({ 州本级: 20, 吉首市: 13, 泸溪县: 7, 凤凰县: 8, 古丈县: 4, 花垣县: 12, 保靖县: 7, 永顺县: 5, 龙山县: 8, 湘西高新区: 3 });
  });

  it('computes indicator completion from the 附件4 narratives', () => {
    const items = audit.recomputed.incentive?.completion.items ?? [];
    const byItem = Object.fromEntries(items.map((i) => [i.item, `${i.done}/${i.total}`]));
    expect(byItem['财政管理']).toBe('2/10');
    expect(byItem['根治拖欠农民工工资工作']).toBe('10/12');
    expect(byItem['深化医药卫生体制改革']).toBe('22/33'); // 41 less 8 附加项
    expect(byItem['耕地保护']).toBe('2/15');
    expect(byItem['推进养老服务体系建设']).toBe('3/10');
    expect(byItem['抓实优质湘猪工程']).toBeUndefined(); // the counts do not add up: no rate is guessed
    expect(byItem['改善农村人居环境']).toBeUndefined(); // two counties, two statements
    const unit = audit.recomputed.incentive?.completion.units.find((u) => u.unit === '州商务局');
    expect(unit).toMatchObject({ done: 21, total: 68 });
  });

  it('the 必有1个名额 convention is a setting: off, 附件1 no longer matches for two units', () => {
    const off = auditWorkbook(grids, { guaranteedQuotaIsVeryLikely: false });
    const mismatches = off.findings.filter((f) => f.code === 'cross/tally-mismatch');
    expect(mismatches.map((f) => `${f.cell}`).sort()).toEqual(['C11', 'C6', 'D11', 'D6'].sort());
    expect(mismatches.every((f) => f.severity === 'error')).toBe(true);
  });

  it('is deterministic', () => {
    expect(auditWorkbook(grids).findings).toEqual(audit.findings);
  });

  describe('variants built from the sample', () => {
    it('sheets renamed and reordered: same kinds, same findings', () => {
      const renamed = [...grids].reverse().map((g, i) => cloneGrid(g, `Sheet${i + 1}`));
      const a = auditWorkbook(renamed);
      const names = new Map<string, string>([...grids].reverse().map((g, i) => [`Sheet${i + 1}`, g.name]));
      expect(a.sheets.map((s) => [names.get(s.name), s.kind])).toEqual([
        ['附件5', 'liaison-log'],
        ['附件4', 'progress-report'],
        ['附件3', 'incentive-analysis'],
        ['附件2', 'unit-key-items'],
        ['附件1', 'rating-tally'],
      ]);
      // Messages name sheets, so compare locations and codes, translated back to the original names.
      const got = a.findings.map((f) => `${names.get(f.sheet)}!${f.cell} ${f.code} ${f.severity}`).sort();
      expect(got).toEqual(expectedSummary);
    });

    it('columns of every table reordered: same findings at the moved cells', () => {
      const letters = 'ABCDEFGHIJ';
      const orders: Record<string, number[]> = {
        附件1: [5, 4, 3, 2, 1, 0],
        附件2: [0, 2, 1],
        附件3: [4, 2, 0, 1, 3, 9, 8, 7, 6, 5],
        附件4: [4, 3, 2, 1, 0],
        附件5: [2, 0, 1],
      };
      const variant = grids.map((g) => reorderColumns(g, orders[g.name] ?? []));
      const a = auditWorkbook(variant);
      expect(a.sheets.map((s) => s.kind)).toEqual(audit.sheets.map((s) => s.kind));
      const moved = (sheet: string, cell: string): string => {
        const order = orders[sheet] ?? [];
        const col = letters.indexOf(cell[0] ?? 'A');
        return `${letters[order.indexOf(col)]}${cell.slice(1)}`;
      };
      const expected = EXPECTED.map(([s, c, code, sev]) => `${s}!${moved(s, c)} ${code} ${sev}`).sort();
      expect(summary(a)).toEqual(expected);
      expect(a.recomputed.incentive?.tallyTotal).toEqual(audit.recomputed.incentive?.tallyTotal);
    });

    it('merged group cells replaced by filled-down values: same findings and figures', () => {
      const firstData: Record<string, number> = { 附件1: 4, 附件2: 5, 附件3: 4, 附件4: 3, 附件5: 4 };
      const variant = grids.map((g) => fillDownMerges(g, firstData[g.name] ?? 0));
      expect(findGrid(variant, '附件3').merges.length).toBeLessThan(findGrid(grids, '附件3').merges.length);
      expect(getCell(findGrid(variant, '附件3'), 'A6')).toBe('州发改委');
      const a = auditWorkbook(variant);
      expect(summary(a)).toEqual(expectedSummary);
      expect(a.recomputed.incentive?.tally).toEqual(audit.recomputed.incentive?.tally);
    });

    it('counts typed as text (also full-width): warnings, not errors, and the arithmetic still checks', () => {
      const variant = grids.map((g) => cloneGrid(g));
      const t1 = findGrid(variant, '附件1');
      const asText = (ref: string, full = false): void => {
        const v = getCell(t1, ref) as CellValue;
        const s = String(v);
        setCell(t1, ref, full ? s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : s);
      };
      asText('B6');
      asText('C6');
      asText('B15', true);
      const t2 = findGrid(variant, '附件2');
      setCell(t2, 'B7', '13');
      const a = auditWorkbook(variant);
      const added = a.findings.filter((f) => !audit.findings.some((o) => o.code === f.code && o.cell === f.cell && o.sheet === f.sheet));
      expect(added.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`).sort()).toEqual(
        ['附件1!B6 cell/number-as-text warning', '附件1!C6 cell/number-as-text warning', '附件1!B15 cell/full-width-digits warning', '附件2!B7 cell/number-as-text warning'].sort(),
      );
      expect(a.counts.error).toBe(audit.counts.error);

      // The arithmetic still uses the text value: a wrong text number is caught as an error.
      setCell(t1, 'B6', '8');
      const b = auditWorkbook(variant);
      const errs = b.findings.filter((f) => f.severity === 'error' && f.sheet === '附件1').map((f) => `${f.cell} ${f.code}`).sort();
      expect(errs).toEqual(['B5 tally/column-total', 'B6 cross/tally-mismatch', 'B6 tally/row-sum'].sort());
    });
  });
});
