/**
 * The file side without exceljs: read any spreadsheet (open.ts) and write the lossless copy (copy.ts).
 * The pane's file mode loads only this, on demand.
 */
export { openWorkbook, decodeText, convertToXlsx, type OpenedWorkbook, type SourceFormat } from './open';
export { copyTarget, formatLabel, withExtension, WorkbookPackage, type CopyTarget } from './copy';
export { WorkbookReadError, isWorkbookReadError, readErrorMessage, type WorkbookReadProblem } from './errors';
