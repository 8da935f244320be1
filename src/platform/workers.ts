import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module next to the caller. From TypeScript sources (tsx, vitest) the
 * worker registers tsx before loading the module; from a build it loads the compiled `.js` file.
 */
export function startWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (moduleUrl.pathname.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
    return new Worker(code, { eval: true, execArgv: [], workerData });
  }
  return new Worker(moduleUrl, { workerData });
}
