import type { TaskKind } from './vocabulary.ts';

/** A change to one registry record that a visit proposes; an approver applies it through the registry. */
export type ProposedChange =
  | {
      subjectType: 'household' | 'person';
      subjectId: number;
      kind: 'status';
      newStatus: string;
      relatedId?: number;
    }
  | {
      subjectType: 'household' | 'person';
      subjectId: number;
      kind: 'correction';
      field: string;
      value: string;
    };

export interface TaskSubject {
  kind: TaskKind;
  householdId: number;
  personId: number | null;
  relatedPersonId: number | null;
}

/** A correction the pillar saw on the spot (a wrong birth date, say), sent beside the answers. */
export interface ObservedCorrection {
  subject_type: 'household' | 'person';
  subject_id: number;
  field: string;
  value: string;
}

/**
 * The registry changes a visit's answers call for: a death, a move, a household not found, a desil
 * that does not fit, a duplicate; then the corrections the pillar typed. Answers that confirm the
 * record propose nothing (the task closes at once).
 */
export function changesFromVisit(
  task: TaskSubject,
  answers: Record<string, unknown>,
  corrections: readonly ObservedCorrection[] = [],
): ProposedChange[] {
  const changes: ProposedChange[] = [];
  const household = { subjectType: 'household' as const, subjectId: task.householdId };
  if (task.kind === 'alive' && answers.alive === 'meninggal' && task.personId !== null) {
    changes.push({ subjectType: 'person', subjectId: task.personId, kind: 'status', newStatus: 'meninggal' });
  }
  if (task.kind === 'household_exists' || task.kind === 'recheck') {
    if (answers.exists === 'pindah') changes.push({ ...household, kind: 'status', newStatus: 'pindah' });
    if (answers.exists === 'tidak_ditemukan')
      changes.push({ ...household, kind: 'status', newStatus: 'tidak_ditemukan' });
  }
  const desil = answers.suggested_desil;
  if ((task.kind === 'desil_plausible' && answers.plausible === 'tidak_sesuai') || task.kind === 'recheck') {
    if (typeof desil === 'number')
      changes.push({ ...household, kind: 'correction', field: 'desil', value: String(desil) });
  }
  if (
    task.kind === 'same_person' &&
    answers.same === 'sama' &&
    task.personId !== null &&
    task.relatedPersonId !== null
  ) {
    changes.push({
      subjectType: 'person',
      subjectId: task.personId,
      kind: 'status',
      newStatus: 'ganda',
      relatedId: task.relatedPersonId,
    });
  }
  for (const c of corrections) {
    changes.push({
      subjectType: c.subject_type,
      subjectId: c.subject_id,
      kind: 'correction',
      field: c.field,
      value: c.value,
    });
  }
  return changes;
}
