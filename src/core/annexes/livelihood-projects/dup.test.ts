/**
 * dup/livelihood: the same indicator of the same project twice in the livelihood annex (附件2). Needs: project and
 * target. Finds: the later row, on its label cell, the first related. Must not find: two indicators of one project,
 * one indicator under two projects, the same indicator with two different targets.
 */
import { LIVELIHOOD_ROW, livelihoodGrid, type LivelihoodSpecRow } from '../../../../test/profileB/keywork';
import { kinds, runRule, shape } from '../../../../test/helpers/rules';
import { dupLivelihood } from './dup';

const LIV = LIVELIHOOD_ROW;
const liv = (...rows: Partial<LivelihoodSpecRow>[]): LivelihoodSpecRow[] => rows.map((r) => ({ ...LIV, ...r }));

describe('dupLivelihood', () => {
  it('needs the project column: without it, it does not run', () => {
    const grid = livelihoodGrid(liv({}, {}));
    const values = grid.values as (string | number | null)[][];
    if (values[2]) values[2][2] = '备注';
    const r = runRule(dupLivelihood, [grid], { sheetKinds: { 附件2: 'livelihood-projects' } });
    expect(kinds(r.audit)['附件2']).toBe('livelihood-projects');
    expect(r.ran).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('finds the same indicator of the same project twice, on the later label cell, the first related', () => {
    const r = runRule(dupLivelihood, [livelihoodGrid(liv({}, { sub: '新增农村劳动力转移就业', value: '800人' }, {}))]);
    expect(r.findings.map(shape)).toEqual([
      { code: 'dup/livelihood', severity: 'warning', cell: 'D6', params: { item: '城镇新增就业', otherCell: 'D4' }, related: [{ sheet: '附件2', cell: 'D4' }] },
    ]);
  });

  it('finds nothing for two indicators of one project, one indicator under two projects, or two targets of one indicator', () => {
    expect(runRule(dupLivelihood, [livelihoodGrid(liv({}, { sub: '新增农村劳动力转移就业' }))]).findings).toEqual([]);
    expect(runRule(dupLivelihood, [livelihoodGrid(liv({}, { seq: 2, project: '城乡居民增收' }))]).findings).toEqual([]);
    expect(runRule(dupLivelihood, [livelihoodGrid(liv({}, { value: '1200人' }))]).findings).toEqual([]);
  });
});
