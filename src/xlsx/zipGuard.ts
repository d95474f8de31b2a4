/**
 * Before exceljs inflates anything: read the zip's central directory and refuse archives whose declared
 * inflated size is absurd for a workbook (a zip bomb) or that have too many entries. Pure byte reading.
 */

import { WorkbookReadError } from './errors';
import { readZip, type ZipEntry, ZipFormatError } from './zip';

/** Total inflated size we accept: far above any real annex workbook (the samples inflate to < 1 MB). */
export const MAX_INFLATED_BYTES = 400 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;
/** A single entry compressed more than this ratio, and large, is a bomb. */
export const MAX_RATIO = 1_000;

export type ZipVerdict = { ok: true; entries: number; inflated: number } | { ok: false; reason: 'too-large' | 'truncated' };

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

export function inspectZip(bytes: Uint8Array): ZipVerdict {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'truncated' };
  const entries = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (cdOffset + cdSize > bytes.length) return { ok: false, reason: 'truncated' };
  if (entries > MAX_ENTRIES) return { ok: false, reason: 'too-large' };
  let p = cdOffset;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (u32(bytes, p) !== 0x02014b50) return { ok: false, reason: 'truncated' };
    const compressed = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    // ZIP64 entries (0xFFFFFFFF) are > 4 GiB: never a real annex workbook.
    if (size === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'too-large' };
    inflated += size;
    if (inflated > MAX_INFLATED_BYTES) return { ok: false, reason: 'too-large' };
    if (size > 50 * 1024 * 1024 && compressed > 0 && size / compressed > MAX_RATIO) return { ok: false, reason: 'too-large' };
    p += 46 + u16(bytes, p + 28) + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return { ok: true, entries, inflated };
}

/**
 * A workbook package's entries, after the guard: a zip bomb or a cut-off file is refused with its true
 * reason as a `WorkbookReadError` (the reader and the package writer open packages alike).
 */
export function guardedZipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  const verdict = inspectZip(bytes);
  if (!verdict.ok) throw new WorkbookReadError(verdict.reason, file);
  try {
    return readZip(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError('truncated', file, e.message, { cause: e });
    throw e;
  }
}
