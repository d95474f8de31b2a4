/**
 * 批量校验报送 on every core: one Web Worker per core (at most MAX_WORKERS, never more than files), each
 * checking one file at a time with `checkOne` (batchCheck.ts), the same function the page's own loop uses.
 *
 * - Order: rows come back in the files' order, whichever worker finished first, so the table and the
 *   报送情况 sheet are the serial run's.
 * - Memory: a file's bytes are read only when a worker takes it and are handed over (transferred), so at
 *   most one file per worker is held; a worker keeps nothing between files.
 * - Progress after each file; cancel stops at once: the workers are ended, the files they were checking are
 *   not reported (as the serial loop never starts the next file), every finished file is.
 * - A worker that cannot start (an old webview, a policy refusing it) or dies before its first result
 *   leaves its files to the page's thread; one that dies later takes only its current file with it (a
 *   row saying it could not be read) and is replaced.
 */
import type { Lang, SettingsInput, SubmissionStatus } from '../../core';
import { bytesOf, unreadableFile } from './batchCheck';
import type { ProgressReporter } from './types';

export interface BatchTask {
  readonly id: number;
  readonly name: string;
  readonly bytes: ArrayBuffer;
  readonly settings: SettingsInput;
  readonly lang: Lang;
  readonly expected: readonly string[];
}

export interface BatchReply {
  readonly id: number;
  readonly status: SubmissionStatus;
}

const MAX_WORKERS = 8;

/** Workers for a batch of `files`: one per core the browser reports (2 when it does not say). */
export function workerCount(files: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(files, cores, MAX_WORKERS));
}

function startWorker(): Worker | null {
  try {
    // webpack 5 bundles the worker from this expression (a chunk of its own, same origin: worker-src 'self').
    // @ts-expect-error -- import.meta under the type-check's CommonJS setting; the pane is built as ES modules
    return new Worker(new URL('./batch.worker.ts', import.meta.url));
  } catch {
    return null;
  }
}

type Run = { status: SubmissionStatus } | 'dead' | 'aborted';

/** One file on one worker: its reply, 'dead' when the worker failed, 'aborted' on cancel. */
function runOn(worker: Worker, task: BatchTask, signal: AbortSignal): Promise<Run> {
  return new Promise((resolve) => {
    const done = (r: Run): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const onMessage = (e: MessageEvent<BatchReply>): void => {
      if (e.data && e.data.id === task.id) done({ status: e.data.status });
    };
    const onError = (e: Event): void => {
      e.preventDefault();
      done('dead');
    };
    const onAbort = (): void => done('aborted');
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    signal.addEventListener('abort', onAbort);
    worker.postMessage(task, [task.bytes]);
  });
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

  const lane = async (): Promise<void> => {
    let worker = started();
    // Whether this worker has answered once: a worker that fails before that is taken for one that cannot run here.
    let proven = false;
    while (next < files.length && !signal.aborted) {
      const i = next++;
      const file = files[i] as File;
      progress(done, files.length, file.name);
      let status: SubmissionStatus | null = null;
      if (!worker) {
        status = await here(file);
      } else {
        const bytes = await bytesOf(file);
        if (signal.aborted) return;
        if (bytes === null) status = unreadableFile(file.name, lang, expected);
        else {
          const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
          const r = await runOn(worker, { id: i, name: file.name, bytes: buffer, settings, lang, expected }, signal);
          if (r === 'aborted') return;
          if (r === 'dead') {
            end(worker);
            if (proven) {
              status = unreadableFile(file.name, lang, expected);
              worker = started();
              proven = false;
            } else {
              worker = null;
              status = await here(file);
            }
          } else {
            status = r.status;
            proven = true;
          }
        }
      }
      if (signal.aborted) return;
      results[i] = status;
      done++;
      progress(done, files.length, file.name);
    }
    end(worker);
  };

  try {
    await Promise.all(Array.from({ length: workerCount(files.length) }, lane));
  } finally {
    signal.removeEventListener('abort', onAbort);
    for (const w of [...workers]) end(w);
  }
  return { rows: results.filter((r): r is SubmissionStatus => r !== undefined), cancelled: signal.aborted };
}
