import type { Queryable } from '../../platform/db/index.ts';

export interface TargetRow {
  id: number;
  quarter: string;
  metric: string;
  member_id: number | null;
  member_name: string | null;
  pillar_type: string | null;
  area_code: string | null;
  area_name: string | null;
  target: number;
  set_by: string;
  set_at: Date;
}

export interface TargetInput {
  quarter: string;
  metric: string;
  memberId: number | null;
  pillarType: string | null;
  areaCode: string | null;
  target: number;
}

/** Sets targets; a target for the same quarter, metric and member (or type and area) is replaced. */
export async function upsertTargets(
  db: Queryable,
  targets: readonly TargetInput[],
  by: string,
): Promise<void> {
  if (targets.length === 0) return;
  await db.query(
    `INSERT INTO pillar_targets (quarter, metric, member_id, pillar_type, area_code, target, set_by)
     SELECT * , $7 FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[])
     ON CONFLICT (quarter, metric, coalesce(member_id, 0), coalesce(pillar_type, ''), coalesce(area_code, ''))
     DO UPDATE SET target = excluded.target, set_by = excluded.set_by, set_at = now()`,
    [
      targets.map((t) => t.quarter),
      targets.map((t) => t.metric),
      targets.map((t) => t.memberId),
      targets.map((t) => t.pillarType),
      targets.map((t) => t.areaCode),
      targets.map((t) => t.target),
      by,
    ],
  );
}

export async function listTargets(
  db: Queryable,
  filter: { quarter: string; memberId?: number; pillarType?: string },
): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    `SELECT t.*, m.name AS member_name, r.name AS area_name
     FROM pillar_targets t
     LEFT JOIN pillar_members m ON m.id = t.member_id
     LEFT JOIN regions r ON r.code = t.area_code
     WHERE t.quarter = $1 AND ($2::bigint IS NULL OR t.member_id = $2)
       AND ($3::text IS NULL OR t.pillar_type = $3 OR m.pillar_type = $3)
     ORDER BY t.metric, t.pillar_type NULLS FIRST, t.area_code NULLS FIRST, m.name`,
    [filter.quarter, filter.memberId ?? null, filter.pillarType ?? null],
  );
}

/** Which of these member ids exist, NIKs name a member, and codes are a kecamatan or desa: for checking a sheet. */
export async function lookups(db: Queryable, kabupatenCode: string) {
  const [members, types, areas] = await Promise.all([
    db.query<{ id: number; nik: string | null }>('SELECT id, nik FROM pillar_members'),
    db.query<{ code: string }>('SELECT code FROM pillar_types'),
    db.query<{ code: string }>(
      `SELECT code FROM regions WHERE starts_with(code, $1) AND level IN ('desa_kelurahan', 'kecamatan')`,
      [`${kabupatenCode}.`],
    ),
  ]);
  return {
    memberIds: new Set(members.map((m) => m.id)),
    memberByNik: new Map(members.filter((m) => m.nik).map((m) => [m.nik as string, m.id])),
    types: new Set(types.map((t) => t.code)),
    areas: new Set(areas.map((a) => a.code)),
  };
}
