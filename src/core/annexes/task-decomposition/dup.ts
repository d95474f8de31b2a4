/** `dup/task`: the same incentive measure twice in the task decomposition. */
import { itemKey, labelKey } from '../../text';
import { duplicatesByKey } from '../duplicates';
import type { Rule } from '../types';

export const dupTask: Rule = {
  id: 'dup-task',
  kind: 'task-decomposition',
  needs: ['task-decomposition:task-dup'],
  run({ records, sink }) {
    const t = records['task-decomposition'];
    if (!t) return;
    // The measure without its `（牵头单位：…）` note.
    const key = (x: (typeof t.rows)[number]) => itemKey(labelKey(x.measure).replace(/[（(]牵头单位[:：][^）)]*[）)]/g, ''));
    for (const { row, first } of duplicatesByKey(t.rows, key)) {
      sink.add('dup/task', { sheet: t.sheet, cell: row.measureCell }, { seq: row.seq ?? '', otherSeq: first.seq ?? '', otherCell: first.measureCell }, { related: [{ sheet: t.sheet, cell: first.measureCell }] });
    }
  },
};
