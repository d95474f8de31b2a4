/**
 * The copy `summarize`, marks and `clear` write: the user's own .xlsx/.xlsm package with our parts added
 * (nothing else touched), or, for a format we cannot add to (.xls, .xlsb, .ods, .csv), a new .xlsx made
 * from its sheets — the caller tells the user so.
 */
import { convertToXlsx, type OpenedWorkbook } from './open';
import { WorkbookPackage } from './ooxml/package';

export { WorkbookPackage } from './ooxml/package';

export interface CopyTarget {
  readonly pkg: WorkbookPackage;
  /** True when the original was not an .xlsx/.xlsm package and the copy is a new .xlsx. */
  readonly converted: boolean;
  /** The extension the copy must have: `.xlsm` keeps macros, otherwise `.xlsx`. */
  readonly extension: '.xlsx' | '.xlsm';
}

export function copyTarget(bytes: Uint8Array, opened: OpenedWorkbook, file: string): CopyTarget {
  if (opened.format === 'xlsx' || opened.format === 'xlsm') {
    const pkg = WorkbookPackage.open(bytes, file);
    return { pkg, converted: false, extension: pkg.hasMacros ? '.xlsm' : '.xlsx' };
  }
  return { pkg: WorkbookPackage.open(convertToXlsx(bytes, file), file), converted: true, extension: '.xlsx' };
}

/** The output name with the extension the copy needs (`汇总.xlsx` → `汇总.xlsm` for a macro workbook). */
export function withExtension(out: string, extension: '.xlsx' | '.xlsm'): string {
  if (out.toLowerCase().endsWith(extension)) return out;
  return /\.(xlsx|xlsm|xls|et|xlsb|ods|csv)$/i.test(out) ? out.replace(/\.[^.]+$/, extension) : `${out}${extension}`;
}

/** Human name of a source format, for the conversion sentence. */
export function formatLabel(format: OpenedWorkbook['format']): string {
  return { xlsx: '.xlsx', xlsm: '.xlsm', xlsb: '.xlsb', xls: '.xls', ods: '.ods', csv: '.csv', html: 'HTML' }[format];
}
