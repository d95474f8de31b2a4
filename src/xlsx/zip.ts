/**
 * A workbook package as its zip entries, for writing without loss: entries we do not change are copied
 * with their compressed bytes as they were (same data, same CRC); only the parts we edit or add are
 * deflated anew. Plain byte arrays (no Node Buffer), so the pane's file mode uses the same code.
 * Every entry has been inflated once, against the reader's budgets, before anything reads it (zipGuard.ts):
 * `size` is then the size it really inflates to, whatever its headers said.
 */
import { deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  /** The entry's data as stored in the archive (compressed when method is 8). */
  readonly raw: Uint8Array;
  readonly time: number;
  readonly date: number;
  /** General-purpose flags as read (bit 11: UTF-8 name). */
  readonly flags: number;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Made on first use: jsdom (the pane's unit tests) has no TextDecoder at load time. One decoder for every call
// (it keeps no state between whole decodes): making one per entry name and part cost more than the decoding.
let utf8Decoder: TextDecoder | null = null;
const utf8 = { decode: (b: Uint8Array) => (utf8Decoder ??= new TextDecoder('utf-8')).decode(b) };
const encoder = { encode: (s: string) => new TextEncoder().encode(s) };

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** Where the central directory is and how many entries it lists (from the ZIP64 end record when there is one). */
export interface ZipDirectory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

/** The central directory's place and entry count; null when the archive has no end record (cut off, or not a zip). */
export function zipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  // ZIP64: a locator just before the end record points at the 64-bit end record.
  const loc = eocd - 20;
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && loc >= 0 && u32(bytes, loc) === 0x07064b50) {
    const at = u64(bytes, loc + 8);
    if (at + 56 <= bytes.length && u32(bytes, at) === 0x06064b50) {
      count = u64(bytes, at + 32);
      size = u64(bytes, at + 40);
      offset = u64(bytes, at + 48);
    }
  }
  return { count, offset, size };
}

/** An entry's ZIP64 extra field (0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in order. */
function zip64Values(bytes: Uint8Array, from: number, to: number, wanted: readonly boolean[]): (number | undefined)[] {
  for (let p = from; p + 4 <= to; ) {
    const id = u16(bytes, p);
    const len = u16(bytes, p + 2);
    if (id === 0x0001) {
      const out: (number | undefined)[] = [];
      let q = p + 4;
      for (const w of wanted) {
        if (w && q + 8 <= p + 4 + len) {
          out.push(u64(bytes, q));
          q += 8;
        } else out.push(undefined);
      }
      return out;
    }
    p += 4 + len;
  }
  return [];
}

/** The entries of a zip archive, in central-directory order. Throws ZipFormatError on a broken archive. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dir = zipDirectory(bytes);
  if (!dir) throw new ZipFormatError('no end of central directory');
  if (dir.offset + dir.size > bytes.length) throw new ZipFormatError('central directory past the end');
  let p = dir.offset;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < dir.count; n++) {
    if (u32(bytes, p) !== 0x02014b50) throw new ZipFormatError('bad central directory');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressed = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      const extra = p + 46 + nameLen;
      const [s64, c64, l64] = zip64Values(bytes, extra, extra + extraLen, [size === 0xffffffff, compressed === 0xffffffff, local === 0xffffffff]);
      size = s64 ?? size;
      compressed = c64 ?? compressed;
      local = l64 ?? local;
    }
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (u32(bytes, local) !== 0x04034b50) throw new ZipFormatError('bad local header');
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressed > bytes.length) throw new ZipFormatError('entry past the end');
    entries.push({ name, method, crc, size, raw: bytes.subarray(dataStart, dataStart + compressed), time, date, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's uncompressed bytes. */
export function entryData(e: ZipEntry): Uint8Array {
  if (e.method === 0) return e.raw;
  if (e.method === 8) return inflateSync(e.raw, { out: new Uint8Array(e.size) });
  throw new ZipFormatError(`compression method ${e.method}`);
}

/** An XML part as text, in the encoding it was written in: UTF-8, or UTF-16 LE/BE with or without a byte-order mark (Excel opens all of them). */
export function decodeXml(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let order: 'utf-16le' | 'utf-16be' | null = null;
  if (b0 === 0xff && b1 === 0xfe) order = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) order = 'utf-16be';
  else if (b0 === 0x3c && b1 === 0x00) order = 'utf-16le';
  else if (b0 === 0x00 && b1 === 0x3c) order = 'utf-16be';
  if (order === null) return utf8.decode(bytes);
  // The text is now UTF-16 no more: its declaration must not say so when it is written back as UTF-8.
  return new TextDecoder(order).decode(bytes).replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])utf-16(?:le|be)?\2/i, '$1$2UTF-8$2');
}

/** True when an XML part is UTF-16 (decodeXml reads it; SheetJS is given it as UTF-8). */
export function isUtf16Xml(bytes: Uint8Array): boolean {
  const b0 = bytes[0];
  const b1 = bytes[1];
  return (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0x3c && b1 === 0x00) || (b0 === 0x00 && b1 === 0x3c);
}

export function entryText(e: ZipEntry): string {
  return decodeXml(entryData(e));
}

/** A new entry holding `data` (text is UTF-8 encoded), deflated. */
export function newEntry(name: string, data: Uint8Array | string): ZipEntry {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const date = ((Math.max(now.getFullYear(), 1980) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return { name, method: 8, crc: crc32(bytes), size: bytes.length, raw: deflateSync(bytes, { level: 6 }), time, date, flags: 0x0800 };
}

/** Write the entries as a zip archive; each entry's stored bytes are copied as they are. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => {
    const n = names[i]?.length ?? 0;
    total += 30 + n + e.raw.length + 46 + n;
  });
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i] ?? new Uint8Array();
    // Bit 3 (sizes in a data descriptor) is dropped: we write the sizes in the header.
    const flags = (e.flags & ~0x0008 & 0x0806) | 0x0800;
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flags, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(name, p + 30);
    out.set(e.raw, p + 30 + name.length);
    p += 30 + name.length + e.raw.length;
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const name = names[i] ?? new Uint8Array();
    const flags = (e.flags & ~0x0008 & 0x0806) | 0x0800;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, name.length, true);
    view.setUint32(p + 42, offsets[i] ?? 0, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
