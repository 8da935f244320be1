import type { RejectedRow } from './import.repository.ts';

/** What the import's worker threads are asked to do (parse-worker.ts). */
export interface ParseRequest {
  path: string;
  format: string;
  importId: number;
  desaCodes: string[];
  today: string;
  batchRows: number;
}

/**
 * What one worker is given: a whole file to read (XLSX, one worker), or the checked header of a
 * CSV file whose pieces arrive as ChunkMessages (several workers side by side).
 */
export type WorkerTask = ParseRequest & ({ mode: 'file' } | { mode: 'chunks'; header: string[] });

export interface ChunkMessage {
  bytes: Uint8Array;
  firstLine: number;
  endByte: number;
}

export interface ParsedBatch {
  /** Rows read in this batch, accepted or not. */
  rows: number;
  /** The accepted rows in COPY text format, in STAGED_COLUMNS order. */
  copyText: string;
  /** The household columns of the first accepted row of each run of a household's rows, in STAGED_HOUSEHOLD_COLUMNS order. */
  householdCopyText: string;
  rejected: RejectedRow[];
  bytesRead: number;
}

export interface WorkerFailure {
  statusCode?: number;
  code?: string;
  message: string;
  messageEn?: string;
  details?: unknown;
}

export type WorkerMessage =
  | { type: 'batch'; batch: ParsedBatch }
  | { type: 'done' }
  | { type: 'error'; error: WorkerFailure };

/** Batches a worker may have parsed ahead of the loading: bounds memory, keeps the threads busy. */
export const CREDIT = 2;
