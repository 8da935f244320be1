import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Candidate, OpenTask } from './assign.ts';

export interface TaskRow {
  id: number;
  kind: string;
  source: string;
  finding_id: number | null;
  household_id: number;
  person_id: number | null;
  related_person_id: number | null;
  desa_code: string;
  desa_name: string;
  question: string | null;
  status: string;
  member_id: number | null;
  member_name: string | null;
  assigned_at: Date | null;
  due_date: string | null;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
}

const TASK = `SELECT t.id, t.kind, t.source, t.finding_id, t.household_id, t.person_id, t.related_person_id,
    t.desa_code, r.name AS desa_name, t.question, t.status, t.member_id, m.name AS member_name, t.assigned_at,
    t.due_date, t.created_by, t.created_at, t.closed_at
  FROM pillar_tasks t JOIN regions r ON r.code = t.desa_code LEFT JOIN pillar_members m ON m.id = t.member_id`;

export interface NewTask {
  kind: string;
  source: string;
  findingId: number | null;
  householdId: number;
  personId: number | null;
  relatedPersonId: number | null;
  question: string | null;
  dueDate: string | null;
  /** Assigned at once, automatically (its history says so); null leaves it waiting. */
  memberId?: number | null;
}

export interface MadeTask {
  id: number;
  household_id: number;
  finding_id: number | null;
  desa_code: string;
  member_id: number | null;
  due_date: string | null;
}

/**
 * Creates tasks for households within the scope, each with its baseline: the household's and its
 * members' values and updated_at now, to tell later whether the record changed meanwhile. Returns
 * the ids made, in the order given; households outside the scope (or missing) are skipped.
 */
export async function insertTasks(
  db: Queryable,
  scope: AreaScope,
  tasks: readonly NewTask[],
  by: string,
): Promise<MadeTask[]> {
  const where = new ScopedWhere('h.desa_code', scope);
  const n = where.params.length;
  const col = (i: number) => `$${n + i}`;
  return db.query<MadeTask>(
    `WITH i AS (
       SELECT * FROM unnest(${col(1)}::text[], ${col(2)}::text[], ${col(3)}::bigint[], ${col(4)}::bigint[],
                            ${col(5)}::bigint[], ${col(6)}::bigint[], ${col(7)}::text[], ${col(8)}::date[],
                            ${col(10)}::bigint[])
         WITH ORDINALITY AS i(kind, source, finding_id, household_id, person_id, related_person_id, question, due_date,
                              member_id, ord)
     ),
     -- One baseline per household, shared by all of its tasks made here (the findings of a district
     -- fall on half as many households: bench/pillars-findings.ts): copies of its rows.
     base AS (
       INSERT INTO pillar_task_baselines (household_id)
       SELECT h.id FROM (SELECT DISTINCT household_id FROM i) d JOIN households h ON h.id = d.household_id
       ${where.sql}
       RETURNING id, household_id
     ),
     household_copy AS (
       INSERT INTO pillar_baseline_households SELECT b.id, h.* FROM base b JOIN households h ON h.id = b.household_id
     ),
     person_copies AS (
       INSERT INTO pillar_baseline_persons SELECT b.id, p.* FROM base b JOIN persons p ON p.household_id = b.household_id
     ),
     made AS (
       INSERT INTO pillar_tasks (kind, source, finding_id, household_id, person_id, related_person_id, question,
         due_date, desa_code, baseline_id, created_by, member_id, assigned_at)
       SELECT i.kind, i.source, i.finding_id, h.id, i.person_id, i.related_person_id, i.question, i.due_date, h.desa_code,
         b.id, ${col(9)}, i.member_id, CASE WHEN i.member_id IS NOT NULL THEN now() END
       FROM i JOIN base b ON b.household_id = i.household_id JOIN households h ON h.id = b.household_id
       ORDER BY i.ord
       RETURNING id, household_id, finding_id, desa_code, member_id, due_date
     ),
     -- A task made with its member was assigned automatically: its history starts with that.
     history AS (
       INSERT INTO pillar_task_assignments (task_id, member_id, due_date, automatic, assigned_by)
       SELECT id, member_id, due_date, true, ${col(9)} FROM made WHERE member_id IS NOT NULL
     )
     SELECT * FROM made`,
    [
      ...where.params,
      tasks.map((t) => t.kind),
      tasks.map((t) => t.source),
      tasks.map((t) => t.findingId),
      tasks.map((t) => t.householdId),
      tasks.map((t) => t.personId),
      tasks.map((t) => t.relatedPersonId),
      tasks.map((t) => t.question),
      tasks.map((t) => t.dueDate),
      by,
      tasks.map((t) => t.memberId ?? null),
    ],
  );
}

/**
 * Makes calls that turn findings into tasks wait for each other until commit: a second one (another
 * tab, a second click) then reads the findings the first linked and makes nothing twice, instead of
 * failing on the one-task-per-finding index.
 */
export async function waitForOtherTasksFromFindings(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('pillar_tasks.from_findings'))`);
}

/** The desa of each household within the scope (households outside it are left out). */
export async function desaOfHouseholds(
  db: Queryable,
  scope: AreaScope,
  householdIds: readonly number[],
): Promise<Map<number, string>> {
  const where = new ScopedWhere('h.desa_code', scope).add('h.id = ANY(?::bigint[])', householdIds);
  const rows = await db.query<{ id: number; desa_code: string }>(
    `SELECT h.id, h.desa_code FROM households h ${where.sql}`,
    where.params,
  );
  return new Map(rows.map((r) => [r.id, r.desa_code]));
}

export interface TaskFilter {
  status?: string;
  kind?: string;
  desa?: string;
  memberId?: number;
  unassigned?: boolean;
  overdue?: boolean;
  limit: number;
  offset: number;
}

export async function listTasks(db: Queryable, scope: AreaScope, filter: TaskFilter, today: string) {
  const where = new ScopedWhere('t.desa_code', scope);
  if (filter.status) where.add('t.status = ?', filter.status);
  if (filter.kind) where.add('t.kind = ?', filter.kind);
  if (filter.desa) where.add('starts_with(t.desa_code, ?)', filter.desa);
  if (filter.memberId) where.add('t.member_id = ?', filter.memberId);
  if (filter.unassigned) where.add('(t.member_id IS NULL) = ?', true);
  if (filter.overdue) where.add(`t.status = 'open' AND t.due_date < ?::date`, today);
  const sql = `${TASK} ${where.sql}`;
  const n = where.params.length;
  const items = await db.query<TaskRow>(
    `${sql} ORDER BY t.due_date NULLS LAST, t.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, filter.limit, filter.offset],
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${sql}) AS tasks`,
    where.params,
  );
  return { items, total: count?.n ?? 0 };
}

export async function findTask(
  db: Queryable,
  scope: AreaScope,
  id: number,
): Promise<(TaskRow & { baseline: Baseline }) | undefined> {
  const where = new ScopedWhere('t.desa_code', scope).add('t.id = ?', id);
  const sql = `${TASK.replace('SELECT t.id,', `SELECT ${BASELINE} AS baseline, t.id,`)} ${where.sql}`;
  const [row] = await db.query<TaskRow & { baseline: Baseline }>(sql, where.params);
  return row;
}

/** A task's baseline as one object: the household's row and its members' rows by id, as they were. */
const BASELINE = `json_build_object(
    'household', (SELECT to_jsonb(bh) - 'baseline_id' FROM pillar_baseline_households bh WHERE bh.baseline_id = t.baseline_id),
    'persons', coalesce((SELECT json_object_agg(bp.id::text, to_jsonb(bp) - 'baseline_id')
                         FROM pillar_baseline_persons bp WHERE bp.baseline_id = t.baseline_id), '{}'::json))`;

export interface Baseline {
  household: Record<string, unknown> & { updated_at: string };
  persons: Record<string, Record<string, unknown> & { updated_at: string }>;
}

/** Locks a task for a change of assignment or status. */
export async function lockTask(db: Queryable, id: number) {
  const [row] = await db.query<{ id: number; status: string; member_id: number | null; desa_code: string }>(
    'SELECT id, status, member_id, desa_code FROM pillar_tasks WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row;
}

export async function assign(
  db: Queryable,
  assignments: readonly { taskId: number; memberId: number }[],
  options: { dueDate: string | null; automatic: boolean; reason: string | null; by: string },
): Promise<void> {
  if (assignments.length === 0) return;
  const taskIds = assignments.map((a) => a.taskId);
  const memberIds = assignments.map((a) => a.memberId);
  await db.query(
    `INSERT INTO pillar_task_assignments (task_id, member_id, previous_member_id, due_date, automatic, reason, assigned_by)
     SELECT a.task_id, a.member_id, t.member_id, coalesce($3::date, t.due_date), $4, $5, $6
     FROM unnest($1::bigint[], $2::bigint[]) AS a(task_id, member_id) JOIN pillar_tasks t ON t.id = a.task_id`,
    [taskIds, memberIds, options.dueDate, options.automatic, options.reason, options.by],
  );
  await db.query(
    `UPDATE pillar_tasks t SET member_id = a.member_id, assigned_at = now(), due_date = coalesce($3::date, t.due_date)
     FROM unnest($1::bigint[], $2::bigint[]) AS a(task_id, member_id) WHERE t.id = a.task_id`,
    [taskIds, memberIds, options.dueDate],
  );
}

export async function assignmentsOf(db: Queryable, taskId: number) {
  return db.query(
    `SELECT a.*, m.name AS member_name FROM pillar_task_assignments a JOIN pillar_members m ON m.id = a.member_id
     WHERE a.task_id = $1 ORDER BY a.id`,
    [taskId],
  );
}

/** Open, unassigned tasks in the scope (optionally only these ids or this area), for automatic assignment. */
export async function unassignedTasks(
  db: Queryable,
  scope: AreaScope,
  filter: { taskIds?: number[]; area?: string },
): Promise<OpenTask[]> {
  const where = new ScopedWhere('t.desa_code', scope);
  where.add(`t.status = ? AND t.member_id IS NULL`, 'open');
  if (filter.taskIds) where.add('t.id = ANY(?::bigint[])', filter.taskIds);
  if (filter.area) where.add('starts_with(t.desa_code, ?)', filter.area);
  const rows = await db.query<{ id: number; desa_code: string }>(
    `SELECT t.id, t.desa_code FROM pillar_tasks t ${where.sql} ORDER BY t.desa_code, t.id`,
    where.params,
  );
  return rows.map((r) => ({ id: r.id, desaCode: r.desa_code }));
}

/**
 * Members who can take tasks today: active on `today`, with an active login, optionally of these
 * types; their areas expanded to desa, and their current open load.
 */
export async function candidates(
  db: Queryable,
  today: string,
  types: readonly string[] | null,
): Promise<Candidate[]> {
  // Set-wise: one pass over the members' areas and one over the open tasks. Per-member subqueries
  // had the planner scan all of regions once per member (18-40 s for 1,000 members on PGlite).
  const rows = await db.query<{ id: number; desa_codes: string[]; load: number }>(
    `WITH m AS (
       SELECT m.id FROM pillar_members m JOIN users u ON u.id = m.user_id AND u.active
       WHERE m.active_from <= $1::date AND (m.active_until IS NULL OR m.active_until >= $1::date)
         AND ($2::text[] IS NULL OR m.pillar_type = ANY($2::text[]))
     ), desa AS (
       SELECT a.member_id, r.code FROM m JOIN pillar_member_areas a ON a.member_id = m.id
         JOIN regions r ON r.code = a.region_code WHERE r.level = 'desa_kelurahan'
       UNION
       SELECT a.member_id, r.code FROM m JOIN pillar_member_areas a ON a.member_id = m.id
         JOIN regions r ON r.parent_code = a.region_code WHERE r.level = 'desa_kelurahan'
     ), load AS (
       SELECT t.member_id, count(*)::int AS load FROM pillar_tasks t
       WHERE t.status = 'open' AND t.member_id IN (SELECT id FROM m) GROUP BY t.member_id
     )
     SELECT m.id, coalesce(array_agg(d.code ORDER BY d.code) FILTER (WHERE d.code IS NOT NULL), '{}') AS desa_codes,
       coalesce(min(l.load), 0) AS load
     FROM m LEFT JOIN desa d ON d.member_id = m.id LEFT JOIN load l ON l.member_id = m.id
     GROUP BY m.id ORDER BY m.id`,
    [today, types],
  );
  return rows.map((r) => ({ id: r.id, desaCodes: r.desa_codes, load: r.load }));
}

export async function setStatus(db: Queryable, id: number, status: string, closedByMember: number | null) {
  await db.query(
    `UPDATE pillar_tasks SET status = $2,
       closed_at = CASE WHEN $2 IN ('closed', 'cancelled') THEN now() END,
       closed_by_member_id = CASE WHEN $2 = 'closed' THEN $3::bigint END
     WHERE id = $1`,
    [id, status, closedByMember],
  );
}

/** Household and members of a task as the viewer may see them (scope applied again: a person may have moved). */
export async function householdView(db: Queryable, scope: AreaScope, householdId: number) {
  const where = new ScopedWhere('h.desa_code', scope).add('h.id = ?', householdId);
  const [household] = await db.query(
    `SELECT h.id, h.family_id, h.kk, h.desa_code, r.name AS desa_name, h.address, h.rt, h.rw, h.dusun, h.desil,
       h.status, r.centroid_lat, r.centroid_lng
     FROM households h JOIN regions r ON r.code = h.desa_code ${where.sql}`,
    where.params,
  );
  if (!household) return null;
  const members = await db.query(
    `SELECT p.id, p.nik, p.name, p.sex, p.birth_date, p.relationship, p.disability, p.status
     FROM persons p WHERE p.household_id = $1
     ORDER BY CASE p.relationship WHEN 'kepala_keluarga' THEN 0 WHEN 'istri_suami' THEN 1 ELSE 2 END, p.birth_date`,
    [householdId],
  );
  return { household, members };
}

/** One person as the viewer may see them (the other record of a same-person question). */
export async function personView(db: Queryable, scope: AreaScope, personId: number) {
  const where = new ScopedWhere('p.desa_code', scope).add('p.id = ?', personId);
  const [person] = await db.query(
    `SELECT p.id, p.nik, p.name, p.sex, p.birth_date, p.birth_place, p.mother_name, p.desa_code, p.status
     FROM persons p ${where.sql}`,
    where.params,
  );
  return person ?? null;
}

export async function personInHousehold(db: Queryable, personId: number, householdId: number) {
  const [row] = await db.query('SELECT 1 FROM persons WHERE id = $1 AND household_id = $2', [
    personId,
    householdId,
  ]);
  return Boolean(row);
}

/** The household of each person id. */
export async function householdsOfPersons(
  db: Queryable,
  personIds: readonly number[],
): Promise<Map<number, number>> {
  const rows = await db.query<{ id: number; household_id: number }>(
    'SELECT id, household_id FROM persons WHERE id = ANY($1::bigint[])',
    [personIds],
  );
  return new Map(rows.map((r) => [r.id, r.household_id]));
}
