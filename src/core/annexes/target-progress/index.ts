/** The kind's behaviour: its reading, its rules and its summary sheet (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { targetsPlan } from './plan';
import { parseTargetProgress } from './read';
import { dupTarget } from './dup';
import { unitVariants } from './unitVariants';

export const annex: KindModule<'target-progress'> = {
  kind: 'target-progress',
  read: (table, { sink, settings }) => parseTargetProgress(table, sink, settings),
  plan: targetsPlan,
  rules: [dupTarget, unitVariants],
};
