/** 附件4 进展情况 (`progress-report`): per item, the progress narrative, its stated counts and dates. */
import type { FindingSink } from '../../finding';
import { a1 } from '../../grid';
import { checkEnabled } from '../../gate';
import type { Table } from '../../table';
import { itemKey } from '../../text';
import { canonicalUnit } from '../../units';
import type { Settings } from '../../settings';
import { checkStatement, type CountStatement, type Level, type LevelCounts, parseCountStatements, statedRates } from './counts';
import { checkRow, placedColumns } from '../../schemas';
import { listParam } from '../../i18n/lists';

declare module '../records' {
  interface KindRecords {
    'progress-report': ProgressReport;
  }
}

export interface Completion {
  readonly total: number;
  readonly done: number;
  /** done ÷ total, 0..1; null when total is 0. */
  readonly rate: number | null;
  readonly level: Level;
  /** Whether done + undone = total was also confirmed. */
  readonly confirmed: boolean;
}

export interface ProgressItem {
  readonly row: number;
  readonly unit: string;
  readonly unitKey: string;
  readonly unitCell: string;
  readonly item: string;
  readonly itemKey: string;
  readonly itemCell: string;
  readonly progressText: string;
  readonly progressCell: string;
  readonly statements: readonly CountStatement[];
  /** The item's indicator completion, when its text states it unambiguously. */
  readonly completion: Completion | null;
}

export interface ProgressReport {
  readonly sheet: string;
  readonly items: readonly ProgressItem[];
}

const LEVEL_WORD: Record<Level, string> = { major: '大项', minor: '小项', bare: '项' };

export function formatCounts(c: LevelCounts, exclude = 0): string {
  const parts = (['major', 'minor', 'bare'] as const).filter((l) => c[l] !== undefined).map((l) => `${c[l]}${LEVEL_WORD[l]}`);
  const s = parts.join('');
  return exclude > 0 ? `${s}（除${exclude}项外）` : s;
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

export function parseProgressReport(table: Table, sink: FindingSink, settings: Settings): ProgressReport {
  const sheet = table.sheet;
  const items: ProgressItem[] = [];
  const countsOn = checkEnabled(table, 'progress-counts');
  for (const r of table.dataRows) {
    const get = (k: string) => r.cells.get(k);
    const unitRead = get('unit');
    const itemRead = get('item');
    const progressRead = get('progress');
    const unit = unitRead?.text ?? '';
    const item = itemRead?.text ?? '';
    const progressText = progressRead?.text ?? '';
    if (item === '' && progressText === '' && (get('problems')?.text ?? '') === '') continue;
    // Each cell read once, and its address made once, per row.
    const addresses = new Map<string, string>();
    const cellOf = (k: string): string => {
      let cell = addresses.get(k);
      if (cell === undefined) {
        const read = k === 'unit' ? unitRead : k === 'item' ? itemRead : k === 'progress' ? progressRead : get(k);
        cell = read?.addr ?? a1(r.row, table.header.columns.get(k)?.[0] ?? 0);
        addresses.set(k, cell);
      }
      return cell;
    };
    const where = `${unit}“${item}”`;
    checkRow(
      table,
      { unit, item, progress: progressText },
      sheet,
      placedColumns(table, cellOf, ['unit', 'item', 'progress']),
      where,
      sink,
    );

    const progressCell = cellOf('progress');
    const statements = countsOn ? parseCountStatements(progressText) : [];
    const completions: Completion[] = [];
    for (const s of statements) {
      const check = checkStatement(s);
      const totalText = formatCounts(s.total, s.exclude);
      if (check.status === 'ok') {
        completions.push({ total: check.total, done: check.done, rate: check.total > 0 ? check.done / check.total : null, level: check.level, confirmed: true });
      } else if (check.status === 'incomplete' && check.total !== undefined && check.done !== undefined && check.level !== undefined) {
        completions.push({ total: check.total, done: check.done, rate: check.total > 0 ? check.done / check.total : null, level: check.level, confirmed: false });
      } else if (check.status === 'mismatch' && s.undone) {
        const params = { total: s.text.total, done: s.text.done, undone: s.text.undone ?? formatCounts(s.undone), totalCounts: totalText };
        if (check.explicit) {
          sink.add('text/count-sum', { sheet, cell: progressCell }, params, { expected: check.sum, actual: check.totals[0] ?? '' });
        } else {
          sink.add('text/count-sum-ambiguous', { sheet, cell: progressCell }, params, { expected: check.sum, actual: listParam(check.totals) });
        }
      }
      const b = s.undoneBreakdown;
      const undoneValue = s.undone ? (Object.values(s.undone)[0] ?? null) : null;
      if (b && undoneValue !== null) {
        const sum = b.parts.reduce((a, x) => a + x, 0);
        if (sum !== undoneValue) {
          sink.add('text/breakdown-sum', { sheet, cell: progressCell }, { head: `${s.text.undone ?? ''}（${b.text}）` }, { expected: sum, actual: undoneValue });
        }
      }
    }
    for (const rate of countsOn ? statedRates(progressText) : []) {
      if (rate.total <= 0) continue;
      const computed = roundTo((rate.done / rate.total) * 100, rate.decimals);
      if (Math.abs(computed - rate.percent) > 0.5 * 10 ** -rate.decimals + 1e-9) {
        sink.add('text/rate-mismatch', { sheet, cell: progressCell }, { head: rate.text, done: rate.done, total: rate.total }, { expected: `${computed}%`, actual: `${rate.percent}%` });
      }
    }
    items.push({
      row: r.row,
      unit,
      unitKey: canonicalUnit(unit, settings.unitAliases),
      unitCell: cellOf('unit'),
      item,
      itemKey: itemKey(item),
      itemCell: cellOf('item'),
      progressText,
      progressCell,
      statements,
      // Several statements (one per county, say) give no single rate for the item.
      completion: completions.length === 1 ? (completions[0] ?? null) : null,
    });
  }

  return { sheet, items };
}
