/** `dup/liaison` on 附件5: the same (county, item) twice — a county written with or without 县/市 is one county. */
import { resolveCounty } from '../../units';
import { duplicatesByKey } from '../duplicates';
import type { Rule } from '../types';

export const dupLiaison: Rule = {
  id: 'dup-liaison',
  kind: 'liaison-log',
  needs: ['liaison-log:liaison-dup'],
  run({ records, sink }) {
    const l = records['liaison-log'];
    if (!l) return;
    // 吉首 is the 吉首市 of another row when the table writes it that way too (and no other county fits).
    const names = [...new Set(l.entries.map((e) => e.countyKey))];
    const resolved = new Map(names.map((n) => [n, resolveCounty(n, new Set(names.filter((o) => o !== n && o.length > n.length))) ?? n] as const));
    const county = (key: string) => resolved.get(key) ?? key;
    for (const { row, first } of duplicatesByKey(l.entries, (e) => (e.itemKey === '' ? '' : `${county(e.countyKey)}|${e.itemKey}`))) {
      sink.add('dup/liaison', { sheet: l.sheet, cell: row.itemCell }, { unit: row.county, item: row.item, otherCell: first.itemCell }, { related: [{ sheet: l.sheet, cell: first.itemCell }] });
    }
  },
};
