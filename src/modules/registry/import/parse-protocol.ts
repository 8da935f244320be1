import type { RejectedRow } from './import.repository.ts';

/** What the import's worker thread is asked to do (parse-worker.ts). */
export interface ParseRequest {
  path: string;
  format: string;
  importId: number;
  desaCodes: string[];
  today: string;
  batchRows: number;
}

export interface ParsedBatch {
  /** Rows read in this batch, accepted or not. */
  rows: number;
  /** The accepted rows in COPY text format, in STAGED_COLUMNS order. */
  copyText: string;
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

/** Batches the worker may have parsed ahead of the loading: bounds memory, keeps both threads busy. */
export const CREDIT = 2;
