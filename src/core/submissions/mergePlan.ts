/**
 * A merged annex (mergeSubmissions) as a SheetPlan, for hosts that write plans rather than files (the
 * Excel adapter writes it into the open workbook): values, the rebuilt 合计 SUM formulas, number formats and
 * merged areas; the header rows styled as headers, the rows below as bordered data.
 */
import { a1, isErrorValue } from '../grid';
import { STYLES } from '../plans/common';
import type { PlanCell, SheetPlan } from '../plans/types';
import type { MergedSheet } from './merge';

export function mergedSheetPlan(m: MergedSheet): SheetPlan {
  const g = m.grid;
  const [headTop, headBottom] = m.headerRows;
  const width = Math.max(0, ...g.values.map((r) => r.length));
  const rows: PlanCell[][] = g.values.map((row, r) => {
    const out: PlanCell[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      const f = g.formulas?.[r]?.[c] ?? null;
      const nf = g.numberFormats?.[r]?.[c] ?? null;
      const style = r < headTop ? undefined : r <= headBottom ? 'header' : typeof v === 'number' ? 'number' : 'text';
      const value = isErrorValue(v) ? null : v;
      out.push({
        value,
        ...(f !== null ? { formula: f } : {}),
        ...(nf !== null ? { numberFormat: nf } : {}),
        ...(style ? { style } : {}),
      });
    }
    return out;
  });
  return {
    id: `merged-${m.kind}`,
    name: g.name,
    rows,
    merges: g.merges.map((a) => (a.top === a.bottom && a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`)),
    columnWidths: Array.from({ length: width }, (_, c) => (c === m.provenanceCol ? 24 : 14)),
    frozenRows: m.provenanceCol !== null ? headBottom + 1 : 0,
    printTitleRows: [headTop + 1, headBottom + 1],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    styles: STYLES,
  };
}
