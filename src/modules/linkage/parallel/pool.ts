import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../platform/workers.ts';
import type { RecordColumns } from '../prepare/columns.ts';
import type { LinkageSettings } from '../settings.ts';
import { type Executor, inProcessExecutor } from './executor.ts';
import type { TaskResult } from './tasks.ts';

/**
 * A worker thread per core. The prepared columns live in shared memory, so starting a worker
 * copies only the token table. Tasks are handed out one at a time as workers become free.
 */
function startLinkageWorker(columns: RecordColumns, settings: LinkageSettings): Worker {
  return startWorker(import.meta.url, './worker', { columns, settings });
}

type Reply = { id: number; result?: TaskResult; error?: string };

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** An executor over `workers` threads; 0 runs everything on the calling thread. */
export function openExecutor(columns: RecordColumns, settings: LinkageSettings, workers: number): Executor {
  if (workers <= 0) return inProcessExecutor(columns, settings);
  const pool = Array.from({ length: workers }, () => startLinkageWorker(columns, settings));
  let failure: Error | undefined;
  const failAll: ((error: Error) => void)[] = [];
  for (const worker of pool) {
    worker.on('error', (error) => {
      failure = error;
      for (const fail of failAll) fail(error);
    });
  }
  return {
    run(tasks, onDone) {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<TaskResult[]>((resolve, reject) => {
        const results: TaskResult[] = new Array(tasks.length);
        let next = 0;
        let done = 0;
        let settled = false;
        const finish = (error?: Error) => {
          if (settled) return;
          settled = true;
          for (const worker of pool) worker.removeAllListeners('message');
          failAll.length = 0;
          if (error === undefined) resolve(results);
          else reject(error);
        };
        failAll.push((error) => finish(error));
        const feed = (worker: Worker) => {
          if (next >= tasks.length) return;
          const id = next++;
          worker.postMessage({ id, task: tasks[id] });
        };
        for (const worker of pool) {
          worker.on('message', (reply: Reply) => {
            if (reply.error !== undefined) return finish(new Error(`linkage worker failed: ${reply.error}`));
            results[reply.id] = reply.result as TaskResult;
            done++;
            onDone?.(done, tasks.length);
            if (done === tasks.length) finish();
            else feed(worker);
          });
          feed(worker);
        }
        if (tasks.length === 0) finish();
      });
    },
    async close() {
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}
