import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { RecordStatus } from './vocabulary.ts';

export interface PersonRow {
  id: number;
  person_id: string;
  household_id: number;
  family_id: string;
  kk: string;
  desa_code: string;
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birth_place: string | null;
  birth_date: string;
  relationship: string;
  mother_name: string | null;
  marital_status: string | null;
  education: string | null;
  occupation: string | null;
  disability: string | null;
  status: RecordStatus;
  desil: number | null;
  first_period: string;
  last_period: string;
}

export interface HouseholdRow {
  id: number;
  family_id: string;
  kk: string;
  desa_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  desil: number | null;
  floor_type: string | null;
  wall_type: string | null;
  roof_type: string | null;
  drinking_water: string | null;
  sanitation: string | null;
  lighting: string | null;
  cooking_fuel: string | null;
  house_ownership: string | null;
  assets: string[];
  livestock: Record<string, number>;
  status: RecordStatus;
  first_period: string;
  last_period: string;
  members: number;
}

export interface PersonSearch {
  nik?: string;
  kk?: string;
  name?: string;
  desa?: string;
  status?: RecordStatus;
  limit: number;
  offset: number;
}

export interface HouseholdSearch {
  kk?: string;
  familyId?: string;
  desa?: string;
  desil?: number;
  status?: RecordStatus;
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  /** Exact up to COUNT_CAP; beyond it the count stops and `total_capped` says so. */
  total: number;
  total_capped: boolean;
}

const COUNT_CAP = 10_000;

interface Selection {
  columns: string;
  from: string;
}

// A record's latest period is read from the snapshots (see migrations/0002_registry.sql).
const PERSON: Selection = {
  columns: `p.id, p.person_id, p.household_id, h.family_id, h.kk, p.desa_code, p.nik, p.name,
    p.sex, p.birth_place, p.birth_date, p.relationship, p.mother_name, p.marital_status, p.education,
    p.occupation, p.disability, p.status, h.desil, p.first_period,
    (SELECT max(sp.period) FROM snapshot_persons sp WHERE sp.person_id = p.person_id) AS last_period`,
  from: 'persons p JOIN households h ON h.id = p.household_id',
};

const HOUSEHOLD: Selection = {
  columns: `h.*, (SELECT count(*)::int FROM persons m WHERE m.household_id = h.id) AS members,
    (SELECT max(sh.period) FROM snapshot_households sh WHERE sh.family_id = h.family_id) AS last_period`,
  from: 'households h',
};

const select = (selection: Selection, where: ScopedWhere) =>
  `SELECT ${selection.columns} FROM ${selection.from} ${where.sql}`;

export async function searchPersons(
  db: Queryable,
  scope: AreaScope,
  query: PersonSearch,
): Promise<Page<PersonRow>> {
  const where = new ScopedWhere('p.desa_code', scope);
  if (query.nik) where.add('p.nik = ?', query.nik);
  if (query.kk) where.add('h.kk = ?', query.kk);
  if (query.desa) where.add('p.desa_code = ?', query.desa);
  if (query.status) where.add('p.status = ?', query.status);
  if (query.name)
    where.add(`lower(p.name) LIKE '%' || ? || '%'`, escapeLike(query.name.trim().toLowerCase()));
  return page(db, PERSON, where, 'p.name, p.id', query);
}

export async function searchHouseholds(
  db: Queryable,
  scope: AreaScope,
  query: HouseholdSearch,
): Promise<Page<HouseholdRow>> {
  const where = new ScopedWhere('h.desa_code', scope);
  if (query.kk) where.add('h.kk = ?', query.kk);
  if (query.familyId) where.add('h.family_id = ?', query.familyId);
  if (query.desa) where.add('h.desa_code = ?', query.desa);
  if (query.desil) where.add('h.desil = ?', query.desil);
  if (query.status) where.add('h.status = ?', query.status);
  return page(db, HOUSEHOLD, where, 'h.desa_code, h.family_id', query);
}

async function page<T>(
  db: Queryable,
  selection: Selection,
  where: ScopedWhere,
  orderBy: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<Page<T>> {
  const n = where.params.length;
  const items = await db.query<T>(
    `${select(selection, where)} ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, limit, offset],
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${selection.from} ${where.sql} LIMIT ${COUNT_CAP + 1}) AS capped`,
    where.params,
  );
  const total = count?.n ?? 0;
  return { items, total: Math.min(total, COUNT_CAP), total_capped: total > COUNT_CAP };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export async function findHousehold(
  db: Queryable,
  scope: AreaScope,
  id: number,
): Promise<HouseholdRow | undefined> {
  const where = new ScopedWhere('h.desa_code', scope);
  where.add('h.id = ?', id);
  const rows = await db.query<HouseholdRow>(select(HOUSEHOLD, where), where.params);
  return rows[0];
}

export async function findPerson(
  db: Queryable,
  scope: AreaScope,
  id: number,
): Promise<PersonRow | undefined> {
  const where = new ScopedWhere('p.desa_code', scope);
  where.add('p.id = ?', id);
  const rows = await db.query<PersonRow>(select(PERSON, where), where.params);
  return rows[0];
}

export async function membersOf(db: Queryable, scope: AreaScope, householdId: number): Promise<PersonRow[]> {
  const where = new ScopedWhere('p.desa_code', scope).add('p.household_id = ?', householdId);
  return db.query<PersonRow>(
    `${select(PERSON, where)}
     ORDER BY CASE p.relationship WHEN 'kepala_keluarga' THEN 0 WHEN 'istri_suami' THEN 1 ELSE 2 END, p.birth_date`,
    where.params,
  );
}

export interface StatusChange {
  id: number;
  subject_type: 'household' | 'person';
  subject_id: number;
  from_status: RecordStatus;
  to_status: RecordStatus;
  reason: string;
  changed_by: string;
  changed_at: Date;
  /** For `ganda`: the record that survives. */
  related_id: number | null;
}

export async function statusHistory(
  db: Queryable,
  subjects: { type: 'household' | 'person'; ids: number[] }[],
): Promise<StatusChange[]> {
  const householdIds = subjects.find((s) => s.type === 'household')?.ids ?? [];
  const personIds = subjects.find((s) => s.type === 'person')?.ids ?? [];
  return db.query<StatusChange>(
    `SELECT * FROM status_history
     WHERE (subject_type = 'household' AND subject_id = ANY($1::bigint[]))
        OR (subject_type = 'person' AND subject_id = ANY($2::bigint[]))
     ORDER BY changed_at, id`,
    [householdIds, personIds],
  );
}

export async function snapshotsOfHousehold(db: Queryable, familyId: string) {
  return db.query<{ period: string; kk: string; desa_code: string; desil: number; members: number }>(
    'SELECT period, kk, desa_code, desil, members FROM snapshot_households WHERE family_id = $1 ORDER BY period',
    [familyId],
  );
}

/** Sets a status and records the change; returns null when the record is not in the area. */
export async function setStatus(
  db: Queryable,
  scope: AreaScope,
  change: {
    type: 'household' | 'person';
    id: number;
    status: RecordStatus;
    reason: string;
    by: string;
    relatedId?: number;
  },
): Promise<StatusChange | null> {
  const table = change.type === 'household' ? 'households' : 'persons';
  const where = new ScopedWhere('desa_code', scope).add('id = ?', change.id);
  const [current] = await db.query<{ status: RecordStatus }>(
    `SELECT status FROM ${table} ${where.sql} FOR UPDATE`,
    where.params,
  );
  if (!current) return null;
  await db.query(`UPDATE ${table} SET status = $2, updated_at = now() WHERE id = $1`, [
    change.id,
    change.status,
  ]);
  const [row] = await db.query<StatusChange>(
    `INSERT INTO status_history (subject_type, subject_id, from_status, to_status, reason, changed_by, related_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [
      change.type,
      change.id,
      current.status,
      change.status,
      change.reason,
      change.by,
      change.relatedId ?? null,
    ],
  );
  return row as StatusChange;
}

export interface Correction {
  id: number;
  subject_type: 'household' | 'person';
  subject_id: number;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  changed_by: string;
  changed_at: Date;
}

/**
 * Sets one field (already checked by correction.ts, so `field` is a known column) and records the
 * old and new value; returns null when the record is not in the area.
 */
export async function correctField(
  db: Queryable,
  scope: AreaScope,
  change: {
    type: 'household' | 'person';
    id: number;
    field: string;
    value: string;
    reason: string;
    by: string;
  },
): Promise<(Correction & { desa_code: string }) | null> {
  const table = change.type === 'household' ? 'households' : 'persons';
  const where = new ScopedWhere('desa_code', scope).add('id = ?', change.id);
  const [current] = await db.query<{ value: string | null; desa_code: string }>(
    `SELECT ${change.field}::text AS value, desa_code FROM ${table} ${where.sql} FOR UPDATE`,
    where.params,
  );
  if (!current) return null;
  await db.query(
    `UPDATE ${table} SET ${change.field} = $2::${columnType(change.field)}, updated_at = now() WHERE id = $1`,
    [change.id, change.value],
  );
  const [row] = await db.query<Correction>(
    `INSERT INTO record_corrections (subject_type, subject_id, field, old_value, new_value, reason, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [change.type, change.id, change.field, current.value, change.value, change.reason, change.by],
  );
  return { ...(row as Correction), desa_code: current.desa_code };
}

/** The SQL type of a correctable column: all text but these two. */
function columnType(field: string): string {
  if (field === 'birth_date') return 'date';
  if (field === 'desil') return 'smallint';
  return 'text';
}

export async function correctionsOf(
  db: Queryable,
  subjects: { type: 'household' | 'person'; ids: number[] }[],
): Promise<Correction[]> {
  const householdIds = subjects.find((s) => s.type === 'household')?.ids ?? [];
  const personIds = subjects.find((s) => s.type === 'person')?.ids ?? [];
  return db.query<Correction>(
    `SELECT * FROM record_corrections
     WHERE (subject_type = 'household' AND subject_id = ANY($1::bigint[]))
        OR (subject_type = 'person' AND subject_id = ANY($2::bigint[]))
     ORDER BY changed_at, id`,
    [householdIds, personIds],
  );
}
