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
export { SettingsSchema, resolveSettings, type Settings, type SettingsInput } from './settings';
export { withColumnMapping, withUnitAlias, expectedUnitsOf } from './settingsFields';
export { DEFAULT_COUNTY_ALIASES, DEFAULT_UNIT_ALIASES } from './units';
export { buildSummaryPlans, summaryChartViews, type ChartView, highlightPlan, type AppliedSheet, type SheetPlan, type HighlightPlan, type PlanCell, type CellStyle, MARK_TAG, MARK_FILL, markFormula, isOurMarkFormula, SHEET_TAG_PREFIX, sheetTagName, taggedSheetOf } from './plans';
export { MAX_SHEET_NAME, MAX_CELL_TEXT, cutUtf16, legalSheetName, uniqueSheetName, isLegalSheetName, fitCellText, isOverlongCellText, overlongCells, truncationMark } from './workbookLimits';

// What the adapters (src/xlsx, src/excel, src/wps, src/hosts, src/commands), the CLI, the pane and scripts/ use
// besides the audit. Nothing outside src/core imports past this file, except the pane's lazy `import()` of
// ./engine (eslint.config.mjs, 'The core's public surface'; docs/adding-an-annex.md). Bundles keep only what they
// use of it: webpack reads src/core as free of side effects.
export { explainAudit, renderExplanation } from './explain';
export { type Params } from './i18n/findings';
export { UI_EXCEL } from './i18n/uiExcel';
export { renderFindingsDoc } from './i18n/doc';
export { sheetOfReference, isErrorValue, type SheetReadProblem, type XmlProblem } from './grid';
export { type ChartKind, type ChartPlan } from './plans/types';
export { chartData, chartName, chartPageBreaks } from './plans/charts';
export {
  TEMPLATE_MARKER_NAME,
  TEMPLATE_BUNDLES,
  TEMPLATE_KINDS,
  isTemplateBundle,
  isTemplateKind,
  expandTemplateRequest,
  templateProfiles,
  templateWorkbook,
  type TemplateKind,
  type TemplatePlan,
  type TemplateRequest,
  type TemplateWorkbook,
  changeSides,
  diffAudits,
  diffPlan,
  DIFF_TEXT_COLUMNS,
  markedExcerpt,
  markedText,
  splitMarked,
  type DiffChange,
  type DiffReport,
  mergeSubmissions,
  auditMerge,
  mergedSheetPlan,
  type MergedSheet,
  type MergeResult,
  type MergeSource,
  expectedUnitsFromGrids,
  missingUnits,
  stateText,
  statusPlan,
  submissionStatus,
  templateText,
  unreadableStatus,
  type SubmissionStatus,
} from './submissions';
