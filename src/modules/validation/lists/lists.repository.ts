import type { Queryable } from '../../../platform/db/index.ts';
import type { AsnEntry, DeathEntry, ListKind, ListRejectReason } from './list-checks.ts';

export interface ListRecord {
  id: number;
  kind: ListKind;
  job_id: number | null;
  file_name: string;
  status: 'running' | 'committed' | 'failed';
  rows_total: number;
  rows_accepted: number;
  rows_rejected: number;
  error: string | null;
  replaced_by: number | null;
  /** Whether this is the list of its kind the rules use now. */
  current: boolean;
  created_by: string;
  started_at: Date;
  finished_at: Date | null;
}

export interface ListRejectRecord {
  line_no: number;
  raw: Record<string, string>;
  reasons: ListRejectReason[];
}

export interface Counts {
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
}

const LIST_COLUMNS_SQL = `id, kind, job_id, file_name, status, rows_total, rows_accepted, rows_rejected, error,
  replaced_by, (status = 'committed' AND replaced_by IS NULL) AS current, created_by, started_at, finished_at`;

export async function insertList(
  db: Queryable,
  list: { kind: ListKind; jobId: number | null; fileName: string; sha256: string; createdBy: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO external_lists (kind, job_id, file_name, file_sha256, status, created_by)
     VALUES ($1, $2, $3, $4, 'running', $5) RETURNING id`,
    [list.kind, list.jobId, list.fileName, list.sha256, list.createdBy],
  );
  return (row as { id: number }).id;
}

export async function insertDeathEntries(
  db: Queryable,
  listId: number,
  rows: readonly { lineNo: number; entry: DeathEntry }[],
): Promise<void> {
  await db.copyRows(
    'death_register_entries',
    [
      'list_id',
      'line_no',
      'certificate_no',
      'nik',
      'name',
      'sex',
      'birth_place',
      'birth_date',
      'death_date',
      'desa_code',
      'mother_name',
    ],
    rows.map(({ lineNo, entry: e }) => [
      listId,
      lineNo,
      e.certificate_no,
      e.nik,
      e.name,
      e.sex,
      e.birth_place,
      e.birth_date,
      e.death_date,
      e.desa_code,
      e.mother_name,
    ]),
  );
}

export async function insertAsnEntries(
  db: Queryable,
  listId: number,
  rows: readonly { lineNo: number; entry: AsnEntry }[],
): Promise<void> {
  await db.copyRows(
    'asn_list_entries',
    ['list_id', 'line_no', 'nip', 'nik', 'name', 'birth_date', 'sex', 'staff_kind', 'agency', 'position'],
    rows.map(({ lineNo, entry: e }) => [
      listId,
      lineNo,
      e.nip,
      e.nik,
      e.name,
      e.birth_date,
      e.sex,
      e.staff_kind,
      e.agency,
      e.position,
    ]),
  );
}

export async function insertRejects(
  db: Queryable,
  listId: number,
  rows: readonly { lineNo: number; raw: Record<string, string>; reasons: ListRejectReason[] }[],
): Promise<void> {
  await db.copyRows(
    'external_list_rejects',
    ['list_id', 'line_no', 'raw', 'reasons'],
    rows.map((row) => [listId, row.lineNo, JSON.stringify(row.raw), JSON.stringify(row.reasons)]),
  );
}

/** Makes the list the current one of its kind; the previous current list points at it from then on. */
export async function commitList(
  db: Queryable,
  listId: number,
  kind: ListKind,
  counts: Counts,
): Promise<void> {
  await db.query(
    `UPDATE external_lists SET replaced_by = $1
     WHERE kind = $2 AND status = 'committed' AND replaced_by IS NULL AND id <> $1`,
    [listId, kind],
  );
  await db.query(
    `UPDATE external_lists SET status = 'committed', rows_total = $2, rows_accepted = $3, rows_rejected = $4,
       finished_at = now() WHERE id = $1`,
    [listId, counts.rowsTotal, counts.rowsAccepted, counts.rowsRejected],
  );
}

export async function markFailed(
  db: Queryable,
  listId: number,
  error: string,
  counts: Counts,
): Promise<void> {
  await db.query(
    `UPDATE external_lists SET status = 'failed', error = $2, rows_total = $3, rows_accepted = $4,
       rows_rejected = $5, finished_at = now() WHERE id = $1`,
    [listId, error, counts.rowsTotal, counts.rowsAccepted, counts.rowsRejected],
  );
}

export async function listLists(
  db: Queryable,
  kind: ListKind | null,
  limit: number,
  offset: number,
): Promise<ListRecord[]> {
  return db.query<ListRecord>(
    `SELECT ${LIST_COLUMNS_SQL} FROM external_lists WHERE ($1::text IS NULL OR kind = $1)
     ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [kind, limit, offset],
  );
}

export async function findList(db: Queryable, id: number): Promise<ListRecord | undefined> {
  const [row] = await db.query<ListRecord>(`SELECT ${LIST_COLUMNS_SQL} FROM external_lists WHERE id = $1`, [
    id,
  ]);
  return row;
}

export async function currentList(db: Queryable, kind: ListKind): Promise<ListRecord | undefined> {
  const [row] = await db.query<ListRecord>(
    `SELECT ${LIST_COLUMNS_SQL} FROM external_lists
     WHERE kind = $1 AND status = 'committed' AND replaced_by IS NULL`,
    [kind],
  );
  return row;
}

export async function listRejects(
  db: Queryable,
  listId: number,
  afterLine: number,
  limit: number,
): Promise<ListRejectRecord[]> {
  return db.query<ListRejectRecord>(
    `SELECT line_no, raw, reasons FROM external_list_rejects WHERE list_id = $1 AND line_no > $2
     ORDER BY line_no LIMIT $3`,
    [listId, afterLine, limit],
  );
}

export async function knownDesaCodes(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'desa_kelurahan'`);
  return new Set(rows.map((row) => row.code));
}

export type DeathEntryRow = DeathEntry & { line_no: number };
export type AsnEntryRow = AsnEntry & { line_no: number };

export async function deathEntries(db: Queryable, listId: number): Promise<DeathEntryRow[]> {
  return db.query<DeathEntryRow>(
    `SELECT line_no, certificate_no, nik, name, sex, birth_place, birth_date, death_date, desa_code, mother_name
     FROM death_register_entries WHERE list_id = $1 ORDER BY line_no`,
    [listId],
  );
}

export async function asnEntries(db: Queryable, listId: number): Promise<AsnEntryRow[]> {
  return db.query<AsnEntryRow>(
    `SELECT line_no, nip, nik, name, birth_date, sex, staff_kind, agency, position
     FROM asn_list_entries WHERE list_id = $1 ORDER BY line_no`,
    [listId],
  );
}
