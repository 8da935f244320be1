import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface DesaDesilCount {
  desa_code: string;
  desil: number | null;
  households: number;
  persons: number;
}

/** The newest period with an imported snapshot: the registry's current records carry it. */
export async function latestPeriod(db: Queryable) {
  const [row] = await db.query<{ period: string; committed_at: Date }>(
    'SELECT period, committed_at FROM periods ORDER BY period DESC LIMIT 1',
  );
  return row;
}

/**
 * Active households and their active members in the latest period, counted per desa and desil,
 * below a region (a kabupaten, kecamatan or desa code) and within the caller's area.
 */
export async function countsByDesaAndDesil(
  db: Queryable,
  scope: AreaScope,
  areaCode: string,
  period: string,
): Promise<DesaDesilCount[]> {
  const where = new ScopedWhere('h.desa_code', scope)
    .add(`(h.desa_code = ? OR h.desa_code LIKE ? || '.%')`, areaCode)
    .add(`h.status = 'aktif' AND s.period = ?`, period);
  // People are the households' snapshot members less those whose own status is no longer active:
  // two joins along unique keys, fast even before the tables have planner statistics (a freshly
  // imported embedded database), where joining every person to its snapshot took seconds.
  const households = await db.query<{ desa_code: string; desil: number | null; n: number; members: number }>(
    `SELECT h.desa_code, h.desil, count(*)::int AS n, sum(s.members)::int AS members
     FROM snapshot_households s JOIN households h ON h.family_id = s.family_id
     ${where.sql}
     GROUP BY h.desa_code, h.desil`,
    where.params,
  );
  const inactive = await db.query<{ desa_code: string; desil: number | null; n: number }>(
    `SELECT h.desa_code, h.desil, count(*)::int AS n
     FROM persons p
     JOIN snapshot_persons s ON s.person_id = p.person_id
     JOIN households h ON h.id = p.household_id
     ${where.sql} AND p.status <> 'aktif'
     GROUP BY h.desa_code, h.desil`,
    where.params,
  );
  const key = (row: { desa_code: string; desil: number | null }) => `${row.desa_code}/${row.desil}`;
  const inactiveByKey = new Map(inactive.map((row) => [key(row), row.n]));
  return households.map((row) => ({
    desa_code: row.desa_code,
    desil: row.desil,
    households: row.n,
    persons: row.members - (inactiveByKey.get(key(row)) ?? 0),
  }));
}
