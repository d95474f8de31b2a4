/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseTaskDecomposition } from './read';
import { dupTask } from './dup';

export const annex: KindModule<'task-decomposition'> = {
  kind: 'task-decomposition',
  read: (table, { sink, settings }) => parseTaskDecomposition(table, sink, settings),
  rules: [dupTask],
};
