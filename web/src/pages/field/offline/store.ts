import Dexie, { type EntityTable } from 'dexie';
import type { MyTasks, VisitPayload } from '../types.ts';

/** The last task list the pilar downloaded, kept so the field app works without a signal. */
export interface Download {
  userId: number;
  data: MyTasks;
  fetchedAt: string;
}

export type OutboxState = 'pending' | 'sent' | 'failed';

/**
 * A visit saved on the phone. It stays here until the server has it: `pending` is sent whenever the
 * connection allows, `failed` is a visit the server refused (the reason kept for the pilar to read),
 * `sent` is kept a while so the pilar sees it arrived (its photo dropped to free the phone's space).
 */
export interface OutboxVisit {
  id: string;
  userId: number;
  taskId: number;
  /** Shown in the outbox without the task list: the household's head and desa at saving time. */
  label: string;
  payload: VisitPayload;
  photo: Blob | null;
  state: OutboxState;
  savedAt: string;
  attempts: number;
  sentAt?: string;
  /** Why the server refused the visit, in both languages. */
  error?: { id: string; en: string };
  /** The task's status the server answered: closed (confirmed) or visited (change requests to decide). */
  taskStatus?: string;
}

/** IndexedDB on the phone, through Dexie. */
export const fieldStore = new Dexie('sinergi-field') as Dexie & {
  downloads: EntityTable<Download, 'userId'>;
  outbox: EntityTable<OutboxVisit, 'id'>;
};

fieldStore.version(1).stores({ downloads: 'userId', outbox: 'id, userId, state' });

/** Everything the field app kept for a user: at logout the phone keeps no household of theirs. */
export async function forgetUser(userId: number): Promise<void> {
  await fieldStore.transaction('rw', fieldStore.downloads, fieldStore.outbox, async () => {
    await fieldStore.downloads.delete(userId);
    // Unsent visits are the pilar's work: they stay until sent, whoever logs in next.
    await fieldStore.outbox
      .where('userId')
      .equals(userId)
      .and((v) => v.state === 'sent')
      .delete();
  });
}
