import type { Queryable } from '../../../platform/db/index.ts';
import type { PersonRecord, RecordsBuilder } from '../../linkage/index.ts';

/** Rows per keyset page: large enough that the round trips do not matter, small enough to stay flat in memory. */
const PAGE = 50_000;

/**
 * Feeds every active registry person into a linkage RecordsBuilder, page by page along the DTSEN
 * person id (unique, indexed). The engine's samples depend on the order of the records, and the
 * order of persons.id depends on how an import happened to stage the rows: in DTSEN id order the same
 * registry gives the same findings. The record id is persons.id as text. The whole district is read whatever the run's scope:
 * the engine learns its model from the whole registry, and a duplicate or a death may sit across
 * the scope's border; rules filter their findings by scope afterwards.
 */
export async function addRegistryPeople(
  db: Queryable,
  builder: RecordsBuilder,
  onPage?: (read: number) => void,
): Promise<number> {
  let after = '';
  let read = 0;
  for (;;) {
    const rows = await db.query<PersonRecord & { person_id: string }>(
      `SELECT p.person_id, p.id::text AS id, p.nik, p.name, p.sex, p.birth_date::text AS birth_date,
              p.birth_place, p.mother_name, p.desa_code AS area_code, h.kk, h.address
       FROM persons p JOIN households h ON h.id = p.household_id
       WHERE p.status = 'aktif' AND p.person_id > $1 ORDER BY p.person_id LIMIT $2`,
      [after, PAGE],
    );
    for (const row of rows) builder.add(nullsAsEmpty(row));
    read += rows.length;
    onPage?.(read);
    if (rows.length < PAGE) return read;
    after = (rows[rows.length - 1] as { person_id: string }).person_id;
  }
}

/** The builder reads an absent value as missing; SQL NULL arrives as null. */
function nullsAsEmpty(row: PersonRecord): PersonRecord {
  return {
    id: row.id,
    name: row.name ?? undefined,
    nik: row.nik ?? undefined,
    kk: row.kk ?? undefined,
    sex: row.sex ?? undefined,
    birth_date: row.birth_date ?? undefined,
    birth_place: row.birth_place ?? undefined,
    mother_name: row.mother_name ?? undefined,
    area_code: row.area_code ?? undefined,
    address: row.address ?? undefined,
  };
}

export interface PersonSummary {
  id: number;
  person_id: string;
  nik: string;
  name: string;
  sex: string;
  birth_date: string;
  birth_place: string | null;
  mother_name: string | null;
  desa_code: string;
  household_id: number;
  kk: string;
  status: string;
}

/** The records named in findings, as the evidence shows them. */
export async function personSummaries(
  db: Queryable,
  ids: readonly number[],
): Promise<Map<number, PersonSummary>> {
  const out = new Map<number, PersonSummary>();
  for (let from = 0; from < ids.length; from += 10_000) {
    const rows = await db.query<PersonSummary>(
      `SELECT p.id, p.person_id, p.nik, p.name, p.sex, p.birth_date, p.birth_place, p.mother_name, p.desa_code,
              p.household_id, h.kk, p.status
       FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ANY($1::bigint[])`,
      [ids.slice(from, from + 10_000)],
    );
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}
