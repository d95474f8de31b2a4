/**
 * 附件2 民生实事 (`livelihood-projects`): 46 measurable sub-targets of 18 projects, in provincial and
 * city blocks (类别). 项目名称 spans two columns (project, sub-project) and 目标任务 two more
 * (indicator, target value); horizontal merges mean "no sub-project" or "no indicator".
 */
import type { FindingSink } from '../../finding';
import { execNotAfter } from '../../regex';
import { a1, parseA1 } from '../../grid';
import { type ExtraWords, progressClassOf, type ProgressClassId } from '../../vocab';
import type { Settings } from '../../settings';
import { type CellRead, columnLabel, type Table } from '../../table';
import { itemKey, labelKey, readNumber, toHalfWidth } from '../../text';
import { checkRow, placedFields } from '../../schemas';
import { achievedFrom, amount, type PercentReading, parseQuantity, type Quantity, readPercent } from './quantity';
import { type ProgressClass } from '../../profiles/keywork/schemas';
import { canonicalDistrictUnit } from '../../profiles/keywork/units';

declare module '../records' {
  interface KindRecords {
    'livelihood-projects': LivelihoodProjects;
  }
}

export type Category = 'provincial' | 'city';

export interface LivelihoodRow {
  readonly row: number;
  readonly category: Category | null;
  readonly categoryCell: string;
  readonly seq: number | null;
  readonly seqCell: string;
  readonly project: string;
  readonly subProject: string;
  readonly indicator: string;
  readonly projectCell: string;
  /** The cell naming this row's own target: the indicator, else the sub-project. */
  readonly labelCell: string;
  /** Short text naming the row in messages. */
  readonly label: string;
  readonly targetText: string;
  readonly target: Quantity | null;
  readonly targetCell: string;
  readonly unit: string;
  readonly unitKey: string;
  readonly unitCell: string;
  readonly progress: string;
  readonly progressCell: string;
  readonly pct: PercentReading;
  readonly pctCell: string;
  readonly status: string;
  readonly cls: ProgressClass | null;
  readonly statusCell: string;
  /** The achieved figure the progress text states in the target's unit, when unambiguous. */
  readonly achieved: Quantity | null;
  /** achieved ÷ target in percent; null when not both are stated in the same unit. */
  readonly recomputedPercent: number | null;
  /** The row says there is nothing to do (`无集中养育孤儿`). */
  readonly nothingToDo: boolean;
}

export interface CategoryRange {
  readonly from: number;
  readonly to: number;
  readonly category: Category;
}

export interface LivelihoodProjects {
  readonly sheet: string;
  readonly rows: readonly LivelihoodRow[];
  /** Distinct projects (序号 + name; a project continued over a page break counts once). */
  readonly projects: number;
  /** The note's `1-10项为省级…，11-18项为市级…`. */
  readonly categoryRanges: readonly CategoryRange[];
}

const CATEGORY_WORD: Readonly<Record<Category, string>> = { provincial: '省级重点民生实事', city: '市级重点民生实事' };

export function categoryOf(text: string): Category | null {
  const k = labelKey(text);
  if (/省级|省重点|省定/.test(k)) return 'provincial';
  if (/市级|市重点|市定/.test(k)) return 'city';
  return null;
}

/** A 进度评价 word → its class, from the one progress vocabulary (plus the settings' extra words). */
export function statusClass(text: string, extra?: ExtraWords<ProgressClassId>): ProgressClass | null {
  return progressClassOf(text, extra);
}

/** `注：1-10项为省级重点民生实事，11-18项为市级重点民生实事。` */
export function categoryRangesFromNote(text: string): CategoryRange[] {
  const out: CategoryRange[] = [];
  const re = /(?:第)?(\d{1,6})(?!\d)\s*(?:[-—–~至到]\s*(\d{1,6}))?\s*项\s*(?:为|是|属于)?\s*(省级|市级)/g;
  let m: RegExpExecArray | null;
  const s = toHalfWidth(text);
  while ((m = execNotAfter(re, s, /\d/, (x) => (x[0].startsWith('第') ? 1 : 0))) !== null) {
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    const category = m[3] === '省级' ? 'provincial' : 'city';
    if (to >= from) out.push({ from, to, category });
  }
  return out;
}

/** The row says there is nothing to do: `无集中养育孤儿。`, `不涉及`. */
export function saysNothingToDo(progress: string): boolean {
  const t = labelKey(progress);
  return /^(无|没有|不涉及|无需|暂无)/.test(t) && !/^无法/.test(t);
}

function shorten(s: string, n = 30): string {
  const one = s.replace(/\s+/g, '');
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

export function parseLivelihoodProjects(table: Table, sink: FindingSink, settings: Settings): LivelihoodProjects {
  const sheet = table.sheet;
  const colIndex = (k: string) => table.header.columns.get(k)?.[0];
  const categoryRanges = table.notesBelow.flatMap((n) => categoryRangesFromNote(n.text));
  const noteCategory = (seq: number | null): Category | null =>
    seq === null ? null : (categoryRanges.find((r) => seq >= r.from && seq <= r.to)?.category ?? null);

  const rows: LivelihoodRow[] = [];
  const reportedCategory = new Set<string>();
  let prevSeq: { seq: number; cell: string; project: string } | null = null;

  for (const r of table.dataRows) {
    const get = (k: string) => r.cells.get(k);
    const cellOf = (k: string): string => get(k)?.addr ?? a1(r.row, colIndex(k) ?? 0);

    // 项目名称: project (and sub-project); 目标任务: indicator (and value). A read whose address is
    // an earlier column's is a horizontal merge: that level is absent on this row.
    const projectReads = r.multi.get('project') ?? [];
    const targetReads = r.multi.get('target') ?? [];
    const taken = new Set<string>();
    const levels = (reads: readonly CellRead[]): CellRead[] =>
      reads.filter((x) => {
        if (taken.has(x.addr)) return false;
        taken.add(x.addr);
        return true;
      });
    const projectLevels = levels(projectReads);
    const valueRead = targetReads[targetReads.length - 1];
    const indicatorLevels = levels(targetReads.slice(0, -1));
    const valueOwn = valueRead && !taken.has(valueRead.addr) ? valueRead : undefined;
    const project = projectLevels[0]?.text ?? '';
    const subProject = projectLevels.slice(1).map((x) => x.text).join('');
    const indicator = indicatorLevels.map((x) => x.text).join('');
    const labelRead = indicatorLevels.find((x) => x.text !== '') ?? projectLevels.slice(1).find((x) => x.text !== '') ?? projectLevels[0];
    const label = shorten(indicator || subProject || project);

    const targetText = valueOwn?.text ?? '';
    const target = valueOwn ? parseQuantity(valueOwn.value) : null;
    const unitRead = get('unit');
    const unit = unitRead?.text ?? '';
    const progress = get('progress')?.text ?? '';
    const status = get('status')?.text ?? '';

    const seqRead = readNumber(get('seq')?.value ?? null);
    const seq = seqRead.kind === 'number' || seqRead.kind === 'text-number' ? seqRead.value : null;
    const seqCell = cellOf('seq');

    // Category: the cell, else the note; a cell that contradicts the note is reported once per block.
    const categoryText = get('category')?.text ?? '';
    const cellCategory = categoryOf(categoryText);
    const fromNote = noteCategory(seq);
    const category = cellCategory ?? fromNote;
    if (cellCategory && fromNote && cellCategory !== fromNote && seq !== null) {
      const key = `${cellOf('category')}|${seq}`;
      if (!reportedCategory.has(key)) {
        reportedCategory.add(key);
        sink.add('livelihood/category-mismatch', { sheet, cell: cellOf('category') }, { seq }, { expected: CATEGORY_WORD[fromNote], actual: labelKey(categoryText) });
      }
    }

    // Numbering: a new 序号 follows the previous one; a repeated one continues the same project.
    if (seq !== null && Number.isInteger(seq)) {
      const pkey = itemKey(project);
      if (prevSeq === null) {
        if (seq !== 1) sink.add('livelihood/numbering', { sheet, cell: seqCell }, { project: shorten(project, 20) }, { expected: 1, actual: seq });
      } else if (seqCell !== prevSeq.cell) {
        const continued = seq === prevSeq.seq && pkey === prevSeq.project;
        if (!continued && seq !== prevSeq.seq + 1) {
          sink.add('livelihood/numbering', { sheet, cell: seqCell }, { project: shorten(project, 20) }, { expected: prevSeq.seq + 1, actual: seq });
        }
      }
      prevSeq = { seq, cell: seqCell, project: pkey };
    }

    const where = `“${label}”`;
    checkRow(
      table,
      { project, target: targetText, unit, progress, status },
      sheet,
      placedFields(table, {
        project: { cell: projectLevels[0]?.addr ?? cellOf('project'), label: columnLabel(table, 'project') },
        target: { cell: valueRead?.own ?? cellOf('target'), label: columnLabel(table, 'target') },
        unit: { cell: unitRead?.own ?? cellOf('unit'), label: columnLabel(table, 'unit') },
        progress: { cell: cellOf('progress'), label: columnLabel(table, 'progress') },
        status: { cell: cellOf('status'), label: columnLabel(table, 'status') },
      }),
      where,
      sink,
    );

    // A blank, unmerged lead unit at the start of a new project is read as the unit above: say so.
    const prevRow = rows[rows.length - 1];
    const newProject = prevRow !== undefined && (prevRow.seq !== seq || itemKey(prevRow.project) !== itemKey(project));
    if (unitRead?.filledDown && newProject) {
      sink.add('livelihood/unit-continued', { sheet, cell: unitRead.own }, { project: shorten(project, 20), unit }, { related: [{ sheet, cell: unitRead.addr }] });
    }

    const pctRead = get('pct');
    const pctCell = cellOf('pct');
    const pctPos = parseA1(pctCell);
    const pct = pctRead ? readPercent(pctRead.value, pctPos ? table.view.numberFormat(pctPos.row, pctPos.col) : null) : ({ kind: 'blank' } as const);

    const nothingToDo = saysNothingToDo(progress);
    const achieved = target ? achievedFrom(progress, target) : null;
    const recomputedPercent = achieved && target && amount(target) > 0 ? (amount(achieved) / amount(target)) * 100 : null;
    const cls = statusClass(status, settings.progressWords);
    const statusCell = cellOf('status');

    rows.push({
      row: r.row,
      category,
      categoryCell: cellOf('category'),
      seq,
      seqCell,
      project,
      subProject,
      indicator,
      projectCell: projectLevels[0]?.addr ?? cellOf('project'),
      labelCell: labelRead?.addr ?? cellOf('project'),
      label,
      targetText,
      target,
      targetCell: valueRead?.addr ?? cellOf('target'),
      unit,
      unitKey: canonicalDistrictUnit(unit, settings.unitAliases),
      unitCell: unitRead?.own ?? cellOf('unit'),
      progress,
      progressCell: cellOf('progress'),
      pct,
      pctCell,
      status,
      cls,
      statusCell,
      achieved,
      recomputedPercent,
      nothingToDo,
    });
  }

  // A percentage typed as text among numbers is the odd one out (SUM and AVERAGE skip it).
  const numeric = rows.filter((x) => x.pct.kind === 'percent' && !x.pct.asText).length;
  if (numeric > 0) {
    for (const x of rows) {
      if (x.pct.kind === 'percent' && x.pct.asText && !x.pct.how) {
        sink.add('cell/number-as-text', { sheet, cell: x.pctCell }, { column: columnLabel(table, 'pct') }, { actual: x.pct.text });
      }
    }
  }

  // A percentage written in words or inside text, read the one plausible way: said how (src/core/columnTypes.ts).
  for (const x of rows) {
    if (x.pct.kind === 'percent' && x.pct.how) sink.add('cell/read-as', { sheet, cell: x.pctCell }, { column: columnLabel(table, 'pct'), value: `${x.pct.shown}%` }, { actual: x.pct.text });
  }

  const projects = new Set(rows.map((x) => `${x.category ?? ''}|${x.seq ?? ''}|${itemKey(x.project)}`)).size;
  return { sheet, rows, projects, categoryRanges };
}

