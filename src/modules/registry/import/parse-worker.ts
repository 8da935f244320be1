/**
 * Worker thread of an import: reads the file, checks each row and encodes the accepted rows as COPY
 * text, so the main thread only loads them. It runs at most CREDIT batches ahead of the loading.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeCopyText } from '../../../platform/db/copy-format.ts';
import { AppError } from '../../../server/errors.ts';
import type { ParsedBatch, ParseRequest, WorkerMessage } from './parse-protocol.ts';
import { CREDIT } from './parse-protocol.ts';
import { type FileFormat, readRows } from './read-rows.ts';
import { checkRow } from './row-checks.ts';
import { STAGED_FIELDS } from './staging-columns.ts';

const request = workerData as ParseRequest;
const port = parentPort as NonNullable<typeof parentPort>;
let credit = CREDIT;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});

async function send(batch: ParsedBatch) {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage({ type: 'batch', batch } satisfies WorkerMessage);
}

async function run() {
  const desaCodes = new Set(request.desaCodes);
  const source = readRows(request.path, request.format as FileFormat);
  let staged: unknown[][] = [];
  let batch: ParsedBatch = emptyBatch();
  for await (const { lineNo, record } of source.rows) {
    batch.rows++;
    const result = checkRow(record, { desaCodes, today: request.today });
    if (result.ok) {
      staged.push([request.importId, lineNo, ...STAGED_FIELDS.map((field) => result.row[field])]);
    } else {
      batch.rejected.push({ lineNo, raw: record, reasons: result.reasons });
    }
    if (staged.length + batch.rejected.length >= request.batchRows) {
      await send({ ...batch, copyText: encodeCopyText(staged), bytesRead: source.bytesRead() });
      staged = [];
      batch = emptyBatch();
    }
  }
  await send({ ...batch, copyText: encodeCopyText(staged), bytesRead: source.totalBytes });
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

function emptyBatch(): ParsedBatch {
  return { rows: 0, copyText: '', rejected: [], bytesRead: 0 };
}

run().catch((error: unknown) => {
  const failure =
    error instanceof AppError
      ? {
          statusCode: error.statusCode,
          code: error.code,
          message: error.message,
          messageEn: error.messageEn,
          details: error.details,
        }
      : { message: error instanceof Error ? error.message : String(error) };
  port.postMessage({ type: 'error', error: failure } satisfies WorkerMessage);
});
