/**
 * Is an XML part whole? One linear pass over its tags, on the bytes as inflated (no text is decoded, so a
 * 100 MB sheet costs no second copy): every start tag closed by a matching end tag, no tag, comment or
 * section left open at the end. SheetJS reads a cut-off sheet as empty, or stops at the first bad tag,
 * without a word; this tells the reader where the part went wrong so it can say so. Names and nesting
 * only: no entity is expanded, nothing is built. UTF-8 (the reader gives UTF-16 parts as UTF-8): every
 * byte of a multi-byte character is ≥ 0x80, so none is taken for a delimiter.
 */
import type { XmlProblem } from '../../core';

export interface XmlFault {
  /** 0-based byte offset where the part stops being well-formed. */
  readonly position: number;
  readonly problem: XmlProblem;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

function isNameEnd(b: number): boolean {
  // space, tab, CR, LF, '/', '>'
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a || b === SLASH || b === GT;
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

function indexOfText(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) if (startsWith(bytes, i, text)) return i;
  return -1;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** The first place the UTF-8 bytes stop being well-formed XML, or null when they are whole. */
export function xmlFaultBytes(bytes: Uint8Array): XmlFault | null {
  const n = bytes.length;
  // Open elements, as [start, length] of their names.
  const starts: number[] = [];
  const lengths: number[] = [];
  let root = false;
  let i = 0;
  for (;;) {
    const lt = bytes.indexOf(LT, i);
    if (lt < 0) break;
    const next = bytes[lt + 1];
    if (next === 0x21 /* ! */) {
      let e: number;
      if (startsWith(bytes, lt, '<!--')) {
        const end = indexOfText(bytes, '-->', lt + 4);
        e = end < 0 ? -1 : end + 3;
      } else if (startsWith(bytes, lt, '<![CDATA[')) {
        const end = indexOfText(bytes, ']]>', lt + 9);
        e = end < 0 ? -1 : end + 3;
      } else if (startsWith(bytes, lt, '<!DOCTYPE')) {
        // An internal subset [ … ] may hold '>' of its own.
        const gt = bytes.indexOf(GT, lt);
        const bracket = bytes.indexOf(0x5b, lt);
        let end = gt;
        if (bracket >= 0 && (gt < 0 || bracket < gt)) {
          const close = bytes.indexOf(0x5d, bracket);
          end = close < 0 ? -1 : bytes.indexOf(GT, close);
        }
        e = end < 0 ? -1 : end + 1;
      } else {
        return { position: lt, problem: 'malformed' };
      }
      if (e < 0) return { position: lt, problem: 'cut-off' };
      i = e;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = indexOfText(bytes, '?>', lt + 2);
      if (end < 0) return { position: lt, problem: 'cut-off' };
      i = end + 2;
      continue;
    }
    if (next === SLASH) {
      const gt = bytes.indexOf(GT, lt);
      if (gt < 0) return { position: lt, problem: 'cut-off' };
      let end = gt;
      while (end > lt + 2 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09 || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x0a)) end--;
      const start = starts.pop();
      const length = lengths.pop();
      if (start === undefined || length !== end - (lt + 2) || !sameBytes(bytes, start, lt + 2, length)) return { position: lt, problem: 'mismatched' };
      i = gt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isNameEnd(bytes[j] ?? 0)) j++;
    if (j >= n) return { position: lt, problem: 'cut-off' };
    if (j === lt + 1) return { position: lt, problem: 'malformed' };
    const nameStart = lt + 1;
    const nameLength = j - nameStart;
    // Attributes up to '>'; a quoted value may hold '>'.
    let quote = 0;
    for (; j < n; j++) {
      const b = bytes[j] ?? 0;
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === 0x22 || b === 0x27) {
        quote = b;
      } else if (b === GT) {
        break;
      } else if (b === LT) {
        return { position: lt, problem: 'malformed' };
      }
    }
    if (j >= n) return { position: lt, problem: 'cut-off' };
    if (bytes[j - 1] !== SLASH) {
      if (root && starts.length === 0) return { position: lt, problem: 'malformed' };
      starts.push(nameStart);
      lengths.push(nameLength);
    }
    root = true;
    i = j + 1;
  }
  if (!root) return { position: 0, problem: n === 0 ? 'cut-off' : 'malformed' };
  if (starts.length > 0) return { position: n, problem: 'cut-off' };
  return null;
}

/** The same check on text (the package writer holds parts as text); the position is a UTF-8 byte offset. */
export function xmlFault(xml: string): XmlFault | null {
  return xmlFaultBytes(new TextEncoder().encode(xml));
}
