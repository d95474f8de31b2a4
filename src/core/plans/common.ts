/** Shared layout of our summary sheets: the way staff format annexes. */
import type { CellStyle, PlanCell, SheetPlan } from './types';

export const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' },
  subtitle: { fontSize: 10, italic: true, fontColor: '595959', hAlign: 'left', vAlign: 'middle', wrap: true },
  header: { bold: true, border: true, wrap: true, hAlign: 'center', vAlign: 'middle', fill: 'D9E1F2' },
  text: { border: true, wrap: true, vAlign: 'top' },
  center: { border: true, hAlign: 'center', vAlign: 'top' },
  number: { border: true, hAlign: 'right', vAlign: 'top' },
  total: { bold: true, border: true, hAlign: 'center', vAlign: 'top', fill: 'F2F2F2' },
  totalNumber: { bold: true, border: true, hAlign: 'right', vAlign: 'top', fill: 'F2F2F2' },
  link: { border: true, fontColor: '0563C1', vAlign: 'top' },
  error: { border: true, bold: true, fontColor: '9C0006', fill: 'FFC7CE', hAlign: 'center', vAlign: 'top' },
  warning: { border: true, fontColor: '9C5700', fill: 'FFEB9C', hAlign: 'center', vAlign: 'top' },
  info: { border: true, fontColor: '1F4E78', fill: 'DDEBF7', hAlign: 'center', vAlign: 'top' },
  section: { bold: true, fontSize: 12, vAlign: 'middle' },
};

export const PERCENT = '0.0%';

export function text(value: string | null, style = 'text'): PlanCell {
  return { value, style };
}

export function blank(): PlanCell {
  return { value: null };
}

export function num(value: number | null, style = 'number'): PlanCell {
  return { value, style };
}

/**
 * A formula with its cached result — always one (`""` for a blank IF branch, 0 for an empty SUM), so a reader
 * that does not recalculate shows the figure, not a blank.
 */
export function formula(f: string, value: string | number, style = 'number', numberFormat?: string): PlanCell {
  return { value, formula: f, style, ...(numberFormat ? { numberFormat } : {}) };
}

export function link(label: string, sheet: string, cell: string): PlanCell {
  return { value: label, style: 'link', link: { sheet, cell } };
}

/** A1 reference to another sheet, quoted as Excel needs (`'附件3'!E5`). */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export function basePlan(
  id: string,
  name: string,
  rows: PlanCell[][],
  opts: { widths: number[]; headerRow: number; merges?: string[]; table?: { name: string; range: string } },
): SheetPlan {
  return {
    id,
    name,
    rows,
    merges: opts.merges ?? [],
    columnWidths: opts.widths,
    frozenRows: opts.headerRow,
    printTitleRows: [opts.headerRow, opts.headerRow],
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    styles: STYLES,
    ...(opts.table ? { table: opts.table } : {}),
  };
}
