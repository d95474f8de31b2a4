/**
 * DrawingML for the plan's charts: one chart part per chart (xl/charts/chartN.xml) and one drawing part per
 * sheet (xl/drawings/drawingN.xml) anchoring them. A chart's series and categories are formulas over the
 * summary sheet's cells (`'汇总-研判统计'!$C$5:$C$30`), so a recalculated cell moves the chart; the caches
 * hold the plan's figures for a reader that does not recalculate.
 */
import { parseA1, chartData, chartName, type ChartPlan, type SheetPlan, type Lang } from '../../core';
import { escapeXml, xmlText } from './xml';

export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const NS = {
  transitional: {
    c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
    a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
    xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    c: 'http://purl.oclc.org/ooxml/drawingml/chart',
    a: 'http://purl.oclc.org/ooxml/drawingml/main',
    xdr: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
    r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
} as const;

const EMU_PER_PIXEL = 9525;
const FONT = '宋体';

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function ref(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}

function rich(text: string, lang: Lang, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:rPr><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, lang: Lang, size: number): string {
  return `<c:title>${rich(text, lang, size, size >= 1200)}<c:overlay val="0"/></c:title>`;
}

function textProps(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function fill(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: readonly (number | null)[], format: string): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part for one chart of `plan`, on the sheet named `sheet`. */
export function chartPartXml(plan: SheetPlan, chart: ChartPlan, sheet: string, lang: Lang, strict = false): string {
  const ns = strict ? NS.strict : NS.transitional;
  const data = chartData(plan, chart);
  const horizontal = chart.kind === 'bar' || chart.kind === 'barStacked';
  const stacked = chart.kind === 'barStacked' || chart.kind === 'columnStacked';
  const format = chart.valueFormat ?? 'General';
  const labelSize = data.categories.length > 30 ? 650 : 800;
  const series = chart.series
    .map((s, i) => {
      const d = data.series[i];
      const name = s.nameCell
        ? `<c:tx><c:strRef><c:f>${xmlText(ref(sheet, s.nameCell))}</c:f>${strCache([d?.name ?? s.name])}</c:strRef></c:tx>`
        : `<c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>`;
      const points = (s.pointColors ?? []).map((p) => `<c:dPt><c:idx val="${p.index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(p.color)}</c:dPt>`).join('');
      const labels = chart.dataLabels
        ? `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(labelSize)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
        : '';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${name}${fill(s.color)}<c:invertIfNegative val="0"/>${points}${labels}` +
        `<c:cat><c:strRef><c:f>${xmlText(ref(sheet, chart.categories))}</c:f>${strCache(data.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlText(ref(sheet, s.values))}</c:f>${numCache(d?.values ?? [], format)}</c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const catAxis =
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/>${title(chart.categoryAxisTitle, lang, 900)}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(labelSize)}` +
    `<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  // A horizontal chart lists the first category at the top (categories reversed); its value axis then sits
  // at the bottom only when it crosses at the last category.
  const valAxis =
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${title(chart.valueAxisTitle, lang, 900)}<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(800)}` +
    `<c:crossAx val="5001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.legend ? `<c:legend><c:legendPos val="${horizontal ? 't' : 'r'}"/><c:overlay val="0"/>${textProps(900)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, lang, 1200)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="${stacked ? 50 : 60}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    `${catAxis}${valAxis}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `${textProps(900)}<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`
  );
}

/** The drawing part anchoring `charts` (each with the relationship id of its chart part) on a sheet. */
export function drawingPartXml(plan: SheetPlan, charts: readonly { chart: ChartPlan; rid: string }[], strict = false): string {
  const ns = strict ? NS.strict : NS.transitional;
  const anchors = charts
    .map(({ chart, rid }, i) => {
      const at = parseA1(chart.anchor) ?? { row: 0, col: 0 };
      const cx = Math.round(chart.size.width * EMU_PER_PIXEL);
      const cy = Math.round(chart.size.height * EMU_PER_PIXEL);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chartName(plan, chart))}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" xmlns:r="${ns.r}" r:id="${rid}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}">${anchors}</xdr:wsDr>`;
}
