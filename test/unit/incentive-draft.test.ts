/**
 * 通报草稿 of profile A: the drafted 研判 paragraph for the incentive sample, every figure a formula over a cell
 * of the summary sheets written with it (checked here against those plans' cells), the paragraph a formula
 * joining the figures. LibreOffice's recalculation of it is in recalc-all and charts.test.ts.
 */
import { auditWorkbook, buildSummaryPlans, type SheetPlan } from '../../src/core';
import { parseA1 } from '../../src/core/grid';
import { cloneGrid, findGrid, getCell, sampleGrids, setCell } from '../helpers/grids';

async function plans(lang: 'zh-CN' | 'en-US'): Promise<SheetPlan[]> {
  return buildSummaryPlans(auditWorkbook(await sampleGrids('incentive-2022.xlsx')), lang);
}

function cellValue(plan: SheetPlan, ref: string): unknown {
  const p = parseA1(ref.replace(/\$/g, ''));
  return p ? plan.rows[p.row]?.[p.col]?.value : undefined;
}

describe('通报草稿 for the incentive sample', () => {
  it('the paragraph, in the register of a 通报, with the recomputed figures', async () => {
    const draft = (await plans('zh-CN')).find((p) => p.id === 'incentiveDraft');
    expect(draft?.name).toBe('通报草稿');
    const paragraph = String(draft?.rows[3]?.[0]?.value);
    expect(paragraph).toMatch(
      /^本轮研判的激励事项共65项。经逐项研判，很有可能获得激励的12项，有可能的30项，难度较大的21项，不太可能的2项。从牵头单位看，州市场监管局很有可能获得激励的事项最多（4项），有可能及以上的事项也最多（6项）。从县市区看，有可能及以上的重点事项较多的是吉首市（13项）、花垣县（12项）、凤凰县（8项）、龙山县（8项）；州本级有20项。研判为难度较大或不太可能、暂无单位有可能争取到的事项有23项：高质量发展（州发改委）、社会信用体系建设（州发改委）、/,
    );
    expect(paragraph).toMatch(/、全面促进消费（州商务局），需重点攻坚。$/);
    expect(paragraph.match(/（州[^）]+）/g)).toHaveLength(23);
  });

  it.each(['zh-CN', 'en-US'] as const)('%s: every figure is a formula over one cell of a summary sheet, equal to that cell; the paragraph joins them', async (lang) => {
    const all = await plans(lang);
    const draft = all.find((p) => p.id === 'incentiveDraft') as SheetPlan;
    const figures = draft.rows.slice(7).filter((r) => r[2]?.formula !== undefined);
    expect(figures.length).toBe(43);
    for (const row of figures) {
      const f = row[2]?.formula as string;
      const refs = [...f.matchAll(/'((?:[^']|'')+)'!(\$[A-Z]+\$\d+)/g)].map((m) => ({ sheet: m[1] as string, ref: m[2] as string }));
      expect(refs.length).toBeGreaterThan(0);
      const values = refs.map(({ sheet, ref }) => cellValue(all.find((p) => p.name === sheet) as SheetPlan, ref));
      const expected = /^'[^']+'!\$[A-Z]+\$\d+\+/.test(f) ? (values as number[]).reduce((a, b) => a + b, 0) : f.includes('&') ? `${values[0]}${lang === 'zh-CN' ? '（' : ' ('}${values[1]}${lang === 'zh-CN' ? '）' : ')'}` : values[0];
      expect({ f, value: row[2]?.value }).toEqual({ f, value: expected });
      // The source cell beside it, as a link.
      expect(row[3]?.link?.sheet).toBe(refs[0]?.sheet);
    }
    const p = draft.rows[3]?.[0];
    const joined = (p?.formula ?? '').split('&').map((part) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : String(cellValue(draft, part)))).join('');
    expect(joined).toBe(p?.value);
  });
});

describe('通报草稿 against the last version', () => {
  it('says which rating counts and which items changed since the version compared with, each figure listed with its source', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    // Last round, 州发改委's 高质量发展 (附件3!E5, 难度较大 now) was rated 有可能.
    const old = grids.map((g) => cloneGrid(g));
    const g = findGrid(old, '附件3');
    setCell(g, 'E5', String(getCell(g, 'E5')).replace(/难度较大/g, '有可能'));
    const previous = { audit: auditWorkbook(old), name: '上一版.xlsx' };
    const draft = buildSummaryPlans(auditWorkbook(grids), 'zh-CN', { previous }).find((p) => p.id === 'incentiveDraft') as SheetPlan;
    const paragraph = String(draft.rows[3]?.[0]?.value);
    expect(paragraph).toMatch(/与上一版（上一版\.xlsx）相比，有可能由31项变为30项，难度较大由20项变为21项；研判等级有变化的事项1项：高质量发展（州发改委，有可能→难度较大）。$/);
    const listed = draft.rows.filter((r) => String(r[3]?.value ?? '').startsWith('上一版“上一版.xlsx”'));
    expect(listed.map((r) => [r[1]?.value, r[2]?.value])).toEqual([
      ['上一版有可能项数', 31],
      ['上一版难度较大项数', 20],
      ['研判等级有变化的事项（上一版→本次）', '高质量发展（州发改委，有可能→难度较大）'],
    ]);
    // Without a previous version, no such sentence.
    const plain = buildSummaryPlans(auditWorkbook(grids), 'zh-CN').find((p) => p.id === 'incentiveDraft');
    expect(String(plain?.rows[3]?.[0]?.value)).not.toContain('上一版');
  });
});
