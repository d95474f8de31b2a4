/** `dup/livelihood`: the same indicator of the same project twice. */
import { itemKey } from '../../text';
import { duplicatesByKey } from '../duplicates';
import type { Rule } from '../types';

export const dupLivelihood: Rule = {
  id: 'dup-livelihood',
  kind: 'livelihood-projects',
  needs: ['livelihood-projects:livelihood-dup'],
  run({ records, sink }) {
    const l = records['livelihood-projects'];
    if (!l) return;
    const key = (x: (typeof l.rows)[number]) => [x.seq ?? '', itemKey(x.project), itemKey(x.subProject), itemKey(x.indicator), itemKey(x.targetText)].join('|');
    for (const { row, first } of duplicatesByKey(l.rows, key)) {
      sink.add('dup/livelihood', { sheet: l.sheet, cell: row.labelCell }, { item: row.label, otherCell: first.labelCell }, { related: [{ sheet: l.sheet, cell: first.labelCell }] });
    }
  },
};
