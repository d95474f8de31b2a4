/** Profile B (重点工作推进): 通报, 附件1 target progress, 附件2 livelihood projects, 任务分解. */
import type { Grid } from '../../grid';
import type { Guard } from '../../guard';
import type { FindingSink } from '../../finding';
import { KIND_LABEL } from '../../kinds';
import type { Settings } from '../../settings';
import type { AnnexKind, Table } from '../../table';
import { type LivelihoodProjects, parseLivelihoodProjects } from '../../annexes/livelihood-projects/read';
import { draftHeadline, type KeyworkRecompute, recomputeLivelihood, recomputeTargets } from './recompute';
import { parseReportText, type ReportText } from '../../annexes/report-text/read';
import { parseTargetProgress, type TargetProgress } from '../../annexes/target-progress/read';
import { parseTaskDecomposition, type TaskDecomposition } from '../../annexes/task-decomposition/read';

export type { KeyworkRecompute, TargetsRecompute, LivelihoodRecompute, ClassTally, ClassCounts, ClassShares, UnitTally, LaggingTarget, LivelihoodRowRecompute } from './recompute';
export type { TargetProgress, TargetRow } from '../../annexes/target-progress/read';
export type { LivelihoodProjects, LivelihoodRow, Category } from '../../annexes/livelihood-projects/read';
export type { TaskDecomposition, TaskRow } from '../../annexes/task-decomposition/read';
export type { ReportText, ReportParagraph } from '../../annexes/report-text/read';
export type { ReportFigure, ProgressClass, ReportGroup } from './schemas';
export { largestRemainderShares, formatShare } from './shares';

export interface KeyworkRecords {
  readonly targets?: TargetProgress;
  readonly livelihood?: LivelihoodProjects;
  readonly tasks?: TaskDecomposition;
  readonly report?: ReportText;
}

/**
 * Run profile B. `tables` holds the table-shaped annexes; `reportText` the 通报 sheet's grid (prose,
 * no header) when there is one.
 */
export function auditKeywork(
  tables: ReadonlyMap<AnnexKind, Table>,
  reportText: Grid | null,
  sink: FindingSink,
  settings: Settings,
  year: number,
  guard: Guard,
): { records: KeyworkRecords; recompute: KeyworkRecompute | null } {
  const targetTable = tables.get('target-progress');
  const livelihoodTable = tables.get('livelihood-projects');
  const taskTable = tables.get('task-decomposition');

  // Each annex is parsed on its own: a parser that fails costs its own sheet, not the others.
  const targets = targetTable ? guard(targetTable.sheet, 'target-progress', () => parseTargetProgress(targetTable, sink, settings)) : undefined;
  const livelihood = livelihoodTable ? guard(livelihoodTable.sheet, 'livelihood-projects', () => parseLivelihoodProjects(livelihoodTable, sink, settings)) : undefined;
  const tasks = taskTable ? guard(taskTable.sheet, 'task-decomposition', () => parseTaskDecomposition(taskTable, sink, settings)) : undefined;
  const report = reportText ? guard(reportText.name, 'report-text', () => parseReportText(reportText, sink, year)) : undefined;

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

  const records: KeyworkRecords = {
    ...(targets ? { targets } : {}),
    ...(livelihood ? { livelihood } : {}),
    ...(tasks ? { tasks } : {}),
    ...(report ? { report } : {}),
  };
  if (!targets && !livelihood) return { records, recompute: null };
  const targetsRecompute = targets ? recomputeTargets(targets) : null;
  const livelihoodRecompute = livelihood ? recomputeLivelihood(livelihood) : null;
  return {
    records,
    recompute: {
      targets: targetsRecompute,
      livelihood: livelihoodRecompute,
      headline: draftHeadline(targetsRecompute, targets?.title ?? null, livelihoodRecompute),
    },
  };
}
