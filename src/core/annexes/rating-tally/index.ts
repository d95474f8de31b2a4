/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseRatingTally } from './read';
import { tallyRowSum } from './rowSum';
import { tallyTotals } from './totals';
import { crossTally } from './cross';

export const annex: KindModule<'rating-tally'> = {
  kind: 'rating-tally',
  read: (table, { sink, settings }) => parseRatingTally(table, sink, settings),
  rules: [tallyRowSum, tallyTotals, crossTally],
};
