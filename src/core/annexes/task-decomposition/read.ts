/**
 * 任务分解 (`task-decomposition`): each incentive measure with its lead unit and its related units
 * (several, one per line).
 */
import type { FindingSink } from '../../finding';
import { a1 } from '../../grid';
import type { Settings } from '../../settings';
import { columnLabel, type Table } from '../../table';
import { readNumber, readSeq } from '../../text';
import { checkRow, placedColumns } from '../../schemas';
import { checkEnabled } from '../../gate';
import { canonicalDistrictUnit, isGroupUnit, splitUnits } from '../../profiles/keywork/units';

declare module '../records' {
  interface KindRecords {
    'task-decomposition': TaskDecomposition;
  }
}

export interface TaskRow {
  readonly row: number;
  readonly seq: number | null;
  readonly seqCell: string;
  readonly measure: string;
  readonly measureCell: string;
  /** The provincial lead named in the measure text: `（牵头单位：省发展改革委）`. */
  readonly provincialLead: string | null;
  readonly lead: readonly string[];
  readonly leadCell: string;
  readonly related: readonly string[];
  readonly relatedCell: string;
}

export interface TaskDecomposition {
  readonly sheet: string;
  readonly rows: readonly TaskRow[];
}

export function provincialLeadOf(measure: string): string | null {
  const m = /[（(]\s*牵头单位\s*[:：]\s*([^）)]+)[）)]/.exec(measure);
  return m?.[1]?.trim() ?? null;
}

/** A unit listed twice in one cell. */
function checkRepeats(units: readonly string[], settings: Settings, sheet: string, cell: string, column: string, sink: FindingSink): void {
  const counts = new Map<string, { name: string; n: number }>();
  for (const u of units) {
    const k = canonicalDistrictUnit(u, settings.unitAliases);
    const c = counts.get(k) ?? { name: u, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  for (const { name, n } of counts.values()) if (n > 1) sink.add('dup/unit-in-cell', { sheet, cell }, { column, unit: name }, { actual: n });
}

export function parseTaskDecomposition(table: Table, sink: FindingSink, settings: Settings): TaskDecomposition {
  const sheet = table.sheet;
  const colIndex = (k: string) => table.header.columns.get(k)?.[0];
  const rows: TaskRow[] = [];
  const leadRelatedOn = checkEnabled(table, 'task-lead-related');
  for (const r of table.dataRows) {
    const get = (k: string) => r.cells.get(k);
    const cellOf = (k: string): string => get(k)?.addr ?? a1(r.row, colIndex(k) ?? 0);
    const measure = get('measure')?.text ?? '';
    const lead = splitUnits(get('lead')?.text ?? '');
    const related = splitUnits(get('related')?.text ?? '');
    // 12 / 12. / 12、 / （12） / 第12项 are all row 12; another number as it reads (1.5).
    const seqValue = get('seq')?.value ?? null;
    const seqRead = readNumber(seqValue);
    const seq = readSeq(seqValue) ?? (seqRead.kind === 'number' || seqRead.kind === 'text-number' ? seqRead.value : null);
    const where = seq !== null ? { 'zh-CN': `第${seq}条`, 'en-US': `no. ${seq}` } : `“${measure.slice(0, 12)}”`;
    checkRow(
      table,
      { measure, lead, related },
      sheet,
      placedColumns(table, cellOf, ['measure', 'lead', 'related']),
      where,
      sink,
    );
    if (leadRelatedOn) checkRepeats(related, settings, sheet, cellOf('related'), columnLabel(table, 'related'), sink);
    const relatedKeys = new Set(related.filter((u) => !isGroupUnit(u)).map((u) => canonicalDistrictUnit(u, settings.unitAliases)));
    for (const u of leadRelatedOn ? lead : []) {
      if (!isGroupUnit(u) && relatedKeys.has(canonicalDistrictUnit(u, settings.unitAliases))) {
        sink.add('task/lead-in-related', { sheet, cell: cellOf('related') }, { seq: seq ?? '', unit: u }, { related: [{ sheet, cell: cellOf('lead') }] });
      }
    }
    rows.push({
      row: r.row,
      seq,
      seqCell: cellOf('seq'),
      measure,
      measureCell: cellOf('measure'),
      provincialLead: provincialLeadOf(measure),
      lead,
      leadCell: cellOf('lead'),
      related,
      relatedCell: cellOf('related'),
    });
  }

  return { sheet, rows };
}
