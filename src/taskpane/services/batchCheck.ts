/**
 * One submission of 批量校验报送 checked: bytes → its status row (unit, template, counts, or why it could not be
 * read). The same function on the page's thread and in the batch's Web Workers (batch.worker.ts), so a file
 * gets the same row wherever it was checked. Reader and core only: no writer in a worker's bundle.
 */
import { auditSubmission, type Audit, type Lang, type SettingsInput, t, type SubmissionStatus, submissionStatus, unreadableStatus } from '../../core';
import { isWorkbookReadError, openWorkbook, type OpenedWorkbook, readErrorMessage } from '../../xlsx/files';
import type { Preinflated } from '../../xlsx/zipGuard';
import { PaneError } from './types';

export function openBytes(bytes: Uint8Array, name: string, lang: Lang, inflated?: Preinflated): OpenedWorkbook {
  try {
    return openWorkbook(bytes, name, inflated ? { inflated } : {});
  } catch (e) {
    if (isWorkbookReadError(e)) throw new PaneError(readErrorMessage(e, lang, name));
    throw new PaneError(t('read.unexpected', lang, { file: name }));
  }
}

export function auditOf(opened: OpenedWorkbook, settings: SettingsInput): Audit {
  return auditSubmission(opened.grids, settings, opened.templateMarker);
}

/**
 * The status row of one file; an unreadable file is a row with its reason, never a throw. `inflated`: its
 * zip parts inflated already (the workers inflate them natively: nativeInflate.ts), the same bytes.
 */
export function checkOne(name: string, bytes: Uint8Array, settings: SettingsInput, lang: Lang, expected: readonly string[], inflated?: Preinflated): SubmissionStatus {
  try {
    const opened = openBytes(bytes, name, lang, inflated);
    return submissionStatus(name, auditOf(opened, settings), opened.templateMarker, expected);
  } catch (e) {
    return unreadableStatus(name, e instanceof PaneError ? e.userMessage : t('read.unexpected', lang, { file: name }), expected);
  }
}

/** A chosen file's bytes; null when the browser cannot read it (the row then says so). */
export async function bytesOf(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** The row of a file whose bytes could not be read. */
export function unreadableFile(name: string, lang: Lang, expected: readonly string[]): SubmissionStatus {
  return unreadableStatus(name, t('read.unexpected', lang, { file: name }), expected);
}
