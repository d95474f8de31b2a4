/** Profile B (重点工作推进): 通报, 附件1 target progress, 附件2 livelihood projects, 任务分解. */
import type { Grid } from '../grid';
import type { FindingSink } from '../finding';
import type { Settings } from '../settings';
import type { AnnexKind, Table } from '../table';

export interface KeyworkRecords {
  readonly _placeholder?: never;
}

export interface KeyworkRecompute {
  readonly _placeholder?: never;
}

/**
 * Run profile B. `tables` holds the table-shaped annexes; `reportText` the 通报 sheet's grid (prose,
 * no header) when there is one.
 */
export function auditKeywork(
  _tables: ReadonlyMap<AnnexKind, Table>,
  _reportText: Grid | null,
  _sink: FindingSink,
  _settings: Settings,
  _year: number,
): { records: KeyworkRecords; recompute: KeyworkRecompute | null } {
  return { records: {}, recompute: null };
}
