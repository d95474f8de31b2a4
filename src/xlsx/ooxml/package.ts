/**
 * Writing into the user's own .xlsx/.xlsm package without losing anything: summary sheets are added as
 * new parts (workbook.xml, its rels and [Content_Types].xml edited in place), marks are conditional
 * formats inserted into the marked sheets' XML, `clear` removes exactly those. Every other part —
 * charts, pivots, drawings, comments, data validations, VBA, custom XML — is copied with its bytes as
 * they were. Works with any writer's XML: prefixed namespaces (`x:`), Strict OOXML, odd part names.
 */
import {
  type HighlightPlan,
  isOurMarkFormula,
  MARK_FILL,
  markFormula,
  SHEET_TAG_PREFIX,
  sheetTagName,
  taggedSheetOf,
  type AppliedSheet,
  type SheetPlan,
  sheetOfReference,
  uniqueSheetName,
  type Lang,
} from '../../core';
import { WorkbookReadError } from '../errors';
import { entryText, newEntry, writeZip, type ZipEntry } from '../zip';
import type { ReadLimits } from '../limits';
import { guardedZipEntries } from '../zipGuard';
import { dirOf, resolveTarget as resolve } from './parts';
import { CHART_TYPE, chartPartXml, DRAWING_TYPE, drawingPartXml } from './chart';
import { planSheetXml } from './sheet';
import { xmlFault } from './wellFormed';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { attr, attrs, children, type Element, escapeXml, namespaceOf, prefixOf, rootTag, splice, type Tag, unescapeXml, withAttr } from './xml';

const REL_NS = { transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships', strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };
const MAIN_NS = { transitional: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', strict: 'http://purl.oclc.org/ooxml/spreadsheetml/main' };
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Children of a worksheet that come after conditionalFormatting (CT_Worksheet order). */
const AFTER_CF = new Set([
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF',
  'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
]);
/** Children of a worksheet that come after drawing (CT_Worksheet order). */
const AFTER_DRAWING = new Set(['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);
/** Children of a workbook that come after definedNames (CT_Workbook order). */
const AFTER_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
const AFTER_CALC = AFTER_NAMES.slice(1);

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

interface SheetEntry {
  name: string;
  readonly tag: Tag;
  readonly rid: string;
  /** Part name of the sheet (no leading slash), or null for a relationship we cannot resolve. */
  readonly part: string | null;
}


function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}


/** `target` relative to the folder of `source` (`xl/worksheets/sheet5.xml` → `../drawings/drawing1.xml`). */
function relativeTarget(source: string, target: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function parseRels(xml: string): Rel[] {
  return children(xml).elements
    .filter((e) => e.tag.local === 'Relationship')
    .map((e) => ({ id: attr(e.tag, 'Id') ?? '', type: attr(e.tag, 'Type') ?? '', target: attr(e.tag, 'Target') ?? '', external: attr(e.tag, 'TargetMode') === 'External' }));
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function decodedText(xml: string, el: Element): string {
  return unescapeXml(xml.slice(el.contentStart, el.contentEnd));
}

export class WorkbookPackage {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, number>();
  private readonly changed = new Map<string, string>();
  /** Parts of ours that a re-run replaced (an earlier drawing and its charts): left out of the copy. */
  private readonly removed = new Set<string>();
  private readonly workbookPart: string;
  private readonly strict: boolean;
  private styles: { part: string; book: StyleBook } | null = null;

  private constructor(entries: ZipEntry[], private readonly file: string) {
    this.entries = entries;
    entries.forEach((e, i) => this.byName.set(e.name.replace(/^\//, ''), i));
    for (const part of ['[Content_Types].xml', '_rels/.rels']) this.wellFormed(part);
    const rootRels = this.text('_rels/.rels');
    const office = rootRels === null ? undefined : parseRels(rootRels).find((r) => /\/officeDocument$/.test(r.type) && !r.external);
    if (!office) throw new WorkbookReadError('unwritable', file, '_rels/.rels');
    this.workbookPart = resolve('', office.target);
    const wb = this.text(this.workbookPart);
    if (wb === null) throw new WorkbookReadError('unwritable', file, this.workbookPart);
    // The parts every edit goes through must be whole XML: a cut one is named, not met halfway.
    for (const part of [this.workbookPart, relsPathOf(this.workbookPart)]) this.wellFormed(part);
    this.strict = namespaceOf(rootTag(wb)) === MAIN_NS.strict;
  }

  /** Throws WorkbookReadError('bad-xml') naming the part and where it breaks, when it is not whole XML. */
  private wellFormed(part: string): void {
    const xml = this.text(part);
    const fault = xml === null ? null : xmlFault(xml);
    if (fault) throw new WorkbookReadError('bad-xml', this.file, String(fault.position + 1), { part });
  }

  /** A sheet's XML when it is whole; null for a cut-off or malformed sheet (the reader reported it; we leave it as it is). */
  private sheetXml(part: string): string | null {
    const xml = this.text(part);
    return xml === null || xmlFault(xml) ? null : xml;
  }

  /** Open an .xlsx/.xlsm package for writing; WorkbookReadError when it is not one we can add to safely. */
  static open(bytes: Uint8Array, file = 'workbook', limits?: ReadLimits): WorkbookPackage {
    const entries = guardedZipEntries(bytes, file, limits);
    try {
      return new WorkbookPackage(entries, file);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      throw new WorkbookReadError('unwritable', file, 'workbook.xml', { cause: e });
    }
  }

  /** The part names, in package order. */
  partNames(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** True when the package carries VBA (an .xlsm): its copy must keep an .xlsm name. */
  get hasMacros(): boolean {
    return this.entries.some((e) => /vbaProject\.bin$/i.test(e.name)) || /macroEnabled\.main\+xml/i.test(this.text('[Content_Types].xml') ?? '');
  }

  private text(part: string): string | null {
    const key = part.replace(/^\//, '');
    if (this.removed.has(key)) return null;
    const edited = this.changed.get(key);
    if (edited !== undefined) return edited;
    const i = this.byName.get(key);
    if (i === undefined) {
      // Part names are case-insensitive in OPC.
      const lower = key.toLowerCase();
      for (const [name, j] of this.byName) if (name.toLowerCase() === lower) return entryText(this.entries[j] as ZipEntry);
      return null;
    }
    return entryText(this.entries[i] as ZipEntry);
  }

  private partKey(part: string): string {
    const key = part.replace(/^\//, '');
    if (this.byName.has(key) || this.changed.has(key)) return key;
    const lower = key.toLowerCase();
    for (const name of this.byName.keys()) if (name.toLowerCase() === lower) return name;
    return key;
  }

  private set(part: string, xml: string): void {
    const key = this.partKey(part);
    this.removed.delete(key);
    this.changed.set(key, xml);
  }

  /** Leave a part of ours out of the copy, with its content-type override. */
  private remove(part: string): void {
    const key = this.partKey(part);
    this.changed.delete(key);
    this.removed.add(key);
    let xml = this.text('[Content_Types].xml');
    if (xml === null) return;
    for (const el of children(xml).elements.reverse()) {
      if (el.tag.local === 'Override' && (attr(el.tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === key.toLowerCase()) xml = splice(xml, el.tag.start, el.end, '');
    }
    this.set('[Content_Types].xml', xml);
  }

  /** The next free `dir/stemN.xml`. */
  private freePart(dir: string, stem: string): string {
    let n = 1;
    while (this.text(`${dir}${stem}${n}.xml`) !== null) n++;
    return `${dir}${stem}${n}.xml`;
  }

  /** Drop the drawing (and its charts) an earlier run of ours gave this sheet part, with the sheet's relationships. */
  private dropOurDrawing(sheetPart: string): void {
    const relsPath = relsPathOf(sheetPart);
    const rels = this.text(relsPath);
    if (rels === null) return;
    for (const rel of parseRels(rels)) {
      if (rel.external || !/\/drawing$/.test(rel.type)) continue;
      const drawing = resolve(sheetPart, rel.target);
      const drawingRels = this.text(relsPathOf(drawing));
      if (drawingRels !== null) {
        for (const c of parseRels(drawingRels)) if (!c.external && /\/chart$/.test(c.type)) this.remove(resolve(drawing, c.target));
        this.remove(relsPathOf(drawing));
      }
      this.remove(drawing);
    }
    this.remove(relsPath);
  }

  /**
   * The plan's charts as DrawingML: a chart part each and one drawing part anchoring them, related to the
   * sheet part; returns the sheet's XML with its `<drawing>` element.
   */
  private addCharts(sheetPart: string, sheetXml: string, plan: SheetPlan, name: string, lang: Lang): string {
    const charts = plan.charts ?? [];
    if (charts.length === 0) return sheetXml;
    const base = dirOf(this.workbookPart);
    const drawing = this.freePart(`${base}drawings/`, 'drawing');
    this.set(drawing, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wsDr/>'); // reserve the name
    const anchored = charts.map((chart) => {
      const part = this.freePart(`${base}charts/`, 'chart');
      this.set(part, chartPartXml(plan, chart, name, lang, this.strict));
      this.addContentType(part, CHART_TYPE);
      return { chart, rid: this.addRel(drawing, 'chart', relativeTarget(drawing, part)) };
    });
    this.set(drawing, drawingPartXml(plan, anchored, this.strict));
    this.addContentType(drawing, DRAWING_TYPE);
    const rid = this.addRel(sheetPart, 'drawing', relativeTarget(sheetPart, drawing));
    // <drawing> goes before the worksheet children CT_Worksheet puts after it (another writer's sheet may have them).
    const root = rootTag(sheetXml);
    const { elements, closeStart } = children(sheetXml, root);
    const next = elements.find((e) => AFTER_DRAWING.has(e.tag.local));
    const at = next ? next.tag.start : closeStart;
    const rp = prefixOf(root, this.relNs);
    const ridAttr = rp !== null && rp !== '' ? `${rp}id="${rid}"` : `xmlns:r="${this.relNs}" r:id="${rid}"`;
    return splice(sheetXml, at, at, `<${root.prefix}drawing ${ridAttr}/>`);
  }

  /**
   * Add a plan's charts to a sheet another writer made from that plan (exceljs, which cannot write charts):
   * the sheet named `name` gets its drawing and chart parts. False when there is no such sheet or it has a drawing.
   */
  addPlanCharts(name: string, plan: SheetPlan, lang: Lang = 'zh-CN'): boolean {
    const sheet = this.sheets().find((s) => s.name === name);
    const xml = sheet?.part ? this.sheetXml(sheet.part) : null;
    if (!sheet?.part || xml === null || children(xml).elements.some((e) => e.tag.local === 'drawing')) return false;
    this.set(sheet.part, this.addCharts(sheet.part, xml, plan, name, lang));
    return true;
  }

  private get relNs(): string {
    return this.strict ? REL_NS.strict : REL_NS.transitional;
  }

  private relType(kind: string): string {
    return this.strict ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}` : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
  }

  private workbookXml(): string {
    return this.text(this.workbookPart) ?? '';
  }

  private workbookRels(): Rel[] {
    const xml = this.text(relsPathOf(this.workbookPart));
    return xml === null ? [] : parseRels(xml);
  }

  /** The r:id attribute of a tag, whatever prefix the relationships namespace has in this part. */
  private rid(root: Tag, tag: Tag): string | undefined {
    const p = prefixOf(root, REL_NS.transitional) ?? prefixOf(root, REL_NS.strict);
    if (p !== null && p !== '') {
      const v = attrs(tag).get(`${p}id`);
      if (v !== undefined) return v;
    }
    for (const [k, v] of attrs(tag)) if (/(^|:)id$/.test(k) && k !== 'sheetId' && k.includes(':')) return v;
    return undefined;
  }

  private sheets(): SheetEntry[] {
    const xml = this.workbookXml();
    const root = rootTag(xml);
    const sheetsEl = children(xml, root).elements.find((e) => e.tag.local === 'sheets');
    if (!sheetsEl) throw new WorkbookReadError('unwritable', this.file, 'workbook.xml <sheets>');
    const rels = this.workbookRels();
    return children(xml, sheetsEl.tag).elements
      .filter((e) => e.tag.local === 'sheet')
      .map((e) => {
        const rid = this.rid(root, e.tag) ?? '';
        const rel = rels.find((r) => r.id === rid);
        const part = rel && !rel.external && /\/worksheet$/.test(rel.type) ? resolve(this.workbookPart, rel.target) : null;
        return { name: attr(e.tag, 'name') ?? '', tag: e.tag, rid, part };
      });
  }

  private definedNames(): { el: Element; name: string; local: number | null; text: string }[] {
    const xml = this.workbookXml();
    const el = children(xml).elements.find((e) => e.tag.local === 'definedNames');
    if (!el || el.tag.selfClosing) return [];
    return children(xml, el.tag).elements
      .filter((e) => e.tag.local === 'definedName')
      .map((e) => {
        const local = attr(e.tag, 'localSheetId');
        return { el: e, name: attr(e.tag, 'name') ?? '', local: local === undefined ? null : Number(local), text: decodedText(xml, e) };
      });
  }

  /** Our summary sheets, by plan id. */
  taggedSheets(): Map<string, string> {
    const out = new Map<string, string>();
    for (const n of this.definedNames()) {
      if (n.local !== null || !n.name.startsWith(SHEET_TAG_PREFIX)) continue;
      const sheet = sheetOfReference(n.text);
      if (sheet !== null) out.set(n.name.slice(SHEET_TAG_PREFIX.length), sheet);
    }
    return out;
  }

  /** Remove defined names matching `drop`, then add `add` (as workbook XML children text). */
  private editNames(drop: (n: { name: string; local: number | null }) => boolean, add: { name: string; ref: string; local?: number; hidden?: boolean }[]): void {
    let xml = this.workbookXml();
    const p = rootTag(xml).prefix;
    for (const n of this.definedNames().reverse()) {
      if (drop(n)) xml = splice(xml, n.el.tag.start, n.el.end, '');
    }
    const items = add
      .map((a) => `<${p}definedName name="${escapeXml(a.name)}"${a.local !== undefined ? ` localSheetId="${a.local}"` : ''}${a.hidden ? ' hidden="1"' : ''}>${escapeXml(a.ref)}</${p}definedName>`)
      .join('');
    const { elements, closeStart } = children(xml);
    const el = elements.find((e) => e.tag.local === 'definedNames');
    if (el) {
      if (el.tag.selfClosing) xml = splice(xml, el.tag.start, el.tag.end, `<${p}definedNames>${items}</${p}definedNames>`);
      else xml = splice(xml, el.contentEnd, el.contentEnd, items);
      // An empty <definedNames/> is invalid: drop it when nothing is left.
      const again = children(xml).elements.find((e) => e.tag.local === 'definedNames');
      if (again && !again.tag.selfClosing && children(xml, again.tag).elements.length === 0) xml = splice(xml, again.tag.start, again.end, '');
    } else if (items !== '') {
      const next = elements.find((e) => AFTER_NAMES.includes(e.tag.local));
      const at = next ? next.tag.start : closeStart;
      xml = splice(xml, at, at, `<${p}definedNames>${items}</${p}definedNames>`);
    }
    this.set(this.workbookPart, xml);
  }

  private styleBook(): StyleBook {
    if (this.styles) return this.styles.book;
    const rel = this.workbookRels().find((r) => /\/styles$/.test(r.type) && !r.external);
    let part: string;
    if (rel) part = resolve(this.workbookPart, rel.target);
    else {
      part = `${dirOf(this.workbookPart)}annexAuditStyles.xml`;
      this.addRel(this.workbookPart, 'styles', 'annexAuditStyles.xml');
      this.addContentType(part, STYLES_TYPE);
    }
    this.wellFormed(part);
    const xml = this.text(part) ?? MINIMAL_STYLES(this.strict ? MAIN_NS.strict : MAIN_NS.transitional);
    this.styles = { part, book: new StyleBook(xml) };
    return this.styles.book;
  }

  private addRel(source: string, kind: string, target: string): string {
    const path = relsPathOf(source);
    let xml = this.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const taken = new Set(parseRels(xml).map((r) => r.id));
    let n = 1;
    while (taken.has(`rIdAA${n}`)) n++;
    const id = `rIdAA${n}`;
    const root = rootTag(xml);
    const { closeStart } = children(xml, root);
    const p = root.prefix;
    const rel = `<${p}Relationship Id="${id}" Type="${this.relType(kind)}" Target="${escapeXml(target)}"/>`;
    if (root.selfClosing) xml = splice(xml, root.start, root.end, `${xml.slice(root.start, root.end).replace(/\s*\/>$/, '>')}${rel}</${p}Relationships>`);
    else xml = splice(xml, closeStart, closeStart, rel);
    this.set(path, xml);
    return id;
  }

  private addContentType(part: string, type: string): void {
    let xml = this.text('[Content_Types].xml');
    if (xml === null) throw new WorkbookReadError('unwritable', this.file, '[Content_Types].xml');
    const root = rootTag(xml);
    const { closeStart } = children(xml, root);
    xml = splice(xml, closeStart, closeStart, `<${root.prefix}Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`);
    this.set('[Content_Types].xml', xml);
  }

  /** A legal name for `wanted` that no other sheet has (our own earlier sheet `except` may keep its name). */
  private uniqueSheetName(wanted: string, except: string | null): string {
    return uniqueSheetName(wanted, this.sheets().filter((s) => s.name !== except).map((s) => s.name));
  }

  /** `xl/worksheets/sheetN.xml` with the next free N: the name every reader expects (exceljs knows no other). */
  private newSheetPart(): string {
    const dir = `${dirOf(this.workbookPart)}worksheets/`;
    let n = 1;
    while (this.text(`${dir}sheet${n}.xml`) !== null) n++;
    return `${dir}sheet${n}.xml`;
  }

  /** Add (or replace our earlier) summary sheets; text past Excel's cell limit is cut with the mark in `lang`. */
  applySheetPlans(plans: readonly SheetPlan[], lang: Lang = 'zh-CN'): AppliedSheet[] {
    return plans.map((plan) => this.applySheetPlan(plan, lang));
  }

  private applySheetPlan(plan: SheetPlan, lang: Lang): AppliedSheet {
    const styles = this.styleBook();
    const tagName = sheetTagName(plan.id);
    const oldTagName = SHEET_TAG_PREFIX + plan.id;
    const previousName = taggedSheetOf(this.taggedSheets(), plan.id);
    const sheets = this.sheets();
    const previousIndex = previousName === undefined ? -1 : sheets.findIndex((s) => s.name === previousName && s.part !== null);
    const previous = previousIndex >= 0 ? sheets[previousIndex] : undefined;
    const name = this.uniqueSheetName(plan.name, previous?.name ?? null);
    const mainNs = this.strict ? MAIN_NS.strict : MAIN_NS.transitional;
    const part = planSheetXml(plan, name, mainNs, this.relNs, styles, lang);
    let index: number;
    if (previous && previous.part) {
      // Our own earlier sheet: same part, same position, new content (and the name we want now).
      this.dropOurDrawing(previous.part);
      this.set(previous.part, this.addCharts(previous.part, part.xml, plan, name, lang));
      if (previous.name !== name) this.set(this.workbookPart, withAttr(this.workbookXml(), previous.tag, 'name', name));
      index = previousIndex;
    } else {
      const path = this.newSheetPart();
      const target = path.slice(dirOf(this.workbookPart).length);
      const rid = this.addRel(this.workbookPart, 'worksheet', target);
      this.addContentType(path, WORKSHEET_TYPE);
      this.set(path, this.addCharts(path, part.xml, plan, name, lang));
      let xml = this.workbookXml();
      const root = rootTag(xml);
      const sheetsEl = children(xml, root).elements.find((e) => e.tag.local === 'sheets');
      if (!sheetsEl) throw new WorkbookReadError('unwritable', this.file, 'workbook.xml <sheets>');
      const maxId = Math.max(0, ...sheets.map((s) => Number(attr(s.tag, 'sheetId') ?? 0)).filter(Number.isFinite));
      const rp = prefixOf(root, this.relNs);
      const ridAttr = rp !== null && rp !== '' ? `${rp}id="${rid}"` : `xmlns:r="${this.relNs}" r:id="${rid}"`;
      xml = splice(xml, sheetsEl.contentEnd, sheetsEl.contentEnd, `<${root.prefix}sheet name="${escapeXml(name)}" sheetId="${maxId + 1}" ${ridAttr}/>`);
      this.set(this.workbookPart, xml);
      index = sheets.length;
    }
    this.editNames(
      (n) => (n.local === null && (n.name === tagName || n.name === oldTagName)) || (n.local === index && (n.name === '_xlnm.Print_Titles' || n.name === '_xlnm._FilterDatabase')),
      [{ name: tagName, ref: `${quoteSheet(name)}!$A$1` }, ...part.localNames.map((l) => ({ ...l, local: index }))],
    );
    this.set(this.styles?.part ?? '', styles.toXml());
    return { id: plan.id, wanted: plan.name, name, renamed: name !== plan.name, replaced: previous !== undefined };
  }

  /** Ask Excel to recalculate on open: our formulas carry the core's results, Excel's own are better. */
  private fullCalcOnLoad(): void {
    let xml = this.workbookXml();
    const { elements, closeStart } = children(xml);
    const calc = elements.find((e) => e.tag.local === 'calcPr');
    if (calc) xml = withAttr(xml, calc.tag, 'fullCalcOnLoad', '1');
    else {
      const next = elements.find((e) => AFTER_CALC.includes(e.tag.local));
      const at = next ? next.tag.start : closeStart;
      xml = splice(xml, at, at, `<${rootTag(xml).prefix}calcPr fullCalcOnLoad="1"/>`);
    }
    this.set(this.workbookPart, xml);
  }

  /** Remove every conditional format we added, from every sheet; other sheets' parts stay untouched. */
  clearMarks(): number {
    let removed = 0;
    for (const s of this.sheets()) {
      if (!s.part) continue;
      const xml = this.sheetXml(s.part);
      if (xml === null) continue;
      const { next, count } = withoutOurMarks(xml);
      if (count > 0) {
        this.set(s.part, next);
        removed += count;
      }
    }
    return removed;
  }

  /** Mark the findings' cells: one conditional format per sheet and severity; re-marking replaces ours. */
  applyHighlights(plan: HighlightPlan): number {
    this.clearMarks();
    const sheets = this.sheets();
    const bySheet = new Map<string, { sqref: string; severity: keyof typeof MARK_FILL }[]>();
    let count = 0;
    for (const mark of plan.marks) {
      const s = sheets.find((x) => x.name === mark.sheet);
      if (!s?.part || mark.cells.length === 0) continue;
      const list = bySheet.get(s.part) ?? [];
      list.push({ sqref: mark.cells.join(' '), severity: mark.severity });
      bySheet.set(s.part, list);
      count += mark.cells.length;
    }
    if (bySheet.size === 0) return 0;
    const styles = this.styleBook();
    for (const [part, marks] of bySheet) {
      let xml = this.sheetXml(part);
      if (xml === null) {
        count -= marks.reduce((n, m) => n + m.sqref.split(' ').length, 0);
        continue;
      }
      const root = rootTag(xml);
      const p = root.prefix;
      const block = marks
        .map(
          (m) =>
            `<${p}conditionalFormatting sqref="${escapeXml(m.sqref)}"><${p}cfRule type="expression" dxfId="${styles.highlight(MARK_FILL[m.severity])}" priority="1">` +
            `<${p}formula>${escapeXml(markFormula(m.severity))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
        )
        .join('');
      const { elements, closeStart } = children(xml, root);
      const next = elements.find((e) => AFTER_CF.has(e.tag.local));
      const at = next ? next.tag.start : closeStart;
      xml = splice(xml, at, at, block);
      this.set(part, xml);
    }
    if (this.styles) this.set(this.styles.part, styles.toXml());
    return count;
  }

  /** The package as bytes: edited parts re-deflated, every other part copied as it was. */
  toBytes(options: { recalculate?: boolean } = {}): Uint8Array {
    if (options.recalculate) this.fullCalcOnLoad();
    const out: ZipEntry[] = [];
    const written = new Set<string>();
    for (const e of this.entries) {
      const key = e.name.replace(/^\//, '');
      if (this.removed.has(key)) continue;
      const edited = this.changed.get(key);
      out.push(edited === undefined ? e : newEntry(e.name, edited));
      written.add(key);
    }
    for (const [key, xml] of this.changed) if (!written.has(key) && !this.removed.has(key)) out.push(newEntry(key, xml));
    return writeZip(out);
  }
}

/** A worksheet's XML without our conditional formats (recognised by their formula). */
export function withoutOurMarks(xml: string): { next: string; count: number } {
  const root = rootTag(xml);
  let next = xml;
  let count = 0;
  for (const el of children(xml, root).elements.reverse()) {
    if (el.tag.local !== 'conditionalFormatting') continue;
    const text = decodedText(xml, el);
    if (!isOurMarkFormula(text)) continue;
    next = splice(next, el.tag.start, el.end, '');
    count++;
  }
  return { next, count };
}
