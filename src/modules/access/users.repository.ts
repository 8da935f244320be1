import type { Queryable } from '../../platform/db/index.ts';

export interface RoleRow {
  name: string;
  label: string;
  label_en: string;
  scoped: boolean;
  permissions: string[];
}

export interface AreaRow {
  code: string;
  name: string;
  level: string;
}

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: string;
  pillar_type: string | null;
  agency: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  password_changed_at: Date;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** What login needs: the row with its hash. Never leaves the access module. */
export interface UserCredentials extends UserRow {
  password_hash: string;
}

const USER_COLUMNS = `u.id, u.username, u.full_name, u.role, u.pillar_type, u.agency, u.active, u.failed_logins,
  u.locked_until, u.password_changed_at, u.created_by, u.created_at, u.updated_at`;

export async function listRoles(db: Queryable): Promise<RoleRow[]> {
  return db.query<RoleRow>(
    `SELECT r.name, r.label, r.label_en, r.scoped,
       ARRAY(SELECT p.permission FROM role_permissions p WHERE p.role = r.name ORDER BY 1) AS permissions
     FROM roles r ORDER BY r.name`,
  );
}

export async function findRole(db: Queryable, name: string): Promise<RoleRow | undefined> {
  return (await listRoles(db)).find((role) => role.name === name);
}

export async function findUser(db: Queryable, id: number): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return rows[0];
}

export async function findCredentials(db: Queryable, username: string): Promise<UserCredentials | undefined> {
  const rows = await db.query<UserCredentials>(
    `SELECT ${USER_COLUMNS}, u.password_hash FROM users u WHERE u.username = $1`,
    [username],
  );
  return rows[0];
}

export async function listUsers(
  db: Queryable,
  filter: { role?: string; q?: string; active?: boolean },
): Promise<UserRow[]> {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.role) clauses.push(`u.role = $${params.push(filter.role)}`);
  if (filter.active !== undefined) clauses.push(`u.active = $${params.push(filter.active)}`);
  if (filter.q) {
    const n = params.push(`%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    clauses.push(`(u.username LIKE $${n} OR lower(u.full_name) LIKE $${n})`);
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ${where} ORDER BY u.username`, params);
}

/** Full names by user id, deactivated users included: history keeps naming who acted. */
export async function namesOf(
  db: Queryable,
  ids: readonly number[],
): Promise<{ id: number; full_name: string }[]> {
  return db.query('SELECT id, full_name FROM users WHERE id = ANY($1::bigint[])', [ids]);
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row?.n ?? 0;
}

export async function insertUser(
  db: Queryable,
  user: {
    username: string;
    fullName: string;
    role: string;
    passwordHash: string;
    pillarType: string | null;
    agency: string | null;
    createdBy: string;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO users (username, full_name, role, password_hash, pillar_type, agency, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      user.username,
      user.fullName,
      user.role,
      user.passwordHash,
      user.pillarType,
      user.agency,
      user.createdBy,
    ],
  );
  return (row as { id: number }).id;
}

export async function updateUser(
  db: Queryable,
  id: number,
  fields: {
    fullName: string;
    role: string;
    pillarType: string | null;
    agency: string | null;
    active: boolean;
  },
): Promise<void> {
  await db.query(
    `UPDATE users SET full_name = $2, role = $3, pillar_type = $4, agency = $5, active = $6, updated_at = now()
     WHERE id = $1`,
    [id, fields.fullName, fields.role, fields.pillarType, fields.agency, fields.active],
  );
}

export async function setPassword(db: Queryable, id: number, passwordHash: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = now() WHERE id = $1`,
    [id, passwordHash, at],
  );
}

/** Counts a wrong password; returns the failures in a row so far. */
export async function addFailedLogin(db: Queryable, id: number): Promise<number> {
  const [row] = await db.query<{ failed_logins: number }>(
    'UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins',
    [id],
  );
  return row?.failed_logins ?? 0;
}

export async function lockUser(db: Queryable, id: number, until: Date): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = $2 WHERE id = $1', [id, until]);
}

export async function clearLockout(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
}

/** Areas as assigned (desa and kecamatan), with their names. */
export async function areasOf(db: Queryable, userIds: readonly number[]): Promise<Map<number, AreaRow[]>> {
  const assigned = await db.query<{ user_id: number; region_code: string }>(
    'SELECT user_id, region_code FROM user_areas WHERE user_id = ANY($1::bigint[]) ORDER BY region_code',
    [userIds],
  );
  // Looked up by primary key rather than joined: without statistics the planner scans all regions.
  const regions = new Map(
    (await findRegions(db, [...new Set(assigned.map((a) => a.region_code))])).map((r) => [r.code, r]),
  );
  const byUser = new Map<number, AreaRow[]>(userIds.map((id) => [id, []]));
  for (const { user_id, region_code } of assigned) {
    const region = regions.get(region_code);
    if (region) byUser.get(user_id)?.push(region);
  }
  return byUser;
}

export async function setAreas(db: Queryable, userId: number, codes: readonly string[]): Promise<void> {
  await db.query('DELETE FROM user_areas WHERE user_id = $1', [userId]);
  await db.query('INSERT INTO user_areas (user_id, region_code) SELECT $1, unnest($2::text[])', [
    userId,
    codes,
  ]);
}

export interface AccessRow {
  id: number;
  username: string;
  role: string;
  active: boolean;
  permissions: string[];
  /** Null for roles that are not scoped: they read the whole district. */
  desa_codes: string[] | null;
}

/**
 * What a request needs to know about its user, in one query since every request asks: the role's
 * permissions and, for a scoped role, the desa it may read (assigned desa, and every desa of an
 * assigned kecamatan).
 */
export async function accessOf(db: Queryable, userId: number): Promise<AccessRow | undefined> {
  const rows = await db.query<AccessRow>(
    `SELECT u.id, u.username, u.role, u.active,
       ARRAY(SELECT p.permission FROM role_permissions p WHERE p.role = u.role ORDER BY 1) AS permissions,
       -- Written so that both region indexes are used even before the planner has statistics
       -- (PGlite never runs autovacuum): a join here became a scan of all 91,000 regions.
       CASE WHEN r.scoped THEN ARRAY(
         SELECT d.code FROM regions d
         WHERE d.level = 'desa_kelurahan'
           AND (d.code = ANY(ARRAY(SELECT region_code FROM user_areas WHERE user_id = $1))
             OR d.parent_code = ANY(ARRAY(SELECT region_code FROM user_areas WHERE user_id = $1)))
         ORDER BY 1) END AS desa_codes
     FROM users u JOIN roles r ON r.name = u.role WHERE u.id = $1`,
    [userId],
  );
  return rows[0];
}

/** Codes of the pillar types a pilar may be recorded as (the pillars module owns the table). */
export async function pillarTypes(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ code: string }>('SELECT code FROM pillar_types ORDER BY sort_order, code');
  return rows.map((row) => row.code);
}

export async function findRegions(db: Queryable, codes: readonly string[]): Promise<AreaRow[]> {
  return db.query<AreaRow>('SELECT code, name, level FROM regions WHERE code = ANY($1::text[])', [codes]);
}
