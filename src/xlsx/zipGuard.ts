/**
 * Before any library reads a zip package (SheetJS, exceljs, our own package writer): every entry is
 * inflated here, once, with a running byte budget per part and in total. What counts is what the deflate
 * stream really produces — a zip bomb declares 0 or 1,000 bytes and inflates to gigabytes, and it is
 * stopped at the budget, not after. The entry count, ZIP64 archives, encrypted entries and unknown
 * compression methods are decided here too, each with its own problem. Plain byte arrays (no Node
 * Buffer), so the pane's file mode runs the same code.
 */
import { Inflate } from 'fflate';
import { WorkbookReadError } from './errors';
import { READ_LIMITS, type ReadLimits } from './limits';
import { readZip, zipDirectory, type ZipEntry, ZipFormatError } from './zip';

/** Compressed bytes given to the inflater at a time: its output per step stays below ~1 MB × the format's maximum ratio (1,032:1). */
const STEP = 16 * 1024;

class OverBudget extends Error {}

type NativeInflate = (raw: Uint8Array, options: { maxOutputLength: number }) => Uint8Array;

/**
 * Node's own zlib when the reader runs in Node (the CLI): several times faster than fflate on a bomb's long
 * runs, and it stops at `maxOutputLength` as it goes. Reached through `process.getBuiltinModule` (Node ≥
 * 20.16), so the pane's bundle has no Node import; elsewhere fflate does the same work.
 */
const nodeInflate: NativeInflate | null = (() => {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const zlib = proc?.getBuiltinModule?.('node:zlib') as { inflateRawSync?: NativeInflate } | undefined;
    return zlib?.inflateRawSync ? zlib.inflateRawSync.bind(zlib) : null;
  } catch {
    return null;
  }
})();

/** Which inflater runs: Node's zlib when there is one; tests set `native` to null to run the pane's path (fflate). */
export const INFLATERS: { native: NativeInflate | null } = { native: nodeInflate };

/**
 * Inflate one deflate stream, stopping as soon as its output passes `budget` bytes (OverBudget). With
 * `keep`, the bytes come back; without, only their count.
 */
function inflateWithin(raw: Uint8Array, budget: number, keep: boolean, ready?: Preinflated): { size: number; data: Uint8Array | null } {
  if (raw.length === 0) return { size: 0, data: keep ? new Uint8Array(0) : null };
  const done = ready?.get(rawKey(raw));
  if (done !== undefined) {
    if (done === 'over' || done.length > budget) throw new OverBudget();
    return { size: done.length, data: keep ? done : null };
  }
  const native = INFLATERS.native;
  if (native) {
    let out: Uint8Array;
    try {
      out = native(raw, { maxOutputLength: Math.max(1, budget) });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new OverBudget();
      throw e;
    }
    if (out.length > budget) throw new OverBudget();
    return { size: out.length, data: keep ? out : null };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) throw new OverBudget();
    if (keep && chunk.length > 0) chunks.push(chunk);
  });
  for (let at = 0; at < raw.length; at += STEP) inflater.push(raw.subarray(at, Math.min(raw.length, at + STEP)), at + STEP >= raw.length);
  if (!keep) return { size, data: null };
  if (chunks.length === 1) return { size, data: chunks[0] ?? new Uint8Array(0) };
  const data = new Uint8Array(size);
  let p = 0;
  for (const c of chunks) {
    data.set(c, p);
    p += c.length;
  }
  return { size, data };
}

/** Where an entry's stored bytes lie in the package: the key of its stream in a Preinflated map. */
function rawKey(raw: Uint8Array): string {
  return `${raw.byteOffset}:${raw.length}`;
}

/**
 * A package's deflated entries inflated ahead of `inflatePackage` (by `preinflatePackage`), by where their
 * stored bytes lie in the package: the bytes, or 'over' when a stream passed the part budget (inflated no
 * further). An entry not in the map (its stream failed, or the budget was spent) is inflated as usual.
 */
export type Preinflated = ReadonlyMap<string, Uint8Array | 'over'>;

/** An asynchronous inflater of one raw deflate stream that stops past `cap` bytes (null then). */
export type InflateRaw = (raw: Uint8Array, cap: number) => Promise<Uint8Array | null>;

/**
 * Inflate a package's deflated entries ahead, with an asynchronous inflater (the browser's native
 * DecompressionStream, several times faster than fflate), for `inflatePackage` to use: the same bytes, so
 * the same workbook. Budgets: a stream stops at the part budget ('over'), and nothing more is inflated once
 * the total budget is spent; `inflatePackage` still decides every limit and every problem, in its order
 * (a stream that failed here is inflated there again, to fail with its own message). Never throws.
 */
export async function preinflatePackage(bytes: Uint8Array, inflate: InflateRaw, limits: ReadLimits = READ_LIMITS): Promise<Preinflated> {
  const out = new Map<string, Uint8Array | 'over'>();
  let listed: ZipEntry[];
  try {
    const dir = zipDirectory(bytes);
    if (!dir || dir.count > limits.entries) return out;
    listed = readZip(bytes);
  } catch {
    return out;
  }
  let total = 0;
  for (const e of listed) {
    if (e.method !== 8 || e.raw.length === 0 || e.flags & 0x41 || e.name.endsWith('/')) continue;
    if (total > limits.totalBytes) break;
    let data: Uint8Array | null;
    try {
      data = await inflate(e.raw, limits.partBytes);
    } catch {
      continue;
    }
    out.set(rawKey(e.raw), data ?? 'over');
    total += data ? data.length : limits.partBytes + 1;
  }
  return out;
}

export interface InflatedPackage {
  /** The entries, each with `size` set to what it really inflates to. */
  readonly entries: ZipEntry[];
  /** Part name → inflated bytes (directories left out); null when the bytes were only counted. */
  readonly parts: Map<string, Uint8Array> | null;
  /** Bytes all parts inflate to. */
  readonly total: number;
}

/**
 * Every entry of a zip package inflated against the limits. Throws WorkbookReadError naming the limit
 * hit (too-many-entries, part-too-large, too-large) or the package's problem (truncated, encrypted,
 * unreadable for an unknown compression method).
 */
export function inflatePackage(bytes: Uint8Array, file: string, limits: ReadLimits = READ_LIMITS, keep = true, ready?: Preinflated): InflatedPackage {
  const dir = zipDirectory(bytes);
  if (!dir) throw new WorkbookReadError('truncated', file);
  if (dir.count > limits.entries) throw new WorkbookReadError('too-many-entries', file, String(limits.entries));
  let listed: ZipEntry[];
  try {
    listed = readZip(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError('truncated', file, e.message, { cause: e });
    throw e;
  }
  const entries: ZipEntry[] = [];
  const parts = keep ? new Map<string, Uint8Array>() : null;
  let total = 0;
  for (const e of listed) {
    // Bit 0: encrypted (PKWARE); bit 6: strong encryption.
    if (e.flags & 0x41) throw new WorkbookReadError('encrypted', file);
    if (e.name.endsWith('/')) {
      entries.push(e);
      continue;
    }
    const room = Math.min(limits.partBytes, limits.totalBytes - total);
    const overBudget = (): WorkbookReadError =>
      limits.partBytes <= limits.totalBytes - total
        ? new WorkbookReadError('part-too-large', file, String(limits.partBytes), { part: e.name })
        : new WorkbookReadError('too-large', file, String(limits.totalBytes));
    let size: number;
    let data: Uint8Array | null;
    if (e.method === 0) {
      size = e.raw.length;
      data = e.raw;
      if (size > room) throw overBudget();
    } else if (e.method === 8) {
      try {
        ({ size, data } = inflateWithin(e.raw, room, keep, ready));
      } catch (err) {
        if (err instanceof OverBudget) throw overBudget();
        throw new WorkbookReadError('truncated', file, err instanceof Error ? err.message : String(err), { cause: err, part: e.name });
      }
    } else {
      throw new WorkbookReadError('unreadable', file, `compression method ${e.method}`, { part: e.name });
    }
    total += size;
    entries.push(size === e.size ? e : { ...e, size });
    if (parts && data) parts.set(e.name, data);
  }
  return { entries, parts, total };
}

/**
 * A workbook package's entries, after every one was inflated against the budgets (only counted, not
 * kept): what the package writer and exceljs open. Their `size` is the real one, so a part whose
 * headers lie is read whole, never into a buffer of the declared size.
 */
export function guardedZipEntries(bytes: Uint8Array, file: string, limits: ReadLimits = READ_LIMITS): ZipEntry[] {
  return inflatePackage(bytes, file, limits, false).entries;
}
