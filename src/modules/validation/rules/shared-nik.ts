import type { SqlRule } from '../rule.ts';
import { inScope, normalisedName } from './sql.ts';

/**
 * Active records sharing a NIK, found over the whole district (the other holder may live in another
 * desa), with a loose name for comparing and, per record, how many holders share its NIK, its NIK and
 * person (name and birth date), and its NIK and household: window counts, so no record is compared
 * with the others one by one. The run's scope filters the subjects, not the holders.
 */
const HOLDERS = `holders AS (
    SELECT h.*,
      count(*) OVER (PARTITION BY h.nik) AS n_nik,
      count(*) OVER (PARTITION BY h.nik, h.norm_name, h.birth_date) AS n_person,
      count(*) OVER (PARTITION BY h.nik, h.household_id) AS n_household,
      min(h.id) OVER (PARTITION BY h.nik, h.norm_name, h.birth_date) AS first_id
    FROM (
      SELECT p.id, p.person_id, p.nik, p.name, p.birth_date, p.sex, p.household_id, p.desa_code,
        ${normalisedName('p.name')} AS norm_name
      FROM persons p
      WHERE p.status = 'aktif'
        AND p.nik IN (SELECT nik FROM persons WHERE status = 'aktif' GROUP BY nik HAVING count(*) > 1)
    ) h
  )`;

const RECORD = `jsonb_build_object('id', q.id, 'person_id', q.person_id, 'name', q.name, 'birth_date', q.birth_date,
  'sex', q.sex, 'household_id', q.household_id, 'desa_code', q.desa_code)`;

/** Every holder of each shared NIK, as the evidence lists them. */
const RECORDS_BY_NIK = `records AS (
    SELECT q.nik, jsonb_agg(${RECORD} ORDER BY q.id) AS records FROM holders q GROUP BY q.nik
  )`;

/**
 * One NIK on records that are not simply the same person listed in two households (that is
 * `person_two_households`): different names or birth dates (a mistyped or borrowed NIK), or two
 * records in the same household. One finding per record, as any of them may hold the wrong NIK.
 */
export const nikShared: SqlRule = {
  kind: 'sql',
  id: 'nik_shared',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'NIK yang sama pada beberapa orang', en: 'One NIK on several people' },
  description: {
    id: 'NIK ini tercatat pada lebih dari satu orang aktif dengan nama atau tanggal lahir berbeda, atau dua kali dalam satu keluarga. Periksa NIK mana yang benar, lalu koreksi atau tandai ganda.',
    en: 'This NIK is on more than one active person with a different name or birth date, or twice in one household. Check which NIK is right, then correct it or mark the record ganda.',
  },
  sql: `WITH ${HOLDERS}, ${RECORDS_BY_NIK}
    SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, p.nik AS key,
      jsonb_build_object('nik', p.nik, 'name', p.name, 'birth_date', p.birth_date, 'records', r.records) AS evidence,
      NULL::text AS severity
    FROM holders p JOIN records r ON r.nik = p.nik
    WHERE ${inScope('p.desa_code')} AND (p.n_nik > p.n_person OR p.n_household > 1)`,
};

/**
 * The same person (same NIK, name and birth date) as an active member of two or more households:
 * listed on two family cards. The earliest record is taken to survive; each later one is a finding
 * pointing at it (`surviving_id`), so resolving as ganda (also in bulk) needs no further choice.
 */
export const personTwoHouseholds: SqlRule = {
  kind: 'sql',
  id: 'person_two_households',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'Satu orang di dua keluarga', en: 'One person in two households' },
  description: {
    id: 'Orang dengan NIK, nama dan tanggal lahir yang sama tercatat aktif di lebih dari satu keluarga. Rekaman tertua dianggap yang tetap; rekaman ini diusulkan ganda.',
    en: 'A person with the same NIK, name and birth date is an active member of more than one household. The earliest record is taken to survive; this one is proposed as ganda.',
  },
  sql: `WITH ${HOLDERS},
    people AS (
      SELECT q.nik, q.norm_name, q.birth_date, jsonb_agg(${RECORD} ORDER BY q.id) AS records
      FROM holders q WHERE q.n_person > 1
      GROUP BY q.nik, q.norm_name, q.birth_date HAVING count(DISTINCT q.household_id) > 1
    )
    SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, p.nik AS key,
      jsonb_build_object('nik', p.nik, 'name', p.name, 'birth_date', p.birth_date, 'surviving_id', p.first_id,
        'records', g.records) AS evidence,
      NULL::text AS severity
    FROM holders p
    JOIN people g ON g.nik = p.nik AND g.norm_name = p.norm_name AND g.birth_date = p.birth_date
    WHERE p.id <> p.first_id AND ${inScope('p.desa_code')}`,
};
