/**
 * A batch-check worker thread: says it is ready once the checker is loaded, then checks the files it is
 * sent, one at a time, and posts each result back.
 */
import '../codepages';
import { parentPort } from 'node:worker_threads';
import { checkFile, type CheckFileOptions } from './check';

interface Task {
  readonly id: number;
  readonly file: string;
  readonly options: CheckFileOptions;
}

let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (task: Task) => {
  queue = queue.then(async () => {
    const result = await checkFile(task.file, task.options);
    parentPort?.postMessage({ id: task.id, result });
  });
});

parentPort?.postMessage({ ready: true });
