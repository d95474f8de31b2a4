/**
 * Formulas in our plans refer to rows through the plan's own row bookkeeping (issue 17). Structural checks
 * that need no spreadsheet program: a formula's single-cell reference with a relative row names the row the
 * formula stands on (the per-row formulas of every table), every reference lands inside the plan, and the
 * criteria of counts are exact matches, never COUNTIFS/SUMIFS criteria a unit's name could turn into a
 * wildcard or an operator. Recalculation itself is tested with LibreOffice in test/xlsx/recalc-all.test.ts.
 */
import { auditWorkbook, buildSummaryPlans, type SheetPlan } from '../../src/core';
import { countEqual, formula, PlanRows, STYLES, text, wrappedRowHeights } from '../../src/core/plans/common';
import { templatePlan } from '../../src/core/submissions/templates';
import { TEMPLATE_KINDS } from '../../src/core/submissions';
import { editionA, HUAIHUA_2023 } from '../editions/editionA';
import { editionB, XIANGYIN_2025 } from '../editions/editionB';
import { sampleGrids } from '../helpers/grids';

interface Ref {
  readonly col: string;
  readonly row: number;
  readonly absRow: boolean;
  readonly inRange: boolean;
  /** The sheet a reference names (`'汇总-研判统计'!$B$4`), null for the plan's own sheet. */
  readonly sheet: string | null;
}

/** The cell references of a formula (outside string literals). */
function refsOf(f: string): Ref[] {
  const code = f.replace(/"[^"]*"/g, '""');
  const out: Ref[] = [];
  const re = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    if (/[A-Z(]/.test(code[m.index - 1] ?? '') && code[m.index - 1] !== '(') continue;
    const range = m[6] !== undefined;
    const sheet = code[m.index - 1] === '!' ? (/'((?:[^']|'')+)'!$/.exec(f.slice(0, f.indexOf(m[0], Math.max(0, m.index - 40))))?.[1]?.replace(/''/g, "'") ?? null) : null;
    out.push({ col: m[2] as string, row: Number(m[4]), absRow: m[3] === '$', inRange: range, sheet });
    if (range) out.push({ col: m[6] as string, row: Number(m[8]), absRow: m[7] === '$', inRange: true, sheet });
  }
  return out;
}

function formulaCells(plan: SheetPlan): { row: number; ref: string; f: string }[] {
  const out: { row: number; ref: string; f: string }[] = [];
  plan.rows.forEach((r, i) =>
    r.forEach((c, col) => {
      if (c.formula !== undefined) out.push({ row: i + 1, ref: `${String.fromCharCode(65 + col)}${i + 1}`, f: c.formula });
    }),
  );
  return out;
}

/**
 * Problems of a plan's formulas: a per-row reference to another row, a reference past the plan, a COUNTIFS. A
 * reference to another summary sheet of the same run (the 通报草稿's figures) must be absolute and inside that plan.
 */
function problems(plan: SheetPlan, siblings: readonly SheetPlan[]): string[] {
  const bad: string[] = [];
  for (const { row, ref, f } of formulaCells(plan)) {
    if (/COUNTIFS?\(|SUMIFS?\(/.test(f)) bad.push(`${plan.name}!${ref}: criteria function in ${f}`);
    for (const r of refsOf(f)) {
      if (r.sheet !== null) {
        const other = siblings.find((p) => p.name === r.sheet);
        if (other && (!r.absRow || r.row < 1 || r.row > other.rows.length)) bad.push(`${plan.name}!${ref}: ${r.sheet}!${r.col}${r.row} is not an absolute cell inside that sheet in ${f}`);
        continue;
      }
      if (!r.absRow && !r.inRange && r.row !== row) bad.push(`${plan.name}!${ref}: ${r.col}${r.row} is not its own row ${row} in ${f}`);
      if (r.row < 1 || r.row > plan.rows.length) bad.push(`${plan.name}!${ref}: row ${r.row} is outside the plan in ${f}`);
    }
  }
  return bad;
}

async function allPlans(): Promise<SheetPlan[]> {
  const audits = [
    auditWorkbook(await sampleGrids('incentive-2022.xlsx')),
    auditWorkbook(await sampleGrids('keywork-2024.xlsx')),
    auditWorkbook(editionA({ place: HUAIHUA_2023 }).grids),
    auditWorkbook(editionB({ place: XIANGYIN_2025 }).grids),
  ];
  return audits.flatMap((a) => [...buildSummaryPlans(a, 'zh-CN'), ...buildSummaryPlans(a, 'en-US')]);
}

async function planSets(): Promise<SheetPlan[][]> {
  const audits = [
    auditWorkbook(await sampleGrids('incentive-2022.xlsx')),
    auditWorkbook(await sampleGrids('keywork-2024.xlsx')),
    auditWorkbook(editionA({ place: HUAIHUA_2023 }).grids),
    auditWorkbook(editionB({ place: XIANGYIN_2025 }).grids),
  ];
  return audits.flatMap((a) => [buildSummaryPlans(a, 'zh-CN'), buildSummaryPlans(a, 'en-US')]);
}

describe('plan formulas name the rows they mean', () => {
  it('every summary plan: per-row references on their own row, all inside the plan, no criteria functions', async () => {
    const plans = await allPlans();
    const withFormulas = plans.filter((p) => formulaCells(p).length > 0);
    expect(withFormulas.map((p) => p.id)).toEqual(expect.arrayContaining(['tally', 'completion', 'targets', 'livelihood']));
    expect((await planSets()).flatMap((set) => set.flatMap((p) => problems(p, set)))).toEqual([]);
    expect(plans.some((p) => p.id === 'incentiveDraft')).toBe(true);
  });

  it('the per-unit table of 汇总-完成率 refers to each unit’s own row (the off-by-one of issue 17)', async () => {
    const plan = (await allPlans()).find((p) => p.id === 'completion') as SheetPlan;
    const perUnit = formulaCells(plan).filter((c) => c.f.startsWith('SUMPRODUCT'));
    expect(perUnit.length).toBeGreaterThan(0);
    for (const c of perUnit) {
      const unitCell = plan.rows[c.row - 1]?.[0];
      // The unit's name, not the header 牵头单位 one row up.
      expect(unitCell?.style).toBe('center');
      expect(c.f).toContain(`$A${c.row})`);
    }
  });

  it('template 合计 rows sum exactly their data rows', () => {
    for (const kind of TEMPLATE_KINDS) {
      const t = templatePlan(kind, { year: 2025, rows: 7 });
      for (const { ref, f } of formulaCells(t.sheet)) {
        const m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(f);
        expect({ kind, ref, f, ok: m !== null }).toEqual({ kind, ref, f, ok: true });
        const [first, last] = [Number(m?.[2]), Number(m?.[4])];
        expect(last - first + 1).toBe(7);
        // The rows summed are the template's data rows: blank data cells, not the header or a note.
        for (let r = first; r <= last; r++) expect(t.sheet.rows[r - 1]?.every((c) => c.value === null)).toBe(true);
        expect(t.sheet.rows[last]?.every((c) => c.value === null) ?? false).toBe(false);
      }
    }
  });
});

describe('PlanRows', () => {
  it('push returns the row a line lands on; reserve and fill keep a 合计 above the rows it sums', () => {
    const rows = new PlanRows();
    expect(rows.push([text('title')])).toBe(1);
    const total = rows.reserve();
    const block = rows.block([3, 4], (v, row) => [text(`u${row}`), formula(`B${row}*2`, v * 2)]);
    rows.fill(total, [text('合计'), formula(`SUM(B${block.first}:B${block.last})`, 14)]);
    expect(total).toBe(2);
    expect(block).toEqual({ first: 3, last: 4 });
    expect(rows.rows.map((r) => r[0]?.value)).toEqual(['title', '合计', 'u3', 'u4']);
    expect(rows.rows[1]?.[1]?.formula).toBe('SUM(B3:B4)');
    expect(rows.rows[3]?.[1]?.formula).toBe('B4*2');
  });

  it('set pads a line for a helper table beside the main one; fill refuses a row never pushed', () => {
    const rows = new PlanRows();
    rows.push([text('a')]);
    rows.set(3, 2, text('h'));
    expect(rows.rows.length).toBe(3);
    expect(rows.rows[2]?.map((c) => c.value)).toEqual([null, null, 'h']);
    expect(() => rows.fill(9, [])).toThrow(RangeError);
  });

  it('an empty block has last < first', () => {
    const rows = new PlanRows();
    rows.push();
    expect(rows.block([], () => [])).toEqual({ first: 2, last: 1 });
  });

  it('countEqual compares with = (exact), never with a criterion', () => {
    expect(countEqual([['$H$4:$H$9', '$A5']])).toBe('SUMPRODUCT(--($H$4:$H$9=$A5))');
    expect(countEqual([['$A$4:$A$9', '$A5'], ['$K$4:$K$9', 'C$3']], '$C$4:$C$9')).toBe('SUMPRODUCT(--($A$4:$A$9=$A5),--($K$4:$K$9=C$3),$C$4:$C$9)');
  });
});

describe('the note under a title wraps inside its merged area (printed, it must not spill over the title)', () => {
  it('every plan whose note needs more than one line gets a row height for it, in both languages', async () => {
    const plans = await allPlans();
    const tally = plans.find((p) => p.id === 'tally') as SheetPlan;
    // 汇总-研判统计's note is about 100 characters wide in A2:F2 (71 units): two lines or more.
    expect(tally.rowHeights?.[2]).toBeGreaterThanOrEqual(30);
    for (const p of plans) {
      const note = p.rows[1]?.[0];
      if (p.merges.includes('A2:F2') && typeof note?.value === 'string' && note.value.length > 80) expect({ id: p.id, h: (p.rowHeights?.[2] ?? 0) > 15 }).toEqual({ id: p.id, h: true });
    }
    // A short note keeps the default height.
    const short = wrappedRowHeights([[text('t')], [text('短', 'subtitle')]], ['A2:F2'], [22, 9, 10, 10, 10, 10], STYLES);
    expect(short).toEqual({});
  });

  it('counts a CJK character (or one outside the BMP) as two units and other characters as one', () => {
    // A1:B1 is 20 wide, a line of the subtitle's 10-point text 19 × 11 / 10 = 20.9 units: 20 units fit, 21 do not.
    const lines = (s: string) => {
      const h = wrappedRowHeights([[text(s, 'subtitle')]], ['A1:B1'], [10, 10], STYLES)[1];
      return h === undefined ? 1 : 2;
    };
    expect([lines('a'.repeat(20)), lines('a'.repeat(21))]).toEqual([1, 2]);
    expect([lines('中'.repeat(10)), lines('中'.repeat(11))]).toEqual([1, 2]);
    expect([lines('𠀀'.repeat(10)), lines('𠀀'.repeat(11))]).toEqual([1, 2]);
    expect([lines('中'.repeat(10) + 'a'), lines('中'.repeat(9) + 'aa')]).toEqual([2, 1]);
  });
});
