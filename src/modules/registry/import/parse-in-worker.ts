import { startWorker } from '../../../platform/workers.ts';
import { AppError } from '../../../server/errors.ts';
import type { ParsedBatch, ParseRequest, WorkerMessage } from './parse-protocol.ts';

/**
 * Parses and checks a file in a worker thread, yielding its batches in order. Each batch taken
 * lets the worker parse one more, so reading and loading overlap without running away in memory.
 */
export async function* parseInWorker(request: ParseRequest): AsyncIterable<ParsedBatch> {
  const worker = startWorker(import.meta.url, './parse-worker', request);
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | undefined;
  const push = (message: WorkerMessage) => {
    queue.push(message);
    notify?.();
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'error', error: { message: error.message } }));
  worker.on('exit', (code) => {
    if (code !== 0) push({ type: 'error', error: { message: `import worker stopped (exit code ${code})` } });
  });
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift() as WorkerMessage;
      if (message.type === 'done') return;
      if (message.type === 'error') {
        const { statusCode, code, message: text, messageEn, details } = message.error;
        throw statusCode
          ? new AppError(statusCode, code ?? 'bad_request', text, messageEn, details)
          : new Error(text);
      }
      yield message.batch;
      worker.postMessage('next');
    }
  } finally {
    await worker.terminate();
  }
}
