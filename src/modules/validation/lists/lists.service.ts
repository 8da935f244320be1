import { stringify } from 'csv-stringify/sync';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/index.ts';
import type { JobRunner } from '../../../platform/jobs/index.ts';
import { isIdentityField, maskIdentifier } from '../../../platform/masking.ts';
import { badRequest, notFound } from '../../../server/errors.ts';
import { REGISTRY_PERMISSIONS } from '../../registry/index.ts';
import { VALIDATION_PERMISSIONS as P } from '../permissions.ts';
import { LIST_COLUMNS, LIST_KINDS, type ListKind } from './list-checks.ts';
import { type ListImportSummary, runListImport } from './list-import.ts';
import * as repo from './lists.repository.ts';

export interface ListImportRequest {
  kind: string;
  path: string;
  fileName: string;
}

export function checkCanImportLists(actor: Actor): void {
  requirePermission(actor, P.importLists);
}

export function parseListKind(kind: string): ListKind {
  const found = LIST_KINDS.find((k) => k === kind);
  if (!found) {
    throw badRequest(
      `Jenis daftar "${kind}" tidak dikenal: gunakan death (register kematian) atau asn (daftar ASN/TNI/Polri)`,
      `Unknown list kind "${kind}": use death (death register) or asn (ASN/TNI/Polri list)`,
    );
  }
  return found;
}

/** Starts a list import as a job; its summary is the job's result. */
export async function startListImportJob(
  db: Db,
  jobs: JobRunner,
  actor: Actor,
  request: ListImportRequest,
  options: { afterwards?: () => Promise<void>; onProgress?: (rowsRead: number) => void } = {},
): Promise<{ jobId: number; done: Promise<ListImportSummary> }> {
  requirePermission(actor, P.importLists);
  const kind = parseListKind(request.kind);
  const { id, done } = await jobs.start(
    'list_import',
    { kind, file_name: request.fileName },
    actor.id,
    async (job) => {
      try {
        return await runListImport(db, {
          kind,
          path: request.path,
          fileName: request.fileName,
          createdBy: actor.id,
          jobId: job.id,
          onProgress: (rows) => {
            job.progress(rows, null, 'reading');
            options.onProgress?.(rows);
          },
          onCommit: (tx, listId) =>
            recordAudit(tx, actor, {
              action: 'validation.list_import',
              subjectType: 'external_list',
              subjectId: listId,
              details: { kind, file_name: request.fileName },
            }),
        });
      } finally {
        await options.afterwards?.();
      }
    },
  );
  return { jobId: id, done };
}

export async function listLists(
  db: Db,
  actor: Actor,
  query: { kind?: string; limit: number; offset: number },
) {
  requirePermission(actor, P.importLists);
  const kind = query.kind ? parseListKind(query.kind) : null;
  return repo.listLists(db, kind, query.limit, query.offset);
}

export async function getList(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.importLists);
  const list = await repo.findList(db, id);
  if (!list) throw notFound(`Daftar #${id} tidak ditemukan`, `List #${id} not found`);
  return list;
}

export async function listRejects(
  db: Db,
  actor: Actor,
  id: number,
  page: { afterLine: number; limit: number },
) {
  await getList(db, actor, id);
  const rows = await repo.listRejects(db, id, page.afterLine, page.limit);
  return actor.permissions.has(REGISTRY_PERMISSIONS.readIdentity) ? rows : rows.map(maskRaw);
}

function maskRaw(row: repo.ListRejectRecord): repo.ListRejectRecord {
  const raw = Object.fromEntries(
    Object.entries(row.raw).map(([column, value]) => [
      column,
      isIdentityField(column) ? maskIdentifier(value) : value,
    ]),
  );
  return { ...row, raw };
}

/** The rejected rows as CSV: line, reasons, then the row as it was in the file; read page by page. */
export async function* rejectsCsv(db: Db, actor: Actor, id: number): AsyncIterable<string> {
  const list = await getList(db, actor, id);
  await recordAudit(db, actor, {
    action: 'export.list_rejects',
    subjectType: 'external_list',
    subjectId: id,
  });
  const columns = LIST_COLUMNS[list.kind];
  yield stringify([['baris', 'alasan', 'reasons', ...columns]]);
  let afterLine = 0;
  for (;;) {
    const rows = await listRejects(db, actor, id, { afterLine, limit: CSV_PAGE });
    yield stringify(
      rows.map((row) => [
        row.line_no,
        row.reasons.map((r) => `${r.field}: ${r.message}`).join('; '),
        row.reasons.map((r) => `${r.field}: ${r.message_en}`).join('; '),
        ...columns.map((column) => row.raw[column] ?? ''),
      ]),
    );
    if (rows.length < CSV_PAGE) return;
    afterLine = rows[rows.length - 1]?.line_no ?? afterLine;
  }
}

const CSV_PAGE = 5000;
