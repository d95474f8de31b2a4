/// <reference types="office-js" />
/**
 * Requirement sets the adapter uses, feature-detected with `isSetSupported`. A missing set degrades one
 * feature with a message; only a missing core set (ExcelApi 1.4) stops the adapter, and never by crashing.
 */
import { EXCEL_MESSAGES, type ExcelMessageKey } from './messages';

export type ExcelFeature = 'core' | 'conditionalFormats' | 'freezeLinks' | 'pageLayout' | 'multiArea' | 'mergedAreas';

interface FeatureSpec {
  readonly feature: ExcelFeature;
  readonly set: string;
  readonly version: string;
  /** True when the feature's absence stops the whole adapter (not just degrades it). */
  readonly blocking: boolean;
  readonly key: ExcelMessageKey;
}

const FEATURES: readonly FeatureSpec[] = [
  // worksheet.getUsedRangeOrNullObject, names.getItemOrNullObject / add, NamedItem.delete
  { feature: 'core', set: 'ExcelApi', version: '1.4', blocking: true, key: 'excel.req.core' },
  // range.conditionalFormats.add('Custom')
  { feature: 'conditionalFormats', set: 'ExcelApi', version: '1.6', blocking: false, key: 'excel.req.conditionalFormats' },
  // freezePanes.freezeRows, range.hyperlink
  { feature: 'freezeLinks', set: 'ExcelApi', version: '1.7', blocking: false, key: 'excel.req.freezeLinks' },
  // worksheet.pageLayout (orientation, paper size, zoom, setPrintTitleRows)
  { feature: 'pageLayout', set: 'ExcelApi', version: '1.9', blocking: false, key: 'excel.req.pageLayout' },
  // worksheet.getRanges (multi-area RangeAreas)
  { feature: 'multiArea', set: 'ExcelApi', version: '1.9', blocking: false, key: 'excel.req.multiArea' },
  // range.getMergedAreasOrNullObject
  { feature: 'mergedAreas', set: 'ExcelApi', version: '1.13', blocking: false, key: 'excel.req.mergedAreas' },
];

export interface MissingFeature {
  readonly feature: ExcelFeature;
  readonly requirement: string;
  readonly blocking: boolean;
  readonly key: ExcelMessageKey;
  readonly message: { readonly 'zh-CN': string; readonly 'en-US': string };
}

export interface Requirements {
  readonly supported: ReadonlySet<ExcelFeature>;
  readonly missing: readonly MissingFeature[];
}

function isSetSupported(set: string, version: string): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    return Office.context?.requirements?.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

/** Which of the adapter's features this Excel offers; never throws (outside Excel, nothing is supported). */
export function checkRequirements(): Requirements {
  const supported = new Set<ExcelFeature>();
  const missing: MissingFeature[] = [];
  for (const f of FEATURES) {
    if (isSetSupported(f.set, f.version)) supported.add(f.feature);
    else
      missing.push({
        feature: f.feature,
        requirement: `${f.set} ${f.version}`,
        blocking: f.blocking,
        key: f.key,
        message: EXCEL_MESSAGES[f.key],
      });
  }
  return { supported, missing };
}

export function supports(feature: ExcelFeature): boolean {
  const spec = FEATURES.find((f) => f.feature === feature);
  return spec !== undefined && isSetSupported(spec.set, spec.version);
}

export function requirementOf(feature: ExcelFeature): string {
  const spec = FEATURES.find((f) => f.feature === feature);
  return spec ? `${spec.set} ${spec.version}` : feature;
}
