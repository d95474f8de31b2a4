/**
 * Checking one file, as `check` does for each argument (in-process or in a batch worker): read, audit,
 * add the template-marker findings, render the JSON contract. Never throws: a file that cannot be read
 * becomes a ReadFailure with one sentence.
 */
import { auditSubmission, type Lang, t } from '../../core';
import { isWorkbookReadError, openWorkbook, readErrorMessage, withoutMarkerSheet } from '../../xlsx/files';
import { type CheckResult, type ReadFailure, toCheckResult } from '../report';
import { auditSettings, readBytes } from './common';

export interface CheckFileOptions {
  readonly lang: Lang;
  readonly guarantee: boolean;
  /** From `--settings FILE`. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export async function checkFile(file: string, options: CheckFileOptions): Promise<CheckResult | ReadFailure> {
  try {
    const wb = openWorkbook(await readBytes(file), file);
    if (withoutMarkerSheet(wb.grids).length === 0) return { file, error: t('open.no-sheets', options.lang, { file }) };
    return toCheckResult(file, auditSubmission(wb.grids, auditSettings(options.settings, options.guarantee), wb.templateMarker), options.lang);
  } catch (e) {
    if (isWorkbookReadError(e)) return { file, error: readErrorMessage(e, options.lang, file) };
    return { file, error: t('read.unexpected', options.lang, { file }) };
  }
}

export function isFailure(r: CheckResult | ReadFailure): r is ReadFailure {
  return 'error' in r;
}
