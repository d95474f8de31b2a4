/**
 * The batch worker's inflater (batch.worker.ts): a file's zip parts inflated by the browser's own
 * DecompressionStream('deflate-raw') before the reader runs, so the reader (zipGuard.ts, synchronous) takes
 * them from here instead of inflating them again in JavaScript (fflate) — in Node the reader uses zlib the
 * same way (`INFLATERS.native`). Same bytes, same budgets: a part past the part budget is refused as the
 * reader refuses it, pre-inflating stops once the parts pass the total budget, and any part not inflated
 * here (a browser without 'deflate-raw', a stream the browser rejects, past the budgets) is inflated by
 * fflate as before, against the same budget, so a file gets the same row and the same reasons.
 */
import { Inflate } from 'fflate';
import { READ_LIMITS } from '../../xlsx/limits';
import { readZip } from '../../xlsx/zip';
import { INFLATERS } from '../../xlsx/zipGuard';

type Inflated = Uint8Array | 'over';

/** Compressed bytes given to fflate at a time (zipGuard.ts's STEP). */
const STEP = 16 * 1024;

function tooLarge(): Error {
  return Object.assign(new Error('inflated past the budget'), { code: 'ERR_BUFFER_TOO_LARGE' });
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** zipGuard.ts's own fflate path, for a part not inflated ahead: stops as soon as the output passes `max`. */
function inflateWithFflate(raw: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > max) throw tooLarge();
    if (chunk.length > 0) chunks.push(chunk);
  });
  for (let at = 0; at < raw.length; at += STEP) inflater.push(raw.subarray(at, Math.min(raw.length, at + STEP)), at + STEP >= raw.length);
  return joined(chunks, size);
}

function canStream(): boolean {
  try {
    if (typeof DecompressionStream !== 'function' || typeof Blob !== 'function' || typeof Blob.prototype.stream !== 'function') return false;
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** One deflate stream inflated by the browser, read until it passes `budget` ('over'); null when the browser rejects it. */
async function inflateStream(raw: Uint8Array, budget: number): Promise<Inflated | null> {
  const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > budget) {
        void reader.cancel().catch(() => undefined);
        return 'over';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  return joined(chunks, size);
}

const key = (raw: Uint8Array): string => `${raw.byteOffset}:${raw.byteLength}`;

/**
 * Inflate `bytes`' zip parts ahead and have the reader take them: call before reading `bytes`, and the
 * returned function after (it puts the reader's own inflater back). Not a zip, or no 'deflate-raw': nothing.
 */
export async function inflateAhead(bytes: Uint8Array): Promise<() => void> {
  const none = (): void => undefined;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || !canStream()) return none;
  let entries: ReturnType<typeof readZip>;
  try {
    entries = readZip(bytes);
  } catch {
    return none;
  }
  if (entries.length > READ_LIMITS.entries) return none;
  const ahead = new Map<string, Inflated>();
  let total = 0;
  for (const e of entries) {
    // Stored, encrypted (bits 0 and 6) or empty parts are the reader's own business.
    if (e.method !== 8 || e.flags & 0x41 || e.raw.length === 0 || e.raw.buffer !== bytes.buffer) continue;
    const out = await inflateStream(e.raw, READ_LIMITS.partBytes);
    if (out === null) continue;
    ahead.set(key(e.raw), out);
    if (out === 'over') break;
    total += out.length;
    if (total > READ_LIMITS.totalBytes) break;
  }
  const saved = INFLATERS.native;
  INFLATERS.native = (raw, { maxOutputLength }) => {
    const got = raw.buffer === bytes.buffer ? ahead.get(key(raw)) : undefined;
    if (got === undefined) return inflateWithFflate(raw, maxOutputLength);
    if (got === 'over' || got.length > maxOutputLength) throw tooLarge();
    return got;
  };
  return () => {
    INFLATERS.native = saved;
    ahead.clear();
  };
}
