/**
 * 批量校验报送 in Web Workers (src/taskpane/services/batchPool.ts) against the page's own serial loop: the same
 * rows in the same order, the same units missing; progress to the end; cancel; never more files held than
 * workers; a worker that cannot run leaves its files to the page. The workers here are the real worker
 * module (batch.worker.ts) run in this process behind a stand-in `Worker` that clones every message as a
 * browser does (a File as a handle: the worker reads its bytes itself, as it is handed over).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFiles } from '../../src/taskpane/services/submissionWork';

const ROOT = join(__dirname, '..', '..');

type Listener = (e: { data?: unknown; preventDefault(): void }) => void;

interface Stats {
  started: number;
  inFlight: number;
  maxInFlight: number;
  terminated: number;
  /** Files whose bytes were read (in any worker) and whose row is not back yet. */
  held: number;
  maxHeld: number;
  /** Messages the worker modules were given and have not answered (they go on after `terminate` here). */
  working: number;
}

/** A stand-in for the browser's Worker: the worker module in this process, messages structured-cloned, asynchronous. */
function installWorker(stats: Stats, behaviour: 'works' | 'broken' | 'first-dies-after-one' = 'works'): () => void {
  let first = true;
  class FakeWorker {
    private readonly listeners = new Map<string, Set<Listener>>();
    private scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void } | null = null;
    private ended = false;

    constructor(url: URL | string) {
      expect(String(url)).toMatch(/batch\.worker\.ts$/);
      stats.started++;
      if (behaviour === 'broken') return;
      // The first worker dies right after its first answer, with the next files already handed to it.
      const dies = behaviour === 'first-dies-after-one' && first;
      first = false;
      const scope = {
        onmessage: null as ((e: { data: unknown }) => void) | null,
        postMessage: (m: unknown) => {
          const data = structuredClone(m);
          stats.held--;
          stats.working--;
          setTimeout(() => {
            if (this.ended) return;
            stats.inFlight--;
            for (const l of this.listeners.get('message') ?? []) l({ data, preventDefault() {} });
            if (dies)
              setTimeout(() => {
                if (this.ended) return;
                this.ended = true;
                for (const l of this.listeners.get('error') ?? []) l({ preventDefault() {} });
              }, 0);
          }, 0);
        },
      };
      const saved = (globalThis as { self?: unknown }).self;
      (globalThis as { self?: unknown }).self = scope;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the worker module per worker
        require('../../src/taskpane/services/batch.worker');
      });
      (globalThis as { self?: unknown }).self = saved;
      this.scope = scope;
    }

    addEventListener(type: string, l: Listener): void {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)?.add(l);
    }

    removeEventListener(type: string, l: Listener): void {
      this.listeners.get(type)?.delete(l);
    }

    postMessage(message: { file: Blob }, transfer?: Transferable[]): void {
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      // A handle to the chosen file, never its bytes: the page's thread does not read the files.
      expect(message.file).toBeInstanceOf(Blob);
      expect(transfer ?? []).toEqual([]);
      const data = structuredClone(message);
      setTimeout(() => {
        if (this.ended) return;
        if (!this.scope) {
          stats.inFlight--;
          for (const l of this.listeners.get('error') ?? []) l({ preventDefault() {} });
          return;
        }
        stats.working++;
        this.scope.onmessage?.({ data });
      }, 0);
    }

    terminate(): void {
      if (!this.ended) stats.terminated++;
      this.ended = true;
    }
  }
  const saved = (globalThis as { Worker?: unknown }).Worker;
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  // A worker reads a file's bytes when it comes to it; counted until its row is posted.
  const read = Blob.prototype.arrayBuffer;
  const spy = jest.spyOn(Blob.prototype, 'arrayBuffer').mockImplementation(function (this: Blob) {
    stats.held++;
    stats.maxHeld = Math.max(stats.maxHeld, stats.held);
    return read.call(this);
  });
  return () => {
    (globalThis as { Worker?: unknown }).Worker = saved;
    spy.mockRestore();
  };
}

function file(name: string, path: string): File {
  return new File([readFileSync(join(ROOT, path))], name);
}

function submissions(n: number): File[] {
  const kinds = [
    (i: number) => file(`龙山县-${i}.xlsx`, 'samples/incentive-2022.xlsx'),
    (i: number) => file(`保靖县-${i}.xlsx`, 'samples/keywork-2024.xlsx'),
    (i: number) => file(`永顺县-${i}.xls`, 'test/fixtures/formats/incentive-2022.xls'),
    (i: number) => new File([new TextEncoder().encode('%PDF-1.4 not a workbook')], `泸溪县-${i}.xlsx`),
    (i: number) => file(`吉首市-${i}.ods`, 'test/fixtures/formats/keywork-2024.ods'),
  ];
  return Array.from({ length: n }, (_, i) => (kinds[i % kinds.length] as (i: number) => File)(i));
}

const settings = { expectedUnits: ['龙山县', '永顺县', '保靖县', '泸溪县', '吉首市', '花垣县'] };
const newStats = (): Stats => ({ started: 0, inFlight: 0, maxInFlight: 0, terminated: 0, held: 0, maxHeld: 0, working: 0 });

/** Until the worker modules have answered what they were given (a browser's terminate would end them at once). */
async function settled(stats: Stats): Promise<void> {
  while (stats.working > 0) await new Promise((r) => setTimeout(r, 10));
}

describe('批量校验报送 in workers', () => {
  it('gives the serial run\'s rows, in the files\' order, and the same units missing', async () => {
    const files = submissions(11);
    const serial = await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal, { workers: false });
    const stats = newStats();
    const uninstall = installWorker(stats);
    const progress: [number, number][] = [];
    try {
      const parallel = await checkFiles(files, settings, 'zh-CN', (d, t) => progress.push([d, t]), new AbortController().signal);
      expect(parallel).toEqual(serial);
    } finally {
      uninstall();
    }
    expect(serial.rows.map((r) => r.state)).toEqual(expect.arrayContaining(['passed', 'errors', 'unreadable']));
    expect(serial.missing).toEqual(['花垣县']);
    expect(stats.started).toBe(2);
    expect(stats.terminated).toBe(2);
    // Bytes held: two files per worker at most (the one it checks and the next, handed ahead and read ahead).
    expect(stats.maxHeld).toBeLessThanOrEqual(4);
    expect(stats.maxHeld).toBeGreaterThan(0);
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(progress.at(-1)).toEqual([11, 11]);
    for (let i = 1; i < progress.length; i++) expect((progress[i] as [number, number])[0]).toBeGreaterThanOrEqual((progress[i - 1] as [number, number])[0]);
  });

  it('cancel: the workers end at once, the finished files are reported, nothing after', async () => {
    const files = submissions(10);
    const stats = newStats();
    const uninstall = installWorker(stats);
    const controller = new AbortController();
    try {
      const out = await checkFiles(files, {}, 'zh-CN', (done) => done === 2 && controller.abort(), controller.signal);
      expect(out.cancelled).toBe(true);
      expect(out.rows.length).toBeGreaterThanOrEqual(2);
      expect(out.rows.length).toBeLessThan(10);
      const serial = await checkFiles(files, {}, 'zh-CN', () => {}, new AbortController().signal, { workers: false });
      // Every row reported is that file's row of the full serial run.
      for (const row of out.rows) expect(serial.rows.find((r) => r.file === row.file)).toEqual(row);
    } finally {
      uninstall();
    }
    expect(stats.terminated).toBe(stats.started);
    await settled(stats);
  });

  it('workers started ahead (the batch panel open) are the ones the batch uses; closing the panel ends those not used', async () => {
    const files = submissions(6);
    const serial = await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal, { workers: false });
    const stats = newStats();
    const uninstall = installWorker(stats);
    try {
      const { warmWorkers, coolWorkers } = await import('../../src/taskpane/services/batchPool');
      warmWorkers();
      warmWorkers();
      expect(stats.started).toBe(2);
      expect(await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal)).toEqual(serial);
      expect(stats.started).toBe(2);
      expect(stats.terminated).toBe(2);
      warmWorkers();
      expect(stats.started).toBe(4);
      coolWorkers();
      expect(stats.terminated).toBe(4);
    } finally {
      uninstall();
    }
    await settled(stats);
  });

  it('workers that cannot run leave the files to the page: the same rows', async () => {
    const files = submissions(5);
    const serial = await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal, { workers: false });
    const stats = newStats();
    const uninstall = installWorker(stats, 'broken');
    try {
      expect(await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal)).toEqual(serial);
    } finally {
      uninstall();
    }
    expect(stats.started).toBe(2);
  });

  it('a worker that dies after answering: the file it was checking is unreadable, the files it held go to its replacement', async () => {
    const files = submissions(8);
    const serial = await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal, { workers: false });
    const stats = newStats();
    const uninstall = installWorker(stats, 'first-dies-after-one');
    let out: Awaited<ReturnType<typeof checkFiles>>;
    try {
      out = await checkFiles(files, settings, 'zh-CN', () => {}, new AbortController().signal);
    } finally {
      uninstall();
    }
    expect(stats.started).toBe(3);
    expect(out.rows.map((r) => r.file)).toEqual(serial.rows.map((r) => r.file));
    const lost = out.rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(serial.rows[i]));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ state: 'unreadable', counts: null });
    expect(lost[0]?.reason).toContain(lost[0]?.file);
    await settled(stats);
  });
});
