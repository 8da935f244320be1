/** Shapes of the server's JSON responses the web app reads (see /api/docs). */

export type RecordStatus = 'aktif' | 'meninggal' | 'pindah' | 'ganda' | 'tidak_ditemukan' | 'tidak_layak';

export interface Page<T> {
  items: T[];
  total: number;
  total_capped: boolean;
}

export interface Person {
  id: number;
  person_id: string;
  household_id: number;
  family_id: string;
  kk: string;
  desa_code: string;
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birth_place: string | null;
  birth_date: string;
  relationship: string;
  mother_name: string | null;
  marital_status: string | null;
  education: string | null;
  occupation: string | null;
  disability: string | null;
  status: RecordStatus;
  desil: number | null;
  first_period: string;
  last_period: string;
}

export interface Household {
  id: number;
  family_id: string;
  kk: string;
  desa_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  desil: number | null;
  floor_type: string | null;
  wall_type: string | null;
  roof_type: string | null;
  drinking_water: string | null;
  sanitation: string | null;
  lighting: string | null;
  cooking_fuel: string | null;
  house_ownership: string | null;
  assets: string[];
  livestock: Record<string, number>;
  status: RecordStatus;
  first_period: string;
  last_period: string;
  members: number;
}

export interface StatusChange {
  id: number;
  subject_type: 'household' | 'person';
  subject_id: number;
  from_status: RecordStatus;
  to_status: RecordStatus;
  reason: string;
  changed_by: string;
  changed_at: string;
}

export interface HouseholdSnapshot {
  period: string;
  kk: string;
  desa_code: string;
  desil: number;
  members: number;
}

export interface HouseholdDetail {
  household: Household;
  members: Person[];
  history: StatusChange[];
  snapshots: HouseholdSnapshot[];
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface PeriodInfo {
  period: string;
  import_id: number;
  committed_at: string;
}

export interface ImportRecord {
  id: number;
  job_id: number | null;
  period: string;
  file_name: string;
  status: 'running' | 'committed' | 'unchanged' | 'failed';
  rows_total: number | null;
  rows_accepted: number | null;
  rows_rejected: number | null;
  households: number | null;
  persons: number | null;
  error: string | null;
  created_by: string;
  started_at: string;
  finished_at: string | null;
}

export interface RejectReason {
  code: string;
  field: string;
  message: string;
  message_en: string;
}

export interface RejectedRow {
  line_no: number;
  raw: Record<string, string>;
  reasons: RejectReason[];
}

export interface Job {
  id: number;
  kind: string;
  status: 'running' | 'succeeded' | 'failed';
  progress_done: number;
  progress_total: number | null;
  message: string | null;
  result: { importId?: number; message?: string } | null;
  error: string | null;
}

export interface DiffCounts {
  from: string;
  to: string;
  households: { entered: number; left: number; desil_changed: number; moved_desa: number };
  persons: { entered: number; left: number; moved_desa: number };
}

export type HouseholdChange = keyof DiffCounts['households'];
export type PersonChange = keyof DiffCounts['persons'];

export interface HouseholdDiffRow {
  /** The registry household (its page). */
  household_id: number | null;
  family_id: string;
  kk: string;
  desa_from: string | null;
  desa_to: string | null;
  desil_from: number | null;
  desil_to: number | null;
}

export interface PersonDiffRow {
  /** The person's household in the registry now. */
  household_id: number | null;
  person_id: string;
  nik: string;
  name: string;
  family_id: string;
  desa_from: string | null;
  desa_to: string | null;
}

/** `GET /api/me` (docs/security.md). */
export interface Me {
  user: { id: number; username: string; full_name: string; role: string };
  role: { name: string; label: string; label_en: string };
  areas: { code: string; name: string; level: string }[];
  scope: { all: boolean; desa_codes?: string[] };
  permissions: string[];
  csrf_token: string | null;
}

/** `GET /api/registry/summary`: counts for an area within the caller's scope. */
export interface RegistrySummary {
  area: { code: string; name: string; level: string };
  period: { period: string; committed_at: string } | null;
  totals: AreaCounts;
  by_desil: { desil: number | null; households: number; persons: number }[];
  children: (AreaCounts & { code: string; name: string })[];
}

export interface AreaCounts {
  households: number;
  persons: number;
  households_desil_1_2: number;
}

/** `GET /api/roles`. */
export interface Role {
  name: string;
  label: string;
  label_en: string;
  scoped: boolean;
  permissions: string[];
}

/** `GET /api/users`: a user with their areas (never the password hash). */
export interface User {
  id: number;
  username: string;
  full_name: string;
  role: string;
  pillar_type: string | null;
  agency: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: string | null;
  areas: { code: string; name: string; level: string }[];
}

/** A row of `GET /api/tokens` (never the secret). */
export interface ApiToken {
  id: number;
  name: string;
  permissions: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** `POST /api/tokens`: the new token with its secret, returned this once. */
export interface NewApiToken extends ApiToken {
  token: string;
}

/** A row of `GET /api/audit`. */
export interface AuditEntry {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  ip: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  desa_code: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export type Severity = 'tinggi' | 'sedang' | 'rendah';
export type FindingStatus = 'open' | 'confirmed' | 'dismissed' | 'resolved';
export type FindingTransition = 'confirm' | 'dismiss' | 'resolve' | 'reopen';
export type ResolutionAction =
  | 'meninggal'
  | 'ganda'
  | 'pindah'
  | 'tidak_layak'
  | 'tidak_ditemukan'
  | 'correct'
  | 'no_change';

export interface Bilingual {
  id: string;
  en: string;
}

/** A row of `GET /api/validation/rules`. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  subject: 'person' | 'household';
  title: Bilingual;
  description: Bilingual;
}

/** What resolving did to the registry (or `cause_gone` when a run no longer found the cause). */
export interface FindingResolution {
  action: ResolutionAction | 'cause_gone';
  related_id?: number;
  field?: string;
  value?: string;
}

/** A row of `GET /api/findings` (without evidence). */
export interface Finding {
  id: number;
  rule_id: string;
  subject_type: 'person' | 'household';
  subject_id: number;
  subject_name: string | null;
  desa_code: string;
  severity: Severity;
  status: FindingStatus;
  resolution: FindingResolution | null;
  assignee_user_id: number | null;
  task_id: number | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface FindingEvent {
  id: number;
  kind: 'status' | 'comment' | 'assign' | 'task';
  from_status: FindingStatus | null;
  to_status: FindingStatus | null;
  text: string | null;
  details: Record<string, unknown> | null;
  actor_id: string;
  actor_name: string;
  at: string;
}

/** `GET /api/findings/:id`: evidence as the caller may see it (masked, other areas hidden). */
export interface FindingDetail extends Finding {
  evidence: Record<string, unknown>;
  events: FindingEvent[];
}

export type StatusCounts = Record<FindingStatus, number>;

/** `GET /api/validation/summary`: counts only, within the caller's area. */
export interface FindingsSummary {
  area: { code: string; name: string; level: string };
  totals: StatusCounts;
  by_rule: (StatusCounts & { rule_id: string; title: Bilingual; severity: Severity; subject: string })[];
  children: (StatusCounts & { code: string; name: string })[];
}

/** A registry person as a duplicate finding's evidence shows them. */
export interface PairRecord {
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
  status: RecordStatus;
}

/** How much one field added to (or took from) the match weight of a pair. */
export interface FieldWeight {
  field: string;
  level: string;
  weight: number;
}
