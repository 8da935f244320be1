import type { Queryable } from '../db/index.ts';

/** Who an audit row names: an actor, or someone not (yet) known, such as a failed login. */
export interface AuditCaller {
  id: string | null;
  name: string;
  role?: string | null;
  ip?: string | null;
}

export interface AuditEvent {
  /** What happened, as `area.verb`: 'auth.login', 'record.reveal', 'record.status_change', ... */
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  /** The desa of the record concerned, so an auditor can follow one desa's data. */
  desaCode?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

/**
 * Appends one row to the audit log. Callers that write personal data pass their transaction, so the
 * change and its audit row are committed together or not at all.
 */
export async function recordAudit(db: Queryable, caller: AuditCaller, event: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_log
       (actor_id, actor_name, actor_role, ip, action, subject_type, subject_id, desa_code, before, after, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      caller.id,
      caller.name,
      caller.role ?? null,
      caller.ip ?? null,
      event.action,
      event.subjectType ?? null,
      event.subjectId === undefined ? null : String(event.subjectId),
      event.desaCode ?? null,
      json(event.before),
      json(event.after),
      json(event.details),
    ],
  );
}

/** jsonb parameters go as JSON text: both drivers would otherwise send arrays as PostgreSQL arrays. */
function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
