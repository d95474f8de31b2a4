/**
 * How many cells a file will make the parser build, counted in its bytes before it is parsed: the cell
 * budget (limits.ts) is checked on this count, so a file with millions of cells is refused in a second
 * instead of exhausting memory on the way. Each counter errs on the side of more: every element or record
 * that the parser turns into a cell object (formatted blanks included) counts.
 */

/** Elements SheetJS turns into one object each, besides cells: shared strings, styles, comments, names. */
const OBJECT_ELEMENTS = new Set(['si', 'xf', 'comment', 'threadedComment', 'definedName']);

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;
}

/** `A1:C3` → 9; 1 for one cell; 0 when it is not a reference. */
function areaOf(ref: string): number {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})(?::\$?([A-Za-z]{1,4})\$?(\d{1,8}))?$/.exec(ref.trim());
  if (!m) return 0;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1] ?? 'A');
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
}

/**
 * What SpreadsheetML parts make SheetJS build, in UTF-8 bytes: cells (`<c …>`, `<c/>`, `<x:c …>`), one
 * object per shared string, style, comment and defined name, and every cell a hyperlink covers (SheetJS
 * makes a cell for each: `<hyperlink ref="A1:XFD1048576">` alone would be 17 billion).
 */
export function countXmlCells(bytes: Uint8Array): number {
  let n = 0;
  const len = bytes.length;
  let i = bytes.indexOf(0x3c);
  while (i >= 0 && i + 2 < len) {
    let j = i + 1;
    // An optional prefix up to ':'.
    let k = j;
    while (k < len && k - j < 32 && isNameByte(bytes[k] ?? 0)) k++;
    if (bytes[k] === 0x3a /* : */) {
      j = k + 1;
      k = j;
      while (k < len && k - j < 32 && isNameByte(bytes[k] ?? 0)) k++;
    }
    const first = bytes[j];
    if (first === 0x63 /* c */ && k === j + 1) {
      n++;
    } else if (first === 0x73 || first === 0x78 || first === 0x63 || first === 0x74 || first === 0x64 || first === 0x68) {
      // si, xf, comment, threadedComment, definedName, hyperlink
      const name = k - j <= 16 ? String.fromCharCode(...bytes.subarray(j, k)) : '';
      if (OBJECT_ELEMENTS.has(name)) n++;
      else if (name === 'hyperlink') {
        const end = bytes.indexOf(0x3e, k);
        const tag = String.fromCharCode(...bytes.subarray(k, end < 0 ? Math.min(len, k + 512) : Math.min(end, k + 2048)));
        const ref = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
        n += ref ? areaOf(ref[1] ?? ref[2] ?? '') : 0;
      }
    }
    i = bytes.indexOf(0x3c, i + 1);
  }
  return n;
}

/**
 * OpenDocument `content.xml`: each table cell with content (or a covered cell) is built once per repeated
 * column and row (`table:number-columns-repeated` × the row's `table:number-rows-repeated`). The empty
 * cells LibreOffice writes to the sheet's edge (`<table:table-cell table:number-columns-repeated="1017"/>`)
 * build nothing and are not counted.
 */
export function countOdsCells(xml: string): number {
  const re = /<(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell)\b([^>]*?)(\/?)>/g;
  let rows = 1;
  let n = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs = m[2] ?? '';
    if (m[1] === 'table-row') {
      rows = Math.max(1, Number(/number-rows-repeated\s*=\s*["'](\d+)/.exec(attrs)?.[1] ?? 1) || 1);
      continue;
    }
    if (m[1] === 'table-cell' && m[3] === '/' && !/value-type\s*=/.test(attrs)) continue;
    const cols = Math.max(1, Number(/number-columns-repeated\s*=\s*["'](\d+)/.exec(attrs)?.[1] ?? 1) || 1);
    n += cols * rows;
    if (!Number.isFinite(n)) return Number.MAX_SAFE_INTEGER;
  }
  return n;
}

/** .xlsb sheet streams: the cell records (BrtCellBlank … BrtShortIsst, types 0x01–0x12) in the BIFF12 record stream. */
export function countXlsbCells(bytes: Uint8Array): number {
  let n = 0;
  let p = 0;
  const len = bytes.length;
  while (p < len) {
    // Record type: 1–2 bytes, size: 1–4 bytes, 7 bits each.
    let type = bytes[p++] ?? 0;
    if (type & 0x80) type = (type & 0x7f) | ((bytes[p++] ?? 0) << 7);
    let size = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = bytes[p++] ?? 0;
      size |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    if (type >= 0x01 && type <= 0x12) n++;
    // BrtHLink: SheetJS makes a cell for each one its range covers.
    else if (type === 0x1ee && p + 16 <= len) {
      const u = (o: number): number => ((bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8) | ((bytes[o + 2] ?? 0) << 16) | ((bytes[o + 3] ?? 0) << 24)) >>> 0;
      n += (Math.abs(u(p + 4) - u(p)) + 1) * (Math.abs(u(p + 12) - u(p + 8)) + 1);
    }
    p += size;
  }
  return n;
}

/**
 * A BIFF workbook stream (.xls, .et): NUMBER, LABEL, LABELSST, RK, BLANK, BOOLERR, FORMULA, RSTRING, one
 * cell each; MULRK and MULBLANK several.
 */
export function countBiffCells(bytes: Uint8Array): number {
  let n = 0;
  let p = 0;
  const len = bytes.length;
  while (p + 4 <= len) {
    const type = (bytes[p] ?? 0) | ((bytes[p + 1] ?? 0) << 8);
    const size = (bytes[p + 2] ?? 0) | ((bytes[p + 3] ?? 0) << 8);
    switch (type) {
      case 0x0203: case 0x0204: case 0x00fd: case 0x027e: case 0x0201: case 0x0205: case 0x0006: case 0x00d6:
      case 0x0003: case 0x0004: case 0x0001: case 0x0002: case 0x0005: case 0x0206: case 0x0406:
        n++;
        break;
      case 0x00bd:
        n += Math.max(0, Math.floor((size - 6) / 6));
        break;
      case 0x00be:
        n += Math.max(0, Math.floor((size - 6) / 2));
        break;
      case 0x01b8: {
        // HLINK: a cell for each one its range covers.
        const u = (o: number): number => (bytes[p + 4 + o] ?? 0) | ((bytes[p + 5 + o] ?? 0) << 8);
        n += (Math.abs(u(2) - u(0)) + 1) * (Math.abs(u(6) - u(4)) + 1);
        break;
      }
      default:
        break;
    }
    p += 4 + size;
  }
  return n;
}

/**
 * A text table: CSV/TSV cells are the fields between the most frequent separator and line breaks; an
 * HTML or SpreadsheetML 2003 table's are its `<td>`, `<th>` and `<Cell>` elements.
 */
export function countTextCells(text: string, as: 'csv' | 'html'): number {
  if (as === 'html') {
    const re = /<(?:td|th|(?:ss:)?Cell)\b/gi;
    let n = 0;
    while (re.exec(text)) n++;
    return n;
  }
  let comma = 0;
  let tab = 0;
  let semicolon = 0;
  let bar = 0;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 44: comma++; break;
      case 9: tab++; break;
      case 59: semicolon++; break;
      case 124: bar++; break;
      case 10: lines++; break;
      default: break;
    }
  }
  return Math.max(comma, tab, semicolon, bar) + lines;
}
