import type { Question } from '../../../../src/modules/pillars/forms.ts';
import type { TaskRow } from '../tasks/types.ts';

/** What GET /api/pillars/my/tasks sends the field app (src/modules/pillars/tasks.service.ts myTasks). */

export type { Question };

export interface FieldHousehold {
  id: number;
  family_id: string;
  kk: string;
  desa_code: string;
  desa_name: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  desil: number | null;
  status: string;
  centroid_lat: number | null;
  centroid_lng: number | null;
}

export interface FieldPerson {
  id: number;
  nik: string;
  name: string;
  sex: string;
  birth_date: string | null;
  relationship: string | null;
  disability?: string | null;
  status: string;
  birth_place?: string | null;
  mother_name?: string | null;
}

/** A task as the field app gets it: the task row with its household as the pilar may see it. */
export interface FieldTask extends TaskRow {
  household: FieldHousehold | null;
  members: FieldPerson[];
  related_person: FieldPerson | null;
}

export interface MyTasks {
  member: { id: number; name: string; pillar_type: string };
  server_time: string;
  forms: Record<string, Question[]>;
  tasks: FieldTask[];
}

/** The visit the field app sends (src/modules/pillars/visits.service.ts VisitInput), photo apart. */
export interface VisitPayload {
  id: string;
  task_id: number;
  started_at: string;
  visited_at: string;
  answers: Record<string, string | number>;
  notes?: string;
  condition?: string;
  position?: { lat: number; lng: number; accuracy_m?: number };
}

export const HOUSEHOLD_CONDITIONS = [
  'layak',
  'kurang_layak',
  'tidak_layak',
  'kosong',
  'tidak_ditemukan',
] as const;
