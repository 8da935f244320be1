import type { Queryable } from '../../../platform/db/index.ts';

export interface PairDecisionRow {
  id: number;
  person_a: number;
  person_b: number;
  same: boolean;
  reason: string | null;
  decided_by: string;
  decided_at: Date;
}

export async function insertDecision(
  db: Queryable,
  decision: { personA: number; personB: number; same: boolean; reason: string | null; decidedBy: string },
): Promise<PairDecisionRow> {
  const [row] = await db.query<PairDecisionRow>(
    `INSERT INTO pair_decisions (person_a, person_b, same, reason, decided_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING *`,
    [decision.personA, decision.personB, decision.same, decision.reason, decision.decidedBy],
  );
  return row as PairDecisionRow;
}

/** The latest decision on each pair: what the linkage engine takes as input. */
export async function latestDecisions(
  db: Queryable,
): Promise<{ person_a: number; person_b: number; same: boolean }[]> {
  return db.query(
    `SELECT DISTINCT ON (person_a, person_b) person_a, person_b, same FROM pair_decisions
     ORDER BY person_a, person_b, id DESC`,
  );
}

/** Every decision on one pair, newest first. */
export async function decisionsOf(
  db: Queryable,
  personA: number,
  personB: number,
): Promise<PairDecisionRow[]> {
  return db.query<PairDecisionRow>(
    'SELECT * FROM pair_decisions WHERE person_a = $1 AND person_b = $2 ORDER BY id DESC',
    [personA, personB],
  );
}

export async function personDesa(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; desa_code: string }>(
    'SELECT id, desa_code FROM persons WHERE id = ANY($1::bigint[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.desa_code]));
}

/** Whether the finding is the duplicate finding of this pair (the rule's key names the pair). */
export async function isPairFinding(
  db: Queryable,
  findingId: number,
  personA: number,
  personB: number,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM findings WHERE id = $1 AND rule_id = 'duplicate_person' AND key = $2`,
    [findingId, `pair:${personA}:${personB}`],
  );
  return rows.length > 0;
}
