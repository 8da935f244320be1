import { compileFields } from '../compare/compile.ts';
import type { RecordColumns } from '../prepare/columns.ts';
import type { LinkageSettings } from '../settings.ts';
import { runTask, type Task, type TaskContext, type TaskResult } from './tasks.ts';

/** Runs tasks and returns their results in task order, whatever thread ran them. */
export interface Executor {
  run(tasks: readonly Task[], onDone?: (done: number, total: number) => void): Promise<TaskResult[]>;
  close(): Promise<void>;
}

/** Runs tasks one after the other on the calling thread, letting the event loop breathe between. */
export function inProcessExecutor(columns: RecordColumns, settings: LinkageSettings): Executor {
  const context: TaskContext = { columns, fields: compileFields(columns, settings) };
  return {
    async run(tasks, onDone) {
      const results: TaskResult[] = [];
      for (const task of tasks) {
        results.push(runTask(context, task));
        onDone?.(results.length, tasks.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return results;
    },
    async close() {},
  };
}
