import type { FieldPerson, FieldTask } from './types.ts';

/** The head of the task's household, or its first member when the registry names no head. */
export function headOf(task: FieldTask): FieldPerson | undefined {
  return task.members.find((m) => m.relationship === 'kepala_keluarga') ?? task.members[0];
}

/** The person a person task asks about; for household tasks the head. */
export function subjectOf(task: FieldTask): FieldPerson | undefined {
  if (task.person_id !== null) return task.members.find((m) => m.id === task.person_id) ?? headOf(task);
  return headOf(task);
}
