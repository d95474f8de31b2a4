export { readGrids, loadWorkbook, workbookToGrids, worksheetToGrid } from './read';
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadProblem } from './errors';
