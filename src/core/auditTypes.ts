/**
 * What an audit returns, as types only: summary plans (each kind's and each profile's) read it without importing the
 * audit itself, which imports every kind's behaviour.
 */
import type { RecordsByKind } from './annexes/records';
import type { Finding } from './finding';
import type { Profile } from './kinds';
import type { ProfileRecompute } from './profiles/index';
import type { Settings } from './settings';
import type { AnnexKind, Table } from './table';
import type { UnitGap } from './unitGaps';

export interface SheetInfo {
  readonly name: string;
  readonly kind: AnnexKind | null;
  /** 1-based rows, as Excel shows them; null where not applicable. */
  readonly headerRow: number | null;
  readonly firstDataRow: number | null;
  readonly lastDataRow: number | null;
  /** The table's range (A1), when the sheet holds several tables: each is one entry, in sheet order. */
  readonly range?: string;
}

/** A recognised sheet whose required columns could not be placed: what the user can map, and to what. */
export interface ColumnGap {
  readonly sheet: string;
  readonly kind: AnnexKind;
  /** The columns not placed (keys of the kind, and their names). */
  readonly missing: readonly { readonly key: string; readonly label: string }[];
  /** The header texts of the sheet's columns that no column was placed on: the candidates to map. */
  readonly headers: readonly { readonly col: number; readonly text: string }[];
}

export interface Audit {
  readonly profile: Profile | null;
  readonly sheets: readonly SheetInfo[];
  readonly findings: readonly Finding[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly year: number | null;
  readonly settings: Settings;
  /** What each present kind's reading returned (`annexes/<kind>/read.ts`). */
  readonly records: RecordsByKind;
  /** The profiles whose kinds the workbook holds (a workbook may hold both). */
  readonly profiles: readonly Profile[];
  readonly recomputed: { readonly [P in Profile]?: ProfileRecompute[P] };
  /** Sheets whose required columns could not be placed (the pane offers 指定列 for them). */
  readonly columnGaps: readonly ColumnGap[];
  /** Unit names two annexes write two ways (the pane offers 指定单位 for them). */
  readonly unitGaps: readonly UnitGap[];
  /** Internal: the tables read, for plans built on top of the audit. */
  readonly tables: ReadonlyMap<AnnexKind, Table>;
}

