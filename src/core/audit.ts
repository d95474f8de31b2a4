/**
 * The audit: grids in, an Audit out. Detects each sheet's kind, reads its table, runs the rules of its
 * profile and the cross-sheet rules, and recomputes. Never throws on bad data; deterministic.
 */
import type { Audit, ColumnGap, SheetInfo } from './auditTypes';
import { collapseFloods, collapseRepeats } from './flood';
import { yearFromTitle } from './dates';
import { splitTables, type TableBlock } from './blocks';
import {  unitGapsOf } from './unitGaps';
import { detectKind, type Detection } from './detect';
import { countBySeverity,  FindingSink, sortFindings } from './finding';
import { a1, cellsOf, type Grid, GridView, type SheetReadProblem } from './grid';
import { makeGuard } from './guard';
import { XML_PROBLEM_TEXT } from './i18n/findingsRead';
import type { LocalizedParam } from './i18n/findings';
import { ANNEX_KINDS, checksSkipped, KIND_LABEL, KIND_PROFILE, type Profile } from './kinds';
import { checkDates } from './narrative';
import { auditProfiles } from './profiles/index';
import { KIND_MODULES } from './annexes/index';
import type { RecordsByKind } from './annexes/records';
import { checkGenericTables } from './genericTable';
import { runRules } from './annexes/rules';
import { resolveSettings } from './settings';
import { type AnnexKind, forgetHeaderSearch, readTable, type Table } from './table';
import type { ColumnType } from './columnTypes';
import { cellText, ownValue } from './text';
import { listOf, listParam, localized, numberParam } from './i18n/lists';

export type { Audit, ColumnGap, SheetInfo } from './auditTypes';

function sheetHasContent(grid: Grid): boolean {
  return grid.values.some((row) => cellsOf(row).some((c) => cellText(row[c] ?? null) !== ''));
}

/** A few cell references, as a list in each language (`A1、B2…` / `A1, B2…`). */
function cellList(cells: readonly string[], count: number): LocalizedParam {
  const more = count > cells.length ? '…' : '';
  return localized((lang) => listOf(cells, lang) + more);
}

/** What the reader could not read on a sheet, as a finding on it: nothing falls out of the check unsaid. */
function reportReadProblem(sheet: string, p: SheetReadProblem, sink: FindingSink): void {
  const at = { sheet, cell: 'A1' };
  switch (p.kind) {
    case 'part-missing':
      sink.add('read/part-missing', at, { part: p.part });
      return;
    case 'bad-xml':
      sink.add('read/bad-xml', at, { part: p.part, position: numberParam(p.position), problem: XML_PROBLEM_TEXT[p.problem] });
      return;
    case 'unreadable':
      sink.add('read/sheet-unreadable', at, { part: p.part });
      return;
    case 'shared-string-missing':
      sink.add('read/shared-string-missing', { sheet, cell: p.cells[0] ?? 'A1' }, { count: numberParam(p.count), cells: cellList(p.cells, p.count) });
      return;
    case 'outside-grid':
      sink.add('read/outside-grid', at, { count: numberParam(p.count), cells: cellList(p.cells, p.count) });
      return;
  }
}

const NOT_NARRATIVE: ReadonlySet<ColumnType> = new Set<ColumnType>(['count', 'percent', 'seq', 'mark', 'date']);

/** Dates are checked in every text cell of a table that holds one, whatever its column (备注, 存在问题 …). */
function checkTableDates(table: Table, year: number, sink: FindingSink): void {
  const { view } = table;
  const first = table.header.bottom + 1;
  // Columns whose declared type is not text: their values are numbers, marks or dates (checked as such by the generic checks).
  const skip = new Set<number>();
  for (const col of table.spec.columns) {
    if (!NOT_NARRATIVE.has(col.type)) continue;
    for (const c of table.header.columns.get(col.key) ?? []) skip.add(c);
  }
  for (const row of table.dataRows) {
    if (row.row < first) continue;
    const values = view.grid.values[row.row] ?? [];
    // A short row read in place (cellsOf's index scan, without its array of columns).
    const cols = values.length <= 64 ? null : cellsOf(values);
    const n = cols ? cols.length : values.length;
    for (let k = 0; k < n; k++) {
      const c = cols ? (cols[k] as number) : k;
      if (skip.has(c)) continue;
      const v = values[c];
      // Only a cell's own text (the master of a merged area), never a value filled down.
      if (typeof v !== 'string' || !v.includes('月')) continue;
      checkDates(v, year, table.sheet, a1(row.row, c), sink);
    }
  }
}

/** A sheet's name that says it is an old copy: 附件1（旧）, 附件1备份, 附件1 (2) (Excel's name for a copied sheet), 副本, old, copy. */
const OLD_COPY = /旧|备份|副本|草稿|作废|[(（]\s*\d+\s*[)）]$|\b(?:old|copy|bak|backup)\b/i;

/** The last column of a sheet (XFD), for a table's window open to the right. */
const MAX_COL = 16_383;

export function auditWorkbook(grids: readonly Grid[], settingsInput?: unknown): Audit {
  const { settings, problems } = resolveSettings(settingsInput);
  const sink = new FindingSink();
  const guard = makeGuard(sink);
  const sheets: SheetInfo[] = [];
  const tables = new Map<AnnexKind, Table>();
  const detections: [string, Detection][] = [];
  const firstOfKind = new Map<AnnexKind, string>();
  const columnGaps: ColumnGap[] = [];
  const firstSheet = grids.find((g) => !g.generated)?.name ?? grids[0]?.name ?? '';
  for (const p of problems) sink.add('settings/invalid', { sheet: firstSheet, cell: 'A1' }, { field: p.field });

  let info: SheetInfo = { name: '', kind: null, headerRow: null, firstDataRow: null, lastDataRow: null };
  // Two sheets of one kind: the one checked is the one staff look at — a visible sheet before a hidden one, a sheet
  // before its old copy (附件1（旧）, 附件1 (2)) — then the first. The sheets are listed in workbook order all the same.
  const order = grids.map((g, i) => ({ g, i, rank: (g.hidden ? 2 : 0) + (OLD_COPY.test(g.name) ? 1 : 0) }));
  order.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const sheetIndex = new Map<SheetInfo, number>();
  for (const { g: grid, i: gridIndex } of order) {
    const before = sheets.length;
    info = { name: grid.name, kind: null, headerRow: null, firstDataRow: null, lastDataRow: null };
    for (const p of grid.readProblems ?? []) reportReadProblem(grid.name, p, sink);
    if (grid.generated) {
      sheets.push(info);
      sheetIndex.set(info, gridIndex);
      continue;
    }
    const forcedKind = ownValue(settings.sheetKinds, grid.name);
    // Several tables in one sheet are read one by one, each through its window on the sheet (src/core/blocks.ts).
    // A sheet that cannot be cut is read whole (its reading then reports what fails).
    let blocks: TableBlock[] | null = null;
    // One view of a sheet read whole: the split's look at its rows (merges indexed, labels read) serves its reading.
    let wholeView: GridView | undefined;
    if (!forcedKind) {
      try {
        wholeView = new GridView(grid);
        blocks = splitTables(grid, wholeView);
      } catch {
        blocks = null;
        wholeView = undefined;
      }
    }
    const parts: { grid: Grid; range?: string; view?: GridView }[] = blocks
      ? blocks.map((b) => ({ grid: b.grid, range: `${a1(b.top, b.left)}:${a1(b.bottom, b.right === Infinity ? MAX_COL : b.right)}` }))
      : [{ grid, ...(wholeView ? { view: wholeView } : {}) }];
    for (const part of parts) {
      info = { name: grid.name, kind: null, headerRow: null, firstDataRow: null, lastDataRow: null, ...(part.range !== undefined ? { range: part.range } : {}) };
      readPart(part.grid, forcedKind, part.view);
      sheets.push(info);
    }
    for (let k = before; k < sheets.length; k++) sheetIndex.set(sheets[k] as SheetInfo, gridIndex);
  }
  // Back in workbook order (a sheet's tables keep theirs).
  const byPlace = sheets.map((x, k) => ({ x, k }));
  byPlace.sort((a, b) => (sheetIndex.get(a.x) ?? 0) - (sheetIndex.get(b.x) ?? 0) || a.k - b.k);
  sheets.splice(0, sheets.length, ...byPlace.map((p) => p.x));

  function readPart(grid: Grid, forcedKind: AnnexKind | undefined, known?: GridView): void {
    guard(grid.name, 'detect', () => {
      const view = known ?? new GridView(grid);
      const det = detectKind(grid, view, { columnMap: settings.columnMap, ...(forcedKind ? { forcedKind } : {}) });
      forgetHeaderSearch(view);
      if (!det) {
        if (sheetHasContent(grid) && !grid.hidden) sink.add('structure/sheet-unrecognised', { sheet: grid.name, cell: 'A1' });
        return;
      }
      // Two kinds fit about as well: a wrong kind costs more than none. Said once, with how to choose.
      if (det.runnerUp) {
        sink.add('structure/kind-ambiguous', { sheet: grid.name, cell: 'A1' }, { kind: KIND_LABEL[det.kind], other: KIND_LABEL[det.runnerUp.kind] });
        return;
      }
      detections.push([grid.name, det]);
      info = { ...info, kind: det.kind };
      const other = firstOfKind.get(det.kind);
      if (other !== undefined) {
        sink.add('structure/kind-duplicate', { sheet: grid.name, cell: 'A1' }, { other, kind: KIND_LABEL[det.kind] });
        return;
      }
      firstOfKind.set(det.kind, grid.name);
      if (det.spec && det.header) {
        const table = readTable(grid, det.spec, det.header, view);
        tables.set(det.kind, table);
        info = {
          ...info,
          headerRow: det.header.top + 1,
          firstDataRow: table.firstDataRow >= 0 ? table.firstDataRow + 1 : null,
          lastDataRow: table.lastDataRow >= 0 ? table.lastDataRow + 1 : null,
        };
        // Said once per sheet: which columns, which checks were skipped, how to map them.
        const missing = det.header.missingRequired;
        if (missing.length > 0) {
          const skipped = checksSkipped(det.kind, missing);
          const join = (lang: 'zh-CN' | 'en-US') =>
            [...skipped.map((c) => c.label[lang]), lang === 'zh-CN' ? '该列的必填检查' : 'the blank-cell check of that column'].join(lang === 'zh-CN' ? '；' : '; ');
          sink.add('structure/column-missing', { sheet: grid.name, cell: a1(det.header.top, 0) }, {
            column: listParam(det.missingColumns),
            checks: localized(join),
          });
          const placed = new Set([...det.header.columns.values()].flat());
          columnGaps.push({
            sheet: grid.name,
            kind: det.kind,
            missing: missing.map((key) => ({ key, label: det.spec?.columns.find((c) => c.key === key)?.label ?? key })),
            headers: [...det.header.labels.entries()]
              .filter(([col, parts]) => !placed.has(col) && parts.length > 0)
              .map(([col, parts]) => ({ col, text: parts[parts.length - 1] ?? '' })),
          });
        }
      } else {
        info = { ...info, firstDataRow: 1, lastDataRow: grid.values.length };
      }
    });
  }

  const kinds = detections.map(([, d]) => d.kind);
  const votes: Record<Profile, number> = { incentive: 0, keywork: 0 };
  for (const k of kinds) votes[KIND_PROFILE[k]]++;
  const profile: Profile | null = votes.incentive === 0 && votes.keywork === 0 ? null : votes.incentive >= votes.keywork ? 'incentive' : 'keywork';

  const titles = [...tables.values()].flatMap((t) => t.preamble.map((p) => p.text));
  const year = settings.year ?? yearFromTitle(titles);
  // Without a stated year, validate dates against a leap year so 2月29日 is never a false alarm.
  const dateYear = year ?? 2024;

  for (const table of tables.values()) guard(table.sheet, 'dates', () => checkTableDates(table, dateYear, sink));

  // Each kind present is read by its own reading (annexes/<kind>/index.ts), on its own: a reading that fails costs
  // its own sheet, not the others.
  const records: { -readonly [K in AnnexKind]?: RecordsByKind[K] } = {};
  const readCtx = { sink, settings, dateYear };
  for (const kind of ANNEX_KINDS) {
    const { read, readSheet } = KIND_MODULES[kind];
    const table = tables.get(kind);
    let out: unknown;
    if (table && read) out = guard(table.sheet, kind, () => read(table, readCtx));
    else if (readSheet) {
      // A kind without a table (the 通报) is read from its whole sheet.
      const grid = grids.find((g) => g.name === detections.find(([, d]) => d.kind === kind)?.[0]);
      if (grid) out = guard(grid.name, kind, () => readSheet(grid, readCtx));
    }
    if (out !== undefined) (records as Record<AnnexKind, unknown>)[kind] = out;
  }

  // What spans the kinds of each profile present (the recompute): src/core/profiles.
  const profiles = (Object.keys(votes) as Profile[]).filter((p) => votes[p] > 0);
  const recomputed = auditProfiles({ records, tables, detections, sink, settings, guard, firstSheet }, profiles);

  // The rules over the records (duplicates, cross-sheet checks …), each isolated.
  runRules({ sink, settings, tables, records }, guard);

  // Every kind, parsed or not, gets the checks its registry entry and declared column types imply (required,
  // values by type, duplicates by its unique key, totals); what a kind's own rule already said on a place is not said twice.
  checkGenericTables(tables.values(), sink, dateYear);

  // A check about to flood a table with errors misread it: one warning instead (src/core/flood.ts).
  const findings = sortFindings(collapseRepeats(collapseFloods(sink.list(), sheets), sheets), grids.map((g) => g.name));
  const unitGaps = unitGapsOf(findings, records);
  return { profile, profiles, sheets, findings, counts: countBySeverity(findings), year, settings, records, recomputed, columnGaps, unitGaps, tables };
}
