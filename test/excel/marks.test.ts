/** Marks are conditional formats only: mark then clear leaves the workbook exactly as it was. */
import { auditWorkbook, highlightPlan, isOurMarkFormula, MARK_FILL, markFormula } from '../../src/core';
import { a1 } from '../../src/core/grid';
import { checkWorkbook, clearFindingMarks, markFindings } from '../../src/excel';
import { applyHighlights as applyXlsxHighlights, loadWorkbook } from '../../src/xlsx';
import type { Area, FakeWorkbook } from '../fakes/excel';
import { sampleBytes, sampleGrids } from '../helpers/grids';
import { hostWith } from './support';

function cellsOf(areas: readonly Area[]): string[] {
  const out: string[] = [];
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(a1(r, c));
  return out;
}

/** sheet|severity → sorted cells, from our conditional formats in the fake workbook. */
function ourMarks(wb: FakeWorkbook): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const ws of wb.sheets)
    for (const cf of ws.conditionalFormats) {
      if (!cf.formula || !isOurMarkFormula(cf.formula)) continue;
      const severity = /annex-audit:(\w+)/.exec(cf.formula)?.[1] ?? '?';
      const key = `${ws.name}|${severity}`;
      out[key] = [...(out[key] ?? []), ...cellsOf(cf.areas)].sort();
    }
  return out;
}

describe('finding marks via Office.js', () => {
  it('marks the same cells as the xlsx adapter, with custom conditional formats of our formula and fill', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      const audit = auditWorkbook(grids);
      const result = await markFindings(audit);
      const plan = highlightPlan(
        audit,
        grids.map((g) => g.name),
      );
      const xwb = await loadWorkbook(sampleBytes('incentive-2022.xlsx'));
      expect(result.marked).toBe(applyXlsxHighlights(xwb, plan));
      const expected: Record<string, string[]> = {};
      for (const m of plan.marks) expected[`${m.sheet}|${m.severity}`] = [...m.cells].sort();
      expect(ourMarks(host.workbook)).toEqual(expected);
      for (const ws of host.workbook.sheets)
        for (const cf of ws.conditionalFormats) {
          const severity = /annex-audit:(\w+)/.exec(cf.formula ?? '')?.[1] as keyof typeof MARK_FILL;
          expect(cf).toMatchObject({ type: 'Custom', formula: `=${markFormula(severity)}`, fill: `#${MARK_FILL[severity]}` });
        }
    } finally {
      host.uninstall();
    }
  });

  it('mark then clear leaves the workbook exactly as it was; a user conditional format survives', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      const userCf = host.workbook.addConditionalFormat('附件4', 'B4:B20', 'Custom', '=LEN(B4)>100', '#FFFF00');
      host.workbook.addConditionalFormat('附件3', 'E5:E69', 'ContainsText', undefined, '#00FF00');
      const before = host.workbook.snapshot();
      const { audit } = await checkWorkbook();
      const marked = await markFindings(audit);
      expect(marked.marked).toBeGreaterThan(0);
      expect(host.workbook.snapshot()).not.toEqual(before);
      // Marking again replaces our marks, it does not add a second set.
      const once = ourMarks(host.workbook);
      const again = await markFindings(audit);
      expect(again.removed).toBe(Object.keys(once).length);
      expect(ourMarks(host.workbook)).toEqual(once);

      const cleared = await clearFindingMarks();
      expect(cleared.removed).toBe(Object.keys(once).length);
      expect(host.workbook.snapshot()).toEqual(before);
      expect(host.workbook.sheet('附件4').conditionalFormats).toContainEqual(userCf);
      // Nothing of ours left: clearing again removes nothing.
      expect((await clearFindingMarks()).removed).toBe(0);
    } finally {
      host.uninstall();
    }
  });

  it('a protected sheet is not marked (one note); the other sheets are, and the audit is whole', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      host.workbook.sheet('附件3').protected = true;
      const audit = auditWorkbook(grids);
      const result = await markFindings(audit);
      expect(result.notes).toEqual([{ key: 'excel.note.marksSkippedProtected', params: { sheet: '附件3' } }]);
      const marks = ourMarks(host.workbook);
      expect(Object.keys(marks).some((k) => k.startsWith('附件3|'))).toBe(false);
      expect(Object.keys(marks).some((k) => k.startsWith('附件4|'))).toBe(true);
      // Clearing leaves the protected sheet alone and says so only when ours are there.
      expect((await clearFindingMarks()).notes).toEqual([]);
    } finally {
      host.uninstall();
    }
  });

  it('conditional formats Excel cannot read (office-js #6827, #6835): that sheet is skipped with a note, the rest are marked', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    const host = hostWith(grids);
    try {
      host.workbook.addConditionalFormat('附件4', 'C4:C9', 'CellValue', undefined, '#FFFF00');
      host.workbook.addConditionalFormat('附件4', 'C4:C9', 'CellValue', undefined, '#FF0000');
      host.workbook.sheet('附件4').unreadableConditionalFormats = true;
      const before = host.workbook.sheet('附件4').conditionalFormats.map((cf) => ({ ...cf }));
      const audit = auditWorkbook(grids);
      const result = await markFindings(audit);
      expect(result.notes).toEqual([{ key: 'excel.note.marksSkippedUnreadable', params: { sheet: '附件4' } }]);
      expect(host.workbook.sheet('附件4').conditionalFormats).toEqual(before);
      expect(Object.keys(ourMarks(host.workbook)).some((k) => k.startsWith('附件3|'))).toBe(true);
      const cleared = await clearFindingMarks();
      expect(cleared.notes).toEqual([{ key: 'excel.note.clearSkippedUnreadable', params: { sheet: '附件4' } }]);
      expect(ourMarks(host.workbook)).toEqual({});
    } finally {
      host.uninstall();
    }
  });
});
