/**
 * Every kind's behaviour (its reading, rules and summary sheets, `annexes/<kind>/index.ts`), in registry order.
 * With its registry entry in `kinds.ts`, this is all a new kind adds outside its own folder.
 */
import type { AnnexKind } from '../table';
import type { KindModule } from './types';
import { annex as ratingTally } from './rating-tally';
import { annex as unitKeyItems } from './unit-key-items';
import { annex as incentiveAnalysis } from './incentive-analysis';
import { annex as progressReport } from './progress-report';
import { annex as liaisonLog } from './liaison-log';
import { annex as reportText } from './report-text';
import { annex as targetProgress } from './target-progress';
import { annex as livelihoodProjects } from './livelihood-projects';
import { annex as taskDecomposition } from './task-decomposition';

export const KIND_MODULES: { readonly [K in AnnexKind]: KindModule<K> } = {
  'rating-tally': ratingTally,
  'unit-key-items': unitKeyItems,
  'incentive-analysis': incentiveAnalysis,
  'progress-report': progressReport,
  'liaison-log': liaisonLog,
  'report-text': reportText,
  'target-progress': targetProgress,
  'livelihood-projects': livelihoodProjects,
  'task-decomposition': taskDecomposition,
};

export type { KindModule, ReadContext, Rule, RuleContext } from './types';
