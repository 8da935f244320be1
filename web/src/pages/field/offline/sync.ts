import { ApiError, api } from '../../../api/client.ts';
import { fieldStore, type OutboxVisit } from './store.ts';

export interface SyncResult {
  sent: number;
  failed: number;
  /** Visits still waiting: the connection dropped or the server could not answer. */
  waiting: number;
}

/** 4xx answers that mean "not now" rather than "no": the session is gone (the pilar logs in again), a timeout, too many requests. */
const RETRYABLE = new Set([401, 408, 429]);

let running: Promise<SyncResult> | null = null;

/**
 * Sends the user's pending visits, oldest first. One run at a time: a second call while one runs
 * joins it, so a visit is never in flight twice from this phone (the server would store it once
 * anyway: the visit's id makes a resend a replay).
 */
export function syncOutbox(userId: number): Promise<SyncResult> {
  running ??= run(userId).finally(() => {
    running = null;
  });
  return running;
}

async function run(userId: number): Promise<SyncResult> {
  const pending = await fieldStore.outbox
    .where('userId')
    .equals(userId)
    .and((visit) => visit.state === 'pending')
    .sortBy('savedAt');
  const result: SyncResult = { sent: 0, failed: 0, waiting: 0 };
  for (const [index, visit] of pending.entries()) {
    const outcome = await send(visit);
    if (outcome === 'sent') result.sent++;
    else if (outcome === 'failed') result.failed++;
    else {
      // No connection or no server: the rest would fare no better now.
      result.waiting = pending.length - index;
      break;
    }
  }
  return result;
}

async function send(visit: OutboxVisit): Promise<'sent' | 'failed' | 'waiting'> {
  const form = new FormData();
  form.set('visit', JSON.stringify(visit.payload));
  if (visit.photo) form.set('photo', visit.photo, `${visit.id}.${extensionOf(visit.photo.type)}`);
  try {
    const body = await api<{ task_status: string }>('/api/pillars/visits/multipart', {
      method: 'POST',
      body: form,
    });
    await fieldStore.outbox.update(visit.id, {
      state: 'sent',
      sentAt: new Date().toISOString(),
      photo: null,
      taskStatus: body.task_status,
      attempts: visit.attempts + 1,
    });
    return 'sent';
  } catch (error) {
    const refused =
      error instanceof ApiError && error.status >= 400 && error.status < 500 && !RETRYABLE.has(error.status);
    await fieldStore.outbox.update(visit.id, {
      state: refused ? 'failed' : 'pending',
      attempts: visit.attempts + 1,
      error: error instanceof ApiError ? refusal(error) : undefined,
    });
    return refused ? 'failed' : 'waiting';
  }
}

/** The server's reason, with each problem it named (field and reason) after it. */
function refusal(error: ApiError): { id: string; en: string } {
  const problems = (error.details as { problems?: { field: string; reason: string }[] } | undefined)
    ?.problems;
  const list = problems?.length ? `: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}` : '';
  return { id: `${error.message}${list}`, en: `${error.messageEn ?? error.message}${list}` };
}

function extensionOf(type: string): string {
  if (type === 'image/png') return 'png';
  if (type === 'image/webp') return 'webp';
  return 'jpg';
}

/** A refused visit the pilar corrected, or wants to try again as it is. */
export async function retryVisit(id: string): Promise<void> {
  await fieldStore.outbox.update(id, { state: 'pending', error: undefined });
}

/** A refused visit the pilar gives up on (the task was cancelled or given to someone else meanwhile). */
export async function discardVisit(id: string): Promise<void> {
  await fieldStore.outbox
    .where('id')
    .equals(id)
    .and((visit) => visit.state === 'failed')
    .delete();
}

/** Sent visits are shown for a week, then forgotten. */
export async function pruneSent(userId: number, now = Date.now()): Promise<void> {
  const cutoff = new Date(now - 7 * 24 * 3600_000).toISOString();
  await fieldStore.outbox
    .where('userId')
    .equals(userId)
    .and((visit) => visit.state === 'sent' && (visit.sentAt ?? '') < cutoff)
    .delete();
}
