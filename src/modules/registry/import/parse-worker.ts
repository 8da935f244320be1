/**
 * Worker thread of an import: checks rows and encodes the accepted ones as COPY text, so the main
 * thread only loads them. It reads a whole file itself (XLSX), running at most CREDIT batches ahead
 * of the loading, or parses the CSV pieces the main thread sends, one batch per piece.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeCopyText } from '../../../platform/db/copy-format.ts';
import { AppError } from '../../../server/errors.ts';
import { splitRecords } from './csv-lines.ts';
import type { ChunkMessage, ParsedBatch, WorkerMessage, WorkerTask } from './parse-protocol.ts';
import { CREDIT } from './parse-protocol.ts';
import { type FileFormat, readRows, recordMaker } from './read-rows.ts';
import { type CheckContext, type CheckedRow, checkRow } from './row-checks.ts';
import { STAGED_FIELDS, STAGED_HOUSEHOLD_FIELDS } from './staging-columns.ts';

const task = workerData as WorkerTask;
const port = parentPort as NonNullable<typeof parentPort>;
const context: CheckContext = { desaCodes: new Set(task.desaCodes), today: task.today };

/**
 * A checked row's values in the order of a staging table's columns, read by a function compiled
 * from the fixed column list: one named read per column instead of a keyed read whose name changes
 * on every column.
 */
function valuesReader(fields: readonly string[]) {
  return new Function(
    'importId',
    'lineNo',
    'row',
    `return [importId, lineNo, ${fields.map((field) => `row.${field}`).join(', ')}];`,
  ) as (importId: number, lineNo: number, row: CheckedRow) => unknown[];
}
const personValues = valuesReader(STAGED_FIELDS);
const householdValues = valuesReader(STAGED_HOUSEHOLD_FIELDS);

/**
 * Accumulates one batch: accepted rows as COPY text lines, rejected rows with their reasons. A row
 * is encoded as soon as it is checked, so only its line outlives it until the batch is sent, not
 * its values and checked row: fewer objects for the garbage collector to carry. A household's own
 * columns repeat on each of its rows; they are staged from the first accepted row of each run of
 * its rows only, so a household's earliest accepted line always carries them.
 */
class BatchBuilder {
  private staged: string[] = [];
  private households: string[] = [];
  private rejected: ParsedBatch['rejected'] = [];
  private lastFamily: string | undefined;
  size = 0;

  add(lineNo: number, record: Record<string, string>): void {
    this.size++;
    const result = checkRow(record, context);
    if (result.ok) {
      this.staged.push(encodeCopyText([personValues(task.importId, lineNo, result.row)]));
      if (result.row.family_id !== this.lastFamily) {
        this.households.push(encodeCopyText([householdValues(task.importId, lineNo, result.row)]));
        this.lastFamily = result.row.family_id;
      }
    } else {
      this.rejected.push({ lineNo, raw: record, reasons: result.reasons });
    }
  }

  take(bytesRead: number): ParsedBatch {
    const batch = {
      rows: this.size,
      copyText: this.staged.join(''),
      householdCopyText: this.households.join(''),
      rejected: this.rejected,
      bytesRead,
    };
    this.staged = [];
    this.households = [];
    this.rejected = [];
    this.size = 0;
    return batch;
  }
}

const post = (message: WorkerMessage) => port.postMessage(message);

async function readFile() {
  let credit = CREDIT;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credit++;
    wake?.();
  });
  const send = async (batch: ParsedBatch) => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    post({ type: 'batch', batch });
  };
  const source = readRows(task.path, task.format as FileFormat);
  const builder = new BatchBuilder();
  for await (const { lineNo, record } of source.rows) {
    builder.add(lineNo, record);
    if (builder.size >= task.batchRows) await send(builder.take(source.bytesRead()));
  }
  await send(builder.take(source.totalBytes));
  post({ type: 'done' });
}

function parseChunks(header: string[]) {
  const builder = new BatchBuilder();
  const toRecord = recordMaker(header);
  port.on('message', (chunk: ChunkMessage) => {
    try {
      const text = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length).toString();
      for (const { lineNo, cells } of splitRecords(text, chunk.firstLine, true).records) {
        builder.add(lineNo, toRecord(cells));
      }
      post({ type: 'batch', batch: builder.take(chunk.endByte) });
    } catch (error) {
      fail(error);
    }
  });
}

function fail(error: unknown) {
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
  post({ type: 'error', error: failure });
}

if (task.mode === 'chunks') parseChunks(task.header);
else readFile().catch(fail);
