/// <reference types="office-js" />
/**
 * Batching under Excel's limits. Work is queued for many sheets at once and sent in as few `sync`s as the
 * limits allow (5 MB request/response payload on Excel on the web, 5 million cells read); a range is
 * split by rows only when its estimate passes them. When Excel still rejects a batch as too large, the
 * batch is split into smaller row chunks and sent again: syncs grow only with these forced chunks.
 */
import { isGeneralException, isPayloadError } from './errors';

/** Payload aimed at per sync: 80% of the 5 MB limit, leaving room for Office's own envelope. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Cells read per sync at most. */
export const CELL_BUDGET = 5_000_000;
/** Estimated envelope of one queued step (object path, method name). */
const PIECE_OVERHEAD = 256;
const MAX_FAILURES = 24;

export interface Work {
  /** Rows this work covers; 0 for one indivisible step (creating sheets, a table). */
  readonly rows: number;
  /** Estimated payload (request for writes, response for reads) of rows [start, start + count). */
  rowBytes(start: number, count: number): number;
  readonly fixedBytes: number;
  readonly cellsPerRow: number;
  /** True when queueing it again after a failed sync that may have partly applied it is harmless (writing values). */
  readonly idempotent: boolean;
  /** Queue the operations for rows [start, start + count). The returned callback runs after the sync succeeded. */
  queue(start: number, count: number): (() => void) | void;
}

interface Piece {
  readonly work: Work;
  readonly start: number;
  readonly count: number;
}

export interface BatchLimits {
  readonly budgetBytes?: number;
  readonly cellBudget?: number;
}

export interface BatchStats {
  syncs: number;
  /** Batches Excel rejected as too large (or failed on) and that were split and sent again. */
  retries: number;
}

function estimate(p: Piece, factor: number): number {
  return (p.work.fixedBytes + p.work.rowBytes(p.start, p.count)) * factor + PIECE_OVERHEAD;
}

/** Split rows [start, start + count) of a work into pieces whose estimate fits the budget (at least one row each). */
function split(work: Work, start: number, count: number, factor: number, budget: number, cellBudget: number): Piece[] {
  if (work.rows === 0 || count === 0) return [{ work, start, count }];
  const out: Piece[] = [];
  const maxByCells = Math.max(1, Math.floor(cellBudget / Math.max(1, work.cellsPerRow)));
  let s = start;
  const end = start + count;
  while (s < end) {
    // Largest n (binary search; rowBytes grows with n) whose estimate fits.
    let lo = 1;
    let hi = Math.min(end - s, maxByCells);
    if (estimate({ work, start: s, count: hi }, factor) > budget) {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (estimate({ work, start: s, count: mid }, factor) <= budget) lo = mid;
        else hi = mid - 1;
      }
      hi = lo;
    }
    out.push({ work, start: s, count: hi });
    s += hi;
  }
  return out;
}

/** The first rows of a piece that fit in `room` bytes and `cellRoom` cells, and the rest; [null, null] when not even one row fits. */
function splitToFit(p: Piece, factor: number, room: number, cellRoom: number): [Piece, Piece] | [null, null] {
  if (p.work.rows === 0 || p.count < 2) return [null, null];
  let lo = 0;
  let hi = Math.min(p.count - 1, Math.floor(cellRoom / Math.max(1, p.work.cellsPerRow)));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimate({ work: p.work, start: p.start, count: mid }, factor) <= room) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 1) return [null, null];
  return [
    { work: p.work, start: p.start, count: lo },
    { work: p.work, start: p.start + lo, count: p.count - lo },
  ];
}

/**
 * Queue and sync the works in order, packing as many pieces per sync as the budget allows. Callers never
 * sync inside a loop over rows or sheets: the number of syncs is the number of budget-sized batches.
 */
export async function runWorks(context: Excel.RequestContext, works: readonly Work[], limits: BatchLimits = {}): Promise<BatchStats> {
  const budget = limits.budgetBytes ?? PAYLOAD_BUDGET;
  const cellBudget = limits.cellBudget ?? CELL_BUDGET;
  const factors = new Map<Work, number>();
  const factorOf = (w: Work): number => factors.get(w) ?? 1;
  const stats: BatchStats = { syncs: 0, retries: 0 };
  let pending: Piece[] = works.flatMap((w) => split(w, 0, w.rows, 1, budget, cellBudget));
  while (pending.length > 0) {
    const batch: Piece[] = [];
    let bytes = 0;
    let cells = 0;
    while (pending.length > 0) {
      const p = pending[0] as Piece;
      const f = factorOf(p.work);
      const e = estimate(p, f);
      const c = p.count * p.work.cellsPerRow;
      if (batch.length > 0 && (bytes + e > budget || cells + c > cellBudget)) {
        // Fill the rest of this batch with the first rows of the next piece, when a row fits.
        const [head, rest] = splitToFit(p, f, budget - bytes, cellBudget - cells);
        if (head && rest) {
          batch.push(head);
          pending[0] = rest;
        }
        break;
      }
      batch.push(p);
      pending.shift();
      bytes += e;
      cells += c;
    }
    const after = batch.map((p) => p.work.queue(p.start, p.count));
    try {
      stats.syncs++;
      await context.sync();
    } catch (e) {
      const retryable = isPayloadError(e) || (isGeneralException(e) && batch.every((p) => p.work.idempotent));
      const only = batch.length === 1 ? batch[0] : undefined;
      const indivisible = only !== undefined && (only.work.rows === 0 || only.count <= 1);
      if (!retryable || indivisible || stats.retries >= MAX_FAILURES) throw e;
      stats.retries++;
      for (const p of batch) factors.set(p.work, factorOf(p.work) * 2);
      let again = batch.flatMap((p) => split(p.work, p.start, p.count, factorOf(p.work), budget, cellBudget));
      if (only !== undefined && again.length === 1) {
        // The estimate still says it fits: halve it anyway, so every retry makes progress.
        const half = Math.ceil(only.count / 2);
        again = [
          { work: only.work, start: only.start, count: half },
          { work: only.work, start: only.start + half, count: only.count - half },
        ];
      }
      pending = [...again, ...pending];
      continue;
    }
    for (const f of after) if (f) f();
  }
  return stats;
}

/** UTF-8 length of a JSON value: the payload estimate of sending or receiving it. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
