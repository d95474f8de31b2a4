/**
 * A Web Worker of 批量校验报送 (batchPool.ts): checks the files it is sent, one at a time and in the order sent,
 * as the page's own loop does (`checkOne` in batchCheck.ts: the same reader, `auditSubmission` and status row),
 * and posts each file's row back. It is sent the chosen File (a handle, no bytes) and reads the bytes itself,
 * so the page's thread never reads or copies them. A file is read as soon as it is handed over (the pool hands
 * a worker the next file while it checks the current one), asynchronously, so its bytes are there when the
 * worker comes to it instead of the worker waiting on the read: at most two files' bytes here, the one being
 * checked and the next. It keeps nothing between files.
 */
import { checkOne, unreadableFile } from './batchCheck';
import { inflatedAhead } from './nativeInflate';
import type { BatchTask, BatchReply } from './batchPool';

interface WorkerScope {
  onmessage: ((e: MessageEvent<BatchTask>) => void) | null;
  postMessage(message: BatchReply): void;
}

/** The synchronous reader workers have (every browser of the runtime floor): only where Blob has no `arrayBuffer`. */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } } | undefined;

const scope = self as unknown as WorkerScope;
const queue: { readonly task: BatchTask; readonly bytes: Promise<Uint8Array | null> }[] = [];
let busy = false;

async function bytesOf(file: Blob): Promise<Uint8Array | null> {
  try {
    if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
    if (typeof FileReaderSync === 'function') return new Uint8Array(new FileReaderSync().readAsArrayBuffer(file));
    return null;
  } catch {
    return null;
  }
}

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { task } = next;
      const bytes = await next.bytes;
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
  queue.push({ task: e.data, bytes: bytesOf(e.data.file) });
  void drain();
};
