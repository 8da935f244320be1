import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db, Queryable } from '../../../platform/db/index.ts';
import {
  type AsnEntry,
  checkAsnRow,
  checkDeathRow,
  type DeathEntry,
  type ListCheckContext,
  type ListKind,
  type ListRejectReason,
  REQUIRED_LIST_COLUMNS,
} from './list-checks.ts';
import * as repo from './lists.repository.ts';
import { listFileFormat, readListRows } from './read-list-rows.ts';

export interface ListImportInput {
  kind: ListKind;
  path: string;
  fileName: string;
  createdBy: string;
  jobId?: number;
  onProgress?: (rowsRead: number) => void;
  /** Runs inside the commit's transaction (the audit row). */
  onCommit?: (tx: Queryable, listId: number) => Promise<void>;
}

export interface ListImportSummary {
  listId: number;
  kind: ListKind;
  status: 'committed' | 'failed';
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** The list this one replaced as the current list of its kind. */
  replaced: number | null;
  message: string;
}

const BATCH_ROWS = 2000;

/**
 * Imports a death register or an ASN list. All or nothing: the accepted rows, the rejected rows
 * and the switch of the current list happen in one transaction, so a failure leaves the previous
 * list current and no half-read list behind. Lists are small (about 1 % of the population), so
 * holding the transaction while the file is read costs little.
 */
export async function runListImport(db: Db, input: ListImportInput): Promise<ListImportSummary> {
  const format = listFileFormat(input.fileName);
  const sha256 = await hashFile(input.path);
  const listId = await repo.insertList(db, {
    kind: input.kind,
    jobId: input.jobId ?? null,
    fileName: input.fileName,
    sha256,
    createdBy: input.createdBy,
  });
  const counts = { rowsTotal: 0, rowsAccepted: 0, rowsRejected: 0 };
  try {
    const known = await repo.knownDesaCodes(db);
    const context: ListCheckContext = {
      isKnownDesa: (code) => known.has(code),
      today: new Date().toISOString().slice(0, 10),
      seen: new Set(),
    };
    return await db.transaction(async (tx) => {
      const previous = await repo.currentList(tx, input.kind);
      const batch = new Batch(tx, input.kind, listId);
      for await (const { lineNo, record } of readListRows(
        input.path,
        format,
        REQUIRED_LIST_COLUMNS[input.kind],
      )) {
        counts.rowsTotal++;
        const result = input.kind === 'death' ? checkDeathRow(record, context) : checkAsnRow(record, context);
        if (result.ok) {
          counts.rowsAccepted++;
          await batch.accept(lineNo, result.entry);
        } else {
          counts.rowsRejected++;
          await batch.reject(lineNo, record, result.reasons);
        }
        if (counts.rowsTotal % BATCH_ROWS === 0) input.onProgress?.(counts.rowsTotal);
      }
      await batch.flush();
      input.onProgress?.(counts.rowsTotal);
      if (counts.rowsAccepted === 0) {
        // The rejected rows stay (downloadable); the previous list remains the current one.
        const message =
          counts.rowsTotal === 0
            ? 'Berkas tidak memuat baris data; daftar sebelumnya tetap dipakai.'
            : `Semua ${counts.rowsTotal} baris ditolak; daftar sebelumnya tetap dipakai. Unduh baris yang ditolak untuk melihat alasannya.`;
        await repo.markFailed(tx, listId, message, counts);
        return { listId, kind: input.kind, status: 'failed', ...counts, replaced: null, message };
      }
      await repo.commitList(tx, listId, input.kind, counts);
      await input.onCommit?.(tx, listId);
      return {
        listId,
        kind: input.kind,
        status: 'committed',
        ...counts,
        replaced: previous?.id ?? null,
        message: `${counts.rowsAccepted} baris diterima, ${counts.rowsRejected} baris ditolak${previous ? `; menggantikan daftar #${previous.id}` : ''}.`,
      };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.markFailed(db, listId, message, counts);
    throw error;
  }
}

/** Accepted and rejected rows, written in batches by COPY. */
class Batch {
  private accepted: { lineNo: number; entry: DeathEntry | AsnEntry }[] = [];
  private rejected: { lineNo: number; raw: Record<string, string>; reasons: ListRejectReason[] }[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly kind: ListKind,
    private readonly listId: number,
  ) {}

  async accept(lineNo: number, entry: DeathEntry | AsnEntry): Promise<void> {
    this.accepted.push({ lineNo, entry });
    if (this.accepted.length >= BATCH_ROWS) await this.flush();
  }

  async reject(lineNo: number, raw: Record<string, string>, reasons: ListRejectReason[]): Promise<void> {
    this.rejected.push({ lineNo, raw, reasons });
    if (this.rejected.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.accepted.length > 0) {
      // The kind decided which check made the entries, so they are all of that kind's type.
      if (this.kind === 'death')
        await repo.insertDeathEntries(
          this.tx,
          this.listId,
          this.accepted as { lineNo: number; entry: DeathEntry }[],
        );
      else
        await repo.insertAsnEntries(
          this.tx,
          this.listId,
          this.accepted as { lineNo: number; entry: AsnEntry }[],
        );
    }
    if (this.rejected.length > 0) await repo.insertRejects(this.tx, this.listId, this.rejected);
    this.accepted = [];
    this.rejected = [];
  }
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
