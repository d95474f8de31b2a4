/**
 * Our cell styles and highlight fills, appended to the workbook's own styles part. The user's fonts,
 * fills, borders, number formats and cell formats keep their indices (we only add after them), so every
 * existing `s="…"` in every sheet still means what it meant.
 */
import type { CellStyle } from '../../core';
import { attr, children, type Element, escapeXml, rootTag, splice, withAttr } from './xml';

/** The order of a styleSheet's children (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

export const MINIMAL_STYLES = (ns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

/** Collects the styles our sheets and marks need, then writes them into styles.xml in one edit. */
export class StyleBook {
  private readonly p: string;
  private readonly counts: Record<string, number> = {};
  private readonly added: Record<string, string[]> = {};
  private readonly keys = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(private readonly xml: string) {
    const root = rootTag(xml);
    this.p = root.prefix;
    for (const el of children(xml, root).elements) {
      const name = el.tag.local;
      if (!ORDER.includes(name)) continue;
      this.counts[name] = countChildren(xml, el);
      if (name === 'numFmts') {
        for (const c of children(xml, el.tag).elements) {
          const id = Number(attr(c.tag, 'numFmtId'));
          const code = attr(c.tag, 'formatCode');
          if (Number.isFinite(id)) this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
          if (code !== undefined) this.keys.set(`numFmt|${code}`, id);
        }
      }
    }
  }

  private add(collection: string, key: string, itemXml: string): number {
    const k = `${collection}|${key}`;
    const known = this.keys.get(k);
    if (known !== undefined) return known;
    const list = (this.added[collection] ??= []);
    const index = (this.counts[collection] ?? 0) + list.length;
    list.push(itemXml);
    this.keys.set(k, index);
    return index;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined || code === '') return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.keys.get(`numFmt|${code}`);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    (this.added['numFmts'] ??= []).push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.keys.set(`numFmt|${code}`, id);
    return id;
  }

  /** The cellXfs index of a plan style with a number format. */
  cellFormat(style: CellStyle | undefined, numberFormat: string | undefined): number {
    const p = this.p;
    const s = style ?? {};
    const numFmtId = this.numFmt(numberFormat);
    const fontXml =
      `<${p}font>${s.bold ? `<${p}b/>` : ''}${s.italic ? `<${p}i/>` : ''}<${p}sz val="${s.fontSize ?? 11}"/>` +
      `${s.fontColor ? `<${p}color rgb="FF${s.fontColor.toUpperCase()}"/>` : ''}<${p}name val="宋体"/><${p}charset val="134"/></${p}font>`;
    const fontId = this.add('fonts', fontXml, fontXml);
    const fillXml = s.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${s.fill.toUpperCase()}"/><${p}bgColor rgb="FF${s.fill.toUpperCase()}"/></${p}patternFill></${p}fill>`
      : null;
    const fillId = fillXml ? this.add('fills', fillXml, fillXml) : 0;
    const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FF808080"/></${p}${n}>`;
    const borderXml = s.border ? `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>` : null;
    const borderId = borderXml ? this.add('borders', borderXml, borderXml) : 0;
    const align: string[] = [];
    if (s.hAlign) align.push(`horizontal="${s.hAlign}"`);
    if (s.vAlign) align.push(`vertical="${s.vAlign === 'middle' ? 'center' : 'top'}"`);
    if (s.wrap) align.push('wrapText="1"');
    const xfXml =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1"` +
      `${fillXml ? ' applyFill="1"' : ''}${borderXml ? ' applyBorder="1"' : ''}` +
      (align.length > 0 ? ` applyAlignment="1"><${p}alignment ${align.join(' ')}/></${p}xf>` : '/>');
    return this.add('cellXfs', xfXml, xfXml);
  }

  /** The dxfs index of a solid highlight fill (for a conditional format). */
  highlight(rgb: string): number {
    const p = this.p;
    const xml = `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="FF${rgb.toUpperCase()}"/></${p}patternFill></${p}fill></${p}dxf>`;
    return this.add('dxfs', xml, xml);
  }

  get changed(): boolean {
    return Object.values(this.added).some((l) => l.length > 0);
  }

  /** styles.xml with our additions appended to each collection (collections created where missing). */
  toXml(): string {
    let xml = this.xml;
    // From the last collection to the first, so earlier offsets stay valid.
    for (const name of [...ORDER].reverse()) {
      const items = this.added[name];
      if (!items || items.length === 0) continue;
      const root = rootTag(xml);
      const { elements, closeStart } = children(xml, root);
      const el = elements.find((e) => e.tag.local === name);
      const total = (this.counts[name] ?? 0) + items.length;
      if (el) {
        if (el.tag.selfClosing) {
          const open = xml.slice(el.tag.start, el.tag.end).replace(/\s*\/>$/, '>');
          xml = splice(xml, el.tag.start, el.tag.end, `${open}${items.join('')}</${el.tag.prefix}${name}>`);
        } else xml = splice(xml, el.contentEnd, el.contentEnd, items.join(''));
        xml = withAttr(xml, rootTagOf(xml, name), 'count', String(total));
      } else {
        const after = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = elements.find((e) => after.includes(e.tag.local));
        const at = next ? next.tag.start : closeStart;
        xml = splice(xml, at, at, `<${this.p}${name} count="${total}">${items.join('')}</${this.p}${name}>`);
      }
    }
    return xml;
  }
}

function countChildren(xml: string, el: Element): number {
  return el.tag.selfClosing ? 0 : children(xml, el.tag).elements.length;
}

function rootTagOf(xml: string, name: string) {
  const found = children(xml).elements.find((e) => e.tag.local === name);
  if (!found) throw new Error(`no ${name}`);
  return found.tag;
}
