/** 附件5 对接情况统计 (`liaison-log`): per county, liaison visits per key item. */
import type { FindingSink } from '../../finding';
import { a1 } from '../../grid';
import type { Table } from '../../table';
import { itemKey } from '../../text';
import { canonicalUnit } from '../../units';
import type { Settings } from '../../settings';
import { checkRow, placedColumns } from '../../schemas';

declare module '../records' {
  interface KindRecords {
    'liaison-log': LiaisonLog;
  }
}

export interface LiaisonEntry {
  readonly row: number;
  readonly county: string;
  readonly countyKey: string;
  readonly countyCell: string;
  readonly item: string;
  readonly itemKey: string;
  readonly itemCell: string;
  readonly liaison: string;
  readonly liaisonCell: string;
}

export interface LiaisonLog {
  readonly sheet: string;
  readonly entries: readonly LiaisonEntry[];
}

export function parseLiaisonLog(table: Table, sink: FindingSink, settings: Settings): LiaisonLog {
  const sheet = table.sheet;
  const entries: LiaisonEntry[] = [];
  for (const r of table.dataRows) {
    const get = (k: string) => r.cells.get(k);
    const county = get('county')?.text ?? '';
    const item = get('item')?.text ?? '';
    const liaison = get('liaison')?.text ?? '';
    if (item === '' && liaison === '') continue;
    const cellOf = (k: string): string => get(k)?.addr ?? a1(r.row, table.header.columns.get(k)?.[0] ?? 0);
    checkRow(
      table,
      { county, item, liaison },
      sheet,
      placedColumns(table, cellOf, ['county', 'item', 'liaison']),
      `${county}“${item}”`,
      sink,
    );
    entries.push({
      row: r.row,
      county,
      countyKey: canonicalUnit(county, settings.unitAliases),
      countyCell: cellOf('county'),
      item,
      itemKey: itemKey(item),
      itemCell: cellOf('item'),
      liaison,
      liaisonCell: cellOf('liaison'),
    });
  }
  return { sheet, entries };
}
