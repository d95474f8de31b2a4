/**
 * The browser's own inflater (DecompressionStream 'deflate-raw': Chromium 103+, Safari 16.4+, Firefox 113+)
 * for the batch's workers: a zip package's parts inflated natively before the reader runs (zipGuard.ts
 * `preinflatePackage`), instead of by fflate in JavaScript — about a fifth of a worker's time per file.
 * Where the browser has none, nothing is inflated ahead and the reader inflates with fflate as before.
 */
import { type InflateRaw, type Preinflated, preinflatePackage } from '../../xlsx/zipGuard';

/** Whether this browser inflates raw deflate streams natively (asked once). */
let supported: boolean | null = null;

function nativeSupported(): boolean {
  if (supported === null) {
    try {
      // Browsers without 'deflate-raw' (it came after 'deflate') throw here.
      supported = typeof DecompressionStream === 'function' && new DecompressionStream('deflate-raw') instanceof DecompressionStream;
    } catch {
      supported = false;
    }
  }
  return supported;
}

/** One raw deflate stream inflated by the browser, stopping once past `cap` bytes (null then); rejects on a broken stream. */
export const inflateRaw: InflateRaw = async (raw, cap) => {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises are not waited on.
  writer.write(raw as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** A zip package's parts inflated natively, for `openWorkbook`'s `inflated`; undefined where the browser cannot (or for a file that is no zip). */
export async function inflatedAhead(bytes: Uint8Array): Promise<Preinflated | undefined> {
  if (!nativeSupported() || bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  return preinflatePackage(bytes, inflateRaw);
}
