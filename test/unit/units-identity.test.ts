/**
 * Units by identity (issue 18, item 4): the same unit named two ways — short names in 附件1, full formal
 * names in 附件3, the prefecture's name written out or not, counties with or without 县/市 — is one unit;
 * and when two annexes' units mostly fail to match, that is one warning with the way to map them, never a
 * pair of errors per unit.
 */
import { auditWorkbook, DEFAULT_UNIT_ALIASES, withUnitAlias, messageOf } from '../../src/core';
import type { CellValue, Grid } from '../../src/core/grid';
import { canonicalUnit, resolveCounty, unitIdentity } from '../../src/core/units';
import { brief } from '../editions/sheets';
import { FORMAL_UNITS } from '../generator/editions';
import { cloneGrid, sampleGrids } from '../helpers/grids';

/** Formal names as a prefecture's documents write them, for the short names the sample uses. */
const FORMAL = FORMAL_UNITS;

/** Replace whole cell values in one sheet. */
function renameCells(g: Grid, map: (v: string) => string | null): number {
  let n = 0;
  for (const row of g.values as CellValue[][]) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const to = map(v.trim());
      if (to !== null && to !== v) {
        row[c] = to;
        n++;
      }
    }
  }
  return n;
}

async function sample(): Promise<Grid[]> {
  return (await sampleGrids('incentive-2022.xlsx')).map((g) => cloneGrid(g));
}

describe('unit identity', () => {
  it.each(Object.entries(FORMAL))('%s = %s', (short, formal) => {
    expect(unitIdentity(formal)).toBe(unitIdentity(short));
    expect(canonicalUnit(formal, {})).toBe(canonicalUnit(short, {}));
  });

  it('a footnote mark after a name is not part of it (州财政局*, 州财政局※, 州财政局¹); a name that is only marks stays', () => {
    for (const marked of ['州财政局*', '州财政局＊', '州财政局※', '州财政局¹', '州财政局 *']) expect(unitIdentity(marked)).toBe(unitIdentity('州财政局'));
    expect(unitIdentity('*')).toBe('*');
    expect(unitIdentity('州财政局*')).not.toBe(unitIdentity('州税务局'));
  });

  it('keeps different bodies apart, and city names that contain 州', () => {
    const names = ['州政府办', '州政府金融办', '州教体局', '州教育局', '州财政局', '州发改委', '永州市发改委', '州市场监管局', '州商务局', '发展和改革委员会'];
    expect(new Set(names.map(unitIdentity)).size).toBe(names.length);
    expect(unitIdentity('永州市发展和改革委员会')).toBe('永州市发改委');
    expect(unitIdentity('  州 发 改 委 ')).toBe('州发改委');
  });

  it('a county with or without 县/市/区 resolves only when exactly one known county fits', () => {
    const known = new Set(['吉首市', '凤凰县', '龙山县', '湘西高新区']);
    expect(resolveCounty('吉首', known)).toBe('吉首市');
    expect(resolveCounty('凤凰', known)).toBe('凤凰县');
    expect(resolveCounty('龙山县', known)).toBe('龙山县');
    expect(resolveCounty('古丈', known)).toBeNull();
    expect(resolveCounty('吉首', new Set(['吉首市', '吉首县']))).toBeNull();
  });
});

describe('the sample with 附件3’s units in their formal names', () => {
  it('gives exactly the sample’s findings (the tally and its mismatches still compared unit by unit)', async () => {
    const original = auditWorkbook(await sample());
    const grids = await sample();
    const a3 = grids.find((g) => g.name === '附件3') as Grid;
    expect(renameCells(a3, (v) => FORMAL[v] ?? null)).toBeGreaterThan(10);
    const renamed = auditWorkbook(grids);
    expect(brief(renamed.findings)).toEqual(brief(original.findings));
    expect(renamed.recomputed.incentive?.tally.map((t) => t.total)).toEqual(original.recomputed.incentive?.tally.map((t) => t.total));
  });

  it('counties written without 县/市 in the assessments give the same county items', async () => {
    const original = auditWorkbook(await sample());
    const grids = await sample();
    const a3 = grids.find((g) => g.name === '附件3') as Grid;
    let n = 0;
    for (const row of a3.values as CellValue[][]) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string' && /(吉首市|凤凰县|永顺县)[：:]/.test(v)) {
          row[c] = v.replace(/(吉首)市(?=[：:])|(凤凰|永顺)县(?=[：:])/g, '$1$2');
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(0);
    const renamed = auditWorkbook(grids);
    expect(brief(renamed.findings)).toEqual(brief(original.findings));
    expect(renamed.recomputed.incentive?.counties).toEqual(original.recomputed.incentive?.counties);
  });
});

describe('when most units of two annexes do not match', () => {
  it('one warning naming them and how to map them; no error per unit', async () => {
    const grids = await sample();
    const a3 = grids.find((g) => g.name === '附件3') as Grid;
    // Names the resolver cannot know: codes instead of names.
    const codes = new Map<string, string>();
    renameCells(a3, (v) => {
      if (!/^州.{1,10}(局|委|办)$/.test(v)) return null;
      if (!codes.has(v)) codes.set(v, `单位${String(codes.size + 1).padStart(2, '0')}`);
      return codes.get(v) ?? null;
    });
    expect(codes.size).toBeGreaterThan(10);
    const a = auditWorkbook(grids);
    const codesFound = a.findings.map((f) => f.code);
    expect(a.findings.filter((f) => f.code === 'cross/units-unmatched').map((f) => f.sheet)).toEqual(['附件1', '附件4']);
    expect(codesFound).not.toContain('cross/progress-unit-mismatch');
    expect(codesFound).not.toContain('cross/tally-unit-extra');
    expect(codesFound).not.toContain('cross/tally-unit-missing');
    const w = a.findings.find((f) => f.code === 'cross/units-unmatched');
    expect(w?.severity).toBe('warning');
    expect(messageOf(w!)).toContain('单位01');
    expect(messageOf(w!)).toContain('单位别名');
    // Mapping them in the settings brings the unit-by-unit comparison back, with the sample's findings.
    const aliases = Object.fromEntries([...codes].map(([name, code]) => [code, name]));
    const mapped = auditWorkbook(grids, { unitAliases: aliases });
    const original = auditWorkbook(await sample());
    expect(brief(mapped.findings)).toEqual(brief(original.findings));
  });

  it('指定单位: each units-unmatched finding comes with the names to link and what they may be; linking them as the pane does gives the sample\'s findings', async () => {
    const grids = await sample();
    const codes = new Map<string, string>();
    renameCells(grids.find((g) => g.name === '附件3') as Grid, (v) => {
      if (!/^州.{1,10}(局|委|办)$/.test(v)) return null;
      if (!codes.has(v)) codes.set(v, `单位${String(codes.size + 1).padStart(2, '0')}`);
      return codes.get(v) ?? null;
    });
    const a = auditWorkbook(grids);
    const gaps = a.unitGaps;
    expect(gaps.map((g) => [g.sheet, g.source, g.target])).toEqual([
      ['附件1', '附件3', '附件1'],
      ['附件4', '附件4', '附件3'],
    ]);
    const gap = gaps[0];
    if (!gap) throw new Error('no gap');
    const finding = a.findings.find((f) => f.code === 'cross/units-unmatched' && f.sheet === gap.sheet);
    expect(finding?.cell).toBe(gap.cell);
    expect(gap.unmatched).toEqual(expect.arrayContaining(['单位01', '单位02']));
    expect(gap.candidates.map((c) => c.name)).toEqual(expect.arrayContaining([...codes.keys()].filter((n) => a.records['rating-tally']?.rows.some((r) => r.unit === n))));
    // The pane's links: each code to the candidate it stands for (saved with withUnitAlias).
    let settings = {};
    for (const [name, code] of codes) {
      const candidate = gap.candidates.find((c) => c.name === name);
      if (candidate && gap.unmatched.includes(code)) settings = withUnitAlias(settings, code, candidate.key);
    }
    const linked = auditWorkbook(grids, settings);
    expect(linked.findings.filter((f) => f.code === 'cross/units-unmatched' && f.sheet === '附件1')).toEqual([]);
    expect(linked.unitGaps.filter((g) => g.sheet === '附件1')).toEqual([]);
    // The defaults stay: withUnitAlias keeps the built-in aliases beside the user's links.
    expect(Object.keys((settings as { unitAliases: Record<string, string> }).unitAliases)).toEqual(expect.arrayContaining(Object.keys(DEFAULT_UNIT_ALIASES)));
  });
});
