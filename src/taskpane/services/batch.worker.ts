/**
 * A Web Worker of 批量校验报送 (batchPool.ts): checks the files it is sent, one at a time and in the order sent,
 * as the page's own loop does (`checkOne` in batchCheck.ts: the same reader, `auditSubmission` and status row),
 * and posts each file's row back. It is sent the chosen File (a handle, no bytes) and reads the bytes itself
 * when it comes to that file, so the page's thread never reads or copies them and a file waiting here holds
 * nothing; only the file being checked is in memory. It keeps nothing between files.
 */
import { checkOne, unreadableFile } from './batchCheck';
import { inflatedAhead } from './nativeInflate';
import type { BatchTask, BatchReply } from './batchPool';

interface WorkerScope {
  onmessage: ((e: MessageEvent<BatchTask>) => void) | null;
  postMessage(message: BatchReply): void;
}

/** The synchronous reader workers have (every browser of the runtime floor); absent in tests, which use `arrayBuffer`. */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } } | undefined;

const scope = self as unknown as WorkerScope;
const queue: BatchTask[] = [];
let busy = false;

async function bytesOf(file: Blob): Promise<Uint8Array | null> {
  try {
    if (typeof FileReaderSync === 'function') return new Uint8Array(new FileReaderSync().readAsArrayBuffer(file));
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let task = queue.shift(); task; task = queue.shift()) {
      const bytes = await bytesOf(task.file);
      const status = bytes === null ? unreadableFile(task.name, task.lang, task.expected) : checkOne(task.name, bytes, task.settings, task.lang, task.expected, await inflatedAhead(bytes));
      scope.postMessage({ id: task.id, status });
    }
  } catch (e) {
    // Thrown where the page sees it (the worker's `error` event), as a throw from `onmessage` itself would be.
    setTimeout(() => {
      throw e;
    }, 0);
  } finally {
    busy = false;
  }
}

scope.onmessage = (e: MessageEvent<BatchTask>): void => {
  queue.push(e.data);
  void drain();
};
