/**
 * Variants built from the sample in code: one mistake each, caught at the right cell with the right
 * severity, and nothing else turned into an error.
 */
import { auditWorkbook, type Audit, type Finding, type Grid, messageOf } from '../../src/core';
import { cloneGrid, findGrid, getCell, sampleGrids, setCell } from '../helpers/grids';

const SAMPLE = 'keywork-2024.xlsx';

/** Findings that are not on the untouched sample. */
function added(a: Audit, base: Audit): Finding[] {
  const key = (f: Finding) => `${f.sheet}!${f.cell} ${f.code}`;
  const before = new Set(base.findings.map(key));
  return a.findings.filter((f) => !before.has(key(f)));
}

function brief(fs: readonly Finding[]): string[] {
  return fs.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`);
}

describe('profile B variants of the sample', () => {
  let grids: Grid[];
  let base: Audit;
  beforeAll(async () => {
    grids = await sampleGrids(SAMPLE);
    base = auditWorkbook(grids);
  });

  /** The sample with `edit` applied to a copy of one sheet. */
  function variant(sheet: string, edit: (g: Grid) => void): Audit {
    const copy = grids.map((g) => (g.name === sheet ? cloneGrid(g) : g));
    edit(findGrid(copy, sheet));
    return auditWorkbook(copy);
  }

  it('two marks on a target: an error at that row, and the 通报 is not blamed for it', () => {
    const a = variant('附件1', (g) => setCell(g, 'E5', '√')); // target 1 is marked 相对滞后 in G5
    const f = added(a, base);
    expect(brief(f)).toEqual(['附件1!E5 target/mark-multiple error']);
    expect(messageOf(f[0]!)).toContain('第1项');
    expect(f[0]?.related).toEqual([{ sheet: '附件1', cell: 'G5' }]);
    expect(a.recomputed.keywork?.targets?.counts).toEqual({ total: 80, done: 7, onSchedule: 64, lagging: 8, unmarked: 1 });
  });

  it('no mark on a target: an error at that row', () => {
    const a = variant('附件1', (g) => setCell(g, 'F40', null)); // target 36 loses its only mark
    expect(brief(added(a, base))).toEqual(['附件1!E40 target/mark-missing error']);
  });

  it('a mark typed as ✓ or ☑ counts like √; a stray letter is a warning, not a mark', () => {
    const ok = variant('附件1', (g) => {
      setCell(g, 'F40', '✓');
      setCell(g, 'E11', '☑');
    });
    expect(added(ok, base)).toEqual([]);
    expect(ok.recomputed.keywork?.targets?.counts.done).toBe(7);
    const odd = variant('附件1', (g) => setCell(g, 'F40', 'o'));
    expect(brief(added(odd, base))).toEqual(['附件1!F40 target/mark-unknown warning']);
  });

  it('已完成 below the target: an error at the 进度评价 cell (plus the 通报 counts it changes)', () => {
    const a = variant('附件2', (g) => setCell(g, 'J4', '已完成')); // 17 of 20 场, 85%
    const f = added(a, base);
    expect(brief(f.filter((x) => x.sheet === '附件2'))).toEqual(['附件2!J4 livelihood/status-not-met error']);
    expect(messageOf(f.find((x) => x.sheet === '附件2')!)).toContain('85%');
    // The table now says 16 done: every 通报 figure of the livelihood projects that counts it disagrees.
    expect(brief(f.filter((x) => x.sheet === '通报')).sort()).toEqual([
      '通报!A17 report/count-mismatch error', // 等12件省级… 已提前完成
      '通报!A17 report/count-mismatch error', // 等31件省市… 达到时序进度
      '通报!A8 report/count-mismatch error', // 15 done of 46
      '通报!A8 report/count-mismatch error', // 31 on schedule of 46
      '通报!A8 report/count-mismatch error', // 12 done of 35
      '通报!A8 report/count-mismatch error', // 23 on schedule of 35
    ]);
  });

  it('a percentage that does not match achieved ÷ target: an error at the 量化数据 cell', () => {
    const a = variant('附件2', (g) => setCell(g, 'I18', 0.45)); // 3096 / 5600 = 55%
    const f = added(a, base);
    expect(brief(f)).toEqual(['附件2!I18 livelihood/pct-mismatch error']);
    expect([f[0]?.expected, f[0]?.actual]).toEqual(['55%', '45%']);
  });

  it('a percentage within the shown rounding is not a mismatch (0% format shows whole percents)', () => {
    // 9785 / 10000 = 97.85%; 0.978 and 0.984 both show 98%.
    expect(added(variant('附件2', (g) => setCell(g, 'I5', 0.978)), base)).toEqual([]);
    expect(added(variant('附件2', (g) => setCell(g, 'I5', 0.984)), base)).toEqual([]);
    expect(brief(added(variant('附件2', (g) => setCell(g, 'I5', 0.97)), base))).toEqual(['附件2!I5 livelihood/pct-mismatch error']);
  });

  it('a 100% row rated 正常推进 is a warning at the 进度评价 cell', () => {
    const a = variant('附件2', (g) => setCell(g, 'J36', '正常推进')); // 完成17公里 of 17
    expect(brief(added(a, base).filter((x) => x.sheet === '附件2'))).toEqual(['附件2!J36 livelihood/status-met warning']);
  });

  it('a 通报 count changed: an error at the paragraph', () => {
    const a = variant('通报', (g) => setCell(g, 'A8', String(getCell(g, 'A8')).replace('已完成年度目标任务的7项', '已完成年度目标任务的8项')));
    const f = added(a, base);
    expect(brief(f)).toEqual(['通报!A8 report/count-mismatch error']);
    expect([f[0]?.expected, f[0]?.actual]).toEqual(['7项', '8项']);
    expect(messageOf(f[0]!)).toContain('已完成年度目标任务的8项，占8.8%');
  });

  it('a 通报 share changed: an error; the plain-rounding 11.3% is accepted like the published 11.2%', () => {
    const change = (from: string, to: string) => variant('通报', (g) => setCell(g, 'A8', String(getCell(g, 'A8')).replace(from, to)));
    const wrong = added(change('占11.2%', '占12.2%'), base);
    expect(brief(wrong)).toEqual(['通报!A8 report/share-mismatch error']);
    expect([wrong[0]?.expected, wrong[0]?.actual]).toEqual(['11.2%', '12.2%']);
    expect(added(change('占11.2%', '占11.3%'), base)).toEqual([]);
    expect(brief(added(change('35件省级重点民生实事中', '36件省级重点民生实事中'), base))).toEqual(['通报!A8 report/total-mismatch error']);
  });

  it('an enumerated 通报 figure changed: an error at that paragraph', () => {
    const a = variant('通报', (g) => setCell(g, 'A17', String(getCell(g, 'A17')).replace('等3件市级', '等4件市级')));
    expect(brief(added(a, base))).toEqual(['通报!A17 report/count-mismatch error']);
  });

  it('percentages typed as text are read; one among numbers is flagged as number-as-text', () => {
    const a = variant('附件2', (g) => setCell(g, 'I4', '85%'));
    expect(brief(added(a, base))).toEqual(['附件2!I4 cell/number-as-text warning']);
    const b = variant('附件2', (g) => setCell(g, 'I4', '75%'));
    expect(brief(added(b, base)).sort()).toEqual(['附件2!I4 cell/number-as-text warning', '附件2!I4 livelihood/pct-mismatch error']);
  });

  it('without 附件2 the 通报 checks of the livelihood figures are skipped, and said so', () => {
    const a = auditWorkbook(grids.filter((g) => g.name !== '附件2'));
    expect(brief(a.findings)).toEqual(['通报!A8 structure/annex-missing info']);
    expect(a.recomputed.keywork?.livelihood).toBeNull();
    expect(a.recomputed.keywork?.headline?.['zh-CN']).toMatch(/^《2024年<政府工作报告>目标任务分解》（含区级民生实事）80项目标任务中/);
  });
});
