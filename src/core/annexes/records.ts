/**
 * What each kind's reading returns, by kind: every kind's `read.ts` adds its own entry to `KindRecords`
 * (`declare module '../records'`), so the records of a new kind are typed from its own folder. The audit keeps them
 * in `audit.records[kind]`, and rules read them from `ctx.records[kind]`.
 */
import type { AnnexKind } from '../table';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KindRecords {}

/** The records read, by kind: a kind absent from the workbook, or whose reading failed, has none. */
export type RecordsByKind = { readonly [K in AnnexKind]?: K extends keyof KindRecords ? KindRecords[K] : never };
