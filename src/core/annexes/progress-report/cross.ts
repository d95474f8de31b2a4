/** 附件4 covers the items of 附件3, under the same lead units (`cross/progress-*`). */
import { crossProgress as compare } from '../../profiles/incentive/cross';
import type { Rule } from '../types';

export const crossProgress: Rule = {
  id: 'cross-progress',
  kind: 'progress-report',
  needs: ['progress-report:progress-cross', 'incentive-analysis:analysis-progress'],
  run({ records, sink }) {
    const progress = records['progress-report']; const analysis = records['incentive-analysis'];
    if (progress && analysis) compare(progress, analysis, sink);
  },
};
