/// <reference types="office-js" />
/**
 * One `Excel.run` per user action, with `delayForCellEdit: true`. Every call into Excel is under a
 * timeout — starting the batch, each `context.sync()` (which can hang), and Excel.run's closing sync —
 * and every failure leaves here as an ExcelAdapterError with a catalogue message, never Office's own text.
 *
 * Cell-edit mode: office.js calls the batch at once; with `delayForCellEdit` Excel holds the *first sync*
 * until the user leaves the cell and applies it then (excel-add-ins-delay-in-cell-edit.md). So a first sync
 * that does not come back in time is "busy", later ones "timeout". Every action's first sync only reads
 * (test/excel/celledit.test.ts), so a held first sync that Excel applies after we gave up changes nothing.
 */
import { ExcelAdapterError, toExcelAdapterError } from './errors';

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface RunOptions {
  /** Longest wait for any single call into Excel (starting the batch, one sync). */
  readonly timeoutMs?: number;
}

type Sync = Excel.RequestContext['sync'];

/** Run one user action against the open workbook. */
export async function runExcel<T>(action: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') throw new ExcelAdapterError('not-in-excel');

  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const disarm = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      disarm();
      fn();
    };
    const fail = (e: unknown): void => settle(() => reject(toExcelAdapterError(e)));
    const arm = (problem: 'busy' | 'timeout'): void => {
      disarm();
      timer = setTimeout(() => fail(new ExcelAdapterError(problem, { seconds })), timeoutMs);
    };

    // Excel waits while the user edits a cell (delayForCellEdit): a batch whose first sync never comes back is "busy".
    arm('busy');
    let firstSyncDone = false;
    let run: Promise<T>;
    try {
      run = Excel.run({ delayForCellEdit: true }, async (context) => {
        disarm();
        if (settled) throw new ExcelAdapterError('busy', { seconds });
        const original = context.sync.bind(context) as Sync;
        const timed = (<V>(passThrough?: V): Promise<V> => {
          // After we gave up (timeout), the batch may still be running: send nothing more.
          if (settled) return Promise.reject(new ExcelAdapterError('timeout', { seconds }));
          let syncTimer: ReturnType<typeof setTimeout> | undefined;
          const problem = firstSyncDone ? 'timeout' : 'busy';
          const hung = new Promise<never>((_, rej) => {
            syncTimer = setTimeout(() => {
              const err = new ExcelAdapterError(problem, { seconds });
              fail(err);
              rej(err);
            }, timeoutMs);
          });
          const sent = original(passThrough).then((v) => {
            firstSyncDone = true;
            return v;
          });
          return Promise.race([sent, hung]).finally(() => clearTimeout(syncTimer)) as Promise<V>;
        }) as Sync;
        context.sync = timed;
        const value = await action(context);
        // Excel.run's own closing sync.
        arm('timeout');
        return value;
      });
    } catch (e) {
      fail(e);
      return;
    }
    run.then(
      (v) => settle(() => resolve(v)),
      (e: unknown) => fail(e),
    );
  });
}
