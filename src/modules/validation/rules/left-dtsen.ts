import type { SqlRule } from '../rule.ts';
import { inScope, personEvidence } from './sql.ts';

/**
 * Records still active here that the latest quarterly DTSEN file no longer holds: DTSEN dropped them
 * (death, a move out, a merge) and the district has not followed yet. The key is the last period
 * the record was seen in, so the same absence stays one finding quarter after quarter.
 */
const LATEST = '(SELECT max(period) FROM periods)';

export const householdLeftDtsen: SqlRule = {
  kind: 'sql',
  id: 'household_left_dtsen',
  severity: 'tinggi',
  subject: 'household',
  title: { id: 'Keluarga keluar dari DTSEN tetapi masih aktif', en: 'Household left DTSEN but still active' },
  description: {
    id: 'Keluarga tidak ada lagi dalam berkas DTSEN periode terakhir tetapi masih berstatus aktif di sini.',
    en: 'The household is no longer in the latest DTSEN file but is still active here.',
  },
  sql: `SELECT 'household' AS subject_type, h.id AS subject_id, h.desa_code, 'last:' || last.period AS key,
      jsonb_build_object('family_id', h.family_id, 'kk', h.kk, 'last_period', last.period,
        'latest_period', ${LATEST}) AS evidence, NULL::text AS severity
    FROM households h
    CROSS JOIN LATERAL (SELECT max(s.period) AS period FROM snapshot_households s WHERE s.family_id = h.family_id) last
    WHERE h.status = 'aktif' AND ${inScope('h.desa_code')}
      AND NOT EXISTS (SELECT 1 FROM snapshot_households s WHERE s.family_id = h.family_id AND s.period = ${LATEST})`,
};

/** A member gone from a household that is itself still in the latest file (the household rule covers the rest). */
export const personLeftDtsen: SqlRule = {
  kind: 'sql',
  id: 'person_left_dtsen',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'Orang keluar dari DTSEN tetapi masih aktif', en: 'Person left DTSEN but still active' },
  description: {
    id: 'Orang tidak ada lagi dalam berkas DTSEN periode terakhir (keluarganya masih ada) tetapi masih berstatus aktif di sini.',
    en: 'The person is no longer in the latest DTSEN file (their household still is) but is still active here.',
  },
  sql: `SELECT 'person' AS subject_type, p.id AS subject_id, p.desa_code, 'last:' || last.period AS key,
      jsonb_build_object(${personEvidence('p')}, 'last_period', last.period, 'latest_period', ${LATEST}) AS evidence,
      NULL::text AS severity
    FROM persons p
    JOIN households h ON h.id = p.household_id
    CROSS JOIN LATERAL (SELECT max(s.period) AS period FROM snapshot_persons s WHERE s.person_id = p.person_id) last
    WHERE p.status = 'aktif' AND ${inScope('p.desa_code')}
      AND NOT EXISTS (SELECT 1 FROM snapshot_persons s WHERE s.person_id = p.person_id AND s.period = ${LATEST})
      AND EXISTS (SELECT 1 FROM snapshot_households s WHERE s.family_id = h.family_id AND s.period = ${LATEST})`,
};
