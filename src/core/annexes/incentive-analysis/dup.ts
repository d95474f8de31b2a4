/** `dup/item` on 附件3: the same item twice under the same lead unit. */
import { duplicatesByKey } from '../duplicates';
import type { Rule } from '../types';

export const dupAnalysisItem: Rule = {
  id: 'dup-analysis-item',
  kind: 'incentive-analysis',
  needs: ['incentive-analysis:analysis-dup'],
  run({ records, sink }) {
    const a = records['incentive-analysis'];
    if (!a) return;
    for (const { row, first } of duplicatesByKey(a.items, (i) => (i.itemKey === '' ? '' : `${i.unitKey}|${i.itemKey}`))) {
      sink.add('dup/item', { sheet: a.sheet, cell: row.itemCell }, { unit: row.unit, item: row.item, otherCell: first.itemCell }, { related: [{ sheet: a.sheet, cell: first.itemCell }] });
    }
  },
};
