/**
 * The checks every kind gets from its registry entry alone, for a kind that has no parser of its own:
 * required cells and rows repeated by key. A new kind is checked from the day its entry is added.
 */
import type { FindingSink } from './finding';
import { hasColumn } from './gate';
import { annexSpec } from './kinds';
import { duplicatesByKey } from './rules/duplicates';
import { columnLabel, type Table } from './table';
import { itemKey } from './text';

export function checkGenericTable(table: Table, sink: FindingSink): void {
  const spec = annexSpec(table.spec.kind);
  const sheet = table.sheet;
  const rows = table.dataRows.map((r) => {
    const keyReads = spec.key.map((k) => r.cells.get(k));
    return {
      r,
      key: keyReads.map((c) => itemKey(c?.text ?? '')).join('|'),
      display: keyReads.map((c) => c?.text.replace(/\s+/g, ' ') ?? '').filter((t) => t !== '').join(' / '),
      cell: r.cells.get(spec.keyCell)?.own ?? keyReads.find((c) => c !== undefined)?.own ?? '',
    };
  });
  for (const row of rows) {
    if ([...row.r.cells.values()].every((c) => c.text === '')) continue;
    for (const col of table.spec.columns) {
      if (!col.required || !hasColumn(table, col.key)) continue;
      const read = row.r.cells.get(col.key);
      if (read && read.text === '') {
        const where = row.display !== '' ? row.display : { 'zh-CN': `第${row.r.row + 1}行`, 'en-US': `row ${row.r.row + 1}` };
        sink.add('cell/required', { sheet, cell: read.own }, { column: columnLabel(table, col.key), where });
      }
    }
  }
  if (!spec.key.every((k) => hasColumn(table, k))) return;
  for (const { row, first } of duplicatesByKey(rows.filter((x) => x.cell !== ''), (x) => x.key)) {
    sink.add('dup/row', { sheet, cell: row.cell }, { key: row.display, otherCell: first.cell }, { related: [{ sheet, cell: first.cell }] });
  }
}
