import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { type Db, joinTransaction, type Queryable } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict as conflictError, notFound } from '../../server/errors.ts';
import { changeStatus, correctRecord, REGISTRY_PERMISSIONS, type RecordStatus } from '../registry/index.ts';
import * as repo from './change-requests.repository.ts';
import { type Conflict, conflictOf } from './conflict.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';

type Row = repo.ChangeRequestRow;

/**
 * Change requests with their conflict worked out now, and whether the caller can apply each: approval
 * goes through the registry, so the caller needs the registry permission the change needs
 * (registry.change_status or registry.correct) as well as pillars.review.
 */
export async function listChangeRequests(
  db: Db,
  actor: Actor,
  filter: { state?: string; desa?: string; task_id?: number; limit: number; offset: number },
) {
  requirePermission(actor, P.review);
  const rows = await repo.listChangeRequests(db, actor.scope, { ...filter, taskId: filter.task_id });
  return withConflicts(db, actor, rows);
}

async function withConflicts(db: Queryable, actor: Actor, rows: Row[]) {
  const current = await repo.currentRecords(
    db,
    rows.map((r) => ({ type: r.subject_type, id: r.subject_id })),
  );
  const approvedByTask = await approvedFields(db, rows);
  return rows.map((row) => {
    const { baseline_record, ...rest } = row;
    return {
      ...rest,
      conflict:
        row.state === 'pending'
          ? conflictNow(
              row,
              baseline_record,
              current.get(`${row.subject_type}:${row.subject_id}`) ?? null,
              approvedByTask,
            )
          : row.conflict,
      can_apply: actor.permissions.has(registryPermissionOf(row)),
    };
  });
}

function registryPermissionOf(row: Row): string {
  return row.kind === 'status' ? REGISTRY_PERMISSIONS.changeStatus : REGISTRY_PERMISSIONS.correct;
}

/** Fields already changed by approved requests of the same task: our own changes are not a conflict. */
async function approvedFields(db: Queryable, rows: Row[]) {
  const taskIds = [...new Set(rows.map((r) => r.task_id))];
  const approved = await db.query<{
    task_id: number;
    subject_type: string;
    subject_id: number;
    field: string;
  }>(
    `SELECT task_id, subject_type, subject_id, coalesce(field, 'status') AS field FROM pillar_change_requests
     WHERE task_id = ANY($1::bigint[]) AND state = 'approved'`,
    [taskIds],
  );
  return new Set(approved.map((a) => `${a.task_id}:${a.subject_type}:${a.subject_id}:${a.field}`));
}

function conflictNow(
  row: Row,
  baselineRecord: Record<string, unknown> | null,
  current: Record<string, unknown> | null,
  approved: ReadonlySet<string>,
): Conflict | null {
  const field = row.kind === 'status' ? 'status' : (row.field as string);
  const found = conflictOf({
    field,
    baselineValue: row.baseline_value,
    baselineUpdatedAt: row.baseline_updated_at,
    current,
    baselineRecord,
  });
  if (!found || found.reason === 'record_missing') return found;
  const ours = (f: string) => approved.has(`${row.task_id}:${row.subject_type}:${row.subject_id}:${f}`);
  const others = found.changed_fields.filter((c) => !ours(c.field));
  if (others.length === 0) return null;
  return { ...found, changed_fields: others, same_field: others.some((c) => c.field === field) };
}

/**
 * Approves a change request: applies it through the registry (history and audit come with it) in
 * the same transaction. A request whose record changed since the task was made is refused with 409
 * `change_conflict` and the differences, unless the approver has seen them (`acknowledge_conflict`).
 */
export async function approve(
  db: Db,
  actor: Actor,
  id: number,
  input: { note?: string; acknowledge_conflict?: boolean },
) {
  requirePermission(actor, P.review);
  return db.transaction(async (tx) => {
    const row = await pending(tx, actor, id);
    const [withConflict] = await withConflicts(tx, actor, [row]);
    const found = withConflict?.conflict as Conflict | null;
    if (found && !input.acknowledge_conflict) {
      throw new AppError(
        409,
        'change_conflict',
        'Data ini sudah berubah sejak tugas dikirim; periksa perbedaannya lalu setujui dengan sadar atau tolak',
        'The record changed since the task was sent; review the differences, then approve knowingly or reject',
        { conflict: found },
      );
    }
    if (found?.reason === 'record_missing')
      throw notFound(
        `Rekaman ${row.subject_type} #${row.subject_id} tidak ada lagi`,
        `Record ${row.subject_type} #${row.subject_id} is gone`,
      );
    const note = input.note?.trim();
    const reason = `${row.reason}${note ? ` — ${note}` : ''}`;
    const registry = joinTransaction(tx, db.engine);
    const applied =
      row.kind === 'status'
        ? await changeStatus(registry, actor, {
            type: row.subject_type,
            id: row.subject_id,
            status: row.new_status as RecordStatus,
            reason,
            ...(row.related_id === null ? {} : { relatedId: row.related_id }),
          })
        : await correctRecord(registry, actor, {
            type: row.subject_type,
            id: row.subject_id,
            field: row.field as string,
            value: row.value as string,
            reason,
          });
    await repo.decide(tx, id, { state: 'approved', by: actor.id, note: note || null, conflict: found });
    await repo.closeTaskIfDecided(tx, row.task_id);
    await recordAudit(tx, actor, {
      action: 'pillar.change_approve',
      subjectType: 'pillar_change_request',
      subjectId: id,
      desaCode: row.desa_code,
      details: { task_id: row.task_id, conflict_acknowledged: found !== null },
    });
    return { id, state: 'approved', applied };
  });
}

export async function reject(db: Db, actor: Actor, id: number, input: { note: string }) {
  requirePermission(actor, P.review);
  const note = input.note?.trim();
  if (!note)
    throw badRequest('Alasan penolakan wajib diisi', 'A reason for the rejection is required', {
      field: 'note',
    });
  return db.transaction(async (tx) => {
    const row = await pending(tx, actor, id);
    await repo.decide(tx, id, { state: 'rejected', by: actor.id, note, conflict: null });
    await repo.closeTaskIfDecided(tx, row.task_id);
    await recordAudit(tx, actor, {
      action: 'pillar.change_reject',
      subjectType: 'pillar_change_request',
      subjectId: id,
      desaCode: row.desa_code,
      details: { task_id: row.task_id, note },
    });
    return { id, state: 'rejected' };
  });
}

async function pending(tx: Queryable, actor: Actor, id: number): Promise<Row> {
  const row = await repo.findChangeRequest(tx, actor.scope, id, true);
  if (!row) throw notFound(`Usulan perubahan #${id} tidak ditemukan`, `Change request #${id} not found`);
  if (row.state !== 'pending')
    throw conflictError(
      `Usulan perubahan #${id} sudah ${row.state === 'approved' ? 'disetujui' : 'ditolak'}`,
      `Change request #${id} is already ${row.state}`,
    );
  return row;
}
