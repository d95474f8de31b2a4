/** The pure core's public surface. */
export { auditWorkbook, type Audit, type ColumnGap, type SheetInfo } from './audit';
export { type UnitGap } from './unitGaps';
export { type Explanation, type TableExplained } from './explain';
export { auditSubmission } from './submissions/marker';
export { type Finding, type FindingOf, type CellLocation, type RenderedFinding, actualOf, messageOf, renderedFinding, countBySeverity, sortFindings } from './finding';
export { FINDINGS, type FindingCode, type Severity, type Lang, renderFinding } from './i18n/findings';
export { UI, t, textOf, type UiArgs, type UiKey, type UiParams } from './i18n/ui';
export { LIST_SEPARATOR, listOf, listParam, localized, numberParam, type ListOptions } from './i18n/lists';
export { type Grid, type CellValue, type MergeArea, a1, parseA1, columnLetter } from './grid';
export { type AnnexKind } from './table';
export { KIND_LABEL, supportedKinds, type Profile } from './kinds';
export { SettingsSchema, resolveSettings, withColumnMapping, withUnitAlias, expectedUnitsOf, type Settings, type SettingsInput } from './settings';
export { DEFAULT_COUNTY_ALIASES, DEFAULT_UNIT_ALIASES } from './units';
export { buildSummaryPlans, summaryChartViews, type ChartView, highlightPlan, type AppliedSheet, type SheetPlan, type HighlightPlan, type PlanCell, type CellStyle, MARK_TAG, MARK_FILL, markFormula, isOurMarkFormula, SHEET_TAG_PREFIX, sheetTagName, taggedSheetOf } from './plans';
export { MAX_SHEET_NAME, MAX_CELL_TEXT, cutUtf16, legalSheetName, uniqueSheetName, isLegalSheetName, fitCellText, isOverlongCellText, overlongCells, truncationMark } from './workbookLimits';
