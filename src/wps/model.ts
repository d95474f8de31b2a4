/**
 * The part of WPS 表格's JS object model (WPS加载项 JSAPI, `window.Application`) the adapter uses, typed as far
 * as we rely on it. It follows the VBA-like ET object model: collections are 1-based (`Item(i)`), a multi-cell
 * range's `Value2` / `Formula` is a 2-D array (a single cell's is a scalar), `NumberFormat` / `MergeCells` of a
 * range are one value when every cell agrees and something else when they differ (`null` in most builds; the
 * reader compares rather than trusting `null`: some may answer `''`), a merged area's value sits in its top-left
 * cell only, and `UsedRange` also covers cells that carry only a format. Members a WPS build may lack are
 * optional and feature-detected (src/wps/host.ts, `wpsFeatures`).
 */

export interface WpsFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Italic: boolean;
  /** BGR long, as in VBA (`RGB(r, g, b)` = r + g·256 + b·65536). */
  Color: number;
}

export interface WpsInterior {
  Color: number;
}

export interface WpsBorders {
  LineStyle: number;
  Weight: number;
  Color: number;
}

export interface WpsFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: WpsInterior;
  Delete(): void;
}

export interface WpsFormatConditions {
  readonly Count: number;
  Item(index: number): WpsFormatCondition;
  Add(type: number, operator?: number, formula1?: string): WpsFormatCondition;
}

export interface WpsRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  readonly MergeCells?: boolean | null;
  readonly MergeArea?: WpsRange;
  ColumnWidth: number;
  RowHeight: number;
  WrapText: boolean;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  readonly Font: WpsFont;
  readonly Interior: WpsInterior;
  readonly Borders: WpsBorders;
  readonly FormatConditions?: WpsFormatConditions;
  Merge?(across?: boolean): void;
  Select(): void;
  /** `Find(What, After, LookIn, LookAt, SearchOrder, SearchDirection)`: the first match, or null (Nothing). */
  readonly Find?: (what: string, after?: WpsRange, lookIn?: number, lookAt?: number, searchOrder?: number, searchDirection?: number) => WpsRange | null | undefined;
}

export interface WpsPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface WpsListObject {
  Name: string;
}

export interface WpsListObjects {
  readonly Count: number;
  Item(index: number): WpsListObject;
  Add(sourceType: number, source: WpsRange, linkSource?: unknown, hasHeaders?: number): WpsListObject;
}

export interface WpsHyperlinks {
  Add(anchor: WpsRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown;
}

export interface WpsWorksheet {
  Name: string;
  /** -1 visible (xlSheetVisible), 0 hidden, 2 very hidden; some bridges report booleans. */
  Visible: number | boolean;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsRange;
  readonly ProtectContents: boolean;
  readonly PageSetup?: WpsPageSetup;
  readonly ListObjects?: WpsListObjects;
  readonly Hyperlinks?: WpsHyperlinks;
  Range(address: string): WpsRange;
  Activate(): void;
  Delete(): void;
}

export interface WpsWorksheets {
  readonly Count: number;
  Item(index: number | string): WpsWorksheet;
  Add(before?: WpsWorksheet, after?: WpsWorksheet, count?: number, type?: number): WpsWorksheet;
}

export interface WpsName {
  readonly Name: string;
  readonly RefersTo: string;
  Delete(): void;
}

export interface WpsNames {
  readonly Count: number;
  Item(index: number): WpsName;
  Add(name: string, refersTo: string, visible?: boolean): WpsName;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Worksheets: WpsWorksheets;
  readonly Names?: WpsNames;
  readonly ProtectStructure: boolean;
  readonly ActiveSheet: WpsWorksheet | null;
}

export interface WpsWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
}

export interface WpsApplication {
  readonly Name?: string;
  readonly Version?: string;
  readonly Build?: string | number;
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveWindow?: WpsWindow | null;
  DisplayAlerts?: boolean;
  ScreenUpdating?: boolean;
  /** xlCalculationManual = -4135. */
  Calculation?: number;
  Calculate?(): void;
  CreateTaskPane?(url: string): WpsTaskPane;
  GetTaskPane?(id: string | number): WpsTaskPane | null;
  readonly PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

/** Constants of the ET object model (the same values as Excel VBA's). */
export const XL = {
  sheetVisible: -1,
  calculationManual: -4135,
  expression: 2,
  continuous: 1,
  thin: 2,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  landscape: 2,
  portrait: 1,
  paperA4: 9,
  srcRange: 1,
  yes: 1,
} as const;

/** `RRGGBB` → the BGR long the object model takes for colours. */
export function bgr(hex: string): number {
  const n = parseInt(hex, 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}
