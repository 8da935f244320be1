/** Response shapes of the pillars API (src/modules/pillars/*.service.ts), as the admin pages read them. */

/** `GET /api/pillars/types`. */
export interface PillarType {
  code: string;
  label: string;
  label_en: string;
  has_organisation: boolean;
  sort_order: number;
}

/** A row of `GET /api/pillars/members` (NIK masked for roles without registry.read_identity). */
export interface PillarMember {
  id: number;
  name: string;
  nik: string | null;
  phone: string | null;
  pillar_type: string;
  organisation: string | null;
  active_from: string;
  active_until: string | null;
  user_id: number | null;
  username: string | null;
  areas: { code: string; name: string; level: string }[];
}

/** `GET /api/pillars/metrics`; a metric whose source module is missing counts 0 and says why in `pending`. */
export interface PillarMetric {
  code: string;
  label: string;
  label_en: string;
  source: string;
  pending?: { id: string; en: string };
}

/** A row of `GET /api/pillars/targets`: for one member, or for a pillar type in an area (null: the district). */
export interface PillarTarget {
  id: number;
  quarter: string;
  metric: string;
  member_id: number | null;
  member_name: string | null;
  pillar_type: string | null;
  area_code: string | null;
  area_name: string | null;
  target: number;
  set_by: string;
  set_at: string;
}

/** One problem of a refused target list or sheet (`400 invalid_targets`, `details.problems`). */
export interface TargetProblem {
  row?: number;
  field: string;
  reason: string;
  reason_en: string;
}

export const EVENT_KINDS = ['bimtek', 'dialog', 'fgd'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventMaterial {
  title: string;
  url?: string;
}

/** A row of `GET /api/pillars/events`. */
export interface PillarEvent {
  id: number;
  kind: EventKind;
  title: string;
  event_date: string;
  place: string;
  agenda: string | null;
  invited_types: string[];
  counts_toward_targets: boolean;
  materials: EventMaterial[];
  attendees: number;
  created_by: string;
  created_at: string;
}

/** `GET /api/pillars/events/:id`. */
export interface PillarEventDetail extends PillarEvent {
  attendance: {
    member_id: number;
    name: string;
    pillar_type: string;
    method: 'list' | 'qr';
    recorded_at: string;
  }[];
}

/** `GET /api/pillars/events/:id/checkin-token`. */
export interface CheckinToken {
  token: string;
  expires_at: string;
}

export interface MetricResult {
  metric: string;
  target: number | null;
  /** member: the member's own; group: set for the type or area; members: the sum of member targets. */
  target_source: 'member' | 'group' | 'members' | null;
  achieved: number;
  percent: number | null;
}

export const QUALITY_KEYS = [
  'visits',
  'without_gps',
  'without_photo',
  'far_from_desa',
  'implausibly_fast',
  'findings_visited',
  'changes_approved',
  'changes_rejected',
  'changes_pending',
] as const;
export type Quality = Record<(typeof QUALITY_KEYS)[number], number>;

export interface EvaluationRow {
  metrics: MetricResult[];
  quality: Quality;
}

/** `GET /api/pillars/evaluation?quarter=`. */
export interface Evaluation {
  quarter: string;
  metrics: PillarMetric[];
  thresholds: { farFromDesaKm: number; minVisitSeconds: number; maxTravelKmh: number };
  members: (EvaluationRow & {
    member_id: number;
    name: string;
    pillar_type: string;
    organisation: string | null;
    kecamatan_codes: string[];
  })[];
  pillar_types: (EvaluationRow & { pillar_type: string; members: number })[];
  kecamatan: (EvaluationRow & { kecamatan_code: string; kecamatan_name: string; members: number })[];
}
