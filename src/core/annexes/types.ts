/**
 * A rule: one check over the records the parsers read, in a file of its own. The runner calls each
 * rule whose annexes are present and whose columns were placed (`check`, from the registry), and a
 * rule that throws costs one `engine/rule-failed` finding on its own sheet — every other rule and the
 * recompute still run.
 */
import type { FindingSink } from '../finding';
import type { IncentiveRecords } from '../profiles/incentive';
import type { KeyworkRecords } from '../profiles/keywork';
import type { Settings } from '../settings';
import type { AnnexKind, Table } from '../table';

export interface RuleContext {
  readonly sink: FindingSink;
  readonly settings: Settings;
  readonly tables: ReadonlyMap<AnnexKind, Table>;
  readonly incentive: IncentiveRecords;
  readonly keywork: KeyworkRecords;
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
