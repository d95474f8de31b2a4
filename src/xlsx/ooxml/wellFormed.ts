/**
 * Is an XML part whole? One linear pass over its tags: every start tag closed by a matching end tag,
 * no tag, comment or section left open at the end. SheetJS reads a cut-off sheet as empty, or stops at
 * the first bad tag, without a word; this tells the reader where the part went wrong so it can say so.
 * Names and nesting only: no entity is expanded, nothing is built.
 */
import type { XmlProblem } from '../../core/grid';

export interface XmlFault {
  /** 0-based character offset where the part stops being well-formed. */
  readonly position: number;
  readonly problem: XmlProblem;
}

function isNameEnd(ch: number): boolean {
  // space, tab, CR, LF, '/', '>'
  return ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 47 || ch === 62;
}

/** The first place the text stops being well-formed XML, or null when it is whole. */
export function xmlFault(xml: string): XmlFault | null {
  const n = xml.length;
  const stack: string[] = [];
  let root = false;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) return { position: lt, problem: 'cut-off' };
        i = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) return { position: lt, problem: 'cut-off' };
        i = e + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        // An internal subset [ … ] may hold '>' of its own.
        const gt = xml.indexOf('>', lt);
        const bracket = xml.indexOf('[', lt);
        let e = gt;
        if (bracket >= 0 && (gt < 0 || bracket < gt)) {
          const close = xml.indexOf(']', bracket);
          e = close < 0 ? -1 : xml.indexOf('>', close);
        }
        if (e < 0) return { position: lt, problem: 'cut-off' };
        i = e + 1;
      } else {
        return { position: lt, problem: 'malformed' };
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return { position: lt, problem: 'cut-off' };
      i = e + 2;
      continue;
    }
    if (next === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) return { position: lt, problem: 'cut-off' };
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (open !== name) return { position: lt, problem: 'mismatched' };
      i = gt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
    if (j === lt + 1 || j >= n) return { position: lt, problem: j >= n ? 'cut-off' : 'malformed' };
    const name = xml.slice(lt + 1, j);
    // Attributes up to '>', a quoted value may hold '>'.
    let quote = 0;
    for (; j < n; j++) {
      const ch = xml.charCodeAt(j);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) {
        quote = ch;
      } else if (ch === 62) {
        break;
      } else if (ch === 60) {
        return { position: lt, problem: 'malformed' };
      }
    }
    if (j >= n) return { position: lt, problem: 'cut-off' };
    if (xml.charCodeAt(j - 1) !== 47 /* / */) {
      if (root && stack.length === 0) return { position: lt, problem: 'malformed' };
      stack.push(name);
    }
    root = true;
    i = j + 1;
  }
  if (!root) return { position: 0, problem: n === 0 ? 'cut-off' : 'malformed' };
  if (stack.length > 0) return { position: n, problem: 'cut-off' };
  return null;
}
