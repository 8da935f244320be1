import type { SqlRule } from '../rule.ts';
import { validDatePart, withId16 } from './sql.ts';

/** The KK number is not a KK: `PPKKCC DDMMYY SSSS` with the kecamatan, the card's issue date and a serial. */
export const kkStructure: SqlRule = {
  kind: 'sql',
  id: 'kk_structure',
  severity: 'sedang',
  subject: 'household',
  title: { id: 'Nomor KK tidak sah', en: 'Invalid KK number' },
  description: {
    id: 'Nomor KK harus 16 digit PPKKCC DDMMYY SSSS: kode wilayah yang dikenal, tanggal terbit yang ada, nomor urut bukan 0000. Kabupaten dikenal tetapi kecamatan tidak: kemungkinan kode lama (tingkat rendah).',
    en: 'A KK number is 16 digits PPKKCC DDMMYY SSSS: a known region code, a real issue date, a serial that is not 0000. A known kabupaten with an unknown kecamatan is likely a historical code (low severity).',
  },
  sql: `SELECT 'household' AS subject_type, h.id AS subject_id, h.desa_code, h.kk AS key,
      jsonb_build_object('family_id', h.family_id, 'kk', h.kk, 'problems', to_jsonb(x.problems)) AS evidence,
      CASE WHEN x.problems = ARRAY['kecamatan_historical'] THEN 'rendah' END AS severity
    FROM ${withId16('households', 'kk', 'h')}
    LEFT JOIN regions kab ON kab.code = substr(h.kk, 1, 2) || '.' || substr(h.kk, 3, 2)
    LEFT JOIN regions kec ON kec.code = substr(h.kk, 1, 2) || '.' || substr(h.kk, 3, 2) || '.' || substr(h.kk, 5, 2)
    CROSS JOIN LATERAL (SELECT array_remove(ARRAY[
        CASE WHEN NOT h.id16 THEN 'not_16_digits' END,
        CASE WHEN h.id16 AND kab.code IS NULL THEN 'region_unknown' END,
        CASE WHEN h.id16 AND kab.code IS NOT NULL AND kec.code IS NULL THEN 'kecamatan_historical' END,
        CASE WHEN h.id16 AND NOT ${validDatePart('h.kk', false)} THEN 'date_invalid' END,
        CASE WHEN h.id16 AND right(h.kk, 4) = '0000' THEN 'serial_zero' END
      ], NULL) AS problems) x
    WHERE cardinality(x.problems) > 0`,
};
