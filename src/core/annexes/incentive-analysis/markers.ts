/** `cross/marker-count`: the 附件3 note's stated ● and Ⅱ/Ⅲ counts vs the markers in the table. */
import type { Rule } from '../types';

export const markerCount: Rule = {
  id: 'marker-count',
  kind: 'incentive-analysis',
  needs: ['incentive-analysis:analysis-markers'],
  run({ records, sink }) {
    const a = records['incentive-analysis'];
    const note = a?.note;
    if (!a || !note) return;
    const sheet = a.sheet;
    const allWon = a.items.filter((i) => i.allWonLastYear);
    const region = a.items.filter((i) => i.regionClass !== null);
    if (note.allWon !== undefined && note.allWon !== allWon.length) {
      sink.add('cross/marker-count', { sheet, cell: note.cell }, { marker: '●' }, { expected: allWon.length, actual: note.allWon, related: allWon.map((i) => ({ sheet, cell: i.itemCell })) });
    }
    if (note.regionClass !== undefined && note.regionClass !== region.length) {
      sink.add('cross/marker-count', { sheet, cell: note.cell }, { marker: { 'zh-CN': 'Ⅱ或Ⅲ', 'en-US': 'Ⅱ or Ⅲ' } }, {
        expected: region.length,
        actual: note.regionClass,
        related: region.map((i) => ({ sheet, cell: i.itemCell })),
      });
    }
  },
};
