import type { Queryable } from '../../platform/db/index.ts';

export interface PillarType {
  code: string;
  label: string;
  label_en: string;
  has_organisation: boolean;
  sort_order: number;
}

export interface MemberRow {
  id: number;
  name: string;
  nik: string | null;
  phone: string | null;
  pillar_type: string;
  organisation: string | null;
  active_from: string;
  active_until: string | null;
  user_id: number | null;
  username: string | null;
  areas: { code: string; name: string; level: string }[];
  created_at: Date;
  updated_at: Date;
}

export interface MemberFields {
  name: string;
  nik: string | null;
  phone: string | null;
  pillarType: string;
  organisation: string | null;
  activeFrom: string;
  activeUntil: string | null;
}

export async function listTypes(db: Queryable): Promise<PillarType[]> {
  return db.query<PillarType>('SELECT * FROM pillar_types ORDER BY sort_order, code');
}

export async function findType(db: Queryable, code: string): Promise<PillarType | undefined> {
  const [row] = await db.query<PillarType>('SELECT * FROM pillar_types WHERE code = $1', [code]);
  return row;
}

export async function insertType(db: Queryable, type: PillarType): Promise<void> {
  await db.query(
    'INSERT INTO pillar_types (code, label, label_en, has_organisation, sort_order) VALUES ($1, $2, $3, $4, $5)',
    [type.code, type.label, type.label_en, type.has_organisation, type.sort_order],
  );
}

const MEMBER = `SELECT m.*, u.username,
    coalesce((SELECT json_agg(json_build_object('code', r.code, 'name', r.name, 'level', r.level) ORDER BY r.code)
              FROM pillar_member_areas a JOIN regions r ON r.code = a.region_code WHERE a.member_id = m.id), '[]') AS areas
  FROM pillar_members m LEFT JOIN users u ON u.id = m.user_id`;

export interface MemberFilter {
  type?: string;
  /** A desa or kecamatan: members whose areas cover it or lie in it. */
  area?: string;
  q?: string;
  /** Active on this date. */
  activeOn?: string;
  limit: number;
  offset: number;
}

export async function listMembers(db: Queryable, filter: MemberFilter): Promise<MemberRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (filter.type) add('m.pillar_type = ?', filter.type);
  if (filter.q) add(`lower(m.name) LIKE '%' || lower(?) || '%'`, filter.q.replace(/[\\%_]/g, '\\$&'));
  if (filter.activeOn)
    add(
      'm.active_from <= ?::date AND (m.active_until IS NULL OR m.active_until >= ?::date)',
      filter.activeOn,
    );
  if (filter.area)
    add(
      `EXISTS (SELECT 1 FROM pillar_member_areas a WHERE a.member_id = m.id
         AND (starts_with(a.region_code, ?) OR starts_with(?, a.region_code)))`,
      filter.area,
    );
  params.push(filter.limit, filter.offset);
  return db.query<MemberRow>(
    `${MEMBER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY m.name, m.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

export async function findMember(db: Queryable, id: number): Promise<MemberRow | undefined> {
  const [row] = await db.query<MemberRow>(`${MEMBER} WHERE m.id = $1`, [id]);
  return row;
}

export async function findMemberOfUser(db: Queryable, userId: number): Promise<MemberRow | undefined> {
  const [row] = await db.query<MemberRow>(`${MEMBER} WHERE m.user_id = $1`, [userId]);
  return row;
}

export async function findMemberByNik(db: Queryable, nik: string): Promise<{ id: number } | undefined> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM pillar_members WHERE nik = $1', [nik]);
  return row;
}

export async function insertMember(db: Queryable, fields: MemberFields, createdBy: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO pillar_members (name, nik, phone, pillar_type, organisation, active_from, active_until, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      fields.name,
      fields.nik,
      fields.phone,
      fields.pillarType,
      fields.organisation,
      fields.activeFrom,
      fields.activeUntil,
      createdBy,
    ],
  );
  return (row as { id: number }).id;
}

export async function updateMember(db: Queryable, id: number, fields: MemberFields): Promise<void> {
  await db.query(
    `UPDATE pillar_members SET name = $2, nik = $3, phone = $4, pillar_type = $5, organisation = $6,
       active_from = $7, active_until = $8, updated_at = now() WHERE id = $1`,
    [
      id,
      fields.name,
      fields.nik,
      fields.phone,
      fields.pillarType,
      fields.organisation,
      fields.activeFrom,
      fields.activeUntil,
    ],
  );
}

export async function setAreas(db: Queryable, id: number, areas: readonly string[]): Promise<void> {
  await db.query('DELETE FROM pillar_member_areas WHERE member_id = $1', [id]);
  await db.query('INSERT INTO pillar_member_areas (member_id, region_code) SELECT $1, unnest($2::text[])', [
    id,
    areas,
  ]);
}

export async function linkUser(db: Queryable, id: number, userId: number | null): Promise<void> {
  await db.query('UPDATE pillar_members SET user_id = $2, updated_at = now() WHERE id = $1', [id, userId]);
}

export async function findUserForLink(db: Queryable, userId: number) {
  const [row] = await db.query<{
    id: number;
    role: string;
    pillar_type: string | null;
    member_id: number | null;
  }>(
    `SELECT u.id, u.role, u.pillar_type, m.id AS member_id
     FROM users u LEFT JOIN pillar_members m ON m.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  return row;
}

/** The regions among `codes` that are a desa or kecamatan of the kabupaten. */
export async function areaRegions(db: Queryable, codes: readonly string[], kabupatenCode: string) {
  return db.query<{ code: string; level: string }>(
    `SELECT code, level FROM regions WHERE code = ANY($1::text[]) AND starts_with(code, $2)
       AND level IN ('desa_kelurahan', 'kecamatan')`,
    [codes, `${kabupatenCode}.`],
  );
}
