import type { Queryable } from '../db/index.ts';

export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  ip: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  desa_code: string | null;
  before: unknown;
  after: unknown;
  details: Record<string, unknown> | null;
}

export interface AuditFilter {
  /** An exact action ('auth.login') or a family of them ('auth.'). */
  action?: string;
  /** An actor id ('user:12') or part of an actor's name. */
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  desa?: string;
  ip?: string;
  from?: string;
  to?: string;
}

/** Newest first, keyset paginated: `before` is the smallest id of the previous page. */
export async function searchAudit(
  db: Queryable,
  filter: AuditFilter,
  page: { before?: number; limit: number },
): Promise<AuditRow[]> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (filter.action?.endsWith('.')) add(`starts_with(action, ?)`, filter.action);
  else if (filter.action) add('action = ?', filter.action);
  if (filter.actor) add(`(actor_id = ? OR actor_name ILIKE '%' || ? || '%')`, filter.actor);
  if (filter.subjectType) add('subject_type = ?', filter.subjectType);
  if (filter.subjectId) add('subject_id = ?', filter.subjectId);
  if (filter.desa) add('desa_code = ?', filter.desa);
  if (filter.ip) add('ip = ?', filter.ip);
  if (filter.from) add('at >= ?::timestamptz', filter.from);
  if (filter.to) add('at < ?::timestamptz', filter.to);
  if (page.before) add('id < ?', page.before);
  params.push(page.limit);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return db.query<AuditRow>(
    `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
}
