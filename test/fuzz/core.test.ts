/**
 * Property tests (fast-check, bounded runs): whatever grids arrive, the core never throws and no check fails;
 * every finding names a sheet of the workbook and a valid A1 cell, has its catalogue severity and a message in
 * both languages; the output is deterministic; the summary plans list every finding under legal, distinct sheet
 * names, and the marks are exactly the findings' cells with their worst severity.
 */
import fc from 'fast-check';
import { auditWorkbook, buildSummaryPlans, type CellValue, countBySeverity, FINDINGS, type Grid, highlightPlan, isLegalSheetName, messageOf, parseA1 } from '../../src/core';
import type { MergeArea } from '../../src/core/grid';
import { cloneGrid, sampleGrids } from '../helpers/grids';

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'０１２３４５６７８９（）：；，。、合计总项数很有可能难度较大不太可能√✓附件州县市区第项年月日 \n\t\u0000\u200b●ⅡⅢ—×'.split('')), maxLength: 60 }),
  fc.constantFrom('合  计', '1.金融工作\n2.金融工作\n4.x', '共有考核指标7大项，已完成2大项，未完成8项', '2月30日', '28月16日', '9月1月—2日', '州本级：很有可能\n（必有1个名额）', '=SUM(A1:A9)', '+1', '@x', '-1', '１３', '#REF!'),
  fc.nat({ max: 3 }).map((n) => 'x'.repeat(n === 3 ? 10_000 : n)),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: nasty },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!').map((error) => ({ error })) },
);

const merge: fc.Arbitrary<MergeArea> = fc
  .tuple(fc.nat({ max: 30 }), fc.nat({ max: 10 }), fc.nat({ max: 6 }), fc.nat({ max: 4 }))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const grid: fc.Arbitrary<Grid> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 12 }),
  values: fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 35 }),
  merges: fc.array(merge, { maxLength: 12 }),
});

const RANK = { error: 0, warning: 1, info: 2 } as const;

function checkInvariants(grids: Grid[]): void {
  const a = auditWorkbook(grids);
  // A throw inside a check becomes engine/rule-failed (the runner catches): that is the real signal.
  expect(a.findings.filter((f) => f.code === 'engine/rule-failed').map((f) => `${f.sheet}: ${messageOf(f)}`)).toEqual([]);
  const names = new Set(grids.map((g) => g.name));
  for (const f of a.findings) {
    expect(names.has(f.sheet)).toBe(true);
    expect(parseA1(f.cell)).not.toBeNull();
    // The severity is the catalogue's, and the message reads in both languages.
    expect(FINDINGS[f.code]?.severity).toBe(f.severity);
    for (const message of [messageOf(f), messageOf(f, 'en-US')]) {
      expect(typeof message).toBe('string');
      expect(message.trim()).not.toBe('');
      expect(message).not.toMatch(/undefined|\[object Object\]/);
    }
  }
  expect(a.counts).toEqual(countBySeverity(a.findings));
  expect(auditWorkbook(grids).findings).toEqual(a.findings);

  for (const lang of ['zh-CN', 'en-US'] as const) {
    const plans = buildSummaryPlans(a, lang);
    // Sheet names we create are legal and distinct; the findings sheet comes last, one row per finding.
    expect(plans.every((p) => isLegalSheetName(p.name))).toBe(true);
    expect(new Set(plans.map((p) => p.name.toLowerCase())).size).toBe(plans.length);
    const findings = plans[plans.length - 1];
    expect(findings?.id).toBe('findings');
    const listed = (findings?.rows ?? []).slice(2).map((r) => r[6]?.value).filter((v) => v !== '');
    expect([...listed].sort()).toEqual(a.findings.map((f) => f.code).sort());
  }

  // The marks: exactly the findings' cells on the sheets asked for, each with its worst severity.
  const asked = [...names].slice(0, Math.max(1, names.size - 1));
  const worst = new Map<string, keyof typeof RANK>();
  for (const f of a.findings) {
    if (!asked.includes(f.sheet)) continue;
    const k = `${f.sheet}!${f.cell}`;
    const prev = worst.get(k);
    if (!prev || RANK[f.severity] < RANK[prev]) worst.set(k, f.severity);
  }
  const marked = new Map<string, string>();
  for (const m of highlightPlan(a, asked).marks) {
    for (const c of m.cells) {
      expect(marked.has(`${m.sheet}!${c}`)).toBe(false);
      marked.set(`${m.sheet}!${c}`, m.severity);
    }
  }
  expect(marked).toEqual(worst);
}

describe('core under random input', () => {
  it('random grids with merges: never throws, findings well-located, deterministic', () => {
    fc.assert(
      fc.property(fc.uniqueArray(grid, { minLength: 1, maxLength: 4, selector: (g) => g.name }), (grids) => {
        checkInvariants(grids);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });

  it('random text written into the real annexes of both samples', async () => {
    const samples = [await sampleGrids('incentive-2022.xlsx'), await sampleGrids('keywork-2024.xlsx')];
    fc.assert(
      fc.property(
        fc.nat({ max: 1 }),
        fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 110 }), fc.nat({ max: 9 }), cellValue), { minLength: 1, maxLength: 25 }),
        (which, edits) => {
          const base = samples[which] ?? [];
          const grids = base.map((g) => cloneGrid(g));
          for (const [s, r, c, v] of edits) {
            const g = grids[s % grids.length];
            if (!g) continue;
            const rows = g.values as CellValue[][];
            while (rows.length <= r) rows.push([]);
            const row = rows[r] as CellValue[];
            while (row.length <= c) row.push(null);
            row[c] = v;
          }
          checkInvariants(grids);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
