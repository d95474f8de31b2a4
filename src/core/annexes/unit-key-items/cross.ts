/** 附件2 vs the counties 附件3 names with 有可能 or better, both directions (`cross/key-*`, `units/*`). */
import { crossKeyItems as compare } from '../../profiles/incentive/cross';
import type { Rule } from '../types';

export const crossKeyItems: Rule = {
  id: 'cross-key-items',
  kind: 'unit-key-items',
  needs: ['unit-key-items:keyitems-cross', 'incentive-analysis:analysis-cross'],
  run({ records, settings, sink }) {
    const unitKeyItems = records['unit-key-items']; const analysis = records['incentive-analysis'];
    if (unitKeyItems && analysis) compare(unitKeyItems, analysis, settings, sink);
  },
};
