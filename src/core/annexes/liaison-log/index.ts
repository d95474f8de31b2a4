/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseLiaisonLog } from './read';
import { dupLiaison } from './dup';

export const annex: KindModule<'liaison-log'> = {
  kind: 'liaison-log',
  read: (table, { sink, settings }) => parseLiaisonLog(table, sink, settings),
  rules: [dupLiaison],
};
