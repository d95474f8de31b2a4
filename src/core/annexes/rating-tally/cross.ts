/** 附件1 vs the tally recomputed from 附件3 (`cross/tally-*`). */
import { crossTally as compare } from '../../profiles/incentive/cross';
import type { Rule } from '../types';

export const crossTally: Rule = {
  id: 'cross-tally',
  kind: 'rating-tally',
  needs: ['rating-tally:tally-cross', 'incentive-analysis:analysis-cross'],
  run({ records, sink }) {
    const ratingTally = records['rating-tally']; const analysis = records['incentive-analysis'];
    if (ratingTally && analysis) compare(ratingTally, analysis, sink);
  },
};
