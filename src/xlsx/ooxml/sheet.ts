/**
 * A summary sheet plan as a worksheet part of its own: values (text always as inline text, never as a
 * formula, cut with a visible mark past Excel's 32,767 characters), our formulas with the core's results,
 * number formats and styles (through the StyleBook), merged areas, column widths, frozen header, filter,
 * internal links, A4 page setup.
 */
import { fitCellText, a1, parseA1, type Lang, chartPageBreaks, type PlanCell, type SheetPlan } from '../../core';
import type { StyleBook } from './styles';
import { escapeXml, xmlText } from './xml';

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function cellXml(ref: string, pc: PlanCell, s: number, lang: Lang): string {
  const style = s > 0 ? ` s="${s}"` : '';
  const v = pc.value;
  if (pc.formula !== undefined) {
    const f = `<f>${xmlText(pc.formula)}</f>`;
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}>${f}<v>${v}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}"${style} t="str">${f}<v>${xmlText(v)}</v></c>`;
    return `<c r="${ref}"${style}>${f}</c>`;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v === null || v === undefined) return `<c r="${ref}"${style}/>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(fitCellText(String(v), lang))}</t></is></c>`;
}

export interface SheetPart {
  readonly xml: string;
  /** Defined names the sheet needs (print titles, filter range), without the localSheetId. */
  readonly localNames: readonly { name: string; ref: string; hidden?: boolean }[];
}

export function planSheetXml(plan: SheetPlan, name: string, mainNs: string, relNs: string, styles: StyleBook, lang: Lang = 'zh-CN'): SheetPart {
  const rows: string[] = [];
  const links: string[] = [];
  let maxCol = 0;
  plan.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((pc, c) => {
      if (pc.value === null && pc.formula === undefined && !pc.style) return;
      const ref = a1(r, c);
      const s = styles.cellFormat(pc.style ? plan.styles[pc.style] : undefined, pc.numberFormat);
      cells.push(cellXml(ref, pc, s, lang));
      if (pc.link) links.push(`<hyperlink ref="${ref}" location="${escapeXml(`${quoteSheet(pc.link.sheet)}!${pc.link.cell}`)}" display="${xmlText(String(pc.value ?? ''))}"/>`);
      maxCol = Math.max(maxCol, c);
    });
    const ht = plan.rowHeights?.[r + 1];
    if (cells.length > 0) rows.push(`<row r="${r + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ''}>${cells.join('')}</row>`);
  });
  const lastRow = Math.max(plan.rows.length, 1);
  const dimension = `A1:${a1(lastRow - 1, maxCol)}`;
  const frozen = plan.frozenRows > 0;
  const views = frozen
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${plan.frozenRows}" topLeftCell="A${plan.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${plan.frozenRows + 1}" sqref="A${plan.frozenRows + 1}"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols =
    plan.columnWidths.length > 0
      ? `<cols>${plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '';
  const filter = plan.table ? `<autoFilter ref="${plan.table.range}"/>` : '';
  const merges = plan.merges.length > 0 ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const hyperlinks = links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '';
  const fit = plan.print.fitToWidth;
  const breaks = chartPageBreaks(plan);
  const rowBreaks = breaks.length > 0 ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '';
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    `${fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : ''}` +
    `<dimension ref="${dimension}"/>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rows.join('')}</sheetData>${filter}${merges}${hyperlinks}` +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${plan.print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>${rowBreaks}` +
    `</worksheet>`;
  const localNames: { name: string; ref: string; hidden?: boolean }[] = [];
  const [top, bottom] = plan.printTitleRows;
  if (top > 0 && bottom >= top) localNames.push({ name: '_xlnm.Print_Titles', ref: `${quoteSheet(name)}!$${top}:$${bottom}` });
  if (plan.table) {
    const [from, to] = plan.table.range.split(':');
    const p = parseA1(from ?? '');
    const q = parseA1(to ?? from ?? '');
    if (p && q) localNames.push({ name: '_xlnm._FilterDatabase', ref: `${quoteSheet(name)}!${absolute(p)}:${absolute(q)}`, hidden: true });
  }
  return { xml, localNames };
}

function absolute(p: { row: number; col: number }): string {
  const ref = a1(p.row, p.col);
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m ? `$${m[1]}$${m[2]}` : ref;
}
