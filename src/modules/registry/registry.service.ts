import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import { correctionProblem } from './correction.ts';
import * as diffRepo from './diff.repository.ts';
import { isPeriod } from './period.ts';
import { REGISTRY_PERMISSIONS as P } from './permissions.ts';
import * as repo from './registry.repository.ts';
import * as summaryRepo from './summary.repository.ts';
import { RECORD_STATUSES, type RecordStatus } from './vocabulary.ts';

export type { HouseholdSearch, PersonSearch } from './registry.repository.ts';

export async function searchPersons(db: Db, actor: Actor, query: repo.PersonSearch) {
  requirePermission(actor, P.read);
  return repo.searchPersons(db, actor.scope, query);
}

export async function searchHouseholds(db: Db, actor: Actor, query: repo.HouseholdSearch) {
  requirePermission(actor, P.read);
  return repo.searchHouseholds(db, actor.scope, query);
}

/** A household with its members, their status history and the household's snapshot per period. */
export async function getHousehold(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.read);
  const household = await repo.findHousehold(db, actor.scope, id);
  if (!household) throw notFound(`Keluarga #${id} tidak ditemukan`, `Household #${id} not found`);
  const members = await repo.membersOf(db, actor.scope, id);
  const subjects = [
    { type: 'household' as const, ids: [id] },
    { type: 'person' as const, ids: members.map((m) => m.id) },
  ];
  const history = await repo.statusHistory(db, subjects);
  const corrections = await repo.correctionsOf(db, subjects);
  const snapshots = await repo.snapshotsOfHousehold(db, household.family_id);
  await auditFullRead(db, actor, 'household', id, household.desa_code);
  return { household, members, history, corrections, snapshots };
}

export async function getPerson(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.read);
  const person = await repo.findPerson(db, actor.scope, id);
  if (!person) throw notFound(`Orang #${id} tidak ditemukan`, `Person #${id} not found`);
  const history = await repo.statusHistory(db, [{ type: 'person', ids: [id] }]);
  const corrections = await repo.correctionsOf(db, [{ type: 'person', ids: [id] }]);
  await auditFullRead(db, actor, 'person', id, person.desa_code);
  return { person, history, corrections };
}

/** A detail read with NIK and KK in full is a read of a full record: the audit log keeps it. */
async function auditFullRead(db: Db, actor: Actor, type: 'household' | 'person', id: number, desa: string) {
  if (!actor.permissions.has(P.readIdentity)) return;
  await recordAudit(db, actor, { action: 'record.read', subjectType: type, subjectId: id, desaCode: desa });
}

export interface StatusChangeInput {
  type: 'household' | 'person';
  id: number;
  status: RecordStatus;
  reason: string;
  /** For `ganda`: the record of the same person (or family) that survives. */
  relatedId?: number;
}

/** Changes a record's status with who, when and why kept; records are never deleted. */
export async function changeStatus(db: Db, actor: Actor, input: StatusChangeInput) {
  requirePermission(actor, P.changeStatus);
  if (!RECORD_STATUSES.includes(input.status)) {
    throw badRequest(`Status "${input.status}" tidak dikenal`, `Unknown status "${input.status}"`);
  }
  const reason = input.reason.trim();
  if (!reason)
    throw badRequest('Alasan perubahan status wajib diisi', 'A reason for the status change is required');
  if (input.relatedId !== undefined && input.status !== 'ganda') {
    throw badRequest(
      'Rekaman pembanding hanya untuk status ganda',
      'A surviving record is only given with the status ganda',
    );
  }
  if (input.relatedId === input.id) {
    throw badRequest(
      'Rekaman ganda tidak bisa menunjuk dirinya sendiri',
      'A duplicate cannot point at itself',
    );
  }
  const change = await db.transaction(async (tx) => {
    const done = await repo.setStatus(tx, actor.scope, { ...input, reason, by: actor.id });
    if (done) {
      await recordAudit(tx, actor, {
        action: 'record.status_change',
        subjectType: input.type,
        subjectId: input.id,
        before: { status: done.from_status },
        after: { status: done.to_status },
        details: input.relatedId === undefined ? { reason } : { reason, related_id: input.relatedId },
      });
      await summaryRepo.recountRecordDesa(tx, input);
    }
    return done;
  });
  if (!change) {
    const label = input.type === 'household' ? 'Keluarga' : 'Orang';
    throw notFound(`${label} #${input.id} tidak ditemukan`, `${input.type} #${input.id} not found`);
  }
  return change;
}

export interface CorrectionInput {
  type: 'household' | 'person';
  id: number;
  field: string;
  value: string;
  reason: string;
}

/**
 * Corrects one field of a record (CORRECTABLE_FIELDS), keeping the old and new value, who, when and
 * why, and an audit row. Callers that decide inside their own transaction pass `joinTransaction(tx)`.
 */
export async function correctRecord(db: Db, actor: Actor, input: CorrectionInput) {
  requirePermission(actor, P.correct);
  const value = input.value.trim();
  const problem = correctionProblem(input.type, input.field, value);
  if (problem)
    throw badRequest(`Koreksi ditolak: ${problem}`, `Correction refused: ${problem}`, { field: input.field });
  const reason = input.reason.trim();
  if (!reason) throw badRequest('Alasan koreksi wajib diisi', 'A reason for the correction is required');
  const correction = await db.transaction(async (tx) => {
    const done = await repo.correctField(tx, actor.scope, { ...input, value, reason, by: actor.id });
    if (done) {
      await recordAudit(tx, actor, {
        action: 'record.correct',
        subjectType: input.type,
        subjectId: input.id,
        desaCode: done.desa_code,
        before: { [input.field]: done.old_value },
        after: { [input.field]: done.new_value },
        details: { reason },
      });
      // Beranda counts households by desil.
      if (input.type === 'household' && input.field === 'desil')
        await summaryRepo.recountRecordDesa(tx, input);
    }
    return done;
  });
  if (!correction) {
    const label = input.type === 'household' ? 'Keluarga' : 'Orang';
    throw notFound(`${label} #${input.id} tidak ditemukan`, `${input.type} #${input.id} not found`);
  }
  return correction;
}

async function checkPeriods(db: Db, from: string, to: string) {
  for (const period of [from, to]) {
    if (!isPeriod(period)) {
      throw badRequest(
        `Periode "${period}" harus berbentuk TTTT-Qn`,
        `Period "${period}" must look like YYYY-Qn`,
      );
    }
    if (!(await diffRepo.periodExists(db, period))) {
      throw notFound(`Belum ada impor untuk periode ${period}`, `No import for period ${period} yet`);
    }
  }
}

export async function periodDiff(db: Db, actor: Actor, from: string, to: string) {
  requirePermission(actor, P.aggregates);
  await checkPeriods(db, from, to);
  return { from, to, ...(await diffRepo.diffCounts(db, actor.scope, from, to)) };
}

export async function householdDiff(
  db: Db,
  actor: Actor,
  query: { from: string; to: string; change: diffRepo.HouseholdChange; limit: number; offset: number },
) {
  requirePermission(actor, P.read);
  await checkPeriods(db, query.from, query.to);
  return diffRepo.householdDiff(db, actor.scope, query.from, query.to, query.change, query);
}

export async function personDiff(
  db: Db,
  actor: Actor,
  query: { from: string; to: string; change: diffRepo.PersonChange; limit: number; offset: number },
) {
  requirePermission(actor, P.read);
  await checkPeriods(db, query.from, query.to);
  return diffRepo.personDiff(db, actor.scope, query.from, query.to, query.change, query);
}

export async function listPeriods(db: Db, actor: Actor) {
  requirePermission(actor, P.aggregates);
  return diffRepo.listPeriods(db);
}
