/** The template marker read from grids (both pane modes): the marker sheet is left out, old templates reported. */
import { auditSubmission, auditWorkbook, type Grid } from '../../src/core';
import { markerFromGrids, TEMPLATE_MARKER_NAME } from '../../src/core/submissions';
import { sampleGrids } from '../helpers/grids';

function marker(text: string): Grid {
  return { name: TEMPLATE_MARKER_NAME, values: [[text]], merges: [], hidden: true };
}

describe('template marker in grids', () => {
  it('reads A1 of the marker sheet, and nothing without one', async () => {
    const grids = await sampleGrids('incentive-2022.xlsx');
    expect(markerFromGrids(grids)).toBeNull();
    expect(markerFromGrids([...grids, marker(' all-incentive@1 ')])).toBe('all-incentive@1');
  });

  it('an old template version is reported and the marker sheet is not listed', async () => {
    const grids = [...(await sampleGrids('incentive-2022.xlsx')), marker('all-incentive@0')];
    const audit = auditSubmission(grids);
    expect(audit.sheets.map((s) => s.name)).not.toContain(TEMPLATE_MARKER_NAME);
    const old = audit.findings.filter((f) => f.code === 'template/old-version');
    expect(old).toHaveLength(1);
    expect(old[0]?.severity).toBe('warning');
    expect(audit.counts.warning).toBe(13);
  });

  it('the current template adds nothing', async () => {
    const grids = [...(await sampleGrids('incentive-2022.xlsx')), marker('all-incentive@1')];
    const plain = auditWorkbook(await sampleGrids('incentive-2022.xlsx'));
    expect(auditSubmission(grids).findings).toEqual(plain.findings);
  });
});
