/** Finding codes of profile B (重点工作推进): target progress, livelihood projects, 通报 figures. */
import { type FindingSpec } from './spec';

export const FINDINGS_KEYWORK = {} as const satisfies Record<string, FindingSpec>;
