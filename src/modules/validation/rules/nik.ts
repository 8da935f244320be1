import type { SqlRule } from '../rule.ts';
import { decodedDate, personEvidence, validDatePart, withId16 } from './sql.ts';

/** The NIK is not a NIK: not 16 digits, its date part is no date, or its serial is 0000. */
export const nikFormat: SqlRule = {
  kind: 'sql',
  id: 'nik_format',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'Format NIK tidak sah', en: 'Invalid NIK format' },
  description: {
    id: 'NIK harus 16 digit PPKKCC DDMMYY SSSS: bagian tanggal lahir (hari +40 untuk perempuan) harus tanggal yang ada, dan nomor urut bukan 0000.',
    en: 'A NIK is 16 digits PPKKCC DDMMYY SSSS: the birth-date part (day +40 for women) must be a real date, and the serial is not 0000.',
  },
  sql: `SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, p.nik AS key,
      jsonb_build_object(${personEvidence('p')}, 'problems', to_jsonb(array_remove(ARRAY[
        CASE WHEN NOT p.id16 THEN 'not_16_digits' END,
        CASE WHEN p.id16 AND NOT p.date_ok THEN 'date_invalid' END,
        CASE WHEN p.id16 AND right(p.nik, 4) = '0000' THEN 'serial_zero' END
      ], NULL))) AS evidence, NULL::text AS severity
    FROM (SELECT a.*, a.id16 AND ${validDatePart('a.nik', true)} AS date_ok
      FROM ${withId16('persons', 'nik', 'a')} OFFSET 0) p
    WHERE NOT p.id16 OR NOT p.date_ok OR right(p.nik, 4) = '0000'`,
};

/**
 * The NIK's region of first registration is not a Kemendagri code of today. A known province with an
 * unknown kabupaten or kecamatan is most likely a code from before a split (pemekaran) or a renumbering:
 * tolerated, as a low-severity warning. An unknown province is not explained that way.
 */
export const nikRegion: SqlRule = {
  kind: 'sql',
  id: 'nik_region',
  severity: 'sedang',
  subject: 'person',
  title: { id: 'Kode wilayah NIK tidak dikenal', en: 'Unknown NIK region code' },
  description: {
    id: 'Enam digit pertama NIK (provinsi, kabupaten/kota, kecamatan) tidak ada dalam kode wilayah Kemendagri. Provinsi dikenal tetapi kabupaten/kecamatan tidak: kemungkinan kode lama sebelum pemekaran (peringatan, tingkat rendah).',
    en: 'The first six NIK digits (province, kabupaten/kota, kecamatan) are not a Kemendagri region code. A known province with an unknown kabupaten/kecamatan is likely a pre-split historical code (warning, low severity).',
  },
  sql: `SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, p.nik AS key,
      jsonb_build_object(${personEvidence('p')},
        'problem', CASE WHEN prov.code IS NULL THEN 'province_unknown'
          WHEN kab.code IS NULL THEN 'kabupaten_historical' ELSE 'kecamatan_historical' END,
        'region_code', substr(p.nik, 1, 2) || '.' || substr(p.nik, 3, 2) || '.' || substr(p.nik, 5, 2)) AS evidence,
      CASE WHEN prov.code IS NULL THEN 'sedang' ELSE 'rendah' END AS severity
    FROM ${withId16('persons', 'nik', 'p')}
    LEFT JOIN regions prov ON prov.code = substr(p.nik, 1, 2)
    LEFT JOIN regions kab ON kab.code = substr(p.nik, 1, 2) || '.' || substr(p.nik, 3, 2)
    LEFT JOIN regions kec ON kec.code = substr(p.nik, 1, 2) || '.' || substr(p.nik, 3, 2) || '.' || substr(p.nik, 5, 2)
    WHERE p.id16 AND kec.code IS NULL`,
};

/** The NIK says another birth date or sex than the record: one of the two was entered wrongly. */
export const nikBirthSex: SqlRule = {
  kind: 'sql',
  id: 'nik_birth_sex',
  severity: 'sedang',
  subject: 'person',
  title: {
    id: 'NIK tidak cocok dengan tanggal lahir/jenis kelamin',
    en: 'NIK disagrees with birth date or sex',
  },
  description: {
    id: 'Tanggal lahir di dalam NIK (DDMMYY, hari +40 untuk perempuan) atau jenis kelamin yang ditunjukkannya berbeda dengan data orang tersebut.',
    en: "The birth date inside the NIK (DDMMYY, day +40 for women) or the sex it implies differs from the person's record.",
  },
  // First the cheap test (the NIK's DDMMYY against the one the record implies), then the details for
  // the few records that fail it.
  sql: `SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, p.nik AS key,
      jsonb_build_object(${personEvidence('p')}, 'problems', to_jsonb(x.problems),
        'nik_birth', lpad(n.nik_day::text, 2, '0') || '-' || lpad(n.nik_month::text, 2, '0') || '-' || lpad(n.nik_yy::text, 2, '0'),
        'nik_sex', n.nik_sex) AS evidence, NULL::text AS severity
    FROM (SELECT * FROM ${withId16('persons', 'nik', 'a')}
      WHERE a.id16 AND substr(a.nik, 7, 6)::int <>
        (date_part('day', a.birth_date)::int + CASE WHEN a.sex = 'P' THEN 40 ELSE 0 END) * 10000
        + date_part('month', a.birth_date)::int * 100 + date_part('year', a.birth_date)::int % 100
      OFFSET 0) p
    CROSS JOIN LATERAL (${decodedDate('p.nik', 'p.id16', true)}) n
    CROSS JOIN LATERAL (SELECT array_remove(ARRAY[
        CASE WHEN (n.nik_day, n.nik_month, n.nik_yy) <> (date_part('day', p.birth_date)::int,
          date_part('month', p.birth_date)::int, date_part('year', p.birth_date)::int % 100) THEN 'birth_date_mismatch' END,
        CASE WHEN n.nik_sex <> p.sex THEN 'sex_mismatch' END
      ], NULL) AS problems) x
    WHERE n.nik_date_valid AND cardinality(x.problems) > 0`,
};
