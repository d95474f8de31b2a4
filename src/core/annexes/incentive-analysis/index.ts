/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseIncentiveAnalysis } from './read';
import { markerCount } from './markers';
import { dupAnalysisItem } from './dup';

export const annex: KindModule<'incentive-analysis'> = {
  kind: 'incentive-analysis',
  read: (table, { sink, settings }) => parseIncentiveAnalysis(table, sink, settings),
  rules: [markerCount, dupAnalysisItem],
};
