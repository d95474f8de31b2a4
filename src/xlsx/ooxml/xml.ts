/**
 * Just enough XML for editing SpreadsheetML parts in place: find an element's top-level children, read
 * attributes, learn which prefix a namespace has in this part (`x:` from .NET writers, `ns2:` from
 * 腾讯文档, none from Excel). Linear in the part's length; nothing is expanded or re-serialised, so the
 * text we do not touch stays byte for byte as the writer left it.
 */

export interface Tag {
  /** Offset of `<`. */
  readonly start: number;
  /** Offset after `>`. */
  readonly end: number;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** `x:` or '' */
  readonly prefix: string;
  readonly local: string;
  readonly attrs: string;
}

// A start, end or empty tag (attribute values may hold `>`), or a comment / PI / CDATA to skip.
const TAG = /<(\/?)(?:([\w.-]+):)?([\w.-]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g;

export function* tags(xml: string, from = 0): Generator<Tag> {
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[3] === undefined) continue;
    yield { start: m.index, end: m.index + m[0].length, closing: m[1] === '/', selfClosing: m[5] === '/', prefix: m[2] ? `${m[2]}:` : '', local: m[3], attrs: m[4] ?? '' };
  }
}

export interface Element {
  readonly tag: Tag;
  /** Offset after the element's end (its end tag, or the empty tag itself). */
  readonly end: number;
  /** Offset of the element's content (after its start tag) and of its end tag. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** The root element's start tag. */
export function rootTag(xml: string): Tag {
  for (const t of tags(xml)) if (!t.closing) return t;
  throw new Error('no root element');
}

/** The direct children of the element whose start tag is `parent` (the root by default), in order. */
export function children(xml: string, parent: Tag = rootTag(xml)): { elements: Element[]; closeStart: number } {
  const elements: Element[] = [];
  if (parent.selfClosing) return { elements, closeStart: parent.end };
  let depth = 0;
  let open: Tag | null = null;
  for (const t of tags(xml, parent.end)) {
    if (t.closing) {
      if (depth === 0) return { elements, closeStart: t.start };
      depth--;
      if (depth === 0 && open) {
        elements.push({ tag: open, end: t.end, contentStart: open.end, contentEnd: t.start });
        open = null;
      }
    } else if (t.selfClosing) {
      if (depth === 0) elements.push({ tag: t, end: t.end, contentStart: t.end, contentEnd: t.end });
    } else {
      if (depth === 0) open = t;
      depth++;
    }
  }
  throw new Error('unclosed element');
}

export function attr(tag: Tag | string, name: string): string | undefined {
  const text = typeof tag === 'string' ? tag : tag.attrs;
  const re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(text);
  if (!m) return undefined;
  return unescapeXml(m[1] ?? m[2] ?? '');
}

/** Every attribute of a tag as written (`r:id`, `name`, …). */
export function attrs(tag: Tag): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag.attrs); m; m = re.exec(tag.attrs)) out.set(m[1] ?? '', unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** The prefix (`x:` or '') bound to a namespace on the root element; null when it is not declared there. */
export function prefixOf(root: Tag, namespace: string): string | null {
  for (const [k, v] of attrs(root)) {
    if (v !== namespace) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return null;
}

export function namespaceOf(root: Tag): string {
  const key = root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix.slice(0, -1)}`;
  return attrs(root).get(key) ?? '';
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text as XML 1.0 allows it: control characters and lone surrogates dropped. */
export function xmlText(s: string): string {
  // A surrogate pair is kept whole; a lone surrogate or a control character is dropped (no lookbehind:
  // the pane's file mode runs in old webviews too).
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : '')));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
}

/** Replace [start, end) of a string. */
export function splice(s: string, start: number, end: number, insert: string): string {
  return s.slice(0, start) + insert + s.slice(end);
}

/** Set (or add) one attribute in a start tag's text, keeping the rest as written. */
export function withAttr(xml: string, tag: Tag, name: string, value: string): string {
  const text = xml.slice(tag.start, tag.end);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const next = re.test(text)
    ? text.replace(re, `$1"${escapeXml(value)}"`)
    : text.replace(/\s*(\/?)>$/, (_m, slash: string) => ` ${name}="${escapeXml(value)}"${slash}>`);
  return splice(xml, tag.start, tag.end, next);
}
