/**
 * A Web Worker of 批量校验报送 (batchPool.ts): checks the files it is sent, one at a time, as the page's own
 * loop does (`checkOne` in batchCheck.ts: the same reader, `auditSubmission` and status row), and posts
 * each file's row back. It keeps nothing between files.
 */
import { checkOne } from './batchCheck';
import type { BatchTask, BatchReply } from './batchPool';

interface WorkerScope {
  onmessage: ((e: MessageEvent<BatchTask>) => void) | null;
  postMessage(message: BatchReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e: MessageEvent<BatchTask>): void => {
  const task = e.data;
  const status = checkOne(task.name, new Uint8Array(task.bytes), task.settings, task.lang, task.expected);
  scope.postMessage({ id: task.id, status });
};
