import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { ProposedChange } from './visit-changes.ts';

export interface NewVisit {
  id: string;
  taskId: number;
  memberId: number;
  householdId: number;
  desaCode: string;
  startedAt: string | null;
  visitedAt: string;
  answers: Record<string, unknown>;
  notes: string | null;
  condition: string | null;
  lat: number | null;
  lng: number | null;
  accuracyM: number | null;
  photo: { relative: string; type: string; bytes: number } | null;
  by: string;
}

/**
 * Inserts a visit unless one with this id exists (a resend); true when this call stored it. Whether
 * the household has an elderly (60+ on the visit date) or disabled member is fixed here, for the targets.
 */
export async function insertVisit(db: Queryable, v: NewVisit): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO pillar_visits (id, task_id, member_id, household_id, desa_code, started_at, visited_at, answers, notes,
       condition, lat, lng, accuracy_m, photo_file, photo_type, photo_bytes, vulnerable_household, response, created_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
       EXISTS (SELECT 1 FROM persons p WHERE p.household_id = $4 AND p.status = 'aktif'
               AND (p.birth_date <= ($7::timestamptz - interval '60 years')::date OR coalesce(p.disability, 'tidak') <> 'tidak')),
       '{}'::jsonb, $17
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      v.id,
      v.taskId,
      v.memberId,
      v.householdId,
      v.desaCode,
      v.startedAt,
      v.visitedAt,
      JSON.stringify(v.answers),
      v.notes,
      v.condition,
      v.lat,
      v.lng,
      v.accuracyM,
      v.photo?.relative ?? null,
      v.photo?.type ?? null,
      v.photo?.bytes ?? null,
      v.by,
    ],
  );
  return rows.length === 1;
}

export async function setResponse(db: Queryable, id: string, response: unknown): Promise<void> {
  await db.query('UPDATE pillar_visits SET response = $2 WHERE id = $1', [id, JSON.stringify(response)]);
}

export async function findVisitForReplay(db: Queryable, id: string) {
  const [row] = await db.query<{ member_id: number; task_id: number; response: unknown }>(
    'SELECT member_id, task_id, response FROM pillar_visits WHERE id = $1',
    [id],
  );
  return row;
}

export interface VisitRow {
  id: string;
  task_id: number;
  member_id: number;
  member_name: string;
  household_id: number;
  desa_code: string;
  started_at: Date | null;
  visited_at: Date;
  received_at: Date;
  answers: Record<string, unknown>;
  notes: string | null;
  condition: string | null;
  lat: number | null;
  lng: number | null;
  accuracy_m: number | null;
  photo_file: string | null;
  photo_type: string | null;
  photo_bytes: number | null;
}

export async function findVisit(db: Queryable, scope: AreaScope, id: string): Promise<VisitRow | undefined> {
  const where = new ScopedWhere('v.desa_code', scope).add('v.id = ?', id);
  const [row] = await db.query<VisitRow>(
    `SELECT v.id, v.task_id, v.member_id, m.name AS member_name, v.household_id, v.desa_code, v.started_at, v.visited_at,
       v.received_at, v.answers, v.notes, v.condition, v.lat, v.lng, v.accuracy_m, v.photo_file, v.photo_type, v.photo_bytes
     FROM pillar_visits v JOIN pillar_members m ON m.id = v.member_id ${where.sql}`,
    where.params,
  );
  return row;
}

export async function visitsOfTask(db: Queryable, taskId: number) {
  return db.query<{ id: string; member_name: string; visited_at: Date; has_photo: boolean }>(
    `SELECT v.id, m.name AS member_name, v.visited_at, v.answers, v.notes, v.condition, v.lat, v.lng,
       v.photo_file IS NOT NULL AS has_photo
     FROM pillar_visits v JOIN pillar_members m ON m.id = v.member_id WHERE v.task_id = $1 ORDER BY v.visited_at`,
    [taskId],
  );
}

/** The change requests of a visit, each with the record's value and updated_at from the task's baseline. */
export async function insertChangeRequests(
  db: Queryable,
  visit: { id: string; taskId: number; desaCode: string; reason: string },
  changes: readonly (ProposedChange & { baselineValue: string | null; baselineUpdatedAt: string | null })[],
) {
  if (changes.length === 0) return [];
  return db.query<ChangeSummary>(
    `INSERT INTO pillar_change_requests (visit_id, task_id, desa_code, reason, subject_type, subject_id, kind, new_status,
       related_id, field, value, baseline_value, baseline_updated_at)
     SELECT $1, $2, $3, $4, c.subject_type, c.subject_id, c.kind, c.new_status, c.related_id, c.field, c.value,
       c.baseline_value, c.baseline_updated_at
     FROM unnest($5::text[], $6::bigint[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::text[], $12::text[],
       $13::timestamptz[]) WITH ORDINALITY
       AS c(subject_type, subject_id, kind, new_status, related_id, field, value, baseline_value, baseline_updated_at, n)
     ORDER BY c.n
     RETURNING id, subject_type, subject_id, kind, new_status, related_id, field, value, state`,
    [
      visit.id,
      visit.taskId,
      visit.desaCode,
      visit.reason,
      changes.map((c) => c.subjectType),
      changes.map((c) => c.subjectId),
      changes.map((c) => c.kind),
      changes.map((c) => (c.kind === 'status' ? c.newStatus : null)),
      changes.map((c) => (c.kind === 'status' ? (c.relatedId ?? null) : null)),
      changes.map((c) => (c.kind === 'correction' ? c.field : null)),
      changes.map((c) => (c.kind === 'correction' ? c.value : null)),
      changes.map((c) => c.baselineValue),
      changes.map((c) => c.baselineUpdatedAt),
    ],
  );
}

export interface ChangeSummary {
  id: number;
  subject_type: string;
  subject_id: number;
  kind: string;
  new_status: string | null;
  related_id: number | null;
  field: string | null;
  value: string | null;
  state: string;
}
