/**
 * Plans: what to write into a workbook, as data. The core builds them; each adapter (exceljs, Office.js)
 * applies them. A plan never refers to a source sheet's cells except as a read-only link target.
 */
import type { Severity } from '../i18n/spec';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** RRGGBB, no `#`. */
  readonly fontColor?: string;
  /** RRGGBB fill, no `#`. */
  readonly fill?: string;
  readonly border?: boolean;
  readonly wrap?: boolean;
  readonly hAlign?: 'left' | 'center' | 'right';
  readonly vAlign?: 'top' | 'middle';
}

export interface PlanCell {
  /** A literal value. Text is always written as text, even when it starts with `= + - @`. */
  readonly value: string | number | boolean | null;
  /** Our own formula, without the leading `=`; `value` is the result the core computed. */
  readonly formula?: string;
  readonly numberFormat?: string;
  /** Key into the plan's `styles`. */
  readonly style?: string;
  /** An internal link: clicking the cell jumps to this sheet and cell. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface SheetPlan {
  /** Stable id of this summary, e.g. `tally`; the adapters tag the sheet with it to recognise it later. */
  readonly id: string;
  /** The name we want; an adapter picks another (`名称 (2)`) when a user sheet already has it. */
  readonly name: string;
  /** Rows from A1 down; ragged rows are fine. */
  readonly rows: readonly (readonly PlanCell[])[];
  /** A1 ranges to merge. */
  readonly merges: readonly string[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Row heights in points by 1-based row, where the default would cut text (a wrapped note in a merged area). */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Rows frozen at the top (the title and header). */
  readonly frozenRows: number;
  /** Header rows (1-based, inclusive) repeated on every printed page. */
  readonly printTitleRows: readonly [number, number];
  readonly print: { readonly orientation: 'landscape' | 'portrait'; readonly paperSize: 'A4'; readonly fitToWidth: boolean };
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** An Excel table (with filters) over this A1 range, header row first. */
  readonly table?: { readonly name: string; readonly range: string };
  /** Native charts beside the tables, referring to this sheet's cells (every host writes the same). */
  readonly charts?: readonly ChartPlan[];
}

/**
 * Bar = horizontal bars, column = vertical; `stacked` stacks the series. Every host has these four:
 * DrawingML barChart (barDir bar/col, grouping clustered/stacked), Office.js BarClustered/BarStacked/
 * ColumnClustered/ColumnStacked, WPS xlBarClustered (57) / xlBarStacked (58) / xlColumnClustered (51) /
 * xlColumnStacked (52).
 */
export type ChartKind = 'bar' | 'barStacked' | 'column' | 'columnStacked';

export interface ChartSeriesPlan {
  /** The legend text: the text of `nameCell` when there is one (the writers refer to the cell). */
  readonly name: string;
  /** A1 cell on this sheet holding the name (a header cell), so the legend follows the table. */
  readonly nameCell?: string;
  /** A1 range on this sheet, one column, as long as the categories. */
  readonly values: string;
  /** RRGGBB, no `#`. */
  readonly color: string;
  /** Points drawn in another colour (0-based index in the range), e.g. the overall rate among the units. */
  readonly pointColors?: readonly { readonly index: number; readonly color: string }[];
}

/** One native chart: everything a host needs, in the plan's language; ranges are on the plan's own sheet. */
export interface ChartPlan {
  /** Stable id within the sheet (`tally`, `byUnit` …); the hosts name the chart `AnnexAudit_<sheet id>_<id>`. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** A1 range on this sheet, one column: the category labels. */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  readonly categoryAxisTitle: string;
  readonly valueAxisTitle: string;
  /** Number format of the value axis and labels (`0%` for rates); General when absent. */
  readonly valueFormat?: string;
  /** Data labels on the bars (a single series of rates). */
  readonly dataLabels?: boolean;
  readonly legend: boolean;
  /** The cell (A1) under the chart's top-left corner; a manual page break above its row prints it whole. */
  readonly anchor: string;
  /**
   * Size in pixels at 96 dpi, independent of row heights (a wrapped row beside the chart does not stretch it):
   * never wider than the table columns it sits under, never taller than an A4 landscape page fitted to width.
   */
  readonly size: { readonly width: number; readonly height: number };
}

/** What an adapter did with one sheet plan (both adapters report the same). */
export interface AppliedSheet {
  readonly id: string;
  readonly wanted: string;
  readonly name: string;
  /** True when a user sheet already had the wanted name and we chose another. */
  readonly renamed: boolean;
  readonly replaced: boolean;
}

/** Highlight of finding cells, by severity, as conditional formats that leave the cells' own values and formats alone. */
export interface HighlightPlan {
  readonly marks: readonly { readonly sheet: string; readonly severity: Severity; readonly cells: readonly string[] }[];
}

/** Every conditional format we add carries this text in its formula, so `clear marks` removes exactly ours. */
export const MARK_TAG = 'annex-audit';

/** The formula of our highlight rule: always TRUE, and recognisable. */
export function markFormula(severity: Severity): string {
  return `N("${MARK_TAG}:${severity}")=0`;
}

export function isOurMarkFormula(formula: string): boolean {
  return formula.includes(`"${MARK_TAG}:`);
}

export const MARK_FILL: Readonly<Record<Severity, string>> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};

/** The defined-name prefix tagging our summary sheets (`AnnexAudit_tally` → its sheet). */
export const SHEET_TAG_PREFIX = 'AnnexAudit_';

/**
 * The defined name tagging a plan's sheet. A defined name holds letters, digits, `_` and `.` only (Excel and WPS
 * refuse `AnnexAudit_merged-rating-tally`), so anything else in the plan's id becomes `_`.
 */
export function sheetTagName(id: string): string {
  return SHEET_TAG_PREFIX + id.replace(/[^A-Za-z0-9_.]/g, '_');
}

/**
 * The sheet our earlier run wrote for plan `id`, from a workbook's tags (defined-name suffix → sheet name):
 * under its legal name, or under the raw id that earlier versions wrote (`merged-…`, which Excel repairs).
 */
export function taggedSheetOf(tags: ReadonlyMap<string, string>, id: string): string | undefined {
  return tags.get(sheetTagName(id).slice(SHEET_TAG_PREFIX.length)) ?? tags.get(id);
}
