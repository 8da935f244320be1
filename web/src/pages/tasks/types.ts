/** Rows of the pillars API the operators' pages read (src/modules/pillars). */

export interface TaskRow {
  id: number;
  kind: string;
  source: string;
  finding_id: number | null;
  household_id: number;
  person_id: number | null;
  related_person_id: number | null;
  desa_code: string;
  desa_name: string;
  question: string | null;
  status: string;
  member_id: number | null;
  member_name: string | null;
  assigned_at: string | null;
  due_date: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  overdue: boolean;
}

export interface Conflict {
  reason: 'record_missing' | 'record_changed';
  changed_at: string | null;
  changed_fields: { field: string; at_task: unknown; now: unknown }[];
  same_field: boolean;
}

export interface ChangeRequest {
  id: number;
  visit_id: string;
  task_id: number;
  task_kind: string;
  household_id: number;
  member_name: string;
  visited_at: string;
  visit_notes: string | null;
  visit_condition: string | null;
  visit_has_photo: boolean;
  subject_name: string | null;
  subject_type: 'household' | 'person';
  subject_id: number;
  desa_code: string;
  kind: 'status' | 'correction';
  new_status: string | null;
  related_id: number | null;
  field: string | null;
  value: string | null;
  reason: string;
  baseline_value: string | null;
  state: 'pending' | 'approved' | 'rejected';
  conflict: Conflict | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  can_apply: boolean;
}
