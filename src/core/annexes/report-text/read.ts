/**
 * The 通报 (`report-text`): prose, one paragraph per row. Its first section states the headline
 * figures: `80项目标任务中，已完成年度目标任务的7项，占8.8%；…`, `46件省市重点民生实事中，…`, and
 * a later paragraph enumerates `…等12件省级重点民生实事…已提前完成年度目标任务`.
 */
import type { FindingSink } from '../../finding';
import { execNotAfter } from '../../regex';
import { a1, cellsOf, type Grid } from '../../grid';
import { checkDates } from '../../narrative';
import { cellText, labelKey, parseChineseNumeral } from '../../text';
import { type ProgressClass, type ReportFigure, ReportFigureSchema, type ReportGroup } from '../../profiles/keywork/schemas';

declare module '../records' {
  interface KindRecords {
    'report-text': ReportText;
  }
}

export interface ReportParagraph {
  readonly row: number;
  readonly cell: string;
  readonly text: string;
}

export interface ReportText {
  readonly sheet: string;
  readonly paragraphs: readonly ReportParagraph[];
  /** The paragraph that states the headline figures, if any. */
  readonly headline: ReportParagraph | null;
  readonly figures: readonly ReportFigure[];
}

/** Full-width digits, `．` and `％` → ASCII, one code unit for one, so positions do not move. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * The paragraph as the figure patterns read it: ASCII digits, and counts written in Chinese numerals
 * (基本完成五项, 按时序推进二十一项, 两件) as digits. `orig` maps a position in `text` back to the paragraph as
 * written, so every phrase quoted in a finding is the clerk's own words.
 */
export function readableCounts(s: string): { text: string; orig: (i: number) => number } {
  const ascii = asciiDigits(s);
  const out: string[] = [];
  const origin: number[] = [];
  const re = /[零〇一二两三四五六七八九十百千]+(?=\s*[项件])/g;
  let last = 0;
  for (let m = re.exec(ascii); m; m = re.exec(ascii)) {
    const n = parseChineseNumeral(m[0]);
    // 第一项 is an ordinal, not a count.
    if (n === null || ascii[m.index - 1] === '第') continue;
    for (let i = last; i < m.index; i++) {
      out.push(ascii[i] as string);
      origin.push(i);
    }
    for (const d of String(n)) {
      out.push(d);
      origin.push(m.index);
    }
    last = m.index + m[0].length;
  }
  for (let i = last; i < ascii.length; i++) {
    out.push(ascii[i] as string);
    origin.push(i);
  }
  origin.push(ascii.length);
  return { text: out.join(''), orig: (i) => origin[Math.max(0, Math.min(i, origin.length - 1))] as number };
}

export function groupOf(noun: string): ReportGroup | null {
  const k = labelKey(noun);
  if (/目标任务/.test(k)) return 'targets';
  if (!/民生实事/.test(k)) return null;
  if (/省市|省、市/.test(k)) return 'livelihood';
  if (/省级|省重点/.test(k)) return 'provincial';
  if (/市级|市重点/.test(k)) return 'city';
  return null;
}

export function classOf(phrase: string): ProgressClass | null {
  const k = labelKey(phrase);
  const done = /(已|基本|提前)完成|完成(年度)?(目标)?任务/.test(k) && !/未完成/.test(k);
  const lagging = /滞后|缓慢/.test(k);
  const onSchedule = /同步|时序|序时|常态化|正常推进/.test(k);
  const n = Number(done) + Number(lagging) + Number(onSchedule);
  if (n !== 1) return null;
  return done ? 'done' : lagging ? 'lagging' : 'onSchedule';
}

const OPENER = /(\d{1,9})(?!\d)\s*(项|件)([^，,；;。：:\d]{1,30}?)中(?=\s*[，,])/g;
const CLASS_FIGURE = /([^，,；;。]{0,40}?)(\d{1,9})(?!\d)\s*(项|件)(?:\s*[，,]\s*占(?:比)?\s*(\d{1,3}(?:\.\d{1,6})?)\s*%)?/g;
const ENUMERATED = /等\s*(\d{1,9})\s*件\s*((?:省级|市级|省市)重点民生实事)/g;

function figure(f: ReportFigure): ReportFigure | null {
  const r = ReportFigureSchema.safeParse(f);
  return r.success ? r.data : null;
}

/** The headline figures of one paragraph: groups opened by `N项…中，`, then the class counts and shares. */
export function headlineFigures(p: ReportParagraph): ReportFigure[] {
  const { text, orig } = readableCounts(p.text);
  const openers: { index: number; end: number; group: ReportGroup | null; total: number; phrase: string }[] = [];
  OPENER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = execNotAfter(OPENER, text, /\d/)) !== null) {
    openers.push({ index: m.index, end: m.index + m[0].length, group: groupOf(m[3] ?? ''), total: Number(m[1]), phrase: p.text.slice(orig(m.index), orig(m.index + m[0].length)) });
  }
  const out: ReportFigure[] = [];
  openers.forEach((o, i) => {
    if (o.group === null) return;
    const base = { row: p.row, cell: p.cell, source: 'headline' as const };
    const total = figure({ ...base, group: o.group, cls: null, count: o.total, share: null, shareDecimals: 0, phrase: o.phrase });
    if (total) out.push(total);
    const sentenceEnd = text.indexOf('。', o.end);
    const next = openers[i + 1]?.index ?? text.length;
    const end = Math.min(next, sentenceEnd < 0 ? text.length : sentenceEnd);
    const region = text.slice(o.end, end);
    CLASS_FIGURE.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = execNotAfter(CLASS_FIGURE, region, /\d/, (x) => (x[1] ?? '').length)) !== null) {
      if (c[0] === '') {
        CLASS_FIGURE.lastIndex++;
        continue;
      }
      const cls = classOf(c[1] ?? '');
      // Words the vocabulary does not know (进展顺利的12件): kept with their words, checked only against a
      // table that uses the same words as classes (src/core/wordClasses.ts).
      const word = cls === null ? labelKey(c[1] ?? '').replace(/^[，,、；;和及其中]+/, '') : '';
      if (cls === null && word === '') continue;
      const shareText = c[4];
      const start = o.end + c.index + (c[0].length - c[0].replace(/^[\s，,]+/, '').length);
      const f = figure({
        ...base,
        group: o.group,
        cls,
        ...(cls === null ? { word } : {}),
        count: Number(c[2]),
        share: shareText !== undefined ? Number(shareText) : null,
        shareDecimals: shareText?.includes('.') ? (shareText.split('.')[1]?.length ?? 0) : 0,
        phrase: p.text.slice(orig(start), orig(o.end + c.index + c[0].length)),
      });
      if (f) out.push(f);
    }
  });
  return out;
}

/** `…等12件省级重点民生实事…已提前完成年度目标任务。`: the class comes from the sentence. */
export function enumeratedFigures(p: ReportParagraph): ReportFigure[] {
  const { text, orig } = readableCounts(p.text);
  const out: ReportFigure[] = [];
  let start = 0;
  for (const sentence of text.split('。')) {
    const cls = classOf(sentence.replace(ENUMERATED, ''));
    ENUMERATED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (cls !== null && (m = ENUMERATED.exec(sentence)) !== null) {
      const group = groupOf(m[2] ?? '');
      if (group === null) continue;
      const f = figure({
        group,
        cls,
        count: Number(m[1]),
        share: null,
        shareDecimals: 0,
        phrase: p.text.slice(orig(start + m.index), orig(start + m.index + m[0].length)),
        source: 'enumeration',
        row: p.row,
        cell: p.cell,
      });
      if (f) out.push(f);
    }
    start += sentence.length + 1;
  }
  return out;
}

export function parseReportText(grid: Grid, sink: FindingSink, year: number): ReportText {
  const paragraphs: ReportParagraph[] = [];
  grid.values.forEach((row, r) => {
    const parts: string[] = [];
    let first = -1;
    for (const c of cellsOf(row)) {
      const t = cellText(row[c] ?? null);
      if (t === '') continue;
      if (first < 0) first = c;
      parts.push(t);
    }
    if (first >= 0) paragraphs.push({ row: r, cell: a1(r, first), text: parts.join('') });
  });

  let headline: ReportParagraph | null = null;
  let headlineFigs: ReportFigure[] = [];
  for (const p of paragraphs) {
    const figs = headlineFigures(p);
    if (figs.length > headlineFigs.length) {
      headline = p;
      headlineFigs = figs;
    }
  }
  const figures = [...headlineFigs];
  for (const p of paragraphs) {
    if (p === headline) continue;
    figures.push(...enumeratedFigures(p));
  }
  for (const p of paragraphs) checkDates(p.text, year, grid.name, p.cell, sink);
  if (figures.length === 0) sink.add('report/headline-missing', { sheet: grid.name, cell: paragraphs[0]?.cell ?? 'A1' });
  return { sheet: grid.name, paragraphs, headline, figures };
}
