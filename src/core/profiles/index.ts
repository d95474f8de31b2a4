/**
 * The profiles as data: what spans the kinds of one family of workbooks (the tally recomputed from 附件3, the
 * 通报's headline, the summary sheets) is one entry here, and the audit and the plan index loop over this registry
 * instead of branching on the profile. A profile runs when the workbook holds at least one of its kinds.
 */
import type { Detection } from '../detect';
import type { FindingSink } from '../finding';
import type { Grid } from '../grid';
import type { Guard } from '../guard';
import { KIND_LABEL, KIND_PROFILE, type Profile } from '../kinds';
import { auditIncentive, type IncentiveRecompute, type IncentiveRecords } from './incentive';
import { auditKeywork, type KeyworkRecompute, type KeyworkRecords } from './keywork';
import type { Settings } from '../settings';
import type { AnnexKind, Table } from '../table';

/** Each profile's records and recomputed figures. */
export interface ProfileRecords {
  readonly incentive: IncentiveRecords;
  readonly keywork: KeyworkRecords;
}
export interface ProfileRecompute {
  readonly incentive: IncentiveRecompute;
  readonly keywork: KeyworkRecompute;
}

/** What a profile's audit reads: the tables found, the sheets, the settings and where findings go. */
export interface ProfileContext {
  readonly tables: ReadonlyMap<AnnexKind, Table>;
  readonly grids: readonly Grid[];
  readonly detections: readonly (readonly [string, Detection])[];
  readonly sink: FindingSink;
  readonly settings: Settings;
  readonly guard: Guard;
  /** The year dates are checked in. */
  readonly dateYear: number;
  /** Where a finding about the workbook as a whole goes. */
  readonly firstSheet: string;
}

export interface ProfileModule<P extends Profile> {
  readonly audit: (ctx: ProfileContext) => { readonly records: ProfileRecords[P]; readonly recompute: ProfileRecompute[P] | null };
}

export const PROFILE_MODULES: { readonly [P in Profile]: ProfileModule<P> } = {
  incentive: {
    audit(ctx) {
      const a = auditIncentive(ctx.tables, ctx.sink, ctx.settings, ctx.guard);
      // An annex the cross-sheet checks need is missing: said once, on the profile's first sheet.
      for (const kind of a.missing) {
        const anchor = ctx.detections.find(([, d]) => KIND_PROFILE[d.kind] === 'incentive')?.[0] ?? ctx.firstSheet;
        ctx.sink.add('structure/annex-missing', { sheet: anchor, cell: 'A1' }, { kind: KIND_LABEL[kind] });
      }
      return { records: a.records, recompute: a.recompute };
    },
  },
  keywork: {
    audit(ctx) {
      const reportSheet = ctx.detections.find(([, d]) => d.kind === 'report-text')?.[0];
      const reportGrid = ctx.grids.find((g) => g.name === reportSheet) ?? null;
      return auditKeywork(ctx.tables, reportGrid, ctx.sink, ctx.settings, ctx.dateYear, ctx.guard);
    },
  },
};

/** Runs every profile the workbook holds a kind of, in registry order. */
export function auditProfiles(
  ctx: ProfileContext,
  present: (p: Profile) => boolean,
): { records: { -readonly [P in Profile]?: ProfileRecords[P] }; recomputed: { -readonly [P in Profile]?: ProfileRecompute[P] } } {
  const records: { -readonly [P in Profile]?: ProfileRecords[P] } = {};
  const recomputed: { -readonly [P in Profile]?: ProfileRecompute[P] } = {};
  const run = <P extends Profile>(p: P): void => {
    const out = (PROFILE_MODULES[p] as ProfileModule<P>).audit(ctx);
    (records as { [K in P]?: ProfileRecords[K] })[p] = out.records;
    if (out.recompute) (recomputed as { [K in P]?: ProfileRecompute[K] })[p] = out.recompute;
  };
  for (const p of Object.keys(PROFILE_MODULES) as Profile[]) if (present(p)) run(p);
  return { records, recomputed };
}
