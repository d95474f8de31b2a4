export { readGrids, loadWorkbook, taggedSheets, workbookToGrids, worksheetToGrid } from './read';
export { applySheetPlan, applySheetPlans, applyHighlights, clearMarks, type AppliedSheet } from './write';
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadProblem } from './errors';
