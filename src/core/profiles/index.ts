/**
 * The profiles as data: what spans the kinds of one family of workbooks (the tally recomputed from 附件3, the
 * 通报's headline, the summary sheets) is one entry here, and the audit and the plan index loop over this registry
 * instead of branching on the profile. A profile runs when the workbook holds at least one of its kinds.
 */
import type { Detection } from '../detect';
import type { FindingSink } from '../finding';
import type { Guard } from '../guard';
import { KIND_LABEL, KIND_PROFILE, type Profile } from '../kinds';
import { auditIncentive, type IncentiveRecompute } from './incentive';
import { auditKeywork, type KeyworkRecompute } from './keywork';
import type { RecordsByKind } from '../annexes/records';
import type { Settings } from '../settings';
import type { AnnexKind, Table } from '../table';

/** Each profile's recomputed figures. */
export interface ProfileRecompute {
  readonly incentive: IncentiveRecompute;
  readonly keywork: KeyworkRecompute;
}

/** What a profile's audit reads: the records and tables found, the settings and where findings go. */
export interface ProfileContext {
  readonly records: RecordsByKind;
  readonly tables: ReadonlyMap<AnnexKind, Table>;
  readonly detections: readonly (readonly [string, Detection])[];
  readonly sink: FindingSink;
  readonly settings: Settings;
  readonly guard: Guard;
  /** Where a finding about the workbook as a whole goes. */
  readonly firstSheet: string;
}

export interface ProfileModule<P extends Profile> {
  readonly audit: (ctx: ProfileContext) => ProfileRecompute[P] | null;
}

export const PROFILE_MODULES: { readonly [P in Profile]: ProfileModule<P> } = {
  incentive: {
    audit(ctx) {
      const a = auditIncentive(ctx.records, ctx.tables, ctx.settings, ctx.guard);
      // An annex the cross-sheet checks need is missing: said once, on the profile's first sheet.
      for (const kind of a.missing) {
        const anchor = ctx.detections.find(([, d]) => KIND_PROFILE[d.kind] === 'incentive')?.[0] ?? ctx.firstSheet;
        ctx.sink.add('structure/annex-missing', { sheet: anchor, cell: 'A1' }, { kind: KIND_LABEL[kind] });
      }
      return a.recompute;
    },
  },
  keywork: {
    audit: (ctx) => auditKeywork(ctx.records, ctx.sink).recompute,
  },
};

/** Runs every profile the workbook holds a kind of, in registry order: what spans its kinds (the recompute). */
export function auditProfiles(ctx: ProfileContext, present: readonly Profile[]): { -readonly [P in Profile]?: ProfileRecompute[P] } {
  const recomputed: { -readonly [P in Profile]?: ProfileRecompute[P] } = {};
  const run = <P extends Profile>(p: P): void => {
    const out = (PROFILE_MODULES[p] as ProfileModule<P>).audit(ctx);
    if (out) (recomputed as { [K in P]?: ProfileRecompute[K] })[p] = out;
  };
  for (const p of Object.keys(PROFILE_MODULES) as Profile[]) if (present.includes(p)) run(p);
  return recomputed;
}
