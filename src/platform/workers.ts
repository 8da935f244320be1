import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module beside the caller (`./name`, without extension). From
 * TypeScript sources (tsx, vitest) the worker registers tsx before loading `name.ts`; from a build
 * it loads the compiled `name.js`.
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (callerUrl.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL(`${name}.ts`, callerUrl).href;
    const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(code, { eval: true, execArgv: [], workerData });
  }
  return new Worker(new URL(`${name}.js`, callerUrl), { workerData });
}
