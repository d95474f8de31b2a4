/** `text/repeated-passage`: a long passage of one item's progress pasted unchanged into another's. */
import { checkRepeatedPassages } from '../../narrative';
import type { Rule } from '../types';

export const repeatedPassage: Rule = {
  id: 'repeated-passage',
  kind: 'progress-report',
  needs: ['progress-report:progress-counts'],
  run({ records, sink }) {
    const p = records['progress-report'];
    if (!p) return;
    checkRepeatedPassages(p.items.map((i) => ({ label: i.item, cell: i.progressCell, text: i.progressText })), p.sheet, sink);
  },
};
