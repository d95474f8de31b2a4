/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseProgressReport } from './read';
import { crossProgress } from './cross';
import { dupProgressItem } from './dup';
import { repeatedPassage } from './repeated';

export const annex: KindModule<'progress-report'> = {
  kind: 'progress-report',
  read: (table, { sink, settings }) => parseProgressReport(table, sink, settings),
  rules: [crossProgress, dupProgressItem, repeatedPassage],
};
