/** Profile B (重点工作推进): what spans 通报, 附件1 target progress, 附件2 livelihood projects and 任务分解. */
import type { RecordsByKind } from '../../annexes/records';
import type { FindingSink } from '../../finding';
import { KIND_LABEL } from '../../kinds';
import type { AnnexKind } from '../../table';
import { draftHeadline, type KeyworkRecompute, recomputeLivelihood, recomputeTargets } from './recompute';

export type { KeyworkRecompute, TargetsRecompute, LivelihoodRecompute, ClassTally, ClassCounts, ClassShares, UnitTally, LaggingTarget, LivelihoodRowRecompute } from './recompute';
export type { TargetProgress, TargetRow } from '../../annexes/target-progress/read';
export type { LivelihoodProjects, LivelihoodRow, Category } from '../../annexes/livelihood-projects/read';
export type { TaskDecomposition, TaskRow } from '../../annexes/task-decomposition/read';
export type { ReportText, ReportParagraph } from '../../annexes/report-text/read';
export type { ReportFigure, ProgressClass, ReportGroup } from './schemas';
export { largestRemainderShares, formatShare } from './shares';

/**
 * Profile B's recompute from its records: the targets' and the livelihood projects' tallies and the 通报's headline.
 * A 通报 that states figures of an annex the workbook lacks says which checks were skipped.
 */
export function auditKeywork(records: RecordsByKind, sink: FindingSink): { recompute: KeyworkRecompute | null } {
  const targets = records['target-progress'];
  const livelihood = records['livelihood-projects'];
  const report = records['report-text'];

  if (report) {
    // The 通报 states figures whose annex is not in the workbook: say which checks were skipped.
    const needs: [AnnexKind, boolean][] = [
      ['target-progress', report.figures.some((f) => f.group === 'targets') && !targets],
      ['livelihood-projects', report.figures.some((f) => f.group !== 'targets') && !livelihood],
    ];
    for (const [kind, missing] of needs) {
      if (missing) sink.add('structure/annex-missing', { sheet: report.sheet, cell: report.headline?.cell ?? 'A1' }, { kind: KIND_LABEL[kind] });
    }
  }
  if (!targets && !livelihood) return { recompute: null };
  const targetsRecompute = targets ? recomputeTargets(targets) : null;
  const livelihoodRecompute = livelihood ? recomputeLivelihood(livelihood) : null;
  return {
    recompute: {
      targets: targetsRecompute,
      livelihood: livelihoodRecompute,
      headline: draftHeadline(targetsRecompute, targets?.title ?? null, livelihoodRecompute),
    },
  };
}
