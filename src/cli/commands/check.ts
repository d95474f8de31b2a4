/**
 * Checking one file, as `check` does for each argument (in-process or in a batch worker): read, audit,
 * add the template-marker findings, render the JSON contract. Never throws: a file that cannot be read
 * becomes a ReadFailure with one sentence.
 */
import { auditWorkbook, countBySeverity, type Lang, sortFindings, t } from '../../core';
import { templateFindings } from '../../core/submissions';
import { isWorkbookReadError, openWorkbook, readErrorMessage, withoutMarkerSheet } from '../../xlsx/files';
import { type CheckResult, type ReadFailure, toCheckResult } from '../report';
import { readBytes } from './common';

export interface CheckFileOptions {
  readonly lang: Lang;
  readonly guarantee: boolean;
}

export async function checkFile(file: string, options: CheckFileOptions): Promise<CheckResult | ReadFailure> {
  try {
    const wb = openWorkbook(await readBytes(file), file);
    const grids = withoutMarkerSheet(wb.grids);
    if (grids.length === 0) return { file, error: t('open.no-sheets', options.lang, { file }) };
    const audit = auditWorkbook(grids, { guaranteedQuotaIsVeryLikely: options.guarantee });
    const extra = templateFindings(wb.templateMarker, audit.sheets);
    const withTemplate =
      extra.length === 0
        ? audit
        : (() => {
            const findings = sortFindings([...audit.findings, ...extra], grids.map((g) => g.name));
            return { ...audit, findings, counts: countBySeverity(findings) };
          })();
    return toCheckResult(file, withTemplate, options.lang);
  } catch (e) {
    if (isWorkbookReadError(e)) return { file, error: readErrorMessage(e, options.lang, file) };
    return { file, error: t('read.unexpected', options.lang, { file }) };
  }
}

export function isFailure(r: CheckResult | ReadFailure): r is ReadFailure {
  return 'error' in r;
}
