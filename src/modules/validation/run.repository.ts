import type { Queryable } from '../../platform/db/index.ts';
import type { FindingCandidate, Rule, RunScope } from './rule.ts';

/**
 * SQL of a validation run: the run rows, and turning one rule's candidates into findings. Every step
 * is set-wise (one statement per kind of change), so a rule's tens of thousands of findings cost a few
 * statements, not one per finding.
 */

export interface RuleStats {
  rule_id: string;
  found: number;
  opened: number;
  reopened: number;
  closed: number;
  ms: number;
}

export interface RunRow {
  id: number;
  job_id: number | null;
  scope: string[] | null;
  trigger: 'manual' | 'import';
  import_id: number | null;
  status: 'running' | 'succeeded' | 'failed';
  rules: RuleStats[];
  error: string | null;
  created_by: string;
  started_at: Date;
  finished_at: Date | null;
}

/** The actor id written on what a run does by itself (closing and reopening findings). */
export const SYSTEM_ACTOR = { id: 'system:validation', name: 'Validasi otomatis' };

/** Runs left 'running' by a process that died (their job was failed at start) no longer block new runs. */
export async function failInterruptedRuns(db: Queryable): Promise<void> {
  // A run gets its job a moment after its row: a row without a job is left alone for a minute.
  await db.query(
    `UPDATE validation_runs r SET status = 'failed', error = 'interrupted', finished_at = now()
     WHERE r.status = 'running' AND (
       (r.job_id IS NULL AND r.started_at < now() - interval '1 minute') OR EXISTS (
       SELECT 1 FROM jobs j WHERE j.id = r.job_id AND j.status <> 'running'))`,
  );
}

export async function insertRun(
  db: Queryable,
  run: { scope: RunScope; trigger: 'manual' | 'import'; importId: number | null; by: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO validation_runs (job_id, scope, trigger, import_id, status, created_by)
     VALUES (NULL, $1, $2, $3, 'running', $4) RETURNING id`,
    [run.scope.desaCodes, run.trigger, run.importId, run.by],
  );
  return (row as { id: number }).id;
}

export async function attachJob(db: Queryable, id: number, jobId: number): Promise<void> {
  await db.query('UPDATE validation_runs SET job_id = $2 WHERE id = $1', [id, jobId]);
}

export async function finishRun(db: Queryable, id: number, rules: RuleStats[], error: string | null) {
  await db.query(
    `UPDATE validation_runs SET status = $2, rules = $3, error = $4, finished_at = now() WHERE id = $1`,
    [id, error ? 'failed' : 'succeeded', JSON.stringify(rules), error],
  );
}

export async function findRun(db: Queryable, id: number): Promise<RunRow | undefined> {
  const [row] = await db.query<RunRow>('SELECT * FROM validation_runs WHERE id = $1', [id]);
  return row;
}

export async function listRuns(db: Queryable, limit: number, offset: number): Promise<RunRow[]> {
  return db.query<RunRow>('SELECT * FROM validation_runs ORDER BY id DESC LIMIT $1 OFFSET $2', [
    limit,
    offset,
  ]);
}

const CANDIDATE_COLUMNS = ['subject_type', 'subject_id', 'desa_code', 'key', 'evidence', 'severity'] as const;

/** A table of this transaction for one rule's candidates; dropped at commit. */
export async function createCandidateTable(tx: Queryable): Promise<void> {
  await tx.exec(`CREATE TEMP TABLE validation_candidates (
    subject_type text NOT NULL, subject_id bigint NOT NULL, desa_code text NOT NULL, key text NOT NULL,
    evidence jsonb NOT NULL, severity text) ON COMMIT DROP`);
}

export async function insertSqlCandidates(tx: Queryable, sql: string, scope: RunScope): Promise<void> {
  await tx.query(
    `INSERT INTO validation_candidates (${CANDIDATE_COLUMNS.join(', ')})
     SELECT subject_type, subject_id, desa_code, key, evidence, severity FROM (${sql}) rule_rows`,
    [scope.desaCodes],
  );
}

export async function insertProgramCandidates(tx: Queryable, candidates: FindingCandidate[]): Promise<void> {
  await tx.copyRows(
    'validation_candidates',
    CANDIDATE_COLUMNS,
    candidates.map((c) => [
      c.subjectType,
      c.subjectId,
      c.desaCode,
      c.key,
      JSON.stringify(c.evidence),
      c.severity ?? null,
    ]),
  );
}

/**
 * Brings one rule's findings in line with its candidates, within the run's scope:
 * - new causes open a finding;
 * - open and confirmed findings found again get the fresh evidence;
 * - dismissed findings stay dismissed, and so do findings resolved as 'no_change' (someone checked);
 * - findings resolved by a registry action whose cause is back are reopened;
 * - open and confirmed findings whose cause is gone are resolved by the system, with the reason.
 * Status changes made here are written to finding_events like anyone's.
 */
export async function reconcile(
  tx: Queryable,
  rule: Rule,
  runId: number,
  scope: RunScope,
): Promise<Omit<RuleStats, 'ms'>> {
  // One candidate per identity (a rule may emit the same subject and key twice); statistics for the planner.
  await tx.exec(`CREATE TEMP TABLE validation_unique ON COMMIT DROP AS
    SELECT DISTINCT ON (subject_type, subject_id, key) * FROM validation_candidates
    ORDER BY subject_type, subject_id, key;
    ANALYZE validation_unique`);
  const [{ found } = { found: 0 }] = await tx.query<{ found: number }>(
    'SELECT count(*)::int AS found FROM validation_unique',
  );
  const match = `f.rule_id = $1 AND f.subject_type = c.subject_type AND f.subject_id = c.subject_id AND f.key = c.key`;
  const event = (reason: string) =>
    `INSERT INTO finding_events (finding_id, kind, from_status, to_status, text, actor_id, actor_name)
     SELECT id, 'status', from_status, status, '${reason}', '${SYSTEM_ACTOR.id}', '${SYSTEM_ACTOR.name}' FROM changed`;

  const reopened = await tx.query(
    `WITH changed AS (
       UPDATE findings f SET status = 'open', evidence = c.evidence, desa_code = c.desa_code,
         severity = coalesce(c.severity, $2), resolution = NULL, resolved_at = NULL, updated_at = now()
       FROM validation_unique c
       WHERE ${match} AND f.status = 'resolved'
         AND f.resolution->>'action' IS DISTINCT FROM 'no_change'
       RETURNING f.id, 'resolved'::text AS from_status, f.status)
     ${event('Penyebab ditemukan lagi oleh validasi / the cause was found again')} RETURNING finding_id`,
    [rule.id, rule.severity],
  );
  await tx.query(
    `UPDATE findings f SET evidence = c.evidence, desa_code = c.desa_code,
       severity = coalesce(c.severity, $2), updated_at = now()
     FROM validation_unique c
     WHERE ${match} AND f.status IN ('open', 'confirmed')
       AND (f.evidence <> c.evidence OR f.desa_code <> c.desa_code OR f.severity <> coalesce(c.severity, $2))`,
    [rule.id, rule.severity],
  );
  const opened = await tx.query(
    `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence, first_run_id)
     SELECT $1, c.subject_type, c.subject_id, c.key, c.desa_code, coalesce(c.severity, $2), c.evidence, $3
     FROM validation_unique c
     WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE ${match})
     RETURNING id`,
    [rule.id, rule.severity, runId],
  );
  const closed = await tx.query(
    `WITH gone AS (
       SELECT f.id, f.status FROM findings f
       WHERE f.rule_id = $1 AND f.status IN ('open', 'confirmed')
         AND ($2::text[] IS NULL OR f.desa_code = ANY($2::text[]))
         AND NOT EXISTS (SELECT 1 FROM validation_unique c WHERE ${match})),
     changed AS (
       UPDATE findings f SET status = 'resolved', resolved_at = now(), updated_at = now(),
         resolution = jsonb_build_object('action', 'cause_gone', 'run_id', $3::bigint)
       FROM gone WHERE f.id = gone.id
       RETURNING f.id, gone.status AS from_status, f.status)
     ${event('Penyebab sudah tidak ditemukan oleh validasi / the cause is no longer found')} RETURNING finding_id`,
    [rule.id, scope.desaCodes, runId],
  );
  return { rule_id: rule.id, found, opened: opened.length, reopened: reopened.length, closed: closed.length };
}
