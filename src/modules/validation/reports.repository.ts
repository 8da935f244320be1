import { type AreaScope, ScopedWhere } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface CountRow {
  rule_id: string;
  desa_code: string;
  status: string;
  severity: string;
  n: number;
}

/** Findings counted per rule, desa, status and severity below an area, within the caller's scope. */
export async function counts(db: Queryable, scope: AreaScope, area: string): Promise<CountRow[]> {
  const where = new ScopedWhere('f.desa_code', scope).add(
    `(f.desa_code = ? OR f.desa_code LIKE ? || '.%')`,
    area,
  );
  return db.query<CountRow>(
    `SELECT f.rule_id, f.desa_code, f.status, f.severity, count(*)::int AS n
     FROM findings f ${where.sql} GROUP BY f.rule_id, f.desa_code, f.status, f.severity`,
    where.params,
  );
}

export interface ExportRow {
  id: number;
  rule_id: string;
  severity: string;
  status: string;
  subject_type: string;
  subject_id: number;
  name: string | null;
  nik: string | null;
  kk: string | null;
  family_id: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  evidence: Record<string, unknown>;
  created_at: Date;
}

/** A desa's unresolved findings (open and confirmed) with who they are about, for the musdes sheet. */
export async function unresolvedOfDesa(db: Queryable, desaCode: string): Promise<ExportRow[]> {
  return db.query<ExportRow>(
    `SELECT f.id, f.rule_id, f.severity, f.status, f.subject_type, f.subject_id,
       coalesce(p.name, head.name) AS name, p.nik, h.kk, h.family_id, h.rt, h.rw, h.dusun, f.evidence, f.created_at
     FROM findings f
     LEFT JOIN persons p ON f.subject_type = 'person' AND p.id = f.subject_id
     LEFT JOIN households h ON h.id = CASE WHEN f.subject_type = 'person' THEN p.household_id ELSE f.subject_id END
     LEFT JOIN LATERAL (SELECT x.name FROM persons x WHERE f.subject_type = 'household'
       AND x.household_id = f.subject_id AND x.relationship = 'kepala_keluarga' ORDER BY x.status <> 'aktif', x.id LIMIT 1) head ON true
     WHERE f.desa_code = $1 AND f.status IN ('open', 'confirmed')
     ORDER BY h.dusun NULLS LAST, h.rw NULLS LAST, h.rt NULLS LAST, h.family_id, f.id`,
    [desaCode],
  );
}

export interface ResolvedRow {
  id: number;
  rule_id: string;
  subject_type: string;
  name: string | null;
  nik: string | null;
  family_id: string | null;
  resolution: Record<string, unknown>;
  reason: string | null;
  resolved_by: string | null;
  resolved_at: Date;
}

/** Findings of a desa resolved by people (not closed by a run) between two dates, oldest first. */
export async function resolvedOfDesa(
  db: Queryable,
  desaCode: string,
  from: string,
  to: string,
): Promise<ResolvedRow[]> {
  return db.query<ResolvedRow>(
    `SELECT f.id, f.rule_id, f.subject_type, coalesce(p.name, head.name) AS name, p.nik, h.family_id,
       f.resolution, e.text AS reason, e.actor_name AS resolved_by, f.resolved_at
     FROM findings f
     LEFT JOIN persons p ON f.subject_type = 'person' AND p.id = f.subject_id
     LEFT JOIN households h ON h.id = CASE WHEN f.subject_type = 'person' THEN p.household_id ELSE f.subject_id END
     LEFT JOIN LATERAL (SELECT x.name FROM persons x WHERE f.subject_type = 'household'
       AND x.household_id = f.subject_id AND x.relationship = 'kepala_keluarga' ORDER BY x.id LIMIT 1) head ON true
     LEFT JOIN LATERAL (SELECT text, actor_name FROM finding_events ev
       WHERE ev.finding_id = f.id AND ev.to_status = 'resolved' ORDER BY ev.id DESC LIMIT 1) e ON true
     WHERE f.desa_code = $1 AND f.status = 'resolved' AND f.resolution->>'action' <> 'cause_gone'
       AND f.resolved_at >= $2::date AND f.resolved_at < $3::date + 1
     ORDER BY f.resolved_at, f.id`,
    [desaCode, from, to],
  );
}
