import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { type Db, joinTransaction, type Queryable } from '../../platform/db/index.ts';
import { type AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { changeStatus, correctRecord, REGISTRY_PERMISSIONS } from '../registry/index.ts';
import { visibleEvidence } from './evidence.ts';
import * as repo from './findings.repository.ts';
import { VALIDATION_PERMISSIONS as P } from './permissions.ts';
import {
  ALLOWED_FROM,
  type FindingStatus,
  nextStatus,
  RESOLUTION_ACTIONS,
  type Resolution,
  STATUS_LABELS,
  type Transition,
} from './workflow.ts';

export type { FindingFilter } from './findings.repository.ts';

/** Findings in the caller's area, without their evidence (read one finding for that). */
export async function listFindings(
  db: Db,
  actor: Actor,
  filter: repo.FindingFilter,
  page: { limit: number; offset: number },
) {
  requirePermission(actor, P.read);
  return repo.listFindings(db, actor.scope, filter, page);
}

/**
 * Unresolved (open or confirmed) findings in the caller's area, oldest first, each with the record a
 * duplicate keeps (`surviving_id`; the rest of the evidence stays here): what the pillars module
 * turns into field-verification tasks. `withoutTask` keeps those no task is linked to yet;
 * `afterId` (the last id of the previous page) pages on.
 */
export async function listOpenFindings(
  db: Db,
  actor: Actor,
  filter: { ruleId?: string; area?: string; withoutTask?: boolean; afterId?: number; limit?: number },
) {
  requirePermission(actor, P.read);
  return repo.listOpen(
    db,
    actor.scope,
    { ruleId: filter.ruleId, area: filter.area, withoutTask: filter.withoutTask, unresolved: true },
    { afterId: filter.afterId, limit: filter.limit ?? 1000 },
  );
}

function evidenceFor(actor: Actor, evidence: unknown) {
  return visibleEvidence(evidence, actor.scope, actor.permissions.has(REGISTRY_PERMISSIONS.readIdentity));
}

/** One finding with its evidence (masked without the identity permission) and its history. */
export async function getFinding(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.read);
  const finding = await mustFind(db, actor, id);
  const events = await repo.eventsOf(db, id);
  // Full NIK and KK of the records in the evidence: audited like a full record read.
  if (actor.permissions.has(REGISTRY_PERMISSIONS.readIdentity)) {
    await recordAudit(db, actor, {
      action: 'finding.read',
      subjectType: 'finding',
      subjectId: id,
      desaCode: finding.desa_code,
      details: {
        rule_id: finding.rule_id,
        subject_type: finding.subject_type,
        subject_id: finding.subject_id,
      },
    });
  }
  return { ...finding, evidence: evidenceFor(actor, finding.evidence), events };
}

async function mustFind(db: Queryable, actor: Actor, id: number, lock = false) {
  const finding = await repo.findFinding(db, actor.scope, id, lock);
  // Another desa's finding answers exactly like a missing one.
  if (!finding) throw notFound(`Temuan #${id} tidak ditemukan`, `Finding #${id} not found`);
  return finding;
}

export interface Decision {
  transition: Transition;
  reason: string;
  /** Required to resolve: what to do to the registry ('no_change' for nothing). */
  resolution?: Resolution;
}

/**
 * Confirms, dismisses, resolves or reopens a finding. Resolving applies its action through the
 * registry's own status change or correction in the same transaction, so the registry's history and
 * audit rows are written with the decision, or nothing is.
 */
export async function decide(db: Db, actor: Actor, id: number, decision: Decision) {
  requirePermission(actor, P.resolve);
  const reason = checkDecision(decision);
  return db.transaction(async (tx) => {
    const finding = await mustFind(tx, actor, id, true);
    await applyDecision(joinTransaction(tx, db.engine), actor, finding, decision, reason);
    return (await repo.findFinding(tx, actor.scope, id)) as repo.FindingDetailRow;
  });
}

function checkDecision(decision: Decision): string {
  const reason = decision.reason.trim();
  if (!reason) throw badRequest('Alasan keputusan wajib diisi', 'A reason for the decision is required');
  if (decision.transition === 'resolve') {
    if (!decision.resolution || !RESOLUTION_ACTIONS.includes(decision.resolution.action)) {
      throw badRequest(
        `Tindakan penyelesaian harus salah satu dari: ${RESOLUTION_ACTIONS.join(', ')}`,
        `The resolution action must be one of: ${RESOLUTION_ACTIONS.join(', ')}`,
        { field: 'resolution.action' },
      );
    }
  } else if (decision.resolution) {
    throw badRequest(
      'Tindakan penyelesaian hanya untuk menyelesaikan temuan',
      'A resolution is only given when resolving',
      { field: 'resolution' },
    );
  }
  return reason;
}

async function applyDecision(
  tx: Db,
  actor: Actor,
  finding: repo.FindingDetailRow,
  decision: Decision,
  reason: string,
): Promise<void> {
  const to = nextStatus(finding.status, decision.transition);
  if (!to) throw invalidTransition(finding.id, finding.status, decision.transition);
  let resolution: Record<string, unknown> | null = null;
  if (to === 'resolved') {
    resolution = await applyResolution(tx, actor, finding, decision.resolution as Resolution, reason);
  }
  await repo.setStatus(tx, finding.id, to, resolution);
  await repo.insertEvent(tx, {
    findingId: finding.id,
    kind: 'status',
    fromStatus: finding.status,
    toStatus: to,
    text: reason,
    details: resolution,
    actor,
  });
  await recordAudit(tx, actor, {
    action: 'finding.decide',
    subjectType: 'finding',
    subjectId: finding.id,
    desaCode: finding.desa_code,
    before: { status: finding.status },
    after: { status: to, resolution },
    details: { reason, rule_id: finding.rule_id },
  });
}

function invalidTransition(id: number, from: FindingStatus, transition: Transition): AppError {
  const label = STATUS_LABELS[from];
  return conflict(
    `Temuan #${id} berstatus ${label.id}: tidak bisa ${TRANSITION_LABELS[transition].id}`,
    `Finding #${id} is ${label.en}: it cannot be ${TRANSITION_LABELS[transition].en}`,
  );
}

const TRANSITION_LABELS: Record<Transition, { id: string; en: string }> = {
  confirm: { id: 'dikonfirmasi', en: 'confirmed' },
  dismiss: { id: 'ditolak', en: 'dismissed' },
  resolve: { id: 'diselesaikan', en: 'resolved' },
  reopen: { id: 'dibuka kembali', en: 'reopened' },
};

/** Applies the action to the registry (its permission and area checks apply) and says what was done. */
async function applyResolution(
  tx: Db,
  actor: Actor,
  finding: repo.FindingDetailRow,
  resolution: Resolution,
  reason: string,
): Promise<Record<string, unknown>> {
  const subject = { type: finding.subject_type, id: finding.subject_id };
  const why = `Temuan #${finding.id} (${finding.rule_id}): ${reason}`;
  switch (resolution.action) {
    case 'no_change':
      return { action: 'no_change' };
    case 'correct': {
      if (!resolution.field || resolution.value === undefined) {
        throw badRequest(
          'Koreksi membutuhkan isian (field) dan nilai baru (value)',
          'A correction needs a field and a new value',
          { field: 'resolution.field' },
        );
      }
      await correctRecord(tx, actor, {
        ...subject,
        field: resolution.field,
        value: resolution.value,
        reason: why,
      });
      return { action: 'correct', field: resolution.field, value: resolution.value };
    }
    case 'ganda': {
      const surviving = resolution.related_id ?? finding.evidence.surviving_id;
      if (typeof surviving !== 'number') {
        throw badRequest(
          'Status ganda membutuhkan rekaman yang tetap (related_id)',
          'ganda needs the surviving record (related_id)',
          { field: 'resolution.related_id' },
        );
      }
      await changeStatus(tx, actor, { ...subject, status: 'ganda', reason: why, relatedId: surviving });
      return { action: 'ganda', related_id: surviving };
    }
    default:
      await changeStatus(tx, actor, { ...subject, status: resolution.action, reason: why });
      return { action: resolution.action };
  }
}

export async function comment(db: Db, actor: Actor, id: number, text: string) {
  requirePermission(actor, P.resolve);
  const body = text.trim();
  if (!body) throw badRequest('Komentar kosong', 'The comment is empty', { field: 'text' });
  await db.transaction(async (tx) => {
    await mustFind(tx, actor, id, true);
    await repo.insertEvent(tx, { findingId: id, kind: 'comment', text: body, actor });
  });
  return repo.eventsOf(db, id);
}

/** Gives the finding to a user (who must be active and, for a scoped role, cover its desa), or takes it back. */
export async function assign(db: Db, actor: Actor, id: number, userId: number | null) {
  requirePermission(actor, P.resolve);
  return db.transaction(async (tx) => {
    const finding = await mustFind(tx, actor, id, true);
    if (userId !== null && !(await repo.assignableUser(tx, userId, finding.desa_code))) {
      throw badRequest(
        `Pengguna #${userId} tidak aktif atau tidak mencakup desa ${finding.desa_code}`,
        `User #${userId} is not active or does not cover desa ${finding.desa_code}`,
        { field: 'user_id' },
      );
    }
    await repo.setAssignee(tx, id, userId);
    await repo.insertEvent(tx, {
      findingId: id,
      kind: 'assign',
      details: { from_user_id: finding.assignee_user_id, to_user_id: userId },
      actor,
    });
    return (await repo.findFinding(tx, actor.scope, id)) as repo.FindingDetailRow;
  });
}

/**
 * Links pillars' field-verification tasks to findings (a null task unlinks), all or none: one access
 * check and a few set-wise statements for any number of findings, each with its own `task` event.
 * A finding outside the caller's area answers like a missing one.
 */
export async function setFindingTasks(
  db: Db,
  actor: Actor,
  links: readonly { findingId: number; taskId: number | null }[],
): Promise<void> {
  requirePermission(actor, P.resolve);
  const ids = links.map((l) => l.findingId);
  if (new Set(ids).size !== ids.length)
    throw badRequest('Satu temuan disebut lebih dari sekali', 'A finding is named more than once');
  if (ids.length === 0) return;
  try {
    await db.transaction(async (tx) => {
      // A caller with an area is checked first. For the whole district the foreign keys of the
      // links and their events find a missing finding: a large batch is not read again for it.
      if (!actor.scope.all) {
        const outside = await repo.firstMissing(tx, actor.scope, ids);
        if (outside !== undefined) throw findingNotFound(outside);
      }
      const current = await repo.lockTaskLinks(tx, ids);
      await repo.setTasks(
        tx,
        links.map((l) => ({
          findingId: l.findingId,
          fromTaskId: current.get(l.findingId) ?? null,
          toTaskId: l.taskId,
        })),
        actor,
      );
    });
  } catch (error) {
    if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
    // Nothing was written. The missing finding is named from outside the failed transaction; inside
    // another module's transaction (joined) that is failed too, and the answer names none.
    throw findingNotFound(await repo.firstMissing(db, actor.scope, ids).catch(() => undefined));
  }
}

const FOREIGN_KEY_VIOLATION = '23503';

function findingNotFound(id: number | undefined) {
  return id === undefined
    ? notFound('Temuan tidak ditemukan', 'Finding not found')
    : notFound(`Temuan #${id} tidak ditemukan`, `Finding #${id} not found`);
}

/** More than this many findings in one bulk decision must be narrowed by the filter. */
export const BULK_LIMIT = 5000;

export interface BulkDecision extends Decision {
  filter: repo.FindingFilter & { ruleId: string };
}

/**
 * One decision on every finding of a rule matching a filter (a desa, an evidence flag such as
 * `{ "match": "exact_nik_name" }`), in one transaction: all are decided, or none. Only findings the
 * transition applies to are taken; ganda uses each finding's own `surviving_id`.
 */
export async function bulkDecide(db: Db, actor: Actor, bulk: BulkDecision) {
  requirePermission(actor, P.bulk);
  requirePermission(actor, P.resolve);
  if (!bulk.filter.ruleId) throw badRequest('Pilih aturan (rule_id)', 'Choose a rule (rule_id)');
  if (bulk.resolution?.related_id !== undefined) {
    throw badRequest(
      'Tindakan massal tidak memakai related_id: ganda memakai surviving_id tiap temuan',
      "Bulk decisions take no related_id: ganda uses each finding's surviving_id",
      { field: 'resolution.related_id' },
    );
  }
  const reason = checkDecision(bulk);
  const from = ALLOWED_FROM[bulk.transition].filter((s) => !bulk.filter.status || s === bulk.filter.status);
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const status of from) {
      ids.push(...(await repo.lockMatching(tx, actor.scope, { ...bulk.filter, status }, BULK_LIMIT)));
    }
    if (ids.length > BULK_LIMIT) {
      throw badRequest(
        `Lebih dari ${BULK_LIMIT} temuan cocok: persempit saringan (misalnya per desa)`,
        `More than ${BULK_LIMIT} findings match: narrow the filter (e.g. one desa)`,
      );
    }
    const joined = joinTransaction(tx, db.engine);
    for (const id of ids) {
      const finding = (await repo.findFinding(tx, actor.scope, id)) as repo.FindingDetailRow;
      await applyDecision(joined, actor, finding, bulk, reason);
    }
    return { decided: ids.length, ids };
  });
}
