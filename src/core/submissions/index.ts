/** Colleagues' submissions: templates, the template marker, version comparison, consolidation. */
export * from './templates';
export { TEMPLATE_MARKER_NAME, TEMPLATE_VERSION, formatMarker, markerFromGrids, parseMarker, templateFindings, auditSubmission, type ParsedMarker } from './marker';
export { kindsOfTemplateId, templateLabel } from './templateKinds';
export { diffAudits, CHANGE_TYPES, type ChangeType, type DiffChange, type DiffReport } from './diff';
export { diffPlan, changeSides, formatFigure, DIFF_SHEET, DIFF_TEXT_COLUMNS } from './diffPlan';
export { diffText, markedText, markedExcerpt, splitMarked, MARK_OPEN, MARK_CLOSE, type TextSegment } from './textDiff';
export { mergeSubmissions, PROVENANCE_HEADER, type MergeSource, type MergeResult, type MergedSheet, type CellOrigin } from './merge';
export { rowKey, keyedRows, type RowKey, type KeyedRow } from './keys';
export { mergedSheetPlan } from './mergePlan';
export { auditMerge } from './mergeAudit';
export {
  expectedUnitsFromGrids,
  missingUnits,
  stateText,
  statusPlan,
  statusTotals,
  submissionStatus,
  templateText,
  unitOfFile,
  unreadableStatus,
  type StatusTotals,
  type SubmissionState,
  type SubmissionStatus,
} from './status';
