/// <reference types="office-js" />
/**
 * One `Excel.run` per user action, with `delayForCellEdit: true`. Every call into Excel is under a
 * timeout — starting the batch, each `context.sync()` (which can hang), and Excel.run's closing sync —
 * and every failure leaves here as an ExcelAdapterError with a catalogue message, never Office's own text.
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

    // Excel waits while the user edits a cell (delayForCellEdit): a batch that never starts is "busy".
    arm('busy');
    let run: Promise<T>;
    try {
      run = Excel.run({ delayForCellEdit: true }, async (context) => {
        disarm();
        if (settled) throw new ExcelAdapterError('busy', { seconds });
        const original = context.sync.bind(context) as Sync;
        const timed = (<V>(passThrough?: V): Promise<V> => {
          let syncTimer: ReturnType<typeof setTimeout> | undefined;
          const hung = new Promise<never>((_, rej) => {
            syncTimer = setTimeout(() => {
              const err = new ExcelAdapterError('timeout', { seconds });
              fail(err);
              rej(err);
            }, timeoutMs);
          });
          return Promise.race([original(passThrough), hung]).finally(() => clearTimeout(syncTimer)) as Promise<V>;
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
