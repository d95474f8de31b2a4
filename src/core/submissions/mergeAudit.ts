/**
 * THE report of a merge, for every surface (CLI `merge`, the pane in file mode, Excel and WPS): the merged
 * sheets audited like any submission, with the merge's own findings (duplicates, conflicts, dropped columns)
 * among them in sheet order, and the counts of that one list.
 */
import type { Audit } from '../audit';
import { countBySeverity, sortFindings } from '../finding';
import type { Grid } from '../grid';
import { auditSubmission } from './marker';
import type { MergeResult } from './merge';

/**
 * `grids` are the merged sheets as the surface has them: read back from the written workbook (CLI, file
 * mode), or the merge's own grids (a host that writes plans). Same merge, same findings and counts.
 */
export function auditMerge(grids: readonly Grid[], merged: Pick<MergeResult, 'findings'>, settingsInput?: unknown): Audit {
  const audit = auditSubmission(grids, settingsInput);
  const findings = sortFindings([...audit.findings, ...merged.findings], grids.map((g) => g.name));
  return { ...audit, findings, counts: countBySeverity(findings) };
}
