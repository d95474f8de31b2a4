/** 附件3 研判分析表 (`incentive-analysis`): one row per incentive item, with its assessment and award history. */
import type { FindingSink } from '../../finding';
import { a1 } from '../../grid';
import type { Table, TableRow } from '../../table';
import { checkEnabled, hasColumn } from '../../gate';
import { RATING_VOCAB, type RatingId, vocabEntry } from '../../vocab';
import { columnLabel } from '../../table';
import { itemKey, labelKey, toHalfWidth } from '../../text';
import { canonicalUnit } from '../../units';
import type { Settings } from '../../settings';
import { type Assessment, type DerivedRating, deriveItemRating, parseAssessment } from './ratings';
import { checkRow, placedFields } from '../../schemas';
import { listOf, localized } from '../../i18n/lists';

declare module '../records' {
  interface KindRecords {
    'incentive-analysis': IncentiveAnalysis;
  }
}

const RATING_KEYS: readonly RatingId[] = ['veryLikely', 'likely', 'hard', 'unlikely'];

export interface HistoryCell {
  readonly year: number | null;
  readonly text: string;
  readonly cell: string;
}

export interface AnalysisItem {
  readonly row: number;
  readonly unit: string;
  readonly unitKey: string;
  readonly unitCell: string;
  readonly seq: string;
  readonly seqCell: string;
  /** The item name without its markers. */
  readonly item: string;
  readonly itemKey: string;
  readonly itemCell: string;
  readonly allWonLastYear: boolean;
  readonly regionClass: 'Ⅱ' | 'Ⅲ' | null;
  readonly quota: string;
  readonly assessmentText: string;
  readonly assessmentCell: string;
  readonly assessment: Assessment;
  readonly derived: DerivedRating;
  readonly history: readonly HistoryCell[];
}

export interface IncentiveAnalysis {
  readonly sheet: string;
  readonly items: readonly AnalysisItem[];
  /** The note's stated marker counts, where it states them. */
  readonly note?: { readonly cell: string; readonly allWon?: number; readonly regionClass?: number };
}

/** Leading markers of an item name: `●` (all prefectures won it last year), `Ⅱ`/`Ⅲ` (region class). */
export function splitMarkers(name: string): { name: string; allWon: boolean; region: 'Ⅱ' | 'Ⅲ' | null } {
  let rest = name.trim();
  let allWon = false;
  let region: 'Ⅱ' | 'Ⅲ' | null = null;
  for (;;) {
    const ch = rest.charAt(0);
    if (ch === '●') allWon = true;
    else if (ch === 'Ⅱ' || ch === 'Ⅲ') region = ch;
    else break;
    rest = rest.slice(1).trimStart();
  }
  return { name: rest, allWon, region };
}

/** `注：●表示…（共8项）；Ⅱ或Ⅲ表示…（共14小项）` → the stated counts. */
export function parseMarkerNote(text: string): { allWon?: number; regionClass?: number } {
  const s = toHalfWidth(text);
  const out: { allWon?: number; regionClass?: number } = {};
  for (const part of s.split(/[;；\n]/)) {
    const n = /共\s*(\d+)\s*小?项/.exec(part);
    if (!n) continue;
    if (part.includes('●')) out.allWon = Number(n[1]);
    else if (/[ⅡⅢ]/.test(part)) out.regionClass = Number(n[1]);
  }
  return out;
}

export function parseIncentiveAnalysis(table: Table, sink: FindingSink, settings: Settings): IncentiveAnalysis {
  const sheet = table.sheet;
  const items: AnalysisItem[] = [];
  const histCols = table.header.columns.get('history') ?? [];
  const years = histCols.map((c) => {
    const label = (table.header.labels.get(c) ?? []).join('');
    const m = /(\d{4})/.exec(label);
    return m ? Number(m[1]) : null;
  });

  const ratingOn = checkEnabled(table, 'analysis-rating');
  // The wide layout: one column per rating, its cells naming the units so rated (or a mark for the item itself).
  const wide = !table.header.columns.has('assessment') && hasColumn(table, 'assessment');
  const wideAssessment = (r: TableRow): { text: string; cell: string } | undefined => {
    const lines: string[] = [];
    let cell = '';
    for (const k of RATING_KEYS) {
      const read = r.cells.get(k);
      if (!read || read.text === '' || read.filledDown) continue;
      if (cell === '') cell = read.addr;
      const word = vocabEntry(RATING_VOCAB, k).zh;
      if (/^[√✓✔☑✅●是]+$/.test(labelKey(read.text))) lines.push(word);
      else for (const u of read.text.split(/[、，,;；\s]+/)) if (u.trim() !== '') lines.push(`${u.trim()}：${word}`);
    }
    return cell === '' ? undefined : { text: lines.join('\n'), cell };
  };
  for (const r of table.dataRows) {
    const get = (k: string) => r.cells.get(k);
    const unitRead = get('unit');
    const itemRead = get('item');
    const assessmentRead = get('assessment');
    const seqRead = get('seq');
    const rawItem = itemRead?.text ?? '';
    const cellOf = (k: string, fallbackCol = 0): string => get(k)?.addr ?? a1(r.row, table.header.columns.get(k)?.[0] ?? fallbackCol);
    const assessmentRead_ = wide ? wideAssessment(r) : assessmentRead ? { text: assessmentRead.text, cell: assessmentRead.addr } : undefined;
    const assessmentText = assessmentRead_?.text ?? '';
    if (rawItem === '' && assessmentText === '') continue;
    const markers = splitMarkers(rawItem);
    const unit = unitRead?.text ?? '';
    const assessment = parseAssessment(assessmentText);
    const where = `${unit}“${markers.name}”`;
    const assessmentCell = assessmentRead_?.cell ?? cellOf(wide ? (RATING_KEYS.find((k) => table.header.columns.has(k)) ?? 'assessment') : 'assessment');
    // Each address made once per row (the reads above give them: no cell read again).
    const unitCell = unitRead?.addr ?? cellOf('unit');
    const itemCell = itemRead?.addr ?? cellOf('item');
    const fields: Record<string, { cell: string; label: string }> = placedFields(table, {
      unit: { cell: unitCell, label: columnLabel(table, 'unit') },
      item: { cell: itemCell, label: columnLabel(table, 'item') },
      assessment: { cell: assessmentCell, label: columnLabel(table, 'assessment') },
    });
    if (table.header.columns.has('seq')) fields['seq'] = { cell: seqRead?.own ?? cellOf('seq'), label: columnLabel(table, 'seq') };
    checkRow(
      table,
      { unit, seq: table.header.columns.has('seq') ? (seqRead?.text ?? '') : '-', item: markers.name, assessment: assessmentText },
      sheet,
      fields,
      where,
      sink,
    );

    const derived = deriveItemRating(assessment, settings);
    if (!ratingOn || wide) {
      // No assessment column to check the words of (the wide layout's columns are the ratings).
    } else if (assessmentText !== '' && derived.rating === null) {
      sink.add('cell/rating-vocabulary', { sheet, cell: assessmentCell }, {}, { actual: assessmentText.replace(/\s+/g, ' ').slice(0, 60) });
    } else {
      for (const line of assessment.unrated) {
        if (/[:：]/.test(line)) sink.add('cell/rating-vocabulary', { sheet, cell: assessmentCell }, {}, { actual: line.slice(0, 60) });
      }
    }

    const historyReads = r.multi.get('history') ?? [];
    const history: HistoryCell[] = historyReads.map((h, i) => ({ year: years[i] ?? null, text: h.text, cell: h.addr }));
    // Most recent year first, so the finding sits on the same year's cell whatever the column order.
    const blanks = history.some((h) => h.text === '') ? history.filter((h) => h.text === '').sort((a, b) => (b.year ?? 0) - (a.year ?? 0)) : [];
    const firstBlank = blanks[0];
    if (firstBlank) {
      const yearsText = localized((lang) => listOf(blanks.map((h) => (h.year === null ? h.cell : lang === 'zh-CN' ? `${h.year}年` : String(h.year))), lang));
      sink.add('cell/history-blank', { sheet, cell: firstBlank.cell }, { years: yearsText }, {
        related: blanks.slice(1).map((h) => ({ sheet, cell: h.cell })),
      });
    }

    items.push({
      row: r.row,
      unit,
      unitKey: canonicalUnit(unit, settings.unitAliases),
      unitCell,
      seq: seqRead?.text ?? '',
      seqCell: seqRead?.addr ?? '',
      item: markers.name,
      itemKey: itemKey(markers.name),
      itemCell,
      allWonLastYear: markers.allWon,
      regionClass: markers.region,
      quota: get('quota')?.text ?? '',
      assessmentText,
      assessmentCell,
      assessment,
      derived,
      history,
    });
  }

  // The note's marker counts (compared with the markers by the rule `markerCount`).
  let note: IncentiveAnalysis['note'];
  for (const line of hasColumn(table, 'item') ? [...table.preamble, ...table.notesBelow] : []) {
    if (!/^注|备注/.test(labelKey(line.text)) && !/[●ⅡⅢ]/.test(line.text)) continue;
    const counts = parseMarkerNote(line.text);
    if (counts.allWon === undefined && counts.regionClass === undefined) continue;
    note = { cell: a1(line.row, line.col), ...counts };
    break;
  }
  return { sheet, items, ...(note ? { note } : {}) };
}
