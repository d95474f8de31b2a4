/**
 * Generators of hostile workbooks, one per class of security review 3 (../shared/reviews/security-3.md).
 * Each takes its size as a parameter: the tests build bombs of a few MB against small injected budgets,
 * `scripts/make-hostile.ts` builds the full-size files that were measured (docs/security.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32 as zcrc32, deflateRawSync } from 'node:zlib';
import { isWorkbookReadError, type WorkbookReadError } from '../../src/xlsx';
import { entryData, readZip, type ZipEntry } from '../../src/xlsx/zip';

export const SAMPLES = join(__dirname, '..', '..', 'samples');

export function sample(name = 'incentive-2022.xlsx'): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, name)));
}

interface RawEntry {
  readonly name: string;
  readonly method: 0 | 8;
  /** The entry's stored bytes (deflated when method is 8). */
  readonly raw: Uint8Array;
  /** The sizes the headers declare (the truth, or a lie). */
  readonly declared: number;
  readonly crc: number;
}

/** A zip written by hand, so that declared sizes and entry counts can be anything (ZIP64 end record past 65,535 entries). */
export function writeRawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(e.raw.buffer, e.raw.byteOffset, e.raw.length));
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.raw.length, 20);
    cd.writeUInt32LE(e.declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cdBuf = Buffer.concat(central);
  const tail: Buffer[] = [];
  const many = entries.length > 0xffff;
  if (many) {
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(0x06064b50, 0);
    z64.writeBigUInt64LE(44n, 4);
    z64.writeUInt16LE(45, 12);
    z64.writeUInt16LE(45, 14);
    z64.writeBigUInt64LE(BigInt(entries.length), 24);
    z64.writeBigUInt64LE(BigInt(entries.length), 32);
    z64.writeBigUInt64LE(BigInt(cdBuf.length), 40);
    z64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cdBuf.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(z64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, ...tail, end]));
}

function honest(name: string, data: Uint8Array): RawEntry {
  return { name, method: 8, raw: new Uint8Array(deflateRawSync(data)), declared: data.length, crc: zcrc32(data) };
}

/** The sample's parts, by name, as bytes. */
export function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of readZip(bytes)) if (!e.name.endsWith('/')) out.set(e.name, entryData(e as ZipEntry));
  return out;
}

export function zipParts(parts: ReadonlyMap<string, Uint8Array | string>): Uint8Array {
  return writeRawZip([...parts].map(([n, d]) => honest(n, typeof d === 'string' ? new TextEncoder().encode(d) : d)));
}

/** The sample with some parts replaced (text is written as UTF-8), dropped (null) or added. */
export function editSample(edit: Record<string, string | Uint8Array | null | ((text: string) => string)>, base = sample()): Uint8Array {
  const parts = partsOf(base);
  for (const [name, change] of Object.entries(edit)) {
    if (change === null) parts.delete(name);
    else if (typeof change === 'function') parts.set(name, new TextEncoder().encode(change(new TextDecoder().decode(parts.get(name)))));
    else parts.set(name, typeof change === 'string' ? new TextEncoder().encode(change) : change);
  }
  return zipParts(parts);
}

/**
 * A deflate stream of `head`, then `unit` repeated `times` times, then `tail`, built without ever holding
 * the inflated bytes: the unit is compressed once (sync flush, no final bit) and its blocks are repeated.
 * The real size and CRC come back with it, so a bomb can carry honest or lying headers.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string): { raw: Uint8Array; size: number; crc: number } {
  const enc = new TextEncoder();
  const h = enc.encode(head);
  const u = enc.encode(unit);
  const t = enc.encode(tail);
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const hz = deflateRawSync(h, sync);
  const uz = deflateRawSync(u, sync);
  const tz = deflateRawSync(t, { level: 9 });
  const raw = Buffer.alloc(hz.length + uz.length * times + tz.length);
  hz.copy(raw, 0);
  for (let i = 0; i < times; i++) uz.copy(raw, hz.length + i * uz.length);
  tz.copy(raw, hz.length + uz.length * times);
  let crc = zcrc32(h);
  for (let i = 0; i < times; i++) crc = zcrc32(u, crc);
  crc = zcrc32(t, crc);
  return { raw: new Uint8Array(raw), size: h.length + u.length * times + t.length, crc };
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * The sample whose 附件1 (xl/worksheets/sheet1.xml) is a bomb inflating to about `bytes`. `declared`: the size
 * the headers give (`'honest'`, or a lie such as 0 or 1,000). `fill`: whitespace (a classic bomb) or rows of
 * numbers without addresses (each one a cell: the bomb under every byte limit that exhausts the parser).
 */
export function bomb(bytes: number, declared: 'honest' | number, fill: 'spaces' | 'cells' = 'spaces'): Uint8Array {
  const unitBytes = 64 * 1024;
  const row = '<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>';
  const unit = fill === 'spaces' ? ' '.repeat(unitBytes) : row.repeat(Math.floor(unitBytes / row.length));
  const times = Math.max(1, Math.round(bytes / unit.length));
  const d = repeatedDeflate(SHEET_HEAD, unit, times, SHEET_TAIL);
  const parts = partsOf(sample());
  const entries: RawEntry[] = [];
  for (const [name, data] of parts) {
    if (name === 'xl/worksheets/sheet1.xml') entries.push({ name, method: 8, raw: d.raw, declared: declared === 'honest' ? d.size : declared, crc: d.crc });
    else entries.push(honest(name, data));
  }
  return writeRawZip(entries);
}

/** A package of `count` tiny entries (ZIP64 end record past 65,535) around the sample's own parts. */
export function manyEntries(count: number): Uint8Array {
  const entries: RawEntry[] = [...partsOf(sample())].map(([n, d]) => honest(n, d));
  const empty = new Uint8Array(0);
  for (let i = entries.length; i < count; i++) entries.push({ name: `customXml/item${i}.xml`, method: 0, raw: empty, declared: 0, crc: 0 });
  return writeRawZip(entries);
}

/** Insert cells (`{ ref: xml of the <c> element's content }`) into a sheet's XML as extra rows at the end of sheetData. */
export function addCells(sheetXml: string, cells: readonly { row: string; cell: string }[]): string {
  const rows = cells.map((c) => `<row r="${c.row}">${c.cell}</row>`).join('');
  return sheetXml.replace('</sheetData>', `${rows}</sheetData>`);
}

export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** The sample with stray text cells at the given references of 附件1 (rows as given, in order after the table). */
export function strayCells(refs: readonly string[], base = sample()): Uint8Array {
  return editSample(
    {
      'xl/worksheets/sheet1.xml': (x) => {
        // Cells in the first row must join row 1 (rows stay in order); the rest become rows after the table.
        let out = x;
        const later: { row: string; cell: string }[] = [];
        for (const ref of refs) {
          const row = /\d+$/.exec(ref)?.[0] ?? '';
          if (row === '1') out = out.replace(/(<row r="1"[^>]*>[\s\S]*?)(<\/row>)/, `$1${inlineCell(ref, '多余')}$2`);
          else later.push({ row, cell: inlineCell(ref, '多余') });
        }
        return addCells(out, later);
      },
    },
    base,
  );
}

/** Every XML part of the sample re-encoded as UTF-16 (LE or BE), with or without a byte-order mark. */
export function utf16Sample(order: 'le' | 'be', bom: boolean, base = sample()): Uint8Array {
  const parts = partsOf(base);
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const text = new TextDecoder().decode(data).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    const le = Buffer.from(text, 'utf16le');
    if (order === 'be') le.swap16();
    parts.set(name, new Uint8Array(bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]) : le));
  }
  return zipParts(parts);
}

/** The sample with a hyperlink over `ref` on 附件1 (SheetJS makes a cell for each cell a hyperlink covers). */
export function hyperlinkOver(ref: string): Uint8Array {
  return editSample({ 'xl/worksheets/sheet1.xml': (x) => x.replace(/(<\/sheetData>)/, `$1<hyperlinks><hyperlink ref="${ref}" location="'附件2'!A1" display="x"/></hyperlinks>`) });
}

/** A minimal OpenDocument spreadsheet whose one row of `cols` repeated cells is repeated `rows` times. */
export function odsRepeated(rows: number, cols: number): Uint8Array {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
    '<office:body><office:spreadsheet><table:table table:name="附件1">' +
    '<table:table-row><table:table-cell office:value-type="string"><text:p>附件1</text:p></table:table-cell></table:table-row>' +
    `<table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${cols}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>` +
    '</table:table></office:spreadsheet></office:body></office:document-content>';
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  const enc = new TextEncoder();
  const mimetype = enc.encode('application/vnd.oasis.opendocument.spreadsheet');
  return writeRawZip([
    { name: 'mimetype', method: 0, raw: mimetype, declared: mimetype.length, crc: zcrc32(mimetype) },
    honest('META-INF/manifest.xml', enc.encode(manifest)),
    honest('content.xml', enc.encode(content)),
    honest('styles.xml', enc.encode('<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>')),
  ]);
}

/** A CSV of `rows` lines of `cols` numbers. */
export function csv(rows: number, cols: number): Uint8Array {
  const line = Array.from({ length: cols }, (_, i) => String(i + 1)).join(',');
  return new TextEncoder().encode(`${line}\n`.repeat(rows));
}

/** The refusal a read of a hostile file ends in (the test fails if the file was read, or threw something else). */
export function refusal(read: () => unknown): WorkbookReadError {
  try {
    read();
  } catch (e) {
    if (isWorkbookReadError(e)) return e;
    throw e;
  }
  throw new Error('the file was read');
}
