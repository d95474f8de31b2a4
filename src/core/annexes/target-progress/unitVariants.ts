/** `units/variant`: one unit written two ways across the key-work annexes. */
import { checkUnitVariants } from '../../profiles/keywork/cross';
import type { Rule } from '../types';

export const unitVariants: Rule = {
  id: 'unit-variants',
  kind: 'target-progress',
  needs: [],
  sheet: ({ records }) => records['target-progress']?.sheet ?? records['livelihood-projects']?.sheet ?? records['task-decomposition']?.sheet,
  run({ records, settings, sink }) {
    checkUnitVariants(records['target-progress'], records['livelihood-projects'], records['task-decomposition'], settings, sink);
  },
};
