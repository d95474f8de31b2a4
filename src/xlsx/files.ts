/**
 * The file side without exceljs: read any spreadsheet (open.ts) and write the lossless copy (copy.ts).
 * The pane's file mode loads only this, on demand.
 */
export { openWorkbook, decodeText, convertToXlsx, type OpenedWorkbook, type SourceFormat } from './open';
export { copyTarget, formatLabel, withExtension, WorkbookPackage, type CopyTarget } from './copy';
import { type Grid, TEMPLATE_MARKER_NAME } from '../core';

/** The grids to audit: every sheet except our template marker sheet. */
export function withoutMarkerSheet(grids: readonly Grid[]): Grid[] {
  return grids.filter((g) => g.name !== TEMPLATE_MARKER_NAME);
}

export { WorkbookReadError, isWorkbookReadError, readErrorMessage, type WorkbookReadProblem } from './errors';
