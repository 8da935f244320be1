import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface ChangeRequestRow {
  id: number;
  visit_id: string;
  task_id: number;
  task_kind: string;
  household_id: number;
  member_name: string;
  visited_at: Date;
  visit_notes: string | null;
  visit_condition: string | null;
  visit_has_photo: boolean;
  subject_name: string | null;
  subject_type: 'household' | 'person';
  subject_id: number;
  desa_code: string;
  kind: 'status' | 'correction';
  new_status: string | null;
  related_id: number | null;
  field: string | null;
  value: string | null;
  reason: string;
  baseline_value: string | null;
  baseline_updated_at: Date | null;
  state: string;
  conflict: unknown;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
  /** The record as it was when the task was made (from the task's baseline). */
  baseline_record: Record<string, unknown> | null;
}

// The approver sees whom a request is about (a household by its head), the visit's notes and whether it has a photo.
const SELECT = `SELECT c.*, t.kind AS task_kind, t.household_id, m.name AS member_name, v.visited_at,
    v.notes AS visit_notes, v.condition AS visit_condition, v.photo_file IS NOT NULL AS visit_has_photo,
    CASE c.subject_type
      WHEN 'person' THEN (SELECT p.name FROM persons p WHERE p.id = c.subject_id)
      ELSE (SELECT p.name FROM persons p WHERE p.household_id = c.subject_id
            ORDER BY p.relationship <> 'kepala_keluarga', p.id LIMIT 1)
    END AS subject_name,
    CASE c.subject_type
      WHEN 'household' THEN (SELECT to_jsonb(bh) - 'baseline_id' FROM pillar_baseline_households bh
                             WHERE bh.baseline_id = t.baseline_id)
      ELSE (SELECT to_jsonb(bp) - 'baseline_id' FROM pillar_baseline_persons bp
            WHERE bp.baseline_id = t.baseline_id AND bp.id = c.subject_id)
    END AS baseline_record
  FROM pillar_change_requests c
  JOIN pillar_tasks t ON t.id = c.task_id
  JOIN pillar_visits v ON v.id = c.visit_id
  JOIN pillar_members m ON m.id = v.member_id`;

export async function listChangeRequests(
  db: Queryable,
  scope: AreaScope,
  filter: { state?: string; desa?: string; taskId?: number; limit: number; offset: number },
): Promise<ChangeRequestRow[]> {
  const where = new ScopedWhere('c.desa_code', scope);
  if (filter.state) where.add('c.state = ?', filter.state);
  if (filter.desa) where.add('starts_with(c.desa_code, ?)', filter.desa);
  if (filter.taskId) where.add('c.task_id = ?', filter.taskId);
  const n = where.params.length;
  return db.query<ChangeRequestRow>(`${SELECT} ${where.sql} ORDER BY c.id LIMIT $${n + 1} OFFSET $${n + 2}`, [
    ...where.params,
    filter.limit,
    filter.offset,
  ]);
}

export async function findChangeRequest(db: Queryable, scope: AreaScope, id: number, lock = false) {
  const where = new ScopedWhere('c.desa_code', scope).add('c.id = ?', id);
  const [row] = await db.query<ChangeRequestRow>(
    `${SELECT} ${where.sql}${lock ? ' FOR UPDATE OF c' : ''}`,
    where.params,
  );
  return row;
}

/** The registry records as they are now, whole, keyed 'household:12' / 'person:34'. */
export async function currentRecords(db: Queryable, subjects: readonly { type: string; id: number }[]) {
  const ids = (type: string) => subjects.filter((s) => s.type === type).map((s) => s.id);
  const rows = await db.query<{ key: string; record: Record<string, unknown> }>(
    `SELECT 'household:' || h.id AS key, to_jsonb(h) AS record FROM households h WHERE h.id = ANY($1::bigint[])
     UNION ALL
     SELECT 'person:' || p.id, to_jsonb(p) FROM persons p WHERE p.id = ANY($2::bigint[])`,
    [ids('household'), ids('person')],
  );
  return new Map(rows.map((r) => [r.key, r.record]));
}

export async function decide(
  db: Queryable,
  id: number,
  decision: { state: 'approved' | 'rejected'; by: string; note: string | null; conflict: unknown },
) {
  await db.query(
    `UPDATE pillar_change_requests SET state = $2, decided_by = $3, decided_at = now(), decision_note = $4, conflict = $5
     WHERE id = $1`,
    [
      id,
      decision.state,
      decision.by,
      decision.note,
      decision.conflict === null ? null : JSON.stringify(decision.conflict),
    ],
  );
}

/** Closes a visited task once every change request of it is decided; the visiting member closed it. */
export async function closeTaskIfDecided(db: Queryable, taskId: number) {
  await db.query(
    `UPDATE pillar_tasks t SET status = 'closed', closed_at = now(),
       closed_by_member_id = (SELECT v.member_id FROM pillar_visits v WHERE v.task_id = t.id ORDER BY v.visited_at DESC LIMIT 1)
     WHERE t.id = $1 AND t.status = 'visited'
       AND NOT EXISTS (SELECT 1 FROM pillar_change_requests c WHERE c.task_id = t.id AND c.state = 'pending')`,
    [taskId],
  );
}
