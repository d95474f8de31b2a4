/**
 * The checking engine behind one import, for a surface that loads it on demand (the pane: its first paint needs
 * the catalogue and the kinds, not the checks or zod). The same functions as the core's index exports.
 */
export { auditSubmission } from './submissions/marker';
export { auditWorkbook } from './audit';
export { buildSummaryPlans, highlightPlan, summaryChartViews } from './plans';
export { resolveSettings } from './settings';
