/** The kind's behaviour: its reading, its rules and its summary sheet (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { livelihoodPlan } from './plan';
import { parseLivelihoodProjects } from './read';
import { livelihoodRows } from './rows';
import { dupLivelihood } from './dup';

export const annex: KindModule<'livelihood-projects'> = {
  kind: 'livelihood-projects',
  read: (table, { sink, settings }) => parseLivelihoodProjects(table, sink, settings),
  plan: livelihoodPlan,
  rules: [livelihoodRows, dupLivelihood],
};
