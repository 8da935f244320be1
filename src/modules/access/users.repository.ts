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
  const rows = await db.query<AreaRow & { user_id: number }>(
    `SELECT a.user_id, r.code, r.name, r.level FROM user_areas a JOIN regions r ON r.code = a.region_code
     WHERE a.user_id = ANY($1::bigint[]) ORDER BY r.code`,
    [userIds],
  );
  const byUser = new Map<number, AreaRow[]>(userIds.map((id) => [id, []]));
  for (const { user_id, ...area } of rows) byUser.get(user_id)?.push(area);
  return byUser;
}

export async function setAreas(db: Queryable, userId: number, codes: readonly string[]): Promise<void> {
  await db.query('DELETE FROM user_areas WHERE user_id = $1', [userId]);
  await db.query('INSERT INTO user_areas (user_id, region_code) SELECT $1, unnest($2::text[])', [
    userId,
    codes,
  ]);
}

/** The desa a user may read: assigned desa, and every desa of an assigned kecamatan. */
export async function desaOfAreas(db: Queryable, userId: number): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `SELECT r.code FROM user_areas a JOIN regions r ON r.code = a.region_code
     WHERE a.user_id = $1 AND r.level = 'desa_kelurahan'
     UNION
     SELECT r.code FROM user_areas a JOIN regions r ON r.parent_code = a.region_code
     WHERE a.user_id = $1 AND r.level = 'desa_kelurahan'
     ORDER BY 1`,
    [userId],
  );
  return rows.map((row) => row.code);
}

export async function findRegions(db: Queryable, codes: readonly string[]): Promise<AreaRow[]> {
  return db.query<AreaRow>('SELECT code, name, level FROM regions WHERE code = ANY($1::text[])', [codes]);
}
