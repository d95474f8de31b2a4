/**
 * A kind's behaviour (`annexes/<kind>/index.ts`): how its records are read, its rules and its summary sheet. A rule is one check over
 * the records, in a file of its own with its spec beside it. The runner calls each rule whose annexes are present
 * and whose columns were placed (`check`, from the registry), and a rule that throws costs one
 * `engine/rule-failed` finding on its own sheet — every other rule and the recompute still run.
 */
import type { Audit } from '../auditTypes';
import type { FindingSink } from '../finding';
import type { Lang } from '../i18n/spec';
import type { SheetPlan } from '../plans/types';
import type { Grid } from '../grid';
import type { Settings } from '../settings';
import type { AnnexKind, Table } from '../table';
import type { KindRecords, RecordsByKind } from './records';

export interface RuleContext {
  readonly sink: FindingSink;
  readonly settings: Settings;
  readonly tables: ReadonlyMap<AnnexKind, Table>;
  /** The records each present kind's reading returned. */
  readonly records: RecordsByKind;
  /** Whether a registry check of a present annex has all its columns. */
  readonly enabled: (kind: AnnexKind, checkId: string) => boolean;
}

export interface Rule {
  /** Stable id, named in `engine/rule-failed`. */
  readonly id: string;
  /** The annex whose sheet the rule reports on. */
  readonly kind: AnnexKind;
  /** Registry checks (`kind:checkId`) whose columns must all be placed for the rule to run. */
  readonly needs: readonly `${AnnexKind}:${string}`[];
  /** The sheet to report a failure on, when it is not `kind`'s (a rule over several annexes). */
  readonly sheet?: (ctx: RuleContext) => string | undefined;
  readonly run: (ctx: RuleContext) => void;
}

/** What a kind's reading gets besides its table. */
export interface ReadContext {
  readonly sink: FindingSink;
  readonly settings: Settings;
  /** The year dates are checked in. */
  readonly dateYear: number;
}

type RecordsOf<K extends AnnexKind> = K extends keyof KindRecords ? KindRecords[K] : never;

export interface KindModule<K extends AnnexKind> {
  readonly kind: K;
  /** Reads the kind's records from its table (a kind with a `table` in its spec). */
  readonly read?: (table: Table, ctx: ReadContext) => RecordsOf<K>;
  /** Reads the kind's records from its whole sheet (prose, such as the 通报: a kind without a table). */
  readonly readSheet?: (grid: Grid, ctx: ReadContext) => RecordsOf<K>;
  /** The kind's rules, in the order they run. */
  readonly rules: readonly Rule[];
  /** The kind's summary sheet, written after the audit (null when the workbook gives it nothing to sum up). */
  readonly plan?: (audit: Audit, lang: Lang) => SheetPlan | null;
}
