import { parentPort, workerData } from 'node:worker_threads';
import { compileFields } from '../compare/compile.ts';
import type { RecordColumns } from '../prepare/columns.ts';
import type { LinkageSettings } from '../settings.ts';
import { runTask, type Task, type TaskContext, type TaskResult } from './tasks.ts';

/** A worker thread of the pool: compiles the fields once, then runs the tasks it is sent. */
const { columns, settings } = workerData as { columns: RecordColumns; settings: LinkageSettings };
const context: TaskContext = { columns, fields: compileFields(columns, settings) };

/** The result's own buffers move to the main thread instead of being copied. */
function transferables(result: TaskResult): ArrayBuffer[] {
  if ('patterns' in result)
    return [result.patterns.buffer as ArrayBuffer, result.counts.buffer as ArrayBuffer];
  const p = result.pairs;
  return [p.left, p.right, p.weight, p.levels, p.fieldWeights].map((a) => a.buffer as ArrayBuffer);
}

parentPort?.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    const result = runTask(context, task);
    parentPort?.postMessage({ id, result }, transferables(result));
  } catch (error) {
    parentPort?.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
