/**
 * Row identity across versions and across submissions: rows are matched by what they are about, never
 * by position. What identifies a row is the registry's `key` (src/core/kinds.ts), the only truth: 附件1/3/4 lead
 * unit (+ item); 附件2/5 county (+ item); profile B 序号 (附件2 adds the sub-project and indicator, since one
 * project has several rows).
 */
import type { Settings } from '../settings';
import type { AnnexKind, CellRead, Table, TableRow } from '../table';
import { itemKey, labelKey, readNumber } from '../text';
import { canonicalUnit } from '../units';
import { annexSpec, type KeyPart, tableSpecOf } from '../kinds';
import type { ColumnType } from '../columnTypes';

export interface RowKey {
  /** Comparison key (normalised). */
  readonly key: string;
  /** What the user reads: `州发改委 / 营商环境`, `第12项`. */
  readonly display: string;
  /** The cell that names the row (for links and findings). */
  readonly cell: string;
}

function text(row: TableRow, key: string): CellRead | undefined {
  return row.cells.get(key);
}

function seqOf(read: CellRead | undefined): { key: string; display: string } | null {
  if (!read || read.text === '') return null;
  const n = readNumber(read.value);
  if (n.kind === 'number' || n.kind === 'text-number') return { key: String(n.value), display: `第${n.value}项` };
  const m = /^第?\s*(\d+)\s*项?$/.exec(labelKey(read.text));
  if (m?.[1]) return { key: String(Number(m[1])), display: `第${Number(m[1])}项` };
  return { key: labelKey(read.text), display: read.text };
}

/** One key column's part of a row's key, by the column's declared type. */
interface Part {
  readonly key: string;
  readonly display: string;
  readonly cell: string;
}

function readOf(row: TableRow, part: string | KeyPart): CellRead | undefined {
  if (typeof part === 'string') return text(row, part);
  const reads = row.multi.get(part.column) ?? [];
  if (reads.length === 0) return text(row, part.column);
  if (part.pick === 'first') return reads[0];
  for (let i = reads.length - 1; i >= 0; i--) if ((reads[i]?.text ?? '') !== '') return reads[i];
  return reads[0];
}

function partOf(type: ColumnType | undefined, read: CellRead | undefined, settings: Settings): Part {
  const t = read?.text ?? '';
  if (type === 'unit' || type === 'units') return { key: canonicalUnit(labelKey(t), settings.unitAliases), display: t.replace(/\s+/g, ''), cell: read?.addr ?? '' };
  if (type === 'seq') {
    const s = seqOf(read);
    return { key: s?.key ?? '', display: s?.display ?? '', cell: read?.own ?? '' };
  }
  return { key: itemKey(t), display: t.replace(/\s*\n\s*/g, ' '), cell: read?.own ?? '' };
}

/**
 * The key of a data row, from the registry's `key` (each column normalised by its declared type); a numbered
 * table's row with no 序号 is known by its `keyFallback` content. Null when the row names nothing.
 */
export function rowKey(kind: AnnexKind, row: TableRow, settings: Settings): RowKey | null {
  const spec = annexSpec(kind);
  const table = tableSpecOf(kind);
  if (!table || spec.key.length === 0) return null;
  const typeOf = (column: string) => table.columns.find((c) => c.key === column)?.type;
  const columnOf = (p: string | KeyPart) => (typeof p === 'string' ? p : p.column);
  const parts = spec.key.map((p) => partOf(typeOf(columnOf(p)), readOf(row, p), settings));
  if (parts.every((p) => p.key === '')) {
    if (spec.keyFallback === undefined) return null;
    const body = partOf(typeOf(spec.keyFallback), text(row, spec.keyFallback), settings);
    return body.key === '' ? null : { key: `?${body.key}`, display: body.display.slice(0, 30), cell: body.cell };
  }
  const keyIndex = spec.key.findIndex((p) => columnOf(p) === spec.keyCell);
  const cell = (keyIndex >= 0 ? parts[keyIndex]?.cell : '') || (parts.find((p) => p.key !== '')?.cell ?? '');
  return {
    key: parts.map((p) => p.key).join('|'),
    display: parts.map((p) => p.display).filter((d) => d !== '').join(' / '),
    cell,
  };
}

export interface KeyedRow {
  readonly row: TableRow;
  readonly key: RowKey;
}

/**
 * The table's data rows by key, in order. A key seen twice in one table gets `#2`, `#3` (the checker
 * reports such duplicates itself).
 */
export function keyedRows(table: Table, settings: Settings): KeyedRow[] {
  const seen = new Map<string, number>();
  const out: KeyedRow[] = [];
  for (const row of table.dataRows) {
    const k = rowKey(table.spec.kind, row, settings);
    if (!k) continue;
    const n = (seen.get(k.key) ?? 0) + 1;
    seen.set(k.key, n);
    out.push({ row, key: n === 1 ? k : { ...k, key: `${k.key}#${n}`, display: `${k.display} (${n})` } });
  }
  return out;
}
