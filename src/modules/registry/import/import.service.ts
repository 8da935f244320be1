import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Db, Queryable } from '../../../platform/db/index.ts';
import { AppError, badRequest } from '../../../server/errors.ts';
import { desaCodesOf } from '../../regions/index.ts';
import { isPeriod } from '../period.ts';
import { recount } from '../summary.repository.ts';
import * as repo from './import.repository.ts';
import { parseInWorker } from './parse-in-worker.ts';
import { detectFormat, type FileFormat, readRows } from './read-rows.ts';

export type ImportPhase = 'reading' | 'checking' | 'committing';

export interface ImportInput {
  path: string;
  fileName: string;
  period: string;
  createdBy: string;
  kabupatenCode: string;
  jobId?: number;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** Runs inside the commit's transaction (the audit row), so the import and it stand or fall together. */
  onCommit?: (
    tx: Queryable,
    commit: { importId: number; sha256: string; households: number; persons: number },
  ) => Promise<void>;
}

export interface ImportSummary {
  importId: number;
  status: 'committed' | 'unchanged' | 'failed';
  period: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  households: number;
  persons: number;
  message: string;
}

const BATCH_ROWS = 5000;

/**
 * Imports one quarterly file as the snapshot of its period. Rows are read and checked in a worker
 * thread and staged in batches while the next batch is read (memory stays flat), rejected rows are kept with every reason, and the registry and snapshot change
 * in one transaction at the end: a crash before it leaves the registry as it was.
 */
export async function runImport(db: Db, input: ImportInput): Promise<ImportSummary> {
  if (!isPeriod(input.period)) {
    throw badRequest(
      `Periode "${input.period}" harus berbentuk TTTT-Qn, misalnya 2025-Q3`,
      `Period "${input.period}" must look like YYYY-Qn, e.g. 2025-Q3`,
    );
  }
  const format = detectFormat(input.fileName);
  const sha256 = await hashFile(input.path);
  const importId = await startImportRecord(db, input, sha256);

  const sameFile = await repo.findCommittedSameFile(db, input.period, sha256);
  if (sameFile) {
    await repo.recordUnchanged(db, importId, sameFile);
    return {
      importId,
      status: 'unchanged',
      period: input.period,
      rowsTotal: sameFile.rows_total,
      rowsAccepted: sameFile.rows_accepted,
      rowsRejected: sameFile.rows_rejected,
      households: sameFile.households,
      persons: sameFile.persons,
      message: `Berkas yang sama sudah diimpor untuk ${input.period} (impor #${sameFile.id}); tidak ada perubahan.`,
    };
  }

  let rowsTotal = 0;
  let rowsRejected = 0;
  try {
    const batches = parseInWorker({
      path: input.path,
      format,
      importId,
      desaCodes: await desaCodesOf(db, input.kabupatenCode),
      today: new Date().toISOString().slice(0, 10),
      batchRows: BATCH_ROWS,
    });
    const totalBytes = statSync(input.path).size;
    for await (const batch of batches) {
      await repo.stageCopyText(db, batch.copyText, batch.householdCopyText);
      await repo.insertRejects(db, importId, batch.rejected);
      rowsTotal += batch.rows;
      rowsRejected += batch.rejected.length;
      input.onProgress?.('reading', batch.bytesRead, totalBytes);
    }
    await repo.analyzeStaging(db);

    input.onProgress?.('checking', 0, 1);
    rowsRejected += await rejectCrossRowProblems(db, importId, input.path, format);
    // Every row not rejected is staged: the accepted people are the rest.
    const persons = rowsTotal - rowsRejected;
    if (persons === 0) {
      const message =
        rowsTotal === 0
          ? 'Berkas tidak memuat baris data'
          : `Semua ${rowsTotal} baris ditolak; registri tidak berubah. Unduh baris yang ditolak untuk melihat alasannya.`;
      await repo.markFailed(db, importId, message, { rowsTotal, rowsRejected });
      return {
        importId,
        status: 'failed',
        period: input.period,
        rowsTotal,
        rowsAccepted: 0,
        rowsRejected,
        households: 0,
        persons: 0,
        message,
      };
    }

    input.onProgress?.('committing', 0, 1);
    const counts = await db.transaction(async (tx) => {
      await repo.raiseMemoryForBulkWork(tx);
      await repo.commitWithoutWaitingForDisk(tx);
      const latest = await repo.isLatestPeriod(tx, input.period);
      const firstImport = await repo.isRegistryEmpty(tx);
      await repo.collectHouseholds(tx, importId);
      const counts = { persons, households: await repo.countCollectedHouseholds(tx) };
      await repo.writeSnapshot(tx, importId, input.period);
      await repo.mergeIntoRegistry(tx, importId, input.period, latest);
      await repo.markCommitted(tx, importId, input.period, { rowsTotal, rowsRejected, ...counts });
      // Beranda's counts follow the latest period; an older period's import leaves them as they are.
      if (firstImport) await repo.countFirstImport(tx, input.period);
      else if (latest) await recount(tx);
      await input.onCommit?.(tx, { importId, sha256, ...counts });
      return counts;
    });
    // Statistics only speed up later queries: the import has committed and must not be marked failed.
    await repo.refreshStatistics(db).catch(() => undefined);
    input.onProgress?.('committing', 1, 1);
    return {
      importId,
      status: 'committed',
      period: input.period,
      rowsTotal,
      rowsAccepted: counts.persons,
      rowsRejected,
      households: counts.households,
      persons: counts.persons,
      message: `${counts.persons} orang dalam ${counts.households} keluarga diimpor untuk ${input.period}; ${rowsRejected} baris ditolak.`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.markFailed(db, importId, message, { rowsTotal, rowsRejected });
    throw error;
  }
}

/**
 * Moves the rows that contradict other rows of the file from staging to rejects. Their raw content
 * is read again from the file, so staging need not carry every row's raw text.
 */
async function rejectCrossRowProblems(
  db: Db,
  importId: number,
  path: string,
  format: FileFormat,
): Promise<number> {
  const problems = await db.transaction(async (tx) => {
    await repo.raiseMemoryForBulkWork(tx);
    return repo.findCrossRowProblems(tx, importId);
  });
  if (problems.length === 0) return 0;
  const reasonsByLine = new Map(problems.map((problem) => [problem.line_no, problem.reasons]));
  let batch: repo.RejectedRow[] = [];
  for await (const { lineNo, record } of readRows(path, format).rows) {
    const reasons = reasonsByLine.get(lineNo);
    if (reasons) batch.push({ lineNo, raw: record, reasons });
    if (batch.length >= BATCH_ROWS) {
      await repo.insertRejects(db, importId, batch);
      batch = [];
    }
  }
  await repo.insertRejects(db, importId, batch);
  await repo.unstage(db, importId, [...reasonsByLine.keys()]);
  return problems.length;
}

async function startImportRecord(db: Db, input: ImportInput, sha256: string): Promise<number> {
  try {
    return await repo.insertImport(db, { ...input, sha256, jobId: input.jobId ?? null });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError(
        409,
        'import_running',
        'Impor lain sedang berjalan; tunggu sampai selesai',
        'Another import is running; wait until it ends',
      );
    }
    throw error;
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
