/** 附件2 重点事项汇总表 (`unit-key-items`): per unit, 项数 and the numbered list in 具体事项. */
import { readCountCell, type NumberCell } from '../../cells';
import type { FindingSink } from '../../finding';
import { a1 } from '../../grid';
import type { Table } from '../../table';
import { columnLabel } from '../../table';
import { itemKey, lines, toHalfWidth } from '../../text';
import { canonicalUnit } from '../../units';
import type { Settings } from '../../settings';
import { checkRow, placedFields, rowWhere } from '../../schemas';
import { listOf } from '../../i18n/lists';

declare module '../records' {
  interface KindRecords {
    'unit-key-items': UnitKeyItems;
  }
}

export interface ListedItem {
  readonly number: number | null;
  readonly name: string;
  readonly key: string;
  /**
   * Unnumbered lines after the last numbered item, read as that item wrapped onto more lines: they may also be
   * items someone forgot to number, so a count that counts them as items is not wrong either.
   */
  readonly trailing?: number;
}

export interface KeyItemsRow {
  readonly unit: string;
  readonly unitKey: string;
  readonly row: number;
  readonly unitCell: string;
  readonly count: NumberCell;
  readonly itemsCell: string;
  readonly items: readonly ListedItem[];
}

export interface UnitKeyItems {
  readonly sheet: string;
  /** The 单位 header cell: where a missing unit row is reported. */
  readonly unitHeaderCell: string;
  readonly rows: readonly KeyItemsRow[];
}

const NUMBERED = /^[(（]?\s*(\d+)\s*[)）]?\s*[.、．，,:：)）]\s*(.*)$/;

/**
 * `1.xxx` / `2、yyy` / `(3)zzz` lines → items. An unnumbered line between item k and item k+1 is item k wrapped
 * onto a second line (there is no number it could have): it is joined to item k, never counted as an item. Unnumbered
 * lines after the last item of a list numbered 1…n are read the same way, and marked (`trailing`): they may be items
 * without a number. Other unnumbered lines are items without a number.
 */
/** `；2.` / `，3、` inside a line: where the next numbered item may start (the number checked by `inlineItems`). */
const NEXT_NUMBERED = /[；;，,。]\s*[(（]?\s*(\d+)\s*[)）]?\s*[.、．)）](?!\d)/g;

/**
 * A line that lists several numbered items (`1.金融工作；2.安全生产；3.林长制`) as one line per item: split only
 * where the next number follows a separator (`2.5亿元` after a comma is no item 2).
 */
function inlineItems(line: string): string[] {
  const first = NUMBERED.exec(toHalfWidth(line));
  if (!first) return [line];
  let expected = Number(first[1]) + 1;
  const out: string[] = [];
  let from = 0;
  NEXT_NUMBERED.lastIndex = 0;
  for (let m = NEXT_NUMBERED.exec(line); m; m = NEXT_NUMBERED.exec(line)) {
    if (Number(toHalfWidth(m[1] ?? '')) !== expected) continue;
    out.push(line.slice(from, m.index));
    from = m.index + 1;
    expected++;
  }
  out.push(line.slice(from));
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

export function parseItemList(text: string): ListedItem[] {
  const parsed = lines(text).flatMap(inlineItems).map((line) => {
    const m = NUMBERED.exec(toHalfWidth(line));
    if (m) {
      const name = (m[2] ?? '').trim();
      return { number: Number(m[1]), name, key: itemKey(name) } as ListedItem;
    }
    return { number: null, name: line, key: itemKey(line) } as ListedItem;
  });
  const out: ListedItem[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const item = parsed[i] as ListedItem;
    const prev = out[out.length - 1];
    if (item.number === null && prev?.number !== null && prev !== undefined) {
      let j = i;
      while (j < parsed.length && parsed[j]?.number === null) j++;
      const next = parsed[j];
      const last = j === parsed.length && prev.number === out.filter((x) => x.number !== null).length;
      if (next?.number === (prev.number ?? 0) + 1 || last) {
        const name = prev.name + parsed.slice(i, j).map((x) => x.name).join('');
        out[out.length - 1] = { number: prev.number, name, key: itemKey(name), ...(last ? { trailing: j - i } : {}) };
        i = j - 1;
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

/** Numbering problems as data: repeated numbers, missing numbers, unnumbered lines. */
export interface NumberingProblems {
  readonly repeats: readonly number[];
  readonly missing: readonly number[];
  readonly unnumbered: number;
}

export function numberingProblemsOf(items: readonly ListedItem[]): NumberingProblems | null {
  const nums = items.map((i) => i.number).filter((n): n is number => n !== null);
  if (nums.length === 0) return null;
  const seen = new Set<number>();
  const repeats = new Set<number>();
  for (const n of nums) {
    if (seen.has(n)) repeats.add(n);
    seen.add(n);
  }
  const missing: number[] = [];
  for (let n = 1; n <= Math.max(...nums); n++) if (!seen.has(n)) missing.push(n);
  const unnumbered = items.length - nums.length;
  if (repeats.size === 0 && missing.length === 0 && unnumbered === 0) return null;
  return { repeats: [...repeats], missing, unnumbered };
}

/** The problems rendered per language, for the finding's message. */
export function describeNumbering(p: NumberingProblems): { 'zh-CN': string; 'en-US': string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (p.repeats.length > 0) {
    zh.push(`重复：${listOf(p.repeats, 'zh-CN')}`);
    en.push(`repeated: ${listOf(p.repeats, 'en-US')}`);
  }
  if (p.missing.length > 0) {
    zh.push(`缺少：${listOf(p.missing, 'zh-CN')}`);
    en.push(`missing: ${listOf(p.missing, 'en-US')}`);
  }
  if (p.unnumbered > 0) {
    zh.push(`${p.unnumbered}条未编号`);
    en.push(`${p.unnumbered} unnumbered`);
  }
  return { 'zh-CN': zh.join('，'), 'en-US': en.join('; ') };
}

export function parseUnitKeyItems(table: Table, sink: FindingSink, settings: Settings): UnitKeyItems {
  const sheet = table.sheet;
  const rows: KeyItemsRow[] = [];
  for (const r of table.dataRows) {
    const unitRead = r.cells.get('unit');
    const itemsRead = r.cells.get('items');
    const unit = unitRead?.text ?? '';
    const count = readCountCell(r.cells.get('count'), columnLabel(table, 'count'), sheet, sink);
    const items = parseItemList(itemsRead?.text ?? '');
    const itemsCell = itemsRead?.addr ?? a1(r.row, table.header.columns.get('items')?.[0] ?? 2);
    checkRow(
      table,
      { unit, count: count.value ?? 0, items: items.map((i) => ({ number: i.number, name: i.name })) },
      sheet,
      placedFields(table, {
        unit: { cell: unitRead?.addr ?? a1(r.row, 0), label: columnLabel(table, 'unit') },
        count: { cell: count.cell, label: columnLabel(table, 'count') },
      }),
      unit !== '' ? unit : rowWhere(r.row),
      sink,
    );
    if (unit === '' && items.length === 0) continue;
    rows.push({ unit, unitKey: canonicalUnit(unit, settings.unitAliases), row: r.row, unitCell: unitRead?.addr ?? a1(r.row, 0), count, itemsCell, items });

  }
  const unitCol = table.header.columns.get('unit')?.[0] ?? 0;
  return { sheet, unitHeaderCell: table.view.address(table.header.top, unitCol), rows };
}
