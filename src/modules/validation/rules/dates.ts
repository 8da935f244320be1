import type { SqlRule } from '../rule.ts';
import { inScope, personEvidence, REFERENCE_DATE } from './sql.ts';

const person = (key: string, extra = '') =>
  `SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, '${key}' AS key,
      jsonb_build_object(${personEvidence('p')}, 'reference_date', r.ref${extra}) AS evidence, NULL::text AS severity
    FROM persons p CROSS JOIN (SELECT ${REFERENCE_DATE} AS ref) r
    WHERE p.status = 'aktif' AND ${inScope('p.desa_code')}`;

export const birthInFuture: SqlRule = {
  kind: 'sql',
  id: 'birth_future',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'Tanggal lahir di masa depan', en: 'Birth date in the future' },
  description: {
    id: 'Tanggal lahir sesudah akhir periode terakhir.',
    en: 'The birth date is after the end of the latest period.',
  },
  sql: `${person('born_future')} AND p.birth_date > r.ref`,
};

/** Older than 110: almost always a death not reported, or a wrong year. */
export const ageOver110: SqlRule = {
  kind: 'sql',
  id: 'age_over_110',
  severity: 'sedang',
  subject: 'person',
  title: { id: 'Umur lebih dari 110 tahun', en: 'Older than 110' },
  description: {
    id: 'Umur lebih dari 110 tahun pada akhir periode terakhir: kemungkinan sudah meninggal atau tahun lahir salah.',
    en: 'Older than 110 at the end of the latest period: probably dead and not reported, or a wrong birth year.',
  },
  sql: `${person('over_110', ", 'age', date_part('year', age(r.ref, p.birth_date))::int")} AND p.birth_date <= r.ref - interval '110 years'`,
};

/** A child (`anak` of the head) born less than 12 years after the head: one of the two dates is wrong. */
export const childParentAge: SqlRule = {
  kind: 'sql',
  id: 'child_parent_age',
  severity: 'rendah',
  subject: 'person',
  title: { id: 'Anak hampir seumur orang tuanya', en: 'Child nearly as old as the parent' },
  description: {
    id: 'Anak dari kepala keluarga lahir kurang dari 12 tahun sesudah kepala keluarga: salah satu tanggal lahir atau hubungan keluarga kemungkinan salah.',
    en: 'A child of the head was born less than 12 years after the head: a birth date or the relationship is probably wrong.',
  },
  sql: `SELECT 'person' AS subject_type, c.id AS subject_id, c.desa_code, 'head:' || h.id AS key,
      jsonb_build_object(${personEvidence('c')}, 'head', jsonb_build_object('id', h.id, 'name', h.name,
        'birth_date', h.birth_date, 'desa_code', h.desa_code),
        'years_apart', date_part('year', age(c.birth_date, h.birth_date))::int) AS evidence, NULL::text AS severity
    FROM persons c
    JOIN persons h ON h.household_id = c.household_id AND h.relationship = 'kepala_keluarga' AND h.status = 'aktif'
    WHERE c.status = 'aktif' AND c.relationship = 'anak' AND ${inScope('c.desa_code')}
      AND c.birth_date < h.birth_date + interval '12 years'`,
};
