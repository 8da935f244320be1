import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { FindingStatus, Resolution } from './workflow.ts';

export interface FindingFilter {
  ruleId?: string;
  /** A kecamatan or desa code (or the kabupaten): findings of records below it. */
  area?: string;
  status?: FindingStatus;
  /** Open or confirmed: still to be resolved. */
  unresolved?: boolean;
  /** No pillar task linked yet. */
  withoutTask?: boolean;
  severity?: string;
  subjectType?: 'person' | 'household';
  assigneeUserId?: number;
  /** Evidence containing this JSON (jsonb @>), e.g. { "match": "exact_nik_name" }. */
  evidence?: Record<string, unknown>;
}

export interface FindingRow {
  id: number;
  rule_id: string;
  subject_type: 'person' | 'household';
  subject_id: number;
  /** The person's name, or the household's head (its family id when it has no active head). */
  subject_name: string | null;
  desa_code: string;
  severity: string;
  status: FindingStatus;
  resolution: (Resolution & { reason?: string }) | { action: 'cause_gone'; run_id: number } | null;
  assignee_user_id: number | null;
  task_id: number | null;
  first_run_id: number | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
}

export interface FindingDetailRow extends FindingRow {
  evidence: Record<string, unknown>;
}

const SUBJECT_NAME = `CASE f.subject_type
    WHEN 'person' THEN (SELECT p.name FROM persons p WHERE p.id = f.subject_id)
    ELSE coalesce((SELECT p.name FROM persons p WHERE p.household_id = f.subject_id
      AND p.relationship = 'kepala_keluarga' ORDER BY p.status <> 'aktif', p.id LIMIT 1),
      (SELECT h.family_id FROM households h WHERE h.id = f.subject_id)) END AS subject_name`;

const TASK_ID = '(SELECT l.task_id FROM finding_tasks l WHERE l.finding_id = f.id)';

const COLUMNS = `f.id, f.rule_id, f.subject_type, f.subject_id, ${SUBJECT_NAME}, f.desa_code, f.severity, f.status,
  f.resolution, f.assignee_user_id, ${TASK_ID} AS task_id, f.first_run_id, f.created_at, f.updated_at, f.resolved_at`;

export function filterWhere(scope: AreaScope, filter: FindingFilter): ScopedWhere {
  const where = new ScopedWhere('f.desa_code', scope);
  if (filter.ruleId) where.add('f.rule_id = ?', filter.ruleId);
  if (filter.area) where.add(`(f.desa_code = ? OR f.desa_code LIKE ? || '.%')`, filter.area);
  if (filter.status) where.add('f.status = ?', filter.status);
  if (filter.unresolved) where.add('f.status = ANY(?::text[])', ['open', 'confirmed']);
  if (filter.withoutTask)
    where.add('(NOT EXISTS (SELECT 1 FROM finding_tasks l WHERE l.finding_id = f.id)) = ?', true);
  if (filter.severity) where.add('f.severity = ?', filter.severity);
  if (filter.subjectType) where.add('f.subject_type = ?', filter.subjectType);
  if (filter.assigneeUserId !== undefined) where.add('f.assignee_user_id = ?', filter.assigneeUserId);
  if (filter.evidence) where.add('f.evidence @> ?::jsonb', JSON.stringify(filter.evidence));
  return where;
}

export async function listFindings(
  db: Queryable,
  scope: AreaScope,
  filter: FindingFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: FindingRow[] }> {
  const where = filterWhere(scope, filter);
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM findings f ${where.sql}`,
    where.params,
  );
  const n = where.params.length;
  const items = await db.query<FindingRow>(
    `SELECT ${COLUMNS} FROM findings f ${where.sql}
     ORDER BY CASE f.severity WHEN 'tinggi' THEN 0 WHEN 'sedang' THEN 1 ELSE 2 END, f.id
     LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, page.limit, page.offset],
  );
  return { total: count?.total ?? 0, items };
}

/** A finding as another module's batch work needs it: what and whom it is about. */
export interface OpenFindingRow {
  id: number;
  rule_id: string;
  subject_type: 'person' | 'household';
  subject_id: number;
  desa_code: string;
  severity: string;
  status: FindingStatus;
  task_id: number | null;
  /** A duplicate's record that survives (the evidence's `surviving_id`), a registry id. */
  surviving_id: number | null;
}

/**
 * Findings oldest first, in one query (another module's batch work); a page starts after
 * `afterId`, so a caller pages on by id whatever it did with the previous page. Without the
 * subject's name, the decision columns and the evidence beyond its surviving record: reading them
 * was most of the time of reading a district's findings.
 */
export async function listOpen(
  db: Queryable,
  scope: AreaScope,
  filter: FindingFilter,
  page: { afterId?: number; limit: number },
): Promise<OpenFindingRow[]> {
  const where = filterWhere(scope, filter);
  if (page.afterId !== undefined) where.add('f.id > ?', page.afterId);
  return db.query<OpenFindingRow>(
    `SELECT f.id, f.rule_id, f.subject_type, f.subject_id, f.desa_code, f.severity, f.status,
       ${TASK_ID} AS task_id, (f.evidence->>'surviving_id')::bigint AS surviving_id
     FROM findings f ${where.sql} ORDER BY f.id LIMIT $${where.params.length + 1}`,
    [...where.params, page.limit],
  );
}

/** A finding within the scope, optionally locked for a decision. */
export async function findFinding(
  db: Queryable,
  scope: AreaScope,
  id: number,
  lock = false,
): Promise<FindingDetailRow | undefined> {
  const where = new ScopedWhere('f.desa_code', scope).add('f.id = ?', id);
  const [row] = await db.query<FindingDetailRow>(
    `SELECT ${COLUMNS}, f.evidence FROM findings f ${where.sql}${lock ? ' FOR UPDATE OF f' : ''}`,
    where.params,
  );
  return row;
}

/** Ids of the findings matching a filter, locked, for a bulk decision; at most `limit` + 1 to detect too many. */
export async function lockMatching(
  db: Queryable,
  scope: AreaScope,
  filter: FindingFilter,
  limit: number,
): Promise<number[]> {
  const where = filterWhere(scope, filter);
  const rows = await db.query<{ id: number }>(
    `SELECT f.id FROM findings f ${where.sql} ORDER BY f.id LIMIT $${where.params.length + 1} FOR UPDATE OF f`,
    [...where.params, limit + 1],
  );
  return rows.map((row) => row.id);
}

export async function setStatus(
  db: Queryable,
  id: number,
  status: FindingStatus,
  resolution: Record<string, unknown> | null,
): Promise<void> {
  await db.query(
    `UPDATE findings SET status = $2, resolution = $3, updated_at = now(),
       resolved_at = CASE WHEN $2 = 'resolved' THEN now() ELSE NULL END
     WHERE id = $1`,
    [id, status, resolution === null ? null : JSON.stringify(resolution)],
  );
}

export async function setAssignee(db: Queryable, id: number, userId: number | null): Promise<void> {
  await db.query('UPDATE findings SET assignee_user_id = $2, updated_at = now() WHERE id = $1', [id, userId]);
}

/**
 * The current task of each of these findings that has one, its link locked to be changed. The link
 * rows are locked, not the findings: locking a district's findings wrote to every one of them, and
 * a decision on a finding does not touch its link.
 */
export async function lockTaskLinks(db: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  const links = await db.query<{ finding_id: number; task_id: number }>(
    `SELECT finding_id, task_id FROM finding_tasks WHERE finding_id = ANY($1::bigint[])
     ORDER BY finding_id FOR UPDATE`,
    [ids],
  );
  return new Map(links.map((l) => [l.finding_id, l.task_id]));
}

/** The first of these ids that is not a finding within the scope, if any. */
export async function firstMissing(
  db: Queryable,
  scope: AreaScope,
  ids: readonly number[],
): Promise<number | undefined> {
  const where = new ScopedWhere('f.desa_code', scope).add('f.id = ANY(?::bigint[])', ids);
  const rows = await db.query<{ id: number }>(`SELECT f.id FROM findings f ${where.sql}`, where.params);
  const found = new Set(rows.map((row) => row.id));
  return ids.find((id) => !found.has(id));
}

export interface TaskLink {
  findingId: number;
  fromTaskId: number | null;
  toTaskId: number | null;
}

/**
 * Sets (or, with a null task, removes) each finding's task and writes its `task` event (from and to
 * task id), in the order given: at most four statements for any number of findings. `fromTaskId`
 * must be the finding's current task, read with lockTaskLinks.
 */
export async function setTasks(
  db: Queryable,
  links: readonly TaskLink[],
  actor: { id: string; name: string },
): Promise<void> {
  const findingIds = links.map((l) => l.findingId);
  const toTaskIds = links.map((l) => l.toTaskId);
  // A link exists exactly when fromTaskId is set (the caller read and locked it): new links are
  // inserted plainly, which costs less than an upsert for a district's worth of them.
  const unlinked = links.filter((l) => l.toTaskId === null).map((l) => l.findingId);
  if (unlinked.length > 0)
    await db.query('DELETE FROM finding_tasks WHERE finding_id = ANY($1::bigint[])', [unlinked]);
  const relinked = links.filter((l) => l.fromTaskId !== null && l.toTaskId !== null);
  if (relinked.length > 0)
    await db.query(
      `UPDATE finding_tasks t SET task_id = l.task_id, linked_at = now()
       FROM unnest($1::bigint[], $2::bigint[]) AS l(finding_id, task_id) WHERE t.finding_id = l.finding_id`,
      [relinked.map((l) => l.findingId), relinked.map((l) => l.toTaskId)],
    );
  const added = links.filter((l) => l.fromTaskId === null && l.toTaskId !== null);
  if (added.length > 0)
    await db.query(
      'INSERT INTO finding_tasks (finding_id, task_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])',
      [added.map((l) => l.findingId), added.map((l) => l.toTaskId)],
    );
  await db.query(
    `INSERT INTO finding_events (finding_id, kind, details, actor_id, actor_name)
     SELECT l.finding_id, 'task', jsonb_build_object('from_task_id', l.from_task_id, 'to_task_id', l.to_task_id), $4, $5
     FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS l(finding_id, from_task_id, to_task_id, ord)
     ORDER BY l.ord`,
    [findingIds, links.map((l) => l.fromTaskId), toTaskIds, actor.id, actor.name],
  );
}

export interface FindingEvent {
  findingId: number;
  kind: 'status' | 'comment' | 'assign';
  fromStatus?: string | null;
  toStatus?: string | null;
  text?: string | null;
  details?: Record<string, unknown> | null;
  actor: { id: string; name: string };
}

export async function insertEvent(db: Queryable, event: FindingEvent): Promise<void> {
  await db.query(
    `INSERT INTO finding_events (finding_id, kind, from_status, to_status, text, details, actor_id, actor_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.findingId,
      event.kind,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.text ?? null,
      event.details ? JSON.stringify(event.details) : null,
      event.actor.id,
      event.actor.name,
    ],
  );
}

export interface EventRow {
  id: number;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  text: string | null;
  details: Record<string, unknown> | null;
  actor_id: string;
  actor_name: string;
  at: Date;
}

export async function eventsOf(db: Queryable, findingId: number): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT id, kind, from_status, to_status, text, details, actor_id, actor_name, at
     FROM finding_events WHERE finding_id = $1 ORDER BY id`,
    [findingId],
  );
}

/** Whether a user exists, is active, and (for a scoped role) has the desa in their areas. */
export async function assignableUser(db: Queryable, userId: number, desaCode: string): Promise<boolean> {
  const [row] = await db.query<{ ok: boolean }>(
    `SELECT u.active AND (NOT r.scoped OR EXISTS (
       SELECT 1 FROM user_areas a WHERE a.user_id = u.id
         AND ($2 = a.region_code OR $2 LIKE a.region_code || '.%'))) AS ok
     FROM users u JOIN roles r ON r.name = u.role WHERE u.id = $1`,
    [userId, desaCode],
  );
  return row?.ok === true;
}
