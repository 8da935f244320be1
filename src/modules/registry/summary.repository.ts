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
  // A plain join (not a join to an aggregated subquery) stays fast even before the tables have
  // planner statistics, as on a freshly imported embedded database.
  return db.query<DesaDesilCount>(
    `SELECT h.desa_code, h.desil, count(DISTINCT h.id)::int AS households, count(p.id)::int AS persons
     FROM snapshot_households s
     JOIN households h ON h.family_id = s.family_id
     LEFT JOIN snapshot_persons sp ON sp.period = s.period AND sp.family_id = s.family_id
     LEFT JOIN persons p ON p.person_id = sp.person_id AND p.status = 'aktif'
     ${where.sql}
     GROUP BY h.desa_code, h.desil`,
    where.params,
  );
}
