import type { VisitPayload } from '../types.ts';
import { fieldStore } from './store.ts';

/** Keeps a finished visit on the phone until it is sent; nothing is lost if the signal never comes today. */
export async function saveVisit(input: {
  userId: number;
  label: string;
  payload: VisitPayload;
  photo: Blob | null;
}): Promise<void> {
  await fieldStore.outbox.add({
    id: input.payload.id,
    userId: input.userId,
    taskId: input.payload.task_id,
    label: input.label,
    payload: input.payload,
    photo: input.photo,
    state: 'pending',
    savedAt: new Date().toISOString(),
    attempts: 0,
  });
}
