/** `dup/target` on the target-progress annex: the same target twice. */
import { itemKey } from '../../text';
import { duplicatesByKey } from '../duplicates';
import type { Rule } from '../types';

export const dupTarget: Rule = {
  id: 'dup-target',
  kind: 'target-progress',
  needs: ['target-progress:target-dup'],
  run({ records, sink }) {
    const t = records['target-progress'];
    if (!t) return;
    for (const { row, first } of duplicatesByKey(t.rows, (r) => itemKey(r.target))) {
      sink.add(
        'dup/target',
        { sheet: t.sheet, cell: row.targetCell },
        { seq: row.seq ?? '', item: row.target.length > 30 ? `${row.target.slice(0, 30)}…` : row.target, otherSeq: first.seq ?? '', otherCell: first.targetCell },
        { related: [{ sheet: t.sheet, cell: first.targetCell }] },
      );
    }
  },
};
