/// <reference types="office-js" />
/**
 * Requirement sets. The manifest asks for ExcelApi 1.9 (manifest.xml `<Set Name="ExcelApi" MinVersion>`):
 * a host below it never loads the add-in, so nothing up to 1.9 is checked at run time. Every member the
 * adapter uses above 1.9 is behind one of the features below, feature-detected with `isSetSupported`; a
 * missing one degrades that feature with a note. test/excel/apisets.test.ts lists every Excel.* member the
 * code uses with its `[Api set]` and fails when one above the manifest minimum is not listed here, or its use
 * is not inside a check of its feature.
 */
import { textOf } from '../core';
import type { ExcelMessageKey } from './messages';

/** The manifest's minimum ExcelApi version (kept equal to manifest.xml by test/excel/apisets.test.ts). */
export const MANIFEST_EXCEL_API = '1.9';

export type ExcelFeature = 'core' | 'mergedAreas';

interface FeatureSpec {
  readonly feature: ExcelFeature;
  readonly set: string;
  readonly version: string;
  /** True when the feature's absence stops the whole adapter (not just degrades it). */
  readonly blocking: boolean;
  readonly key: ExcelMessageKey;
  /** The Excel members (Interface.member, as in @types/office-js) that need this set. */
  readonly members: readonly string[];
}

const FEATURES: readonly FeatureSpec[] = [
  // The manifest's floor, checked again so that a pane opened in a host that lacks it (a sideload that
  // bypassed the manifest check) says so instead of failing on the first call.
  { feature: 'core', set: 'ExcelApi', version: MANIFEST_EXCEL_API, blocking: true, key: 'excel.req.core', members: [] },
  // Range.getMergedAreasOrNullObject: without it merged cells read as blank, with a note.
  { feature: 'mergedAreas', set: 'ExcelApi', version: '1.13', blocking: false, key: 'excel.req.mergedAreas', members: ['Range.getMergedAreasOrNullObject'] },
];

/** What each feature needs, for the self-test and the requirement-set test. */
export const FEATURE_SPECS: readonly Pick<FeatureSpec, 'feature' | 'set' | 'version' | 'members'>[] = FEATURES;

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

export function isSetSupported(set: string, version: string): boolean {
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
        message: { 'zh-CN': textOf(f.key, 'zh-CN', { version: f.version }), 'en-US': textOf(f.key, 'en-US', { version: f.version }) },
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
