import type { SqlRule } from '../rule.ts';
import { inScope, personEvidence, REFERENCE_DATE } from './sql.ts';

/** A household's active members must have exactly one kepala_keluarga. */
export const householdHead: SqlRule = {
  kind: 'sql',
  id: 'household_head',
  severity: 'sedang',
  subject: 'household',
  title: { id: 'Keluarga tanpa kepala atau dengan dua kepala', en: 'Household without a head or with two' },
  description: {
    id: 'Anggota aktif sebuah keluarga harus memiliki tepat satu kepala keluarga. Tanpa kepala (misalnya kepala sudah meninggal) atau lebih dari satu kepala.',
    en: "A household's active members must have exactly one head. No head (e.g. the head died) or more than one.",
  },
  sql: `SELECT 'household' AS subject_type, h.id AS subject_id, h.desa_code,
      CASE WHEN coalesce(m.heads, 0) = 0 THEN 'no_head' ELSE 'several_heads' END AS key,
      jsonb_build_object('family_id', h.family_id, 'kk', h.kk, 'heads', coalesce(m.heads, 0),
        'members', coalesce(m.members, 0), 'head_names', coalesce(m.head_names, '[]'::jsonb)) AS evidence,
      NULL::text AS severity
    FROM households h
    LEFT JOIN (
      SELECT household_id, count(*) AS members,
        count(*) FILTER (WHERE relationship = 'kepala_keluarga') AS heads,
        jsonb_agg(name ORDER BY id) FILTER (WHERE relationship = 'kepala_keluarga') AS head_names
      FROM persons WHERE status = 'aktif' AND ${inScope('desa_code')} GROUP BY household_id
    ) m ON m.household_id = h.id
    WHERE h.status = 'aktif' AND ${inScope('h.desa_code')} AND coalesce(m.heads, 0) <> 1`,
};

export const headUnderage: SqlRule = {
  kind: 'sql',
  id: 'head_underage',
  severity: 'sedang',
  subject: 'person',
  title: { id: 'Kepala keluarga di bawah 15 tahun', en: 'Head of household younger than 15' },
  description: {
    id: 'Kepala keluarga berumur kurang dari 15 tahun pada akhir periode terakhir: tanggal lahir atau hubungan keluarga kemungkinan salah.',
    en: 'The head of household is younger than 15 at the end of the latest period: the birth date or the relationship is probably wrong.',
  },
  sql: `SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, 'head' AS key,
      jsonb_build_object(${personEvidence('p')}, 'age', date_part('year', age(r.ref, p.birth_date))::int,
        'reference_date', r.ref) AS evidence, NULL::text AS severity
    FROM persons p CROSS JOIN (SELECT ${REFERENCE_DATE} AS ref) r
    WHERE p.status = 'aktif' AND ${inScope('p.desa_code')} AND p.relationship = 'kepala_keluarga'
      AND p.birth_date > r.ref - interval '15 years'`,
};

/** Desil decides most programmes; a household without one cannot be targeted. */
export const desilMissing: SqlRule = {
  kind: 'sql',
  id: 'desil_missing',
  severity: 'sedang',
  subject: 'household',
  title: { id: 'Desil kosong', en: 'Missing desil' },
  description: {
    id: 'Keluarga aktif tanpa desil tidak bisa disasar program bansos.',
    en: 'An active household without a desil cannot be targeted by aid programmes.',
  },
  sql: `SELECT 'household' AS subject_type, h.id AS subject_id, h.desa_code, 'desil' AS key,
      jsonb_build_object('family_id', h.family_id, 'kk', h.kk) AS evidence, NULL::text AS severity
    FROM households h
    WHERE h.status = 'aktif' AND ${inScope('h.desa_code')} AND h.desil IS NULL`,
};
