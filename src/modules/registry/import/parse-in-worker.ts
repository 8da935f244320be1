import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../platform/workers.ts';
import { AppError } from '../../../server/errors.ts';
import { csvChunks } from './csv-chunks.ts';
import type { ParsedBatch, ParseRequest, WorkerMessage, WorkerTask } from './parse-protocol.ts';
import { CREDIT } from './parse-protocol.ts';
import { readCsvHeader } from './read-rows.ts';

/**
 * Checking rows costs far more than loading them, so a CSV file is parsed by two worker threads side
 * by side (this machine class has two cores; the database works while they do).
 */
const CSV_WORKERS = 2;
/** A CSV row of the DTSEN format is about 330 bytes: pieces of about batchRows rows. */
const BYTES_PER_ROW = 330;

/**
 * Parses and checks a file in worker threads, yielding its batches in file order. Workers run at
 * most CREDIT batches ahead of the loading, so reading and loading overlap without running away in
 * memory. XLSX is read by one worker; a CSV file is cut into pieces that two workers share.
 */
export async function* parseInWorker(request: ParseRequest): AsyncIterable<ParsedBatch> {
  if (request.format !== 'csv') {
    yield* readInOneWorker(request);
    return;
  }
  const { header, nextByte, nextLine } = await readCsvHeader(request.path);
  const task: WorkerTask = { ...request, mode: 'chunks', header };
  const workers = Array.from(
    { length: CSV_WORKERS },
    () => new Replies(startWorker(import.meta.url, './parse-worker', task)),
  );
  try {
    const inFlight: Promise<ParsedBatch>[] = [];
    let turn = 0;
    for await (const chunk of csvChunks(
      request.path,
      request.batchRows * BYTES_PER_ROW,
      nextByte,
      nextLine,
    )) {
      const worker = workers[turn++ % workers.length] as Replies;
      inFlight.push(worker.next());
      worker.worker.postMessage(chunk);
      if (inFlight.length >= CSV_WORKERS * CREDIT) yield await (inFlight.shift() as Promise<ParsedBatch>);
    }
    for (const batch of inFlight) yield await batch;
  } finally {
    await Promise.all(workers.map((replies) => replies.worker.terminate()));
  }
}

async function* readInOneWorker(request: ParseRequest): AsyncIterable<ParsedBatch> {
  const replies = new Replies(startWorker(import.meta.url, './parse-worker', { ...request, mode: 'file' }));
  try {
    for (;;) {
      const batch = await replies.next();
      if (!batch) return;
      yield batch;
      replies.worker.postMessage('next');
    }
  } finally {
    await replies.worker.terminate();
  }
}

/** A worker's replies in order: each next() is the following batch (undefined once it is done). */
class Replies {
  private readonly waiting: { resolve(batch: ParsedBatch | undefined): void; reject(error: Error): void }[] =
    [];
  private readonly arrived: WorkerMessage[] = [];

  constructor(readonly worker: Worker) {
    worker.on('message', (message: WorkerMessage) => this.deliver(message));
    worker.on('error', (error) => this.deliver({ type: 'error', error: { message: error.message } }));
    worker.on('exit', (code) => {
      if (code !== 0)
        this.deliver({ type: 'error', error: { message: `import worker stopped (exit code ${code})` } });
    });
  }

  next(): Promise<ParsedBatch> {
    const promise = new Promise<ParsedBatch | undefined>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.settle();
    });
    // A failure is reported where the batch is awaited; until then it must not count as unhandled.
    promise.catch(() => undefined);
    return promise as Promise<ParsedBatch>;
  }

  private deliver(message: WorkerMessage) {
    this.arrived.push(message);
    this.settle();
  }

  private settle() {
    while (this.waiting.length > 0 && this.arrived.length > 0) {
      const message = this.arrived[0] as WorkerMessage;
      const waiter = this.waiting.shift() as (typeof this.waiting)[number];
      // An error answers every later request too.
      if (message.type !== 'error') this.arrived.shift();
      if (message.type === 'batch') waiter.resolve(message.batch);
      else if (message.type === 'done') waiter.resolve(undefined);
      else waiter.reject(toError(message.error));
    }
  }
}

function toError(failure: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  const { statusCode, code, message, messageEn, details } = failure;
  return statusCode
    ? new AppError(statusCode, code ?? 'bad_request', message, messageEn, details)
    : new Error(message);
}
