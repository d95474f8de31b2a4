/**
 * 批量校验报送's page side, loaded on demand as a chunk of its own (`batch`): which chosen files are
 * spreadsheets, and checking them — in Web Workers where the page can start them (batchPool.ts), else one
 * after another on this thread. The reader and the checker are not part of this chunk: the workers load
 * them, and the page loads them (batchCheck.ts) only when it checks a file itself, so a batch does not make
 * the page fetch and compile the reader and the writer it never runs.
 */
import { type Lang, missingUnits, resolveSettings, type SettingsInput, type SubmissionStatus } from '../../core';
import type { ProgressReporter } from './types';

export { statusPlan } from '../../core';

const SPREADSHEET = /\.(xlsx|xlsm|xls|et|xlsb|ods|csv)$/i;

/** The spreadsheets among chosen files (a folder brings everything): no lock files `~$…`, no hidden files. */
export function spreadsheetFiles(files: readonly File[]): File[] {
  const path = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return files
    .filter((f) => SPREADSHEET.test(f.name) && !f.name.startsWith('~$') && !f.name.startsWith('.'))
    .sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
}

/** Let the page paint and take clicks (取消) between files. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Start the batch's workers ahead (the panel is open; the user is choosing files); the returned function ends
 * those no batch took. Nothing where workers cannot run.
 */
export function warmBatch(): () => void {
  if (typeof Worker !== 'function' || typeof URL !== 'function') return () => undefined;
  let ended = false;
  const pool = import(/* webpackChunkName: "batch-pool" */ './batchPool');
  pool.then(
    (p) => {
      if (!ended) p.warmWorkers();
    },
    () => undefined,
  );
  return () => {
    ended = true;
    pool.then(
      (p) => p.coolWorkers(),
      () => undefined,
    );
  };
}

export interface BatchResult {
  readonly rows: SubmissionStatus[];
  readonly missing: string[];
  readonly cancelled: boolean;
}

/**
 * Check the files: in Web Workers, one per core, where the page can start them (batchPool.ts: rows in the
 * files' order, progress after each file, cancel at once, at most two files' bytes per worker); else one
 * after another on this thread, yielding between files. Either way every file gets `checkOne`'s row (an
 * unreadable file is a row with its reason; nothing a file does stops the others), and only the rows are
 * kept, never the bytes or grids, so memory does not grow with the batch.
 */
export async function checkFiles(files: readonly File[], settings: SettingsInput, lang: Lang, progress: ProgressReporter, signal: AbortSignal, options: { readonly workers?: boolean } = {}): Promise<BatchResult> {
  const expected = resolveSettings(settings).settings.expectedUnits;
  const here = async (file: File): Promise<SubmissionStatus> => {
    const { bytesOf, checkOne, unreadableFile } = await import(/* webpackChunkName: "submissions" */ './batchCheck');
    const bytes = await bytesOf(file);
    return bytes === null ? unreadableFile(file.name, lang, expected) : checkOne(file.name, bytes, settings, lang, expected);
  };
  // Checked before the pool is loaded: the pool's module names its worker by `import.meta` (browsers only).
  if ((options.workers ?? true) && files.length > 1 && typeof Worker === 'function' && typeof URL === 'function') {
    const { checkInWorkers } = await import(/* webpackChunkName: "batch-pool" */ './batchPool');
    const out = await checkInWorkers(files, settings, lang, expected, progress, signal, here);
    return { rows: out.rows, missing: missingUnits(out.rows, expected), cancelled: out.cancelled };
  }
  const rows: SubmissionStatus[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as File;
    progress(i, files.length, file.name);
    await breathe();
    if (signal.aborted) return { rows, missing: missingUnits(rows, expected), cancelled: true };
    rows.push(await here(file));
  }
  progress(files.length, files.length, files[files.length - 1]?.name ?? '');
  return { rows, missing: missingUnits(rows, expected), cancelled: false };
}
