/**
 * dup/livelihood: the same indicator of the same project twice in the livelihood annex (附件2). Needs: project and
 * target. Finds: the later row, on its label cell, the first related. Must not find: two indicators of one project,
 * one indicator under two projects, the same indicator with two different targets.
 */
import { livelihoodGrid, type LivelihoodSpecRow } from '../../../test/profileB/keywork';
import { kinds, runRule, shape } from '../../../test/helpers/rules';
import { dupLivelihood } from './dupLivelihood';

const LIV: LivelihoodSpecRow = {
  category: '省级\n重点\n民生\n实事',
  seq: 1,
  project: '促进高质量充分就业',
  sub: '城镇新增就业',
  value: '5600人',
  unit: '区人社局',
  progress: '截至6月底，已完成3096人。',
  pct: 0.55,
  status: '正常推进',
};
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
