/**
 * Batch check: many submissions at once, `jobs` lanes (default `os.availableParallelism()`): this thread,
 * which has the checker loaded already, plus `jobs - 1` worker threads; each lane takes the next file as
 * soon as it is free. A progress bar on stderr when it is a terminal, a one-line-per-file summary. One
 * unreadable file never stops the others: it becomes a ReadFailure; a worker thread that dies takes only
 * its current file with it and is replaced.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Lang, t } from '../../core';
import { type CheckResult, type ReadFailure, renderTable } from '../report';
import { inert, say } from '../terminal';
import { padEnd, displayWidth } from '../width';
import { checkFile, type CheckFileOptions, isFailure } from './check';
import { type CliIO, expandInputs } from './common';

export type Outcome = CheckResult | ReadFailure;

export interface BatchOptions extends CheckFileOptions {
  /** Lanes: this thread plus `jobs - 1` worker threads; default `os.availableParallelism()`. 1: no threads. */
  readonly jobs?: number;
  /** Check files in this thread too (default), next to the worker threads. */
  readonly inThisThread?: boolean;
  /** Called with each worker thread once it is ready (monitoring, tests). */
  readonly onWorker?: (worker: Worker) => void;
}

/** How to start a worker: the compiled .js next to this file, or (tests, tsx) the .ts through tsx's require hook. */
function workerSource(): { code: string; eval: boolean } | null {
  const js = join(__dirname, 'batchWorker.js');
  if (__filename.endsWith('.js') && existsSync(js)) return { code: js, eval: false };
  const ts = join(__dirname, 'batchWorker.ts');
  if (!existsSync(ts)) return null;
  let tsx: string;
  try {
    tsx = require.resolve('tsx/cjs');
  } catch {
    return null;
  }
  return { code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(ts)});`, eval: true };
}

async function sequential(files: readonly string[], options: CheckFileOptions, onDone: (i: number) => void): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (let i = 0; i < files.length; i++) {
    out.push(await checkFile(files[i] as string, options));
    onDone(i);
  }
  return out;
}

/** A worker thread that has loaded the checker (it says so), or null when none could be started. */
function boot(source: { code: string; eval: boolean }): Promise<Worker | null> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = new Worker(source.code, { eval: source.eval });
    } catch {
      resolve(null);
      return;
    }
    const cleanup = () => {
      w.off('message', onMessage);
      w.off('error', onDead);
      w.off('exit', onDead);
    };
    const onMessage = (m: { ready?: boolean }) => {
      if (!m.ready) return;
      cleanup();
      resolve(w);
    };
    const onDead = () => {
      cleanup();
      void w.terminate().catch(() => undefined);
      resolve(null);
    };
    w.on('message', onMessage);
    w.once('error', onDead);
    w.once('exit', onDead);
  });
}

/** Check one file on a worker; null when the worker died meanwhile. */
function checkOn(w: Worker, id: number, file: string, options: CheckFileOptions): Promise<Outcome | null> {
  return new Promise((resolve) => {
    const cleanup = () => {
      w.off('message', onMessage);
      w.off('error', onDead);
      w.off('exit', onDead);
    };
    const onMessage = (m: { id?: number; result?: Outcome }) => {
      if (m.id !== id || !m.result) return;
      cleanup();
      resolve(m.result);
    };
    const onDead = () => {
      cleanup();
      resolve(null);
    };
    w.on('message', onMessage);
    w.once('error', onDead);
    w.once('exit', onDead);
    w.postMessage({ id, file, options });
  });
}

/** Check `files`, results in the same order. `onDone` is called as each file finishes. */
export async function checkMany(files: readonly string[], options: BatchOptions, onDone: (done: number, file: string) => void = () => {}): Promise<Outcome[]> {
  const fileOptions: CheckFileOptions = { lang: options.lang, guarantee: options.guarantee, ...(options.settings ? { settings: options.settings } : {}) };
  let done = 0;
  const tick = (i: number) => onDone(++done, files[i] ?? '');
  const size = Math.max(1, Math.min(files.length, options.jobs ?? availableParallelism()));
  const source = size > 1 ? workerSource() : null;
  if (!source) return sequential(files, fileOptions, tick);

  const results: (Outcome | undefined)[] = new Array<Outcome | undefined>(files.length);
  let next = 0;
  const unexpected = (i: number): ReadFailure => ({ file: files[i] ?? '', error: t('read.unexpected', options.lang, { file: files[i] ?? '' }) });

  /** A lane in this thread: it starts at once, the checker being loaded already. */
  const runHere = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkFile(files[i] as string, fileOptions);
      tick(i);
    }
  };

  /**
   * A worker lane: takes files only once its thread has loaded the checker. A thread that dies takes its
   * current file with it (reported, not retried: the file may be what killed it) and is replaced; where no
   * thread can be started at all, the lane carries on in this thread.
   */
  const runWorker = async (): Promise<void> => {
    let worker = await boot(source);
    if (worker) options.onWorker?.(worker);
    while (next < files.length) {
      if (!worker) return runHere();
      const i = next++;
      const outcome = await checkOn(worker, i, files[i] as string, fileOptions);
      if (outcome === null) {
        results[i] = unexpected(i);
        await worker.terminate().catch(() => undefined);
        worker = await boot(source);
        if (worker) options.onWorker?.(worker);
      } else results[i] = outcome;
      tick(i);
    }
    if (worker) await worker.terminate();
  };

  const lanes = options.inThisThread === false ? Array.from({ length: size }, runWorker) : [runHere(), ...Array.from({ length: size - 1 }, runWorker)];
  await Promise.all(lanes);
  return results.map((r, i) => r ?? unexpected(i));
}

/** `[██████░░░░] 12/50 name.xlsx` redrawn in place; the name made inert (our own `\r\x1b[K` stays). */
export function progressLine(done: number, total: number, file: string, lang: Lang, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = inert(file.length > 40 ? `…${file.slice(-39)}` : file);
  return `\r\x1b[K${t('batch.progress', lang)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${name}`;
}

export function clearProgress(): string {
  return '\r\x1b[K';
}

function statusOf(r: Outcome, lang: Lang): string {
  if (isFailure(r)) return `${t('batch.status.unreadable', lang)}${lang === 'zh-CN' ? '：' : ': '}${inert(r.error)}`;
  if (r.counts.error > 0) return t('batch.status.errors', lang);
  if (r.counts.warning > 0 || r.counts.info > 0) return t('batch.status.warnings', lang);
  return t('batch.status.clean', lang);
}

/** One line per file, then a total line; file names and reasons made inert (a newline in a name cannot forge a line). */
export function renderSummary(results: readonly Outcome[], lang: Lang): string {
  const head = [t('batch.col.file', lang), t('batch.col.profile', lang), t('batch.col.error', lang), t('batch.col.warning', lang), t('batch.col.info', lang), t('batch.col.status', lang)];
  const rows = results.map((r) =>
    isFailure(r)
      ? [inert(r.file), '—', '—', '—', '—', statusOf(r, lang)]
      : [inert(r.file), t(r.profile ? `profile.${r.profile}` : 'profile.none', lang), String(r.counts.error), String(r.counts.warning), String(r.counts.info), statusOf(r, lang)],
  );
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => (c === 5 ? 0 : displayWidth(r[c] ?? '')))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : c >= 2 && c <= 4 ? ' '.repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell))) + cell : padEnd(cell, widths[c] ?? 0)))
      .join('  ');
  const count = {
    files: results.length,
    clean: results.filter((r) => !isFailure(r) && r.counts.error + r.counts.warning + r.counts.info === 0).length,
    warnings: results.filter((r) => !isFailure(r) && r.counts.error === 0 && r.counts.warning + r.counts.info > 0).length,
    errors: results.filter((r) => !isFailure(r) && r.counts.error > 0).length,
    unreadable: results.filter(isFailure).length,
  };
  return [line(head), ...rows.map(line), '', t('batch.total', lang, count)].join('\n');
}

export interface CheckCommandOptions extends BatchOptions {
  readonly files: readonly string[];
  readonly format: 'json' | 'table';
  readonly details: boolean;
}

/**
 * `check`: one file → one JSON object (or its table); several files or a directory → a JSON array (or
 * the one-line-per-file summary). Exit 2 if any file could not be read, else 1 if any has errors, else 0.
 */
export async function runBatchCheck(options: CheckCommandOptions, io: CliIO): Promise<number> {
  const lang = options.lang;
  const expanded = await expandInputs(options.files);
  for (const d of expanded.emptyDirs) io.err(say('sub.noXlsx', lang, { path: d }));
  const files = expanded.files;
  const single = options.files.length === 1 && !expanded.anyDirectory;
  const bar = io.progress && files.length > 1 ? io.progress : null;
  const results = await checkMany(files, options, (done, file) => bar?.(progressLine(done, files.length, file, lang)));
  if (bar) bar(clearProgress());
  for (const r of results) if (isFailure(r)) io.err(inert(r.error));
  const ok = results.filter((r): r is CheckResult => !isFailure(r));
  if (options.format === 'json') {
    // Several files: every file has its entry, in order — an unreadable one as `{ file, error }`, so a
    // script learns which submissions could not be read.
    const payload = single ? (ok[0] ?? null) : results;
    if (payload !== null) io.out(JSON.stringify(payload, null, 2));
  } else if (single) {
    io.out(ok.map((r) => renderTable(r, lang)).join('\n\n'));
  } else if (files.length > 0) {
    const details = options.details ? ok.map((r) => renderTable(r, lang)).join('\n\n') + '\n\n' : '';
    io.out(details + renderSummary(results, lang));
  }
  if (results.some(isFailure) || expanded.emptyDirs.length > 0) return 2;
  return ok.some((r) => r.counts.error > 0) ? 1 : 0;
}
