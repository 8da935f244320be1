import type { AreaScope } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface DiffCounts {
  households: { entered: number; left: number; desil_changed: number; moved_desa: number };
  persons: { entered: number; left: number; moved_desa: number };
}

export type HouseholdChange = 'entered' | 'left' | 'desil_changed' | 'moved_desa';
export type PersonChange = 'entered' | 'left' | 'moved_desa';

export interface HouseholdDiffRow {
  /** The registry's household (its page); null only for a snapshot whose record is missing. */
  household_id: number | null;
  family_id: string;
  kk: string;
  desa_from: string | null;
  desa_to: string | null;
  desil_from: number | null;
  desil_to: number | null;
}

export interface PersonDiffRow {
  /** The household the person belongs to now, in the registry. */
  household_id: number | null;
  person_id: string;
  nik: string;
  name: string;
  family_id: string;
  desa_from: string | null;
  desa_to: string | null;
}

const HOUSEHOLD_CONDITIONS: Record<HouseholdChange, string> = {
  entered: 'a.family_id IS NULL',
  left: 'b.family_id IS NULL',
  desil_changed: 'a.desil <> b.desil',
  moved_desa: 'a.desa_code <> b.desa_code',
};

const PERSON_CONDITIONS: Record<PersonChange, string> = {
  entered: 'a.person_id IS NULL',
  left: 'b.person_id IS NULL',
  moved_desa: 'a.desa_code <> b.desa_code',
};

/** The two snapshots side by side; a record is in scope when either side is in the caller's area. */
function joined(table: 'snapshot_households' | 'snapshot_persons', key: string) {
  return `(SELECT * FROM ${table} WHERE period = $1) a FULL JOIN (SELECT * FROM ${table} WHERE period = $2) b
          ON a.${key} = b.${key}`;
}

/** Periods are $1 and $2; the scope, when limited, is $3. */
function diffWhere(scope: AreaScope, from: string, to: string, condition?: string) {
  const params: unknown[] = [from, to];
  const clauses: string[] = [];
  if (!scope.all) {
    params.push(scope.desaCodes);
    clauses.push('(a.desa_code = ANY($3::text[]) OR b.desa_code = ANY($3::text[]))');
  }
  if (condition) clauses.push(condition);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export async function diffCounts(
  db: Queryable,
  scope: AreaScope,
  from: string,
  to: string,
): Promise<DiffCounts> {
  const where = diffWhere(scope, from, to);
  const [households] = await db.query<DiffCounts['households']>(
    `SELECT ${Object.entries(HOUSEHOLD_CONDITIONS)
      .map(([name, condition]) => `count(*) FILTER (WHERE ${condition})::int AS ${name}`)
      .join(', ')}
     FROM ${joined('snapshot_households', 'family_id')} ${where.sql}`,
    where.params,
  );
  const [persons] = await db.query<DiffCounts['persons']>(
    `SELECT ${Object.entries(PERSON_CONDITIONS)
      .map(([name, condition]) => `count(*) FILTER (WHERE ${condition})::int AS ${name}`)
      .join(', ')}
     FROM ${joined('snapshot_persons', 'person_id')} ${where.sql}`,
    where.params,
  );
  return {
    households: households ?? { entered: 0, left: 0, desil_changed: 0, moved_desa: 0 },
    persons: persons ?? { entered: 0, left: 0, moved_desa: 0 },
  };
}

export async function householdDiff(
  db: Queryable,
  scope: AreaScope,
  from: string,
  to: string,
  change: HouseholdChange,
  page: { limit: number; offset: number },
): Promise<HouseholdDiffRow[]> {
  const where = diffWhere(scope, from, to, HOUSEHOLD_CONDITIONS[change]);
  const n = where.params.length;
  // The page is cut first, so the registry is looked up for its rows only.
  return db.query<HouseholdDiffRow>(
    `SELECT h.id AS household_id, d.* FROM (
       SELECT COALESCE(b.family_id, a.family_id) AS family_id, COALESCE(b.kk, a.kk) AS kk,
              a.desa_code AS desa_from, b.desa_code AS desa_to, a.desil AS desil_from, b.desil AS desil_to
       FROM ${joined('snapshot_households', 'family_id')} ${where.sql}
       ORDER BY 1 LIMIT $${n + 1} OFFSET $${n + 2}
     ) d LEFT JOIN households h ON h.family_id = d.family_id
     ORDER BY d.family_id`,
    [...where.params, page.limit, page.offset],
  );
}

export async function personDiff(
  db: Queryable,
  scope: AreaScope,
  from: string,
  to: string,
  change: PersonChange,
  page: { limit: number; offset: number },
): Promise<PersonDiffRow[]> {
  const where = diffWhere(scope, from, to, PERSON_CONDITIONS[change]);
  const n = where.params.length;
  return db.query<PersonDiffRow>(
    `SELECT p.household_id, COALESCE(b.person_id, a.person_id) AS person_id, COALESCE(b.nik, a.nik) AS nik,
            p.name, COALESCE(b.family_id, a.family_id) AS family_id,
            a.desa_code AS desa_from, b.desa_code AS desa_to
     FROM ${joined('snapshot_persons', 'person_id')}
     -- Snapshots keep keys, not names: the name shown is the registry's current one.
     LEFT JOIN persons p ON p.person_id = COALESCE(b.person_id, a.person_id)
     ${where.sql}
     ORDER BY 1 LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, page.limit, page.offset],
  );
}

export async function periodExists(db: Queryable, period: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM periods WHERE period = $1', [period]);
  return rows.length > 0;
}

export async function listPeriods(db: Queryable) {
  return db.query<{ period: string; import_id: number; committed_at: Date }>(
    'SELECT period, import_id, committed_at FROM periods ORDER BY period',
  );
}
