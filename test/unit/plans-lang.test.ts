/** Summary sheets in the chosen language: names, titles, notes and headers (data stays as written). */
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import type { PlanCell } from '../../src/core/plans/types';
import { sampleGrids } from '../helpers/grids';

const CJK = /[\u4e00-\u9fff]/;
/** Words that are the documents' own vocabulary or names (kept as written in every language). */
const DATA = /很有可能|有可能|难度较大|不太可能|基本完成|常态化或按时序推进|相对滞后|附件\d|“[^”]*”|"[^"]*"/g;

function cellText(c: PlanCell | undefined): string {
  return c && typeof c.value === 'string' ? c.value : '';
}

describe('summary sheets follow the language', () => {
  it.each(['incentive-2022.xlsx', 'keywork-2024.xlsx'])('%s in en-US: English names, titles and headers', async (file) => {
    const audit = auditWorkbook(await sampleGrids(file));
    const zh = buildSummaryPlans(audit, 'zh-CN');
    const en = buildSummaryPlans(audit, 'en-US');
    expect(en.map((p) => p.id)).toEqual(zh.map((p) => p.id));
    for (const p of en) {
      expect(p.name).not.toMatch(CJK);
      const header = p.rows[p.frozenRows - 1] ?? [];
      const fixed = [cellText(p.rows[0]?.[0]), ...header.map(cellText)];
      for (const text of fixed) expect(text.replace(DATA, '')).not.toMatch(CJK);
    }
    for (const p of zh) expect(p.name).toMatch(CJK);
  });
});
