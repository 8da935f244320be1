import { stringify } from 'csv-stringify/sync';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/index.ts';
import type { JobRunner } from '../../../platform/jobs/index.ts';
import { isIdentityField, maskIdentifier } from '../../../platform/masking.ts';
import { notFound } from '../../../server/errors.ts';
import { IMPORT_COLUMNS } from '../import-format.ts';
import { REGISTRY_PERMISSIONS as P } from '../permissions.ts';
import * as repo from './import.repository.ts';
import { type ImportPhase, type ImportSummary, runImport } from './import.service.ts';

export interface ImportRequest {
  path: string;
  fileName: string;
  period: string;
  kabupatenCode: string;
}

export function checkCanImport(actor: Actor): void {
  requirePermission(actor, P.import);
}

/** Starts an import as a job; its progress and, at the end, its summary are read from the job. */
export async function startImportJob(
  db: Db,
  jobs: JobRunner,
  actor: Actor,
  request: ImportRequest,
  options: {
    /** Runs when the import ends, however it ends (the server removes the uploaded file). */
    afterwards?: () => Promise<void>;
    /** Follows the progress directly (the CLI's progress bar). */
    onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  } = {},
): Promise<{ jobId: number; done: Promise<ImportSummary> }> {
  requirePermission(actor, P.import);
  const { id, done } = await jobs.start(
    'import',
    { period: request.period, file_name: request.fileName },
    actor.id,
    async (job) => {
      try {
        return await runImport(db, {
          ...request,
          createdBy: actor.id,
          jobId: job.id,
          onProgress: (phase, doneBytes, total) => {
            job.progress(doneBytes, total, phase);
            options.onProgress?.(phase, doneBytes, total);
          },
          onCommit: (tx, commit) =>
            recordAudit(tx, actor, {
              action: 'registry.import',
              subjectType: 'import',
              subjectId: commit.importId,
              details: { period: request.period, file_name: request.fileName, ...commit },
            }),
        });
      } finally {
        await options.afterwards?.();
      }
    },
  );
  return { jobId: id, done };
}

export async function listImports(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  requirePermission(actor, P.import);
  return repo.listImports(db, page.limit, page.offset);
}

export async function getImport(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.import);
  const record = await repo.findImport(db, id);
  if (!record) throw notFound(`Impor #${id} tidak ditemukan`, `Import #${id} not found`);
  return record;
}

/** Rejected rows hold personal data, so a scoped actor sees only the rows of their own desa. */
function rejectScope(actor: Actor): string[] | null {
  if (actor.scope.all) return null;
  return [...actor.scope.desaCodes, ...actor.scope.desaCodes.map((code) => code.replaceAll('.', ''))];
}

export async function listRejects(
  db: Db,
  actor: Actor,
  id: number,
  page: { afterLine: number; limit: number },
) {
  await getImport(db, actor, id);
  return repo.listRejects(db, id, page.afterLine, page.limit, rejectScope(actor));
}

/** The rejected rows as CSV: line, reasons, then the row as it was in the file; read page by page. */
export async function* rejectsCsv(db: Db, actor: Actor, id: number): AsyncIterable<string> {
  await getImport(db, actor, id);
  const scope = rejectScope(actor);
  await recordAudit(db, actor, { action: 'export.import_rejects', subjectType: 'import', subjectId: id });
  const masked = !actor.permissions.has(P.readIdentity);
  const cell = (column: string, value: string) =>
    masked && isIdentityField(column) ? maskIdentifier(value) : value;
  yield stringify([['baris', 'alasan', ...IMPORT_COLUMNS]]);
  let afterLine = 0;
  for (;;) {
    const rows = await repo.listRejects(db, id, afterLine, CSV_PAGE, scope);
    yield stringify(
      rows.map((row) => [
        row.line_no,
        row.reasons.map((r) => `${r.field}: ${r.message}`).join('; '),
        ...IMPORT_COLUMNS.map((column) => cell(column, row.raw[column] ?? '')),
      ]),
    );
    if (rows.length < CSV_PAGE) return;
    afterLine = rows[rows.length - 1]?.line_no ?? afterLine;
  }
}

const CSV_PAGE = 5000;
