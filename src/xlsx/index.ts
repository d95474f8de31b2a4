export { loadWorkbook, taggedSheets, workbookToGrids, worksheetToGrid } from './read';
export { applySheetPlan, applySheetPlans, applyHighlights, clearMarks, type AppliedSheet } from './write';
export { WorkbookReadError, isWorkbookReadError, readErrorMessage, type WorkbookReadProblem } from './errors';
export { openWorkbook, decodeText, type OpenedWorkbook, type SourceFormat } from './open';
export { readGrids } from './readGrids';
export { copyTarget, formatLabel, withExtension, WorkbookPackage, type CopyTarget } from './copy';
