/** The 通报's stated counts and shares vs the annexes (`report/*`). */
import { crossReport as compare } from '../../profiles/keywork/cross';
import type { Rule } from '../types';

export const crossReport: Rule = {
  id: 'cross-report',
  kind: 'report-text',
  needs: [],
  run({ records, sink, enabled }) {
    const report = records['report-text']; const targets = records['target-progress']; const livelihood = records['livelihood-projects'];
    if (!report) return;
    // Compared only with annexes whose marks / statuses were read with confidence.
    compare(report, enabled('target-progress', 'target-marks') || enabled('target-progress', 'target-status') ? targets : undefined, enabled('livelihood-projects', 'livelihood-status') ? livelihood : undefined, sink);
  },
};
