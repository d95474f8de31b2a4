export { readGrids, loadWorkbook, workbookToGrids, worksheetToGrid } from './read';
export { applySheetPlan, applySheetPlans, applyHighlights, clearMarks, taggedSheets, type AppliedSheet } from './write';
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadProblem } from './errors';
