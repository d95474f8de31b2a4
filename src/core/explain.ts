/**
 * How the engine read a workbook (issue 18, item 8): per table its range, header rows, each column's role
 * with how sure the reading is, the rows it classed as totals and notes, and each unit name it resolved to
 * another. Plain data, rendered per language; the CLI prints it for `check --explain`. A clerk who
 * disagrees maps a column, a sheet or a unit in the settings.
 */
import type { Audit } from './audit';
import { columnLetter } from './grid';
import type { Lang } from './i18n/spec';
import { t } from './i18n/ui';
import { KIND_LABEL } from './kinds';
import { listOf } from './i18n/lists';

export type Confidence = 'mapped' | 'high' | 'medium' | 'low';

export interface ColumnExplained {
  readonly key: string;
  readonly label: string;
  /** Column letters (several for a column repeated per year). */
  readonly columns: readonly string[];
  /** The header text that named it. */
  readonly header: string;
  readonly confidence: Confidence;
}

export interface TableExplained {
  readonly sheet: string;
  readonly kind: string;
  readonly range: string;
  /** 1-based header rows. */
  readonly headerRows: readonly [number, number];
  /** 1-based first and last data row; null when none. */
  readonly dataRows: readonly [number, number] | null;
  readonly columns: readonly ColumnExplained[];
  readonly missing: readonly string[];
  readonly totalRows: readonly number[];
  readonly titleRows: readonly number[];
  readonly noteRows: readonly number[];
  /** Rows that write the header again (a page break): neither data nor notes. */
  readonly repeatedHeaderRows: readonly number[];
  /** 1-based row where another table starts below this one (this table was ended there), when one does. */
  readonly tableBelowRow?: number;
}

export interface UnitExplained {
  readonly sheet: string;
  readonly written: string;
  readonly unit: string;
}

export interface Explanation {
  readonly tables: readonly TableExplained[];
  readonly units: readonly UnitExplained[];
}

function confidenceOf(score: number | undefined): Confidence {
  if (score === undefined) return 'low';
  if (score >= 200) return 'mapped';
  if (score >= 95) return 'high';
  if (score >= 80) return 'medium';
  return 'low';
}

export function explainAudit(audit: Pick<Audit, 'tables' | 'records'>): Explanation {
  const tables: TableExplained[] = [];
  for (const [kind, table] of audit.tables) {
    const h = table.header;
    const placed = [...h.columns.values()].flat();
    const left = placed.length > 0 ? Math.min(...placed) : 0;
    const right = placed.length > 0 ? Math.max(...placed) : 0;
    const lastRow = Math.max(table.lastDataRow, table.totalRow?.row ?? -1, h.bottom, ...table.notesBelow.map((n) => n.row));
    const columns: ColumnExplained[] = [];
    for (const col of table.spec.columns) {
      const idx = h.columns.get(col.key);
      if (!idx || idx.length === 0) continue;
      const parts = h.labels.get(idx[0] as number) ?? [];
      columns.push({
        key: col.key,
        label: col.label,
        columns: idx.map((c) => columnLetter(c)),
        header: parts.filter((p) => p !== '').join(' / '),
        confidence: confidenceOf(h.scores?.get(col.key)),
      });
    }
    tables.push({
      sheet: table.sheet,
      kind: kind,
      range: `${columnLetter(left)}${h.top + 1}:${columnLetter(right)}${lastRow + 1}`,
      headerRows: [h.top + 1, h.bottom + 1],
      dataRows: table.firstDataRow >= 0 ? [table.firstDataRow + 1, table.lastDataRow + 1] : null,
      columns,
      missing: h.missingRequired.map((k) => table.spec.columns.find((c) => c.key === k)?.label ?? k),
      totalRows: table.rows.filter((r) => r.role === 'total' || r.role === 'subtotal').map((r) => r.row + 1),
      titleRows: table.preamble.map((p) => p.row + 1),
      noteRows: table.notesBelow.map((n) => n.row + 1),
      repeatedHeaderRows: table.repeatedHeaders.map((r) => r + 1),
      ...(table.tableBelow ? { tableBelowRow: table.tableBelow.row + 1 } : {}),
    });
  }
  const units: UnitExplained[] = [];
  const seen = new Set<string>();
  const add = (sheet: string | undefined, written: string, unit: string) => {
    const w = written.replace(/\s+/g, '');
    if (!sheet || w === '' || w === unit || seen.has(`${sheet}|${w}`)) return;
    seen.add(`${sheet}|${w}`);
    units.push({ sheet, written: w, unit });
  };
  const { records } = audit;
  const tally = records['rating-tally'];
  const keyItems = records['unit-key-items'];
  const analysis = records['incentive-analysis'];
  const progress = records['progress-report'];
  for (const r of tally?.rows ?? []) add(tally?.sheet, r.unit, r.unitKey);
  for (const r of keyItems?.rows ?? []) add(keyItems?.sheet, r.unit, r.unitKey);
  for (const i of analysis?.items ?? []) add(analysis?.sheet, i.unit, i.unitKey);
  for (const i of progress?.items ?? []) add(progress?.sheet, i.unit, i.unitKey);
  const b = audit.records['target-progress'];
  for (const r of b?.rows ?? []) r.units.forEach((u, i) => add(b?.sheet, u, r.unitKeys[i] ?? u));
  return { tables, units };
}

/** The explanation as lines of text in `lang`. */
export function renderExplanation(e: Explanation, lang: Lang): string[] {
  const out: string[] = [];
  const rows = (list: readonly number[]) => (list.length === 0 ? t('explain.none', lang) : listOf(list, lang));
  for (const tb of e.tables) {
    const kind = KIND_LABEL[tb.kind as keyof typeof KIND_LABEL]?.[lang] ?? tb.kind;
    out.push(t('explain.table', lang, { sheet: tb.sheet, kind, range: tb.range }));
    out.push(
      t('explain.rows', lang, {
        header: tb.headerRows[0] === tb.headerRows[1] ? String(tb.headerRows[0]) : `${tb.headerRows[0]}–${tb.headerRows[1]}`,
        data: tb.dataRows ? `${tb.dataRows[0]}–${tb.dataRows[1]}` : t('explain.none', lang),
        totals: rows(tb.totalRows),
        titles: rows(tb.titleRows),
        notes: rows(tb.noteRows),
      }),
    );
    if (tb.repeatedHeaderRows.length > 0) out.push(t('explain.repeated', lang, { rows: rows(tb.repeatedHeaderRows) }));
    if (tb.tableBelowRow !== undefined) out.push(t('explain.tableBelow', lang, { row: tb.tableBelowRow }));
    for (const c of tb.columns) {
      out.push(t('explain.column', lang, { label: c.label, columns: listOf(c.columns, lang), header: c.header, confidence: t(`explain.confidence.${c.confidence}`, lang) }));
    }
    for (const m of tb.missing) out.push(t('explain.missing', lang, { label: m }));
  }
  if (e.units.length > 0) {
    out.push(t('explain.units', lang));
    for (const u of e.units) out.push(t('explain.unit', lang, { sheet: u.sheet, written: u.written, unit: u.unit }));
  }
  return out;
}
