/**
 * 附件1 目标任务进展 (`target-progress`): one row per target, its lead unit(s), progress, and one
 * mark among 基本完成 / 常态化或按时序推进 / 相对滞后; a note row below names the district-level
 * livelihood items.
 */
import type { FindingSink } from '../../finding';
import { execNotAfter } from '../../regex';
import { a1 } from '../../grid';
import { checkEnabled } from '../../gate';
import type { Settings } from '../../settings';
import { columnLabel, type Table } from '../../table';
import { labelKey, readNumber, toHalfWidth, readSeq } from '../../text';
import { checkRow, placedColumns } from '../../schemas';
import { type ProgressClass, PROGRESS_CLASSES } from '../../profiles/keywork/schemas';
import { canonicalDistrictUnit, splitUnits } from '../../profiles/keywork/units';
import { progressClassOf } from '../../vocab';
import { readMark } from '../../columnTypes';
import { wordClasses } from '../../wordClasses';
import { listOf, localized } from '../../i18n/lists';

declare module '../records' {
  interface KindRecords {
    'target-progress': TargetProgress;
  }
}

export interface TargetRow {
  readonly row: number;
  readonly seq: number | null;
  readonly seqCell: string;
  readonly target: string;
  readonly targetCell: string;
  /** Lead units as written (a cell may name two, one per line). */
  readonly units: readonly string[];
  /** Canonical unit names, for per-unit counts. */
  readonly unitKeys: readonly string[];
  readonly unitCell: string;
  readonly progress: string;
  readonly progressCell: string;
  /** The marked class (or the class of its 进度评价 word); null when the row has no mark, more than one, or a word the vocabulary does not know. */
  readonly cls: ProgressClass | null;
  /** The 进度评价 word, where the table has one column of words instead of marks; '' otherwise. */
  readonly statusWord: string;
  readonly markCells: readonly string[];
  /** Named by the note below the table as a district-level livelihood item. */
  readonly livelihood: boolean;
}

export interface TargetProgress {
  readonly sheet: string;
  /** The table's title (the line above the header that names the document). */
  readonly title: string | null;
  readonly rows: readonly TargetRow[];
  /** The numbers the note names as district-level livelihood items. */
  readonly livelihoodSeqs: readonly number[];
}

/** The check marks staff use for a tick. */

const CLASS_COLUMN: Readonly<Record<ProgressClass, string>> = { done: 'done', onSchedule: 'onSchedule', lagging: 'lagging' };

/** `48、49、57-59` → [48, 49, 57, 58, 59]. */
export function parseNumberList(s: string): number[] {
  const out: number[] = [];
  for (const part of toHalfWidth(s).split(/[、,，;；和及\s]+/)) {
    const range = /^(\d+)[-—–~至到](\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from < 1000) for (let n = from; n <= to; n++) out.push(n);
    } else if (/^\d+$/.test(part)) out.push(Number(part));
  }
  return out;
}

/** The numbers a note names as livelihood items: `注：第48、49、57项为区级民生实事。` */
export function livelihoodSeqsFromNote(text: string): number[] {
  const m = execNotAfter(/第?\s*([\d０-９][\d０-９、,，\s\-—–~至到和及]{0,200})\s*项[^。；;]*民生实事/g, text, /[\d０-９]/);
  return m ? parseNumberList(m[1] ?? '') : [];
}

export function parseTargetProgress(table: Table, sink: FindingSink, settings: Settings): TargetProgress {
  const sheet = table.sheet;
  const rows: TargetRow[] = [];
  const colIndex = (k: string) => table.header.columns.get(k)?.[0];

  // The note below the table names the district-level livelihood items.
  const livelihoodSeqs: number[] = [];
  let noteCell: string | null = null;
  for (const n of table.notesBelow) {
    const seqs = livelihoodSeqsFromNote(n.text);
    if (seqs.length > 0) {
      livelihoodSeqs.push(...seqs);
      noteCell ??= a1(n.row, n.col);
    }
  }

  let expectedSeq = 1;
  // Marks need their own columns (the registry also counts a column of words as their other layout).
  const marksPlaced = PROGRESS_CLASSES.some((c) => table.header.columns.has(CLASS_COLUMN[c]));
  const marksOn = marksPlaced && checkEnabled(table, 'target-marks');
  // One column of words instead of marks: the words give the class; unknown ones that form a small closed set
  // are classes of their own (said once), others are said row by row and not counted.
  const wordsOn = !marksPlaced && checkEnabled(table, 'target-status');
  const wordOf = (r: (typeof table.dataRows)[number]) => r.cells.get('statusWord')?.text.trim() ?? '';
  const extra = settings.progressWords;
  const unknownWords = wordsOn ? table.dataRows.map(wordOf).filter((w) => w !== '' && progressClassOf(w, extra) === null) : [];
  const ownClasses = wordClasses(unknownWords);
  const ownWords = new Set(ownClasses?.map((c) => c.word) ?? []);
  if (ownClasses) {
    const first = table.dataRows.find((r) => ownWords.has(labelKey(wordOf(r))));
    const words = localized((lang) => listOf(ownClasses.map((c) => (lang === 'zh-CN' ? `“${c.word}”${c.count}项` : `"${c.word}" ${c.count}`)), lang));
    sink.add('target/status-words', { sheet, cell: first?.cells.get('statusWord')?.addr ?? 'A1' }, { words });
  }
  for (const r of table.dataRows) {
    const get = (k: string) => r.cells.get(k);
    const cellOf = (k: string): string => get(k)?.addr ?? a1(r.row, colIndex(k) ?? 0);
    const target = get('target')?.text ?? '';
    const unitText = get('unit')?.text ?? '';
    const progress = get('progress')?.text ?? '';

    // 12 / 12. / 12、 / （12） / 第12项 are all row 12; another number as it reads (1.5).
    const seqValue = get('seq')?.value ?? null;
    const seqRead = readNumber(seqValue);
    const seq = readSeq(seqValue) ?? (seqRead.kind === 'number' || seqRead.kind === 'text-number' ? seqRead.value : null);
    const seqCell = cellOf('seq');
    if (seq !== null && Number.isInteger(seq)) {
      if (seq !== expectedSeq) sink.add('target/numbering', { sheet, cell: seqCell }, {}, { expected: expectedSeq, actual: seq });
      expectedSeq = seq + 1;
    } else {
      expectedSeq++;
    }
    const label = seq !== null ? String(seq) : target.slice(0, 12);
    const where = seq !== null ? { 'zh-CN': `第${label}项`, 'en-US': `target ${label}` } : `“${label}”`;

    const units = splitUnits(unitText);
    const hasProgress = colIndex('progress') !== undefined;
    checkRow(
      table,
      { seq: seq !== null && Number.isInteger(seq) && seq > 0 ? seq : null, target, units, progress: hasProgress ? progress : '-' },
      sheet,
      placedColumns(table, cellOf, { target: 'target', units: 'unit', progress: 'progress' }),
      where,
      sink,
    );

    // Exactly one mark among the three progress columns.
    const marked: { cls: ProgressClass; cell: string }[] = [];
    let unknown = false;
    for (const cls of marksOn ? PROGRESS_CLASSES : []) {
      const read = get(CLASS_COLUMN[cls]);
      if (!read || read.text === '') continue;
      // √ ✓ ● 是 mark the class; × - 无 say "not this one"; anything else is no mark we can read.
      const mark = readMark(read.value);
      if (mark === 'yes') marked.push({ cls, cell: read.addr });
      else if (mark === 'unreadable') {
        unknown = true;
        sink.add('target/mark-unknown', { sheet, cell: read.addr }, { seq: label, column: columnLabel(table, CLASS_COLUMN[cls]) }, { actual: read.text });
      }
    }
    const markColumns = PROGRESS_CLASSES.map((c) => colIndex(CLASS_COLUMN[c])).filter((c): c is number => c !== undefined);
    if (marksOn && marked.length === 0 && !unknown && markColumns.length > 0) {
      sink.add('target/mark-missing', { sheet, cell: a1(r.row, Math.min(...markColumns)) }, { seq: label });
    } else if (marked.length > 1) {
      const first = marked[0];
      sink.add(
        'target/mark-multiple',
        { sheet, cell: first?.cell ?? a1(r.row, 0) },
        { seq: label },
        {
          actual: localized((lang) => listOf(marked.map((m) => (lang === 'zh-CN' ? `“${columnLabel(table, CLASS_COLUMN[m.cls])}”` : `"${columnLabel(table, CLASS_COLUMN[m.cls])}"`)), lang)),
          related: marked.slice(1).map((m) => ({ sheet, cell: m.cell })),
        },
      );
    }

    let wordCls: ProgressClass | null = null;
    const statusWord = wordsOn ? wordOf(r) : '';
    if (wordsOn) {
      const at = { sheet, cell: get('statusWord')?.addr ?? a1(r.row, colIndex('statusWord') ?? 0) };
      wordCls = statusWord === '' ? null : progressClassOf(statusWord, extra);
      if (statusWord === '') sink.add('target/status-blank', at, { seq: label });
      else if (wordCls === null && !ownWords.has(labelKey(statusWord))) sink.add('target/status-vocabulary', at, { seq: label }, { actual: statusWord });
    }

    rows.push({
      row: r.row,
      seq,
      seqCell,
      target,
      targetCell: cellOf('target'),
      units,
      unitKeys: units.map((u) => canonicalDistrictUnit(u, settings.unitAliases)),
      unitCell: cellOf('unit'),
      progress,
      progressCell: cellOf('progress'),
      cls: wordsOn ? wordCls : marked.length === 1 ? (marked[0]?.cls ?? null) : null,
      statusWord,
      markCells: marked.map((m) => m.cell),
      livelihood: seq !== null && livelihoodSeqs.includes(seq),
    });
  }

  // The note may only name items that exist.
  const seqs = new Set(rows.map((x) => x.seq));
  for (const n of new Set(livelihoodSeqs)) {
    if (!seqs.has(n)) sink.add('target/note-item-unknown', { sheet, cell: noteCell ?? 'A1' }, {}, { actual: n });
  }

  const title = tableTitle(table);
  return { sheet, title, rows, livelihoodSeqs };
}

/** The document title above the header (`《2024年<政府工作报告>目标任务分解》目标任务进展情况`), not the `附件1` label. */
export function tableTitle(table: Table): string | null {
  const lines = table.preamble.map((p) => p.text).filter((t) => !/^附件\s*\d+$/.test(labelKey(t)));
  return lines.sort((a, b) => b.length - a.length)[0] ?? null;
}
