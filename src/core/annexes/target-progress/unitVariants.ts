/** `units/variant`: one unit written two ways across the key-work annexes. */
import { checkUnitVariants } from '../../profiles/keywork/cross';
import type { Rule } from '../types';

export const unitVariants: Rule = {
  id: 'unit-variants',
  kind: 'target-progress',
  needs: [],
  sheet: ({ keywork }) => keywork.targets?.sheet ?? keywork.livelihood?.sheet ?? keywork.tasks?.sheet,
  run({ keywork, settings, sink }) {
    checkUnitVariants(keywork.targets, keywork.livelihood, keywork.tasks, settings, sink);
  },
};
