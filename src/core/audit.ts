/**
 * The audit: grids in, an Audit out. Detects each sheet's kind, reads its table, runs the rules of its
 * profile and the cross-sheet rules, and recomputes. Never throws on bad data; deterministic.
 */
import { yearFromTitle } from './dates';
import { detectKind, type Detection } from './detect';
import { countBySeverity, type Finding, FindingSink, sortFindings } from './finding';
import { a1, type Grid, GridView } from './grid';
import { KIND_LABEL, KIND_PROFILE, type Profile } from './kinds';
import { auditIncentive, type IncentiveRecompute, type IncentiveRecords } from './profileA';
import { auditKeywork, type KeyworkRecompute, type KeyworkRecords } from './profileB';
import { resolveSettings, type Settings } from './settings';
import { type AnnexKind, readTable, type Table } from './table';
import { cellText } from './text';

export interface SheetInfo {
  readonly name: string;
  readonly kind: AnnexKind | null;
  /** 1-based rows, as Excel shows them; null where not applicable. */
  readonly headerRow: number | null;
  readonly firstDataRow: number | null;
  readonly lastDataRow: number | null;
}

export interface Audit {
  readonly profile: Profile | null;
  readonly sheets: readonly SheetInfo[];
  readonly findings: readonly Finding[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly year: number | null;
  readonly settings: Settings;
  readonly records: { readonly incentive?: IncentiveRecords; readonly keywork?: KeyworkRecords };
  readonly recomputed: { readonly incentive?: IncentiveRecompute; readonly keywork?: KeyworkRecompute };
  /** Internal: the tables read, for plans built on top of the audit. */
  readonly tables: ReadonlyMap<AnnexKind, Table>;
}

function sheetHasContent(grid: Grid): boolean {
  return grid.values.some((row) => row.some((v) => cellText(v) !== ''));
}

function errorDetail(e: unknown): string {
  return e instanceof Error ? e.name : 'error';
}

export function auditWorkbook(grids: readonly Grid[], settingsInput?: unknown): Audit {
  const { settings } = resolveSettings(settingsInput);
  const sink = new FindingSink();
  const sheets: SheetInfo[] = [];
  const tables = new Map<AnnexKind, Table>();
  const detections = new Map<string, Detection>();
  const firstOfKind = new Map<AnnexKind, string>();

  for (const grid of grids) {
    let info: SheetInfo = { name: grid.name, kind: null, headerRow: null, firstDataRow: null, lastDataRow: null };
    if (grid.generated) {
      sheets.push(info);
      continue;
    }
    try {
      const view = new GridView(grid);
      const det = detectKind(grid, view);
      if (!det) {
        if (sheetHasContent(grid) && !grid.hidden) sink.add('structure/sheet-unrecognised', { sheet: grid.name, cell: 'A1' });
      } else {
        detections.set(grid.name, det);
        info = { ...info, kind: det.kind };
        const other = firstOfKind.get(det.kind);
        if (other !== undefined) {
          sink.add('structure/kind-duplicate', { sheet: grid.name, cell: 'A1' }, { other, kind: KIND_LABEL[det.kind]['zh-CN'] });
        } else {
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
            for (const col of det.missingColumns) {
              sink.add('structure/column-missing', { sheet: grid.name, cell: a1(det.header.top, 0) }, { column: col });
            }
          } else {
            info = { ...info, firstDataRow: 1, lastDataRow: grid.values.length };
          }
        }
      }
    } catch (e) {
      sink.add('structure/parse-failed', { sheet: grid.name, cell: 'A1' }, { detail: errorDetail(e) });
    }
    sheets.push(info);
  }

  const kinds = [...tables.keys(), ...[...detections.values()].map((d) => d.kind)];
  const votes = { incentive: 0, keywork: 0 };
  for (const k of kinds) votes[KIND_PROFILE[k]]++;
  const profile: Profile | null = votes.incentive === 0 && votes.keywork === 0 ? null : votes.incentive >= votes.keywork ? 'incentive' : 'keywork';

  const titles = [...tables.values()].flatMap((t) => t.preamble.map((p) => p.text));
  const year = settings.year ?? yearFromTitle(titles);
  // Without a stated year, validate dates against a leap year so 2月29日 is never a false alarm.
  const dateYear = year ?? 2024;

  const records: { incentive?: IncentiveRecords; keywork?: KeyworkRecords } = {};
  const recomputed: { incentive?: IncentiveRecompute; keywork?: KeyworkRecompute } = {};
  if (profile === 'incentive') {
    try {
      const a = auditIncentive(tables, sink, settings, dateYear);
      records.incentive = a.records;
      if (a.recompute) recomputed.incentive = a.recompute;
      for (const kind of a.missing) {
        const anchor = grids.find((g) => detections.get(g.name))?.name ?? grids[0]?.name ?? '';
        sink.add('structure/annex-missing', { sheet: anchor, cell: 'A1' }, { kind: KIND_LABEL[kind]['zh-CN'] });
      }
    } catch (e) {
      sink.add('structure/parse-failed', { sheet: grids[0]?.name ?? '', cell: 'A1' }, { detail: errorDetail(e) });
    }
  }

  if (profile === 'keywork') {
    try {
      const reportSheet = [...detections.entries()].find(([, d]) => d.kind === 'report-text')?.[0];
      const reportGrid = grids.find((g) => g.name === reportSheet) ?? null;
      const b = auditKeywork(tables, reportGrid, sink, settings, dateYear);
      records.keywork = b.records;
      if (b.recompute) recomputed.keywork = b.recompute;
    } catch (e) {
      sink.add('structure/parse-failed', { sheet: grids[0]?.name ?? '', cell: 'A1' }, { detail: errorDetail(e) });
    }
  }

  const findings = sortFindings(sink.list(), grids.map((g) => g.name));
  return { profile, sheets, findings, counts: countBySeverity(findings), year, settings, records, recomputed, tables };
}
