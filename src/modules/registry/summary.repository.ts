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
 * The period's counts per desa and desil (registry_desa_counts, kept by recount()) below a region
 * (a kabupaten, kecamatan or desa code) and within the caller's area: at most a few thousand rows.
 */
export async function countsByDesaAndDesil(
  db: Queryable,
  scope: AreaScope,
  areaCode: string,
  period: string,
): Promise<DesaDesilCount[]> {
  const where = new ScopedWhere('desa_code', scope)
    .add(`(desa_code = ? OR desa_code LIKE ? || '.%')`, areaCode)
    .add('period = ?', period);
  return db.query<DesaDesilCount>(
    `SELECT desa_code, desil, households, persons FROM registry_desa_counts ${where.sql}`,
    where.params,
  );
}

/**
 * Recounts the latest period's active households and their active members per desa and desil, for
 * the given desa or, without them, the whole registry; callers run it inside the transaction that
 * changed the records (the import's commit, a status change, a desil correction), so the figures
 * never disagree with the rows. People are the households' snapshot members less those whose own
 * status is no longer active: joins along unique keys, fast even before the tables have planner
 * statistics (inside the import's commit).
 */
export async function recount(db: Queryable, desaCodes?: readonly string[]): Promise<void> {
  const period = (await latestPeriod(db))?.period;
  if (!period) return;
  const params: unknown[] = [period];
  let households = '';
  let persons = '';
  if (desaCodes) {
    params.push(desaCodes);
    households = 'AND h.desa_code = ANY($2::text[])';
    persons = 'AND p.household_id IN (SELECT id FROM households WHERE desa_code = ANY($2::text[]))';
  }
  await db.query(
    `DELETE FROM registry_desa_counts WHERE period = $1 ${desaCodes ? 'AND desa_code = ANY($2::text[])' : ''}`,
    params,
  );
  await db.query(
    `INSERT INTO registry_desa_counts (period, desa_code, desil, households, persons)
     SELECT $1, h.desa_code, h.desil, count(*)::int, (sum(s.members) - coalesce(sum(x.n), 0))::int
     FROM snapshot_households s
     JOIN households h ON h.family_id = s.family_id
     LEFT JOIN (
       SELECT p.household_id, count(*) AS n
       FROM persons p JOIN snapshot_persons sp ON sp.person_id = p.person_id
       WHERE sp.period = $1 AND p.status <> 'aktif' ${persons}
       GROUP BY p.household_id
     ) x ON x.household_id = h.id
     WHERE s.period = $1 AND h.status = 'aktif' ${households}
     GROUP BY h.desa_code, h.desil`,
    params,
  );
}

/** Recounts the desa of one household or person after its status or desil changed. */
export async function recountRecordDesa(
  db: Queryable,
  record: { type: 'household' | 'person'; id: number },
): Promise<void> {
  const table = record.type === 'household' ? 'households' : 'persons';
  const [row] = await db.query<{ desa_code: string }>(`SELECT desa_code FROM ${table} WHERE id = $1`, [
    record.id,
  ]);
  if (row) await recount(db, [row.desa_code]);
}
