/** A formula we write always carries its cached result, so readers that do not recalculate show the figure. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { main } from '../../src/cli/main';
import { auditWorkbook, buildSummaryPlans } from '../../src/core';
import type { SheetPlan } from '../../src/core/plans/types';
import { TEMPLATE_KINDS, templatePlan } from '../../src/core/submissions/templates';
import { makeGrid, SAMPLES, sampleGrids } from '../helpers/grids';

function formulaCellsWithoutResult(plans: readonly SheetPlan[]): string[] {
  const out: string[] = [];
  for (const p of plans) {
    p.rows.forEach((row, r) => row.forEach((c, k) => c?.formula !== undefined && (c.value === null || c.value === undefined) && out.push(`${p.name} r${r + 1}c${k + 1} =${c.formula}`)));
  }
  return out;
}

describe('cached results of our formulas', () => {
  it('every summary formula has one, also where a count is zero', async () => {
    const zero = auditWorkbook([
      makeGrid('附件4', [['2022年激励事项进展情况'], ['牵头单位', '激励事项', '最新进展'], ['州发改委', '营商环境', '共有考核指标0项，已完成0项，未完成0项。']]),
      makeGrid('附件3', [['2022年激励事项研判分析表'], ['牵头单位', '激励事项', '州直研判情况'], ['州发改委', '营商环境', '难度较大']]),
    ]);
    const audits = [auditWorkbook(await sampleGrids('incentive-2022.xlsx')), auditWorkbook(await sampleGrids('keywork-2024.xlsx')), zero];
    for (const a of audits) for (const lang of ['zh-CN', 'en-US'] as const) expect(formulaCellsWithoutResult(buildSummaryPlans(a, lang))).toEqual([]);
  });

  it('every template formula (the blank 合计 SUMs) has one: 0', () => {
    const plans = TEMPLATE_KINDS.map((k) => templatePlan(k, { year: 2025 }).sheet);
    expect(formulaCellsWithoutResult(plans)).toEqual([]);
    expect(plans.some((p) => p.rows.some((row) => row.some((c) => c?.formula?.startsWith('SUM(') && c.value === 0)))).toBe(true);
  });

  it('in the file summarize writes, every <f> has its <v>', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-cached-'));
    try {
      const out = join(dir, 'out.xlsx');
      const io = { out: () => undefined, err: () => undefined };
      expect(await main(['summarize', join(SAMPLES, 'keywork-2024.xlsx'), '-o', out], io)).toBe(0);
      const files = unzipSync(new Uint8Array(readFileSync(out)));
      let formulas = 0;
      for (const [name, bytes] of Object.entries(files)) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
        for (const m of strFromU8(bytes).matchAll(/<c [^>]*>(<f>[^<]*<\/f>)(<v>[^<]*<\/v>)?<\/c>/g)) {
          formulas++;
          expect({ sheet: name, formula: m[1], cached: m[2] !== undefined }).toEqual({ sheet: name, formula: m[1], cached: true });
        }
      }
      expect(formulas).toBeGreaterThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
