/**
 * 批量校验报送 on every core: one Web Worker per core (at most MAX_WORKERS, never more than files), each
 * checking one file at a time with `checkOne` (batchCheck.ts), the same function the page's own loop uses.
 *
 * - Order: rows come back in the files' order, whichever worker finished first, so the table and the
 *   报送情况 sheet are the serial run's.
 * - The page's thread only hands out files and draws progress: a worker is sent the chosen File itself (a
 *   handle; structured cloning a File copies no bytes) and reads it itself (batch.worker.ts). Each worker
 *   is kept AHEAD files ahead — the next one is read while it checks the current one — so it never idles
 *   waiting for the page (which, on a busy machine, answers late) or for a read.
 * - Memory: at most AHEAD files' bytes per worker (the one checked and the next); a worker keeps nothing
 *   between files, and the page keeps only the rows.
 * - Progress after each file; cancel stops at once: the workers are ended, the files they held are not
 *   reported (as the serial loop never starts the next file), every finished file is.
 * - A worker that cannot start (an old webview, a policy refusing it) or dies before its first result
 *   leaves its files to the page's thread; one that dies later takes only its current file with it (a
 *   row saying it could not be read), and the files waiting in it go to its replacement.
 */
import { type Lang, type SettingsInput, type SubmissionStatus, t, unreadableStatus } from '../../core';
import type { ProgressReporter } from './types';

export interface BatchTask {
  readonly id: number;
  readonly name: string;
  readonly file: Blob;
  readonly settings: SettingsInput;
  readonly lang: Lang;
  readonly expected: readonly string[];
}

export interface BatchReply {
  readonly id: number;
  readonly status: SubmissionStatus;
}

const MAX_WORKERS = 8;
/** Files handed to a worker at a time: the one it checks and the next (a File handle, no bytes). */
const AHEAD = 2;

/** Workers for a batch of `files`: one per core the browser reports (2 when it does not say). */
export function workerCount(files: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(files, cores, MAX_WORKERS));
}

function newWorker(): Worker | null {
  try {
    // webpack 5 bundles the worker from this expression (a chunk of its own, same origin: worker-src 'self').
    // @ts-expect-error -- import.meta under the type-check's CommonJS setting; the pane is built as ES modules
    return new Worker(new URL('./batch.worker.ts', import.meta.url));
  } catch {
    return null;
  }
}

/**
 * Workers started ahead, while the batch panel is open and the user is choosing the files: a batch takes these
 * first, so it does not begin by waiting for workers to load and compile their code. One that failed to load
 * is dropped (a batch then starts its own, which tells it whether workers can run here).
 */
const warm: { worker: Worker; failed: boolean }[] = [];

/** Start the workers a batch will use (one per core), unless they are waiting already. */
export function warmWorkers(): void {
  while (warm.length < workerCount(MAX_WORKERS)) {
    const worker = newWorker();
    if (!worker) return;
    const entry = { worker, failed: false };
    worker.addEventListener('error', () => (entry.failed = true), { once: true });
    warm.push(entry);
  }
}

/** End the workers started ahead that no batch took (the panel was closed). */
export function coolWorkers(): void {
  for (const { worker } of warm.splice(0)) worker.terminate();
}

function startWorker(): Worker | null {
  for (let entry = warm.shift(); entry; entry = warm.shift()) {
    if (!entry.failed) return entry.worker;
    entry.worker.terminate();
  }
  return newWorker();
}

type Heard = { readonly kind: 'reply'; readonly id: number; readonly status: SubmissionStatus } | { readonly kind: 'dead' } | { readonly kind: 'aborted' };

/** A worker's replies, its failure and the cancel, one at a time in the order they came. */
function listen(worker: Worker, signal: AbortSignal): { next(): Promise<Heard>; close(): void } {
  const heard: Heard[] = [];
  let waiting: ((h: Heard) => void) | null = null;
  const push = (h: Heard): void => {
    const w = waiting;
    waiting = null;
    if (w) w(h);
    else heard.push(h);
  };
  const onMessage = (e: MessageEvent<BatchReply>): void => {
    if (e.data && typeof e.data.id === 'number') push({ kind: 'reply', id: e.data.id, status: e.data.status });
  };
  const onError = (e: Event): void => {
    e.preventDefault();
    push({ kind: 'dead' });
  };
  const onAbort = (): void => push({ kind: 'aborted' });
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onError);
  signal.addEventListener('abort', onAbort);
  if (signal.aborted) push({ kind: 'aborted' });
  return {
    next: () => {
      const h = heard.shift();
      return h ? Promise.resolve(h) : new Promise<Heard>((resolve) => (waiting = resolve));
    },
    close: () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Check `files` in workers; `here` checks a file on the page's thread where no worker can. Resolves with the
 * finished files' rows in the files' order, and whether the batch was cancelled.
 */
export async function checkInWorkers(
  files: readonly File[],
  settings: SettingsInput,
  lang: Lang,
  expected: readonly string[],
  progress: ProgressReporter,
  signal: AbortSignal,
  here: (file: File) => Promise<SubmissionStatus>,
): Promise<{ rows: SubmissionStatus[]; cancelled: boolean }> {
  const results: (SubmissionStatus | undefined)[] = new Array<SubmissionStatus | undefined>(files.length);
  let next = 0;
  let done = 0;
  const workers = new Set<Worker>();
  const end = (w: Worker | null): void => {
    if (!w) return;
    w.terminate();
    workers.delete(w);
  };
  const started = (): Worker | null => {
    const w = startWorker();
    if (w) workers.add(w);
    return w;
  };
  const onAbort = (): void => {
    for (const w of [...workers]) end(w);
  };
  signal.addEventListener('abort', onAbort);

  // The row of a file a worker died on (batchCheck.ts's `unreadableFile`, without loading the reader here).
  const unreadable = (name: string): SubmissionStatus => unreadableStatus(name, t('read.unexpected', lang, { file: name }), expected);
  const finish = (i: number, status: SubmissionStatus): void => {
    results[i] = status;
    done++;
    progress(done, files.length, (files[i] as File).name);
  };

  const lane = async (): Promise<void> => {
    let worker = started();
    let ears = worker ? listen(worker, signal) : null;
    // Whether this worker has answered once: a worker that fails before that is taken for one that cannot run here.
    let proven = false;
    // The files handed to this worker, oldest first: the first is the one it is checking.
    const held: number[] = [];
    const hand = (i: number): void => {
      const file = files[i] as File;
      (worker as Worker).postMessage({ id: i, name: file.name, file, settings, lang, expected } satisfies BatchTask);
    };
    try {
      while (!signal.aborted) {
        if (!worker || !ears) {
          // The page's thread: first what a failed worker held, then the files no one has taken.
          const i = held.length > 0 ? (held.shift() as number) : next < files.length ? next++ : -1;
          if (i < 0) return;
          progress(done, files.length, (files[i] as File).name);
          const status = await here(files[i] as File);
          if (signal.aborted) return;
          finish(i, status);
          continue;
        }
        while (held.length < AHEAD && next < files.length) {
          const i = next++;
          if (held.length === 0) progress(done, files.length, (files[i] as File).name);
          held.push(i);
          hand(i);
        }
        if (held.length === 0) return;
        const heard = await ears.next();
        if (heard.kind === 'aborted' || signal.aborted) return;
        if (heard.kind === 'reply') {
          const k = held.indexOf(heard.id);
          if (k < 0) continue;
          held.splice(k, 1);
          proven = true;
          finish(heard.id, heard.status);
          continue;
        }
        // The worker died: on the file it was checking, the oldest it held.
        ears.close();
        end(worker);
        ears = null;
        if (proven) {
          const current = held.shift() as number;
          finish(current, unreadable((files[current] as File).name));
          worker = started();
          ears = worker ? listen(worker, signal) : null;
          proven = false;
          if (worker) for (const i of held) hand(i);
        } else {
          worker = null;
        }
      }
    } finally {
      ears?.close();
      end(worker);
    }
  };

  try {
    await Promise.all(Array.from({ length: workerCount(files.length) }, lane));
  } finally {
    signal.removeEventListener('abort', onAbort);
    for (const w of [...workers]) end(w);
  }
  return { rows: results.filter((r): r is SubmissionStatus => r !== undefined), cancelled: signal.aborted };
}
