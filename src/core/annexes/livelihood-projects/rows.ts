/**
 * The rows of the livelihood annex: 量化数据 against achieved ÷ target (`livelihood/pct-mismatch`), 进度评价
 * against the percentage (`livelihood/status-*`, `livelihood/status-vocabulary`), blank 量化数据 reported
 * as not quantifiable, and words or errors where the percentage belongs.
 */
import type { FindingSink } from '../../finding';
import { formatPercent, type PercentReading, type Quantity } from './quantity';
import type { ProgressClass } from '../../profiles/keywork/schemas';
import { columnLabel } from '../../table';
import { labelKey, toHalfWidth } from '../../text';
import { wordClasses } from '../../wordClasses';
import type { Rule } from '../types';
import { listOf, localized } from '../../i18n/lists';

export const livelihoodRows: Rule = {
  id: 'livelihood-rows',
  kind: 'livelihood-projects',
  needs: [],
  run({ records, tables, sink, enabled }) {
    const l = records['livelihood-projects'];
    const table = tables.get('livelihood-projects');
    if (!l || !table) return;
    const gates: RowGates = {
      pct: enabled('livelihood-projects', 'livelihood-pct'),
      status: enabled('livelihood-projects', 'livelihood-status'),
      quantified: enabled('livelihood-projects', 'livelihood-quantified'),
    };
    const pctColumn = columnLabel(table, 'pct');
    // Words the vocabulary does not know but that form a small closed set are classes of their own: said once.
    const classes = gates.status ? wordClasses(l.rows.filter((r) => r.cls === null && r.status !== '').map((r) => r.status)) : null;
    const ownWords = new Set(classes?.map((c) => c.word) ?? []);
    if (classes) {
      const first = l.rows.find((r) => r.cls === null && ownWords.has(labelKey(r.status)));
      const words = localized((lang) => listOf(classes.map((c) => (lang === 'zh-CN' ? `“${c.word}”${c.count}项` : `"${c.word}" ${c.count}`)), lang));
      sink.add('livelihood/status-words', { sheet: l.sheet, cell: first?.statusCell ?? 'A1' }, { words });
    }
    for (const r of l.rows) {
      checkRow({
        sheet: l.sheet,
        sink,
        label: r.label,
        pct: r.pct,
        pctCell: r.pctCell,
        pctColumn,
        gates,
        status: r.status,
        cls: r.cls,
        ownWord: r.cls === null && ownWords.has(labelKey(r.status)),
        statusCell: r.statusCell,
        achieved: r.achieved,
        target: r.target,
        recomputedPercent: r.recomputedPercent,
        nothingToDo: r.nothingToDo,
      });
    }
  },
};

/** Which row checks have every column they read. */
interface RowGates {
  readonly pct: boolean;
  readonly status: boolean;
  readonly quantified: boolean;
}

interface RowCheck {
  readonly sheet: string;
  readonly sink: FindingSink;
  readonly label: string;
  readonly pct: PercentReading;
  readonly pctCell: string;
  readonly pctColumn: string;
  readonly gates: RowGates;
  readonly status: string;
  readonly cls: ProgressClass | null;
  /** An unknown word of the column's own closed set (counted as a class, never a finding by itself). */
  readonly ownWord: boolean;
  readonly statusCell: string;
  readonly achieved: Quantity | null;
  readonly target: Quantity | null;
  readonly recomputedPercent: number | null;
  readonly nothingToDo: boolean;
}

const EPS = 1e-9;

/** 量化数据 vs achieved ÷ target, 进度评价 vs the percentage, blank 量化数据. */
export function checkRow(c: RowCheck): void {
  const { sheet, sink, pct } = c;
  const at = (cell: string) => ({ sheet, cell });
  const pctKnown = pct.kind === 'percent';

  if (pct.kind === 'error') sink.add('cell/excel-error', at(c.pctCell), { column: c.pctColumn }, { actual: pct.text });
  if (pct.kind === 'text' && !/\d/.test(toHalfWidth(pct.text))) {
    sink.add('cell/not-a-number', at(c.pctCell), { column: c.pctColumn }, { actual: pct.text.slice(0, 40) });
  }

  if (c.gates.pct && pct.kind === 'percent' && c.recomputedPercent !== null && c.achieved && c.target) {
    const tolerance = 0.5 * 10 ** -pct.decimals + EPS;
    if (Math.abs(c.recomputedPercent - pct.shown) > tolerance) {
      sink.add(
        'livelihood/pct-mismatch',
        at(c.pctCell),
        { indicator: c.label, achieved: c.achieved.text, target: c.target.text },
        { expected: formatPercent(c.recomputedPercent, pct.decimals), actual: formatPercent(pct.shown, pct.decimals) },
      );
    }
  }

  if (c.gates.quantified && pct.kind === 'blank' && !c.nothingToDo) sink.add('livelihood/not-quantifiable', at(c.pctCell), { indicator: c.label });

  if (!c.gates.status) return;
  if (c.cls === null) {
    if (c.status !== '' && !c.ownWord) sink.add('livelihood/status-vocabulary', at(c.statusCell), {}, { actual: c.status });
    return;
  }
  if (c.nothingToDo) return;
  // The recomputed figure, when there is one, is the reference; otherwise the stated percentage.
  const basisPercent = c.recomputedPercent ?? (pctKnown ? pct.percent : null);
  if (basisPercent === null) return;
  const basisText = c.recomputedPercent !== null ? formatPercent(c.recomputedPercent, pctKnown ? pct.decimals : 0) : pctKnown ? formatPercent(pct.shown, pct.decimals) : '';
  if (c.cls === 'done' && basisPercent < 100 - EPS) {
    sink.add('livelihood/status-not-met', at(c.statusCell), { indicator: c.label }, { actual: basisText, expected: '100%', related: [{ sheet, cell: c.pctCell }] });
  } else if (c.cls !== 'done' && basisPercent >= 100 - EPS) {
    sink.add('livelihood/status-met', at(c.statusCell), { indicator: c.label, status: c.status }, { actual: basisText, related: [{ sheet, cell: c.pctCell }] });
  }
}
