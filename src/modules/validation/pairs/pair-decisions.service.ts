import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { type Db, joinTransaction } from '../../../platform/db/index.ts';
import { badRequest, notFound } from '../../../server/errors.ts';
import { decide } from '../findings.service.ts';
import { VALIDATION_PERMISSIONS as P } from '../permissions.ts';
import * as repo from './pair-decisions.repository.ts';

export interface PairDecisionInput {
  personA: number;
  personB: number;
  /** true: the same person recorded twice; false: two different people. */
  same: boolean;
  reason?: string;
  /**
   * The duplicate finding of this pair, decided with the pair in one transaction: "same" resolves
   * it as ganda (the later record retired in favour of the earlier), "not same" dismisses it.
   */
  findingId?: number;
}

/**
 * Records a person's decision on a pair of registry people (persons.id). Decisions are never
 * changed: a later one on the same pair supersedes the earlier, which stays with who and when.
 * The duplicate rule feeds the latest decision of every pair to the linkage engine, so a "not same"
 * pair never becomes a finding again and a "same" pair stays one until it is resolved.
 * The caller must see at least one of the two records (a pair can cross desa borders).
 */
export async function recordPairDecision(db: Db, actor: Actor, input: PairDecisionInput) {
  requirePermission(actor, P.resolve);
  const [personA, personB] = orderedPair(input.personA, input.personB);
  const desa = await visiblePair(db, actor, personA, personB);
  const reason = input.reason?.trim() || null;
  if (input.findingId !== undefined && !reason) {
    throw badRequest('Alasan keputusan wajib diisi', 'A reason for the decision is required', {
      field: 'reason',
    });
  }
  return db.transaction(async (tx) => {
    const decision = await repo.insertDecision(tx, {
      personA,
      personB,
      same: input.same,
      reason,
      decidedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'validation.pair_decision',
      subjectType: 'person',
      subjectId: personB,
      desaCode: desa.get(personB) ?? null,
      details: { person_a: personA, person_b: personB, same: input.same, reason },
    });
    if (input.findingId !== undefined) {
      if (!(await repo.isPairFinding(tx, input.findingId, personA, personB))) {
        throw badRequest(
          `Temuan #${input.findingId} bukan temuan ganda untuk pasangan ${personA}-${personB}`,
          `Finding #${input.findingId} is not the duplicate finding of pair ${personA}-${personB}`,
          { field: 'finding_id' },
        );
      }
      await decide(
        joinTransaction(tx, db.engine),
        actor,
        input.findingId,
        input.same
          ? {
              transition: 'resolve',
              reason: reason as string,
              resolution: { action: 'ganda', related_id: personA },
            }
          : { transition: 'dismiss', reason: reason as string },
      );
    }
    return decision;
  });
}

/** Every decision on one pair, newest first (the review page shows who decided what and when). */
export async function pairDecisions(db: Db, actor: Actor, a: number, b: number) {
  requirePermission(actor, P.read);
  const [personA, personB] = orderedPair(a, b);
  await visiblePair(db, actor, personA, personB);
  return repo.decisionsOf(db, personA, personB);
}

function orderedPair(a: number, b: number): [number, number] {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a === b) {
    throw badRequest(
      'Pasangan harus dua orang yang berbeda (id orang di registri)',
      'A pair is two different people (registry person ids)',
    );
  }
  return a < b ? [a, b] : [b, a];
}

async function visiblePair(db: Db, actor: Actor, a: number, b: number): Promise<Map<number, string>> {
  const desa = await repo.personDesa(db, [a, b]);
  const visible = (id: number) => {
    const code = desa.get(id);
    return code !== undefined && (actor.scope.all || actor.scope.desaCodes.includes(code));
  };
  // Out of scope reads as not found, so ids cannot be probed.
  if (desa.size < 2 || !(visible(a) || visible(b))) {
    throw notFound(`Pasangan ${a}-${b} tidak ditemukan`, `Pair ${a}-${b} not found`);
  }
  return desa;
}
