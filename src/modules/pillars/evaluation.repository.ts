import type { Queryable } from '../../platform/db/index.ts';
import type { QuarterRange } from './quarter.ts';

/** When a visit looks wrong: thresholds of the quality signals (docs/pillars.md explains each). */
export const QUALITY_THRESHOLDS = {
  /** GPS further than this from the centre of the household's desa. */
  farFromDesaKm: 5,
  /** Opened and finished the form faster than this. */
  minVisitSeconds: 120,
  /** Would have had to travel faster than this from the member's previous visit. */
  maxTravelKmh: 60,
} as const;

export interface MemberWork {
  member_id: number;
  name: string;
  pillar_type: string;
  organisation: string | null;
  kecamatan_codes: string[];
  households_verified: number;
  findings_resolved: number;
  home_visits_vulnerable: number;
  events_attended: number;
  visits: number;
  without_gps: number;
  without_photo: number;
  far_from_desa: number;
  implausibly_fast: number;
  findings_visited: number;
  changes_approved: number;
  changes_rejected: number;
  changes_pending: number;
}

const km = (lat1: string, lng1: string, lat2: string, lng2: string) =>
  `(2 * 6371 * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2)
     + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lng2} - ${lng1}) / 2), 2))))`;

/**
 * Each member active in the quarter with the work recorded in it: the target metrics counted from
 * visits, closed tasks and attendance, and the visit quality signals. One statement, set-based.
 */
export async function memberWork(
  db: Queryable,
  range: QuarterRange,
  memberId: number | null,
): Promise<MemberWork[]> {
  const t = QUALITY_THRESHOLDS;
  return db.query<MemberWork>(
    `WITH q AS (SELECT $1::timestamptz AS start_at, $2::timestamptz AS end_at, $3::date AS start_d, $4::date AS end_d),
     v AS (
       SELECT v.member_id, v.household_id, v.task_id, v.vulnerable_household, v.lat, v.lng, v.visited_at, v.started_at,
         v.photo_file IS NOT NULL AS has_photo,
         CASE WHEN v.lat IS NOT NULL AND r.centroid_lat IS NOT NULL
              THEN ${km('r.centroid_lat', 'r.centroid_lng', 'v.lat', 'v.lng')} END AS km_from_desa,
         lag(v.lat) OVER w AS prev_lat, lag(v.lng) OVER w AS prev_lng, lag(v.visited_at) OVER w AS prev_at
       FROM pillar_visits v JOIN regions r ON r.code = v.desa_code, q
       WHERE v.visited_at >= q.start_at AND v.visited_at < q.end_at
       WINDOW w AS (PARTITION BY v.member_id ORDER BY v.visited_at)
     ),
     vs AS (
       SELECT member_id,
         count(DISTINCT household_id)::int AS households_verified,
         count(*) FILTER (WHERE vulnerable_household)::int AS home_visits_vulnerable,
         count(*)::int AS visits,
         count(*) FILTER (WHERE lat IS NULL)::int AS without_gps,
         count(*) FILTER (WHERE NOT has_photo)::int AS without_photo,
         count(*) FILTER (WHERE km_from_desa > ${t.farFromDesaKm})::int AS far_from_desa,
         count(*) FILTER (WHERE
           (started_at IS NOT NULL AND visited_at - started_at < interval '${t.minVisitSeconds} seconds')
           OR (prev_lat IS NOT NULL AND lat IS NOT NULL AND (visited_at = prev_at
               OR ${km('prev_lat', 'prev_lng', 'lat', 'lng')} / (extract(epoch FROM visited_at - prev_at) / 3600) > ${t.maxTravelKmh}))
         )::int AS implausibly_fast
       FROM v GROUP BY member_id
     ),
     fv AS (
       SELECT v.member_id, count(DISTINCT v.task_id)::int AS findings_visited
       FROM v JOIN pillar_tasks t ON t.id = v.task_id WHERE t.source = 'finding' GROUP BY v.member_id
     ),
     fr AS (
       SELECT t.closed_by_member_id AS member_id, count(*)::int AS findings_resolved
       FROM pillar_tasks t, q
       WHERE t.source = 'finding' AND t.status = 'closed' AND t.closed_at >= q.start_at AND t.closed_at < q.end_at
       GROUP BY t.closed_by_member_id
     ),
     ev AS (
       SELECT a.member_id, count(*)::int AS events_attended
       FROM pillar_event_attendance a JOIN pillar_events e ON e.id = a.event_id, q
       WHERE e.counts_toward_targets AND e.event_date >= q.start_d AND e.event_date < q.end_d
       GROUP BY a.member_id
     ),
     cr AS (
       SELECT v.member_id,
         count(*) FILTER (WHERE c.state = 'approved')::int AS changes_approved,
         count(*) FILTER (WHERE c.state = 'rejected')::int AS changes_rejected,
         count(*) FILTER (WHERE c.state = 'pending')::int AS changes_pending
       FROM pillar_change_requests c JOIN pillar_visits v ON v.id = c.visit_id, q
       WHERE v.visited_at >= q.start_at AND v.visited_at < q.end_at
       GROUP BY v.member_id
     )
     SELECT m.id AS member_id, m.name, m.pillar_type, m.organisation,
       ARRAY(SELECT DISTINCT left(a.region_code, 8) FROM pillar_member_areas a WHERE a.member_id = m.id ORDER BY 1)
         AS kecamatan_codes,
       coalesce(vs.households_verified, 0) AS households_verified, coalesce(fr.findings_resolved, 0) AS findings_resolved,
       coalesce(vs.home_visits_vulnerable, 0) AS home_visits_vulnerable, coalesce(ev.events_attended, 0) AS events_attended,
       coalesce(vs.visits, 0) AS visits, coalesce(vs.without_gps, 0) AS without_gps,
       coalesce(vs.without_photo, 0) AS without_photo, coalesce(vs.far_from_desa, 0) AS far_from_desa,
       coalesce(vs.implausibly_fast, 0) AS implausibly_fast, coalesce(fv.findings_visited, 0) AS findings_visited,
       coalesce(cr.changes_approved, 0) AS changes_approved, coalesce(cr.changes_rejected, 0) AS changes_rejected,
       coalesce(cr.changes_pending, 0) AS changes_pending
     FROM pillar_members m CROSS JOIN q
       LEFT JOIN vs ON vs.member_id = m.id LEFT JOIN fv ON fv.member_id = m.id LEFT JOIN fr ON fr.member_id = m.id
       LEFT JOIN ev ON ev.member_id = m.id LEFT JOIN cr ON cr.member_id = m.id
     WHERE m.active_from < q.end_d AND (m.active_until IS NULL OR m.active_until >= q.start_d)
       AND ($5::bigint IS NULL OR m.id = $5)
     ORDER BY m.pillar_type, m.name, m.id`,
    [`${range.start}T00:00:00+07:00`, `${range.end}T00:00:00+07:00`, range.start, range.end, memberId],
  );
}

export async function quarterTargets(db: Queryable, quarter: string) {
  return db.query<{
    metric: string;
    member_id: number | null;
    pillar_type: string | null;
    area_code: string | null;
    target: number;
  }>('SELECT metric, member_id, pillar_type, area_code, target FROM pillar_targets WHERE quarter = $1', [
    quarter,
  ]);
}

export async function kecamatanNames(db: Queryable, codes: readonly string[]) {
  const rows = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM regions WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
