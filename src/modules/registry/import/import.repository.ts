import type { Queryable } from '../../../platform/db/index.ts';
import type { RejectReason } from './reasons.ts';
import {
  HOUSEHOLD_FIELDS,
  PERSON_FIELDS,
  STAGED_COLUMNS,
  STAGED_HOUSEHOLD_COLUMNS,
} from './staging-columns.ts';

export interface ImportRecord {
  id: number;
  job_id: number | null;
  period: string;
  file_name: string;
  file_sha256: string;
  status: 'running' | 'committed' | 'unchanged' | 'failed';
  rows_total: number;
  rows_accepted: number;
  rows_rejected: number;
  households: number;
  persons: number;
  error: string | null;
  created_by: string;
  started_at: Date;
  finished_at: Date | null;
}

export interface RejectedRow {
  lineNo: number;
  raw: Record<string, string>;
  reasons: RejectReason[];
}

export async function insertImport(
  db: Queryable,
  input: { period: string; fileName: string; sha256: string; createdBy: string; jobId: number | null },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO imports (period, file_name, file_sha256, status, created_by, job_id)
     VALUES ($1, $2, $3, 'running', $4, $5) RETURNING id`,
    [input.period, input.fileName, input.sha256, input.createdBy, input.jobId],
  );
  return (row as { id: number }).id;
}

/** The import that is now the period's snapshot, if the same file made it. */
export async function findCommittedSameFile(db: Queryable, period: string, sha256: string) {
  const rows = await db.query<ImportRecord>(
    `SELECT i.* FROM periods p JOIN imports i ON i.id = p.import_id
     WHERE p.period = $1 AND i.file_sha256 = $2`,
    [period, sha256],
  );
  return rows[0];
}

export async function recordUnchanged(db: Queryable, id: number, sameAs: ImportRecord): Promise<void> {
  await db.query(
    `UPDATE imports SET status = 'unchanged', rows_total = $2, rows_accepted = $3, rows_rejected = $4,
       households = $5, persons = $6, error = $7, finished_at = now() WHERE id = $1`,
    [
      id,
      sameAs.rows_total,
      sameAs.rows_accepted,
      sameAs.rows_rejected,
      sameAs.households,
      sameAs.persons,
      `Berkas yang sama sudah diimpor untuk periode ini (impor #${sameAs.id}); tidak ada perubahan`,
    ],
  );
}

/** Loads accepted rows and their households' columns, already encoded as COPY text. */
export async function stageCopyText(
  db: Queryable,
  copyText: string,
  householdCopyText: string,
): Promise<void> {
  await db.copyText('import_staging', STAGED_COLUMNS, copyText);
  await db.copyText('import_staging_households', STAGED_HOUSEHOLD_COLUMNS, householdCopyText);
}

export async function insertRejects(
  db: Queryable,
  importId: number,
  rows: readonly RejectedRow[],
): Promise<void> {
  await db.copyRows(
    'import_rejects',
    ['import_id', 'line_no', 'raw', 'reasons'],
    rows.map((row) => [importId, row.lineNo, JSON.stringify(row.raw), JSON.stringify(row.reasons)]),
  );
}

export interface CrossRowProblem {
  line_no: number;
  reasons: RejectReason[];
}

/**
 * Checks that need other rows of the file: a person id seen on an earlier line, and household
 * columns that differ from the household's first row. Returns the offending lines with their reasons.
 */
export async function findCrossRowProblems(db: Queryable, importId: number): Promise<CrossRowProblem[]> {
  return db.query<CrossRowProblem>(
    `WITH ranked AS (
       SELECT line_no, person_id, family_id, kk, desa_code, desil,
              min(line_no) OVER (PARTITION BY person_id COLLATE "C") AS person_first,
              first_value(line_no) OVER family AS family_first,
              first_value(kk) OVER family AS first_kk,
              first_value(desa_code) OVER family AS first_desa,
              first_value(desil) OVER family AS first_desil
       FROM import_staging WHERE import_id = $1
       -- Byte order ("C") sorts ids several times faster than a language collation, same groups.
       WINDOW family AS (PARTITION BY family_id COLLATE "C" ORDER BY line_no)
     ), bad AS (
       SELECT line_no,
         CASE WHEN person_first <> line_no THEN jsonb_build_object(
           'field', 'id_individu', 'code', 'id_individu_duplicate',
           'message', format('id_individu %s sudah ada di baris %s', person_id, person_first),
           'message_en', format('id_individu %s already appears on line %s', person_id, person_first)) END AS dup,
         CASE WHEN (kk, desa_code, desil) IS DISTINCT FROM (first_kk, first_desa, first_desil) THEN jsonb_build_object(
           'field', 'id_keluarga', 'code', 'household_conflict',
           'message', format('no_kk, kode_desa atau desil berbeda dengan baris pertama keluarga %s (baris %s)', family_id, family_first),
           'message_en', format('no_kk, kode_desa or desil differ from the first row of household %s (line %s)', family_id, family_first)) END AS conflict
       FROM ranked
       WHERE person_first <> line_no OR (kk, desa_code, desil) IS DISTINCT FROM (first_kk, first_desa, first_desil)
     )
     SELECT line_no, (SELECT jsonb_agg(r) FROM unnest(ARRAY[dup, conflict]) AS r WHERE r IS NOT NULL) AS reasons
     FROM bad ORDER BY line_no`,
    [importId],
  );
}

/**
 * Planner statistics for the staged rows. Without them `import_id = $1` is guessed to match a few
 * thousand rows, and the planner joins two million staged people to their households by index
 * probes instead of one hash join: the persons load took 2.5 times as long. Only the columns the
 * import filters, groups and joins on are sampled: a quarter of the time of all 34.
 */
export async function analyzeStaging(db: Queryable): Promise<void> {
  await db.exec('ANALYZE import_staging (import_id, line_no, family_id, person_id)');
  await db.exec('ANALYZE import_staging_households (import_id, line_no, family_id)');
}

export async function unstage(db: Queryable, importId: number, lines: readonly number[]): Promise<void> {
  await db.query('DELETE FROM import_staging WHERE import_id = $1 AND line_no = ANY($2::int[])', [
    importId,
    lines,
  ]);
}

export async function countCollectedHouseholds(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM import_households');
  return row?.n ?? 0;
}

export async function isLatestPeriod(db: Queryable, period: string): Promise<boolean> {
  const [row] = await db.query<{ latest: string | null }>('SELECT max(period) AS latest FROM periods');
  return !row?.latest || period >= row.latest;
}

/**
 * Memory for the sorts and index builds of one import transaction; the defaults (4 MB) make a
 * two-million-row import spill every sort to disk.
 */
export async function raiseMemoryForBulkWork(tx: Queryable): Promise<void> {
  await tx.exec(`SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '256MB'`);
}

/**
 * The commit of an import need not wait for its WAL to reach the disk: a crash in the fraction of a
 * second after it loses the whole import or none of it (never part), and the operator sees the
 * import failed and runs it again.
 */
export async function commitWithoutWaitingForDisk(tx: Queryable): Promise<void> {
  await tx.exec('SET LOCAL synchronous_commit = off');
}

/**
 * Each household with its member count, its columns from its earliest staged line in
 * import_staging_households: the row its other rows were checked against, so the remaining rows
 * agree with it on kk, desa and desil. Grouping by hash and fetching the first rows by line number
 * costs about half of sorting every staged row by household.
 */
export async function collectHouseholds(tx: Queryable, importId: number): Promise<void> {
  await tx.exec(`CREATE TEMP TABLE import_households ON COMMIT DROP AS
    SELECT family_id, ${HOUSEHOLD_FIELDS.join(', ')}, 0 AS members FROM import_staging_households WITH NO DATA`);
  await tx.query(
    `INSERT INTO import_households
     SELECT h.family_id, ${HOUSEHOLD_FIELDS.map((f) => `h.${f}`).join(', ')}, m.members
     FROM (SELECT family_id, count(*)::int AS members FROM import_staging WHERE import_id = $1 GROUP BY family_id) m
     JOIN (SELECT family_id, min(line_no) AS first_line
           FROM import_staging_households WHERE import_id = $1 GROUP BY family_id) f ON f.family_id = m.family_id
     JOIN import_staging_households h ON h.line_no = f.first_line AND h.import_id = $1`,
    [importId],
  );
}

/**
 * Beranda's counts (registry_desa_counts) when the import filled an empty registry: every household
 * and person is new and so active, and the collected households are the period's snapshot, so the
 * counts are theirs. The same figures as summary.repository.ts recount(), which would read the
 * snapshots, the households and the persons again.
 */
export async function countFirstImport(tx: Queryable, period: string): Promise<void> {
  await tx.query('DELETE FROM registry_desa_counts WHERE period = $1', [period]);
  await tx.query(
    `INSERT INTO registry_desa_counts (period, desa_code, desil, households, persons)
     SELECT $1, desa_code, desil, count(*)::int, sum(members)::int
     FROM import_households GROUP BY desa_code, desil`,
    [period],
  );
}

export async function isRegistryEmpty(tx: Queryable): Promise<boolean> {
  const [row] = await tx.query('SELECT 1 FROM households LIMIT 1');
  return !row;
}

/** Replaces the period's snapshot with the staged rows. */
export async function writeSnapshot(tx: Queryable, importId: number, period: string): Promise<void> {
  await tx.query('DELETE FROM snapshot_persons WHERE period = $1', [period]);
  await tx.query('DELETE FROM snapshot_households WHERE period = $1', [period]);
  await withBulkLoad(tx, 'snapshot_households', () =>
    tx.query(
      `INSERT INTO snapshot_households (period, family_id, kk, desa_code, desil, members)
       SELECT $1, family_id, kk, desa_code, desil, members FROM import_households`,
      [period],
    ),
  );
  await withBulkLoad(tx, 'snapshot_persons', () =>
    tx.query(
      `INSERT INTO snapshot_persons (period, person_id, family_id, nik, desa_code)
       SELECT $2, person_id, family_id, nik, desa_code FROM import_staging WHERE import_id = $1`,
      [importId, period],
    ),
  );
}

/**
 * Brings the current registry up to the staged rows. From the latest period every value is taken,
 * but only rows whose values differ are written, so a quarter with few changes writes few rows; from
 * an older period only records the registry has never seen are added, so nobody is lost either way.
 * Into an empty registry (the first import) the rows are plainly inserted: nothing can conflict.
 */
export async function mergeIntoRegistry(tx: Queryable, importId: number, period: string, latest: boolean) {
  const householdSet = latest
    ? `${HOUSEHOLD_FIELDS.map((f) => `${f} = EXCLUDED.${f}`).join(', ')},
       first_period = LEAST(households.first_period, EXCLUDED.first_period), updated_at = now()
       WHERE (${HOUSEHOLD_FIELDS.map((f) => `households.${f}`).join(', ')})
         IS DISTINCT FROM (${HOUSEHOLD_FIELDS.map((f) => `EXCLUDED.${f}`).join(', ')})
         OR EXCLUDED.first_period < households.first_period`
    : 'first_period = EXCLUDED.first_period WHERE EXCLUDED.first_period < households.first_period';
  await withBulkLoad(tx, 'households', (empty) =>
    tx.query(
      `INSERT INTO households (family_id, ${HOUSEHOLD_FIELDS.join(', ')}, first_period)
       SELECT family_id, ${HOUSEHOLD_FIELDS.join(', ')}, $1 FROM import_households
       ${empty ? '' : `ON CONFLICT (family_id) DO UPDATE SET ${householdSet}`}`,
      [period],
    ),
  );

  const personValues = ['household_id', 'desa_code', ...PERSON_FIELDS];
  const personSet = latest
    ? `${personValues.map((f) => `${f} = EXCLUDED.${f}`).join(', ')},
       first_period = LEAST(persons.first_period, EXCLUDED.first_period), updated_at = now()
       WHERE (${personValues.map((f) => `persons.${f}`).join(', ')})
         IS DISTINCT FROM (${personValues.map((f) => `EXCLUDED.${f}`).join(', ')})
         OR EXCLUDED.first_period < persons.first_period`
    : 'first_period = EXCLUDED.first_period WHERE EXCLUDED.first_period < persons.first_period';
  await withBulkLoad(tx, 'persons', (empty) =>
    tx.query(
      `INSERT INTO persons (person_id, ${personValues.join(', ')}, first_period)
       SELECT s.person_id, h.id, s.desa_code, ${PERSON_FIELDS.map((f) => `s.${f}`).join(', ')}, $2
       FROM import_staging s JOIN households h ON h.family_id = s.family_id
       WHERE s.import_id = $1
       ${empty ? '' : `ON CONFLICT (person_id) DO UPDATE SET ${personSet}`}`,
      [importId, period],
    ),
  );
}

type BulkTable = 'households' | 'persons' | 'snapshot_households' | 'snapshot_persons';

/**
 * Loading into an empty table (the first import) is several times faster without its indexes and
 * constraints: checked row by row, a foreign key costs a lookup and a row lock per row, a unique
 * index a probe per row. They are dropped and made again once at the end, inside the same
 * transaction, so a failure or a kill restores them with the rest. Keys other tables refer to stay.
 * Into a filled table rows go through the indexes and constraints as usual.
 */
async function withBulkLoad(tx: Queryable, table: BulkTable, load: (empty: boolean) => Promise<unknown>) {
  const [existing] = await tx.query(`SELECT 1 FROM ${table} LIMIT 1`);
  if (existing) {
    await load(false);
    return;
  }
  const constraints = await tx.query<{ name: string; definition: string }>(
    `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c
     WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u', 'f')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.conindid = c.conindid AND c.contype <> 'f')
     ORDER BY c.contype = 'f'`,
    [table],
  );
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [table],
  );
  for (const constraint of constraints)
    await tx.exec(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint.name}`);
  for (const index of indexes) await tx.exec(`DROP INDEX ${index.name}`);
  await load(true);
  // Keys first: the foreign keys (listed last) are then checked in one join each.
  for (const constraint of constraints) {
    await tx.exec(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint.name} ${constraint.definition}`);
  }
  for (const index of indexes) await tx.exec(index.definition);
}

export async function markCommitted(
  db: Queryable,
  importId: number,
  period: string,
  counts: { rowsTotal: number; rowsRejected: number; households: number; persons: number },
): Promise<void> {
  await db.query(
    `INSERT INTO periods (period, import_id) VALUES ($1, $2)
     ON CONFLICT (period) DO UPDATE SET import_id = EXCLUDED.import_id, committed_at = now()`,
    [period, importId],
  );
  await db.query(
    `UPDATE imports SET status = 'committed', rows_total = $2, rows_accepted = $3, rows_rejected = $4,
       households = $5, persons = $6, finished_at = now() WHERE id = $1`,
    [importId, counts.rowsTotal, counts.persons, counts.rowsRejected, counts.households, counts.persons],
  );
  // Only one import runs at a time (imports_one_running_idx), so staging holds this import's rows
  // alone: emptying it whole is far cheaper than deleting them row by row, and as transactional.
  await db.exec('TRUNCATE import_staging, import_staging_households');
}

/**
 * Fresh planner statistics after a load: without them (PGlite has no autovacuum at all) the first
 * searches of a new district get poor plans.
 */
export async function refreshStatistics(db: Queryable): Promise<void> {
  await db.exec('ANALYZE households, persons, snapshot_households, snapshot_persons');
}

export async function markFailed(
  db: Queryable,
  importId: number,
  error: string,
  counts?: { rowsTotal: number; rowsRejected: number },
): Promise<void> {
  await db.query('DELETE FROM import_staging WHERE import_id = $1', [importId]);
  await db.query('DELETE FROM import_staging_households WHERE import_id = $1', [importId]);
  await db.query(
    `UPDATE imports SET status = 'failed', error = $2, rows_total = COALESCE($3, rows_total),
       rows_rejected = COALESCE($4, rows_rejected), finished_at = now() WHERE id = $1`,
    [importId, error, counts?.rowsTotal ?? null, counts?.rowsRejected ?? null],
  );
}

/**
 * An import left running by a process that died is failed, and its half-written staging and
 * rejects are removed; the registry itself was never touched by it.
 */
export async function cleanUpInterrupted(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE imports SET status = 'failed', finished_at = now(),
       error = 'Impor terhenti sebelum selesai (server berhenti); registri tidak berubah'
     WHERE status = 'running' RETURNING id`,
  );
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    await db.query('DELETE FROM import_staging WHERE import_id = ANY($1::bigint[])', [ids]);
    await db.query('DELETE FROM import_staging_households WHERE import_id = ANY($1::bigint[])', [ids]);
    await db.query('DELETE FROM import_rejects WHERE import_id = ANY($1::bigint[])', [ids]);
  }
  return ids.length;
}

export async function findImport(db: Queryable, id: number): Promise<ImportRecord | undefined> {
  const rows = await db.query<ImportRecord>('SELECT * FROM imports WHERE id = $1', [id]);
  return rows[0];
}

export async function listImports(db: Queryable, limit: number, offset: number): Promise<ImportRecord[]> {
  return db.query<ImportRecord>('SELECT * FROM imports ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
}

export interface RejectRecord {
  line_no: number;
  raw: Record<string, string>;
  reasons: RejectReason[];
}

export async function listRejects(
  db: Queryable,
  importId: number,
  afterLine: number,
  limit: number,
  /** Desa codes (dotted and plain) whose rows the caller may see; null for the whole district. */
  desaCodes: string[] | null,
): Promise<RejectRecord[]> {
  return db.query<RejectRecord>(
    `SELECT line_no, raw, reasons FROM import_rejects
     WHERE import_id = $1 AND line_no > $2 AND ($4::text[] IS NULL OR trim(raw->>'kode_desa') = ANY($4::text[]))
     ORDER BY line_no LIMIT $3`,
    [importId, afterLine, limit, desaCodes],
  );
}
