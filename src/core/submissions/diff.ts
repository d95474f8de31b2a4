/**
 * Comparing two versions of a submission (OLD, NEW): rows are matched by key (see `keys.ts`), never by
 * position. Reports added and removed items, changed ratings (附件3's derived rating), moved progress
 * marks (profile B 附件1's √), changed figures and changed narratives (with the changed spans), and the
 * findings that are new since OLD (and those resolved). Pure: two Audits in, a DiffReport out.
 */
import type { Audit } from '../audit';
import { type Finding, messageOf } from '../finding';
import { parseA1 } from '../grid';
import { ANNEX_KINDS, annexSpec, KIND_LABEL, numericColumns } from '../kinds';
import { parseItemList } from '../annexes/unit-key-items/read';
import type { AnnexKind, CellRead, Table, TableRow } from '../table';
import { itemKey, labelKey, normalizeNewlines, readNumber } from '../text';
import { keyedRows, type KeyedRow } from './keys';
import { diffText, type TextSegment } from './textDiff';

export type ChangeType = 'added' | 'removed' | 'rating' | 'mark' | 'figure' | 'text';
export const CHANGE_TYPES: readonly ChangeType[] = ['added', 'removed', 'rating', 'mark', 'figure', 'text'];

export interface DiffChange {
  readonly type: ChangeType;
  /** `annex`: a whole annex sheet; `row`: a keyed row; `item`: one entry of a 附件2 item list. */
  readonly scope: 'annex' | 'row' | 'item';
  readonly kind: AnnexKind;
  /** Where to look: NEW's sheet and cell, or OLD's for something removed. */
  readonly sheet: string;
  readonly cell: string;
  readonly side: 'old' | 'new';
  /** The row (or item) in the user's words: `州发改委 / 营商环境`, `第12项`. */
  readonly key: string;
  /** The column's header text. */
  readonly column?: string;
  readonly before?: string | number;
  readonly after?: string | number;
  /** Numbers shown as percentages (the cell's format has `%`). */
  readonly percent?: boolean;
  /** Narratives (and a rating's assessment text): the character diff. */
  readonly segments?: readonly TextSegment[];
  /** A progress mark change: the marked columns on each side, listed in the reader's language when shown. */
  readonly marks?: { readonly before: readonly string[]; readonly after: readonly string[] };
}

export interface DiffReport {
  readonly changes: readonly DiffChange[];
  /** Findings of NEW that OLD did not have. */
  readonly newFindings: readonly Finding[];
  /** Findings of OLD that NEW no longer has. */
  readonly resolvedFindings: readonly Finding[];
  readonly counts: Readonly<Record<ChangeType, number>> & { readonly newFindings: number; readonly resolvedFindings: number };
}

/** Columns compared as numbers, and the columns that make up the key (not compared as fields): from the registry. */
const NUMERIC = (kind: AnnexKind): readonly string[] => numericColumns(kind);
const KEY_COLUMNS = (kind: AnnexKind): readonly string[] => annexSpec(kind).key.flatMap((p) => (typeof p === 'string' ? [p] : []));


interface Field {
  readonly id: string;
  readonly label: string;
  readonly read: CellRead;
}

function headerLabel(table: Table, col: number, fallback: string): string {
  const parts = table.header.labels.get(col) ?? [];
  return parts[parts.length - 1] ?? fallback;
}

/** The row's comparable fields, identified by header text (so a moved column still matches). */
function fieldsOf(table: Table, row: TableRow): Field[] {
  const kind = table.spec.kind;
  const out: Field[] = [];
  for (const spec of table.spec.columns) {
    if (KEY_COLUMNS(kind).includes(spec.key)) continue;
    // Marks are compared as one status per row (below), not column by column.
    if (spec.type === 'mark') continue;
    const reads = spec.multi ? (row.multi.get(spec.key) ?? []) : [row.cells.get(spec.key)].filter((r): r is CellRead => r !== undefined);
    const seen = new Map<string, number>();
    for (const read of reads) {
      const label = headerLabel(table, read.col, spec.label);
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      out.push({ id: `${spec.key}|${labelKey(label)}|${n}`, label: n === 1 ? label : `${label}(${n})`, read });
    }
  }
  return out;
}

function normText(s: string): string {
  return normalizeNewlines(s)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

function numberOf(read: CellRead): number | null {
  const n = readNumber(read.value);
  return n.kind === 'number' || n.kind === 'text-number' ? n.value : null;
}

function isPercent(table: Table, read: CellRead): boolean {
  return (table.view.numberFormat(read.row, read.col) ?? '').includes('%');
}

/** 基本完成 / 常态化或按时序推进 / 相对滞后: the columns declared to carry a mark. */
function marksOf(table: Table, row: TableRow): { text: string; labels: string[]; cell: string } {
  const markKeys = table.spec.columns.filter((c) => c.type === 'mark').map((c) => c.key);
  const marked = markKeys.map((k) => row.cells.get(k)).filter((r): r is CellRead => r !== undefined && r.text !== '');
  const first = markKeys.length > 0 ? row.cells.get(markKeys[0] as string) : undefined;
  const labels = marked.map((r) => headerLabel(table, r.col, r.text));
  return {
    text: labels.join('、'),
    labels,
    cell: marked[0]?.own ?? first?.own ?? '',
  };
}

function ratingAt(audit: Audit, row: number): string {
  const item = audit.records['incentive-analysis']?.items.find((i) => i.row === row);
  return item?.derived.rating ?? '';
}

interface Ctx {
  readonly oldA: Audit;
  readonly newA: Audit;
  readonly out: DiffChange[];
  /** Merged cells shared by several rows are reported once. */
  readonly reported: Set<string>;
}

function compareRows(ctx: Ctx, kind: AnnexKind, oldT: Table, newT: Table, o: KeyedRow, n: KeyedRow): void {
  const base = { scope: 'row' as const, kind, sheet: newT.sheet, side: 'new' as const, key: n.key.display };
  const push = (c: DiffChange, oldAddr: string) => {
    const id = `${kind}|${c.type}|${c.column ?? ''}|${oldAddr}|${c.cell}`;
    if (ctx.reported.has(id)) return;
    ctx.reported.add(id);
    ctx.out.push(c);
  };

  if (newT.spec.columns.some((c) => c.type === 'mark')) {
    const a = marksOf(oldT, o.row);
    const b = marksOf(newT, n.row);
    if (a.text !== b.text) push({ ...base, type: 'mark', cell: b.cell, column: '工作进度', before: a.text, after: b.text, marks: { before: a.labels, after: b.labels } }, a.cell);
  }

  const oldFields = new Map(fieldsOf(oldT, o.row).map((f) => [f.id, f] as const));
  for (const f of fieldsOf(newT, n.row)) {
    const g = oldFields.get(f.id);
    if (!g) continue;
    const spec = f.id.split('|')[0] ?? '';
    if (NUMERIC(kind).includes(spec)) {
      const a = numberOf(g.read);
      const b = numberOf(f.read);
      const same = a !== null && b !== null ? Math.abs(a - b) < 1e-9 : normText(g.read.text) === normText(f.read.text);
      if (!same) {
        push({
          ...base, type: 'figure', cell: f.read.addr, column: f.label,
          before: a ?? g.read.text, after: b ?? f.read.text,
          ...(isPercent(newT, f.read) || isPercent(oldT, g.read) ? { percent: true } : {}),
        }, g.read.addr);
      }
      continue;
    }
    const a = normText(g.read.text);
    const b = normText(f.read.text);
    if (kind === 'unit-key-items' && spec === 'items') {
      compareItemLists(newT, n, f, g, push);
      continue;
    }
    if (kind === 'incentive-analysis' && spec === 'assessment') {
      const ra = ratingAt(ctx.oldA, o.row.row);
      const rb = ratingAt(ctx.newA, n.row.row);
      if (ra !== rb) {
        push({ ...base, type: 'rating', cell: f.read.addr, column: f.label, before: ra, after: rb, segments: diffText(a, b) }, g.read.addr);
        continue;
      }
    }
    if (a !== b) push({ ...base, type: 'text', cell: f.read.addr, column: f.label, before: a, after: b, segments: diffText(a, b) }, g.read.addr);
  }
}

/** 附件2 具体事项: items added to or dropped from a county's list. */
function compareItemLists(newT: Table, n: KeyedRow, f: Field, g: Field, push: (c: DiffChange, oldAddr: string) => void): void {
  const before = parseItemList(g.read.text);
  const after = parseItemList(f.read.text);
  const keysBefore = new Set(before.map((i) => itemKey(i.name)));
  const keysAfter = new Set(after.map((i) => itemKey(i.name)));
  const base = { scope: 'item' as const, kind: 'unit-key-items' as const, sheet: newT.sheet, side: 'new' as const, cell: f.read.addr, column: f.label };
  let listed = false;
  for (const i of after) {
    if (keysBefore.has(itemKey(i.name))) continue;
    listed = true;
    push({ ...base, type: 'added', key: `${n.key.display} / ${i.name}`, after: i.name }, `+${itemKey(i.name)}`);
  }
  for (const i of before) {
    if (keysAfter.has(itemKey(i.name))) continue;
    listed = true;
    push({ ...base, type: 'removed', key: `${n.key.display} / ${i.name}`, before: i.name }, `-${itemKey(i.name)}`);
  }
  const a = normText(g.read.text);
  const b = normText(f.read.text);
  if (!listed && a !== b) push({ ...base, scope: 'row', type: 'text', key: n.key.display, before: a, after: b, segments: diffText(a, b) }, g.read.addr);
}

function compareTables(ctx: Ctx, kind: AnnexKind, oldT: Table, newT: Table): void {
  const oldRows = keyedRows(oldT, ctx.oldA.settings);
  const newRows = keyedRows(newT, ctx.newA.settings);
  const oldByKey = new Map(oldRows.map((r) => [r.key.key, r] as const));
  const newKeys = new Set(newRows.map((r) => r.key.key));
  for (const n of newRows) {
    const o = oldByKey.get(n.key.key);
    if (!o) {
      ctx.out.push({ type: 'added', scope: 'row', kind, sheet: newT.sheet, cell: n.key.cell, side: 'new', key: n.key.display });
      continue;
    }
    compareRows(ctx, kind, oldT, newT, o, n);
  }
  for (const o of oldRows) {
    if (newKeys.has(o.key.key)) continue;
    ctx.out.push({ type: 'removed', scope: 'row', kind, sheet: oldT.sheet, cell: o.key.cell, side: 'old', key: o.key.display });
  }
}

// ── findings new since OLD ─────────────────────────────────────────────────────────────────────────

type RowKeyEntry = { kind: AnnexKind; table: Table; rows: Map<number, string> };

/** Row keys of each annex table, by 0-based row, per sheet (a sheet may hold several tables), for recognising the same finding after rows moved. */
function rowKeyIndex(audit: Audit): Map<string, RowKeyEntry[]> {
  const out = new Map<string, RowKeyEntry[]>();
  for (const [kind, table] of audit.tables) {
    const rows = new Map<number, string>();
    for (const k of keyedRows(table, audit.settings)) rows.set(k.row.row, k.key.key);
    out.set(table.sheet, [...(out.get(table.sheet) ?? []), { kind, table, rows }]);
  }
  return out;
}

/** The table of a sheet that holds a row: the one whose header is the nearest above it. */
function entryAt(list: readonly RowKeyEntry[] | undefined, row: number | undefined): RowKeyEntry | undefined {
  if (!list || list.length <= 1 || row === undefined) return list?.[0];
  const above = list.filter((e) => e.table.header.top <= row).sort((a, b) => b.table.header.top - a.table.header.top);
  return above.find((e) => e.rows.has(row)) ?? above[0] ?? list[0];
}

/** A finding's identity independent of where its row sits: code, annex, row key, column, message without cell addresses. */
function findingIdentity(f: Finding, audit: Audit, index: ReturnType<typeof rowKeyIndex>): string {
  const entry = entryAt(index.get(f.sheet), parseA1(f.cell)?.row);
  const kind = entry?.kind ?? audit.sheets.find((s) => s.name === f.sheet)?.kind ?? `sheet:${f.sheet}`;
  const at = parseA1(f.cell);
  const rowKey = at && entry ? (entry.rows.get(at.row) ?? '') : '';
  const column = at && entry ? labelKey((entry.table.header.labels.get(at.col) ?? []).slice(-1)[0] ?? '') : '';
  const message = messageOf(f).replace(/\$?[A-Z]{1,3}\$?\d{1,7}/g, '#').replace(/第\d+行/g, '第#行');
  return [f.code, kind, rowKey, column, message].join('|');
}

function findingDelta(oldA: Audit, newA: Audit): { added: Finding[]; resolved: Finding[] } {
  const oldIndex = rowKeyIndex(oldA);
  const newIndex = rowKeyIndex(newA);
  const count = (list: readonly Finding[], audit: Audit, index: ReturnType<typeof rowKeyIndex>) => {
    const m = new Map<string, Finding[]>();
    for (const f of list) {
      const id = findingIdentity(f, audit, index);
      m.set(id, [...(m.get(id) ?? []), f]);
    }
    return m;
  };
  const before = count(oldA.findings, oldA, oldIndex);
  const after = count(newA.findings, newA, newIndex);
  const added: Finding[] = [];
  const resolved: Finding[] = [];
  for (const [id, list] of after) added.push(...list.slice((before.get(id) ?? []).length));
  for (const [id, list] of before) resolved.push(...list.slice((after.get(id) ?? []).length));
  const order = (audit: Audit) => (a: Finding, b: Finding) => audit.findings.indexOf(a) - audit.findings.indexOf(b);
  return { added: added.sort(order(newA)), resolved: resolved.sort(order(oldA)) };
}

// ── the report ─────────────────────────────────────────────────────────────────────────────────────

const KIND_ORDER: readonly AnnexKind[] = ANNEX_KINDS;

export function diffAudits(oldA: Audit, newA: Audit): DiffReport {
  const ctx: Ctx = { oldA, newA, out: [], reported: new Set() };
  for (const kind of KIND_ORDER) {
    const oldT = oldA.tables.get(kind);
    const newT = newA.tables.get(kind);
    if (oldT && newT) compareTables(ctx, kind, oldT, newT);
    else if (newT) ctx.out.push({ type: 'added', scope: 'annex', kind, sheet: newT.sheet, cell: 'A1', side: 'new', key: KIND_LABEL[kind]['zh-CN'] });
    else if (oldT) ctx.out.push({ type: 'removed', scope: 'annex', kind, sheet: oldT.sheet, cell: 'A1', side: 'old', key: KIND_LABEL[kind]['zh-CN'] });
  }
  const { added, resolved } = findingDelta(oldA, newA);
  const counts = { added: 0, removed: 0, rating: 0, mark: 0, figure: 0, text: 0 };
  for (const c of ctx.out) counts[c.type]++;
  return { changes: ctx.out, newFindings: added, resolvedFindings: resolved, counts: { ...counts, newFindings: added.length, resolvedFindings: resolved.length } };
}
