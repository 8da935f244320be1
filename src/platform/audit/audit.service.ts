import { stringify } from 'csv-stringify/sync';
import { type Actor, requirePermission } from '../actor.ts';
import type { Db } from '../db/index.ts';
import { type AuditFilter, type AuditRow, searchAudit as search } from './audit.repository.ts';
import { recordAudit } from './record.ts';

export const AUDIT_PERMISSIONS = { read: 'audit.read' } as const;

export async function searchAudit(
  db: Db,
  actor: Actor,
  filter: AuditFilter,
  page: { before?: number; limit: number },
): Promise<AuditRow[]> {
  requirePermission(actor, AUDIT_PERMISSIONS.read);
  return search(db, filter, page);
}

const CSV_COLUMNS = [
  'id',
  'at',
  'actor_id',
  'actor_name',
  'actor_role',
  'ip',
  'action',
  'subject_type',
  'subject_id',
  'desa_code',
  'before',
  'after',
  'details',
] as const;

/** The selected audit rows as CSV, newest first, read page by page; the export is itself audited. */
export async function* auditCsv(db: Db, actor: Actor, filter: AuditFilter): AsyncIterable<string> {
  requirePermission(actor, AUDIT_PERMISSIONS.read);
  await recordAudit(db, actor, { action: 'export.audit', details: { filter } });
  yield stringify([[...CSV_COLUMNS]]);
  let before: number | undefined;
  for (;;) {
    const rows = await search(db, filter, { before, limit: CSV_PAGE });
    yield stringify(rows.map((row) => CSV_COLUMNS.map((column) => csvValue(row[column]))));
    if (rows.length < CSV_PAGE) return;
    before = rows[rows.length - 1]?.id;
  }
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A failed login records whatever username was typed; Excel must not run it as a formula.
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const CSV_PAGE = 5000;
