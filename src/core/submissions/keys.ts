/**
 * Row identity across versions and across submissions: rows are matched by what they are about, never
 * by position. 附件1/3/4: lead unit (+ item); 附件2/5: county (+ item); profile B: 序号 (附件2 adds the
 * sub-target, since one project has several rows).
 */
import type { Settings } from '../settings';
import type { AnnexKind, CellRead, Table, TableRow } from '../table';
import { itemKey, labelKey, readNumber } from '../text';
import { canonicalUnit } from '../units';
import { annexSpec } from '../kinds';

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

/** The key of a data row; null when the row names nothing (all key cells blank). */
export function rowKey(kind: AnnexKind, row: TableRow, settings: Settings): RowKey | null {
  const unit = (k: string) => {
    const r = text(row, k);
    return { key: canonicalUnit(labelKey(r?.text ?? ''), settings.unitAliases), display: r?.text.replace(/\s+/g, '') ?? '', cell: r?.addr ?? '' };
  };
  const item = (k: string) => {
    const r = text(row, k);
    return { key: itemKey(r?.text ?? ''), display: (r?.text ?? '').replace(/\s*\n\s*/g, ' '), cell: r?.own ?? '' };
  };
  switch (kind) {
    case 'rating-tally':
    case 'unit-key-items': {
      const u = unit('unit');
      return u.key === '' ? null : { key: u.key, display: u.display, cell: u.cell };
    }
    case 'incentive-analysis':
    case 'progress-report':
    case 'liaison-log': {
      const u = unit(kind === 'liaison-log' ? 'county' : 'unit');
      const i = item('item');
      if (u.key === '' && i.key === '') return null;
      return { key: `${u.key}|${i.key}`, display: `${u.display} / ${i.display}`, cell: i.cell || u.cell };
    }
    case 'target-progress':
    case 'task-decomposition': {
      const s = seqOf(text(row, 'seq'));
      const cell = text(row, 'seq')?.own ?? '';
      if (s) return { key: s.key, display: s.display, cell };
      const body = item(kind === 'target-progress' ? 'target' : 'measure');
      return body.key === '' ? null : { key: `?${body.key}`, display: body.display.slice(0, 30), cell: body.cell };
    }
    case 'livelihood-projects': {
      const s = seqOf(text(row, 'seq'));
      const project = row.multi.get('project') ?? [];
      const target = row.multi.get('target') ?? [];
      const sub = project[1]?.text || project[0]?.text || '';
      const indicator = target[0]?.text ?? '';
      const parts = [sub, indicator].filter((p) => p !== '');
      if (!s && parts.length === 0) return null;
      return {
        key: `${s?.key ?? '?'}|${itemKey(sub)}|${itemKey(indicator)}`,
        display: [s?.display ?? '', ...parts.map((p) => p.replace(/\s*\n\s*/g, ''))].filter((p) => p !== '').join(' / '),
        cell: text(row, 'seq')?.own ?? project[0]?.own ?? '',
      };
    }
    case 'report-text':
      return null;
    default:
      return registryKey(kind, row);
  }
}

/** A kind without its own case: the registry's key columns, joined. */
function registryKey(kind: AnnexKind, row: TableRow): RowKey | null {
  const spec = annexSpec(kind);
  const reads = spec.key.map((k) => text(row, k));
  const keys = reads.map((r) => itemKey(r?.text ?? ''));
  if (keys.every((k) => k === '')) return null;
  return {
    key: keys.join('|'),
    display: reads.map((r) => (r?.text ?? '').replace(/\s*\n\s*/g, ' ')).join(' / '),
    cell: text(row, spec.keyCell)?.own ?? reads.find((r) => r !== undefined)?.own ?? '',
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
