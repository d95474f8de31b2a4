/** The kind's behaviour: its reading and its rules (its registry entry is `spec.ts`). */
import type { KindModule } from '../types';
import { parseUnitKeyItems } from './read';
import { keyItemsCount } from './count';
import { keyItemsList } from './list';
import { crossKeyItems } from './cross';

export const annex: KindModule<'unit-key-items'> = {
  kind: 'unit-key-items',
  read: (table, { sink, settings }) => parseUnitKeyItems(table, sink, settings),
  rules: [keyItemsCount, keyItemsList, crossKeyItems],
};
