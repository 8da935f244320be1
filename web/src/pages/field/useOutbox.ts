import { useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import { fieldStore, type OutboxVisit } from './offline/store.ts';
import { pruneSent, syncOutbox } from './offline/sync.ts';
import { MY_TASKS_KEY } from './useMyTasks.ts';

/** The user's saved visits on this phone, newest first, kept up to date as they are sent. */
export function useOutbox(userId: number): OutboxVisit[] {
  return (
    useLiveQuery(
      () => fieldStore.outbox.where('userId').equals(userId).reverse().sortBy('savedAt'),
      [userId],
    ) ?? []
  );
}

const RETRY_MS = 60_000;

/**
 * Sends waiting visits when the field app opens, when the connection returns, and every minute while
 * it is up; after a visit arrives the task list is fetched again (the task has left it).
 */
export function useAutoSync(userId: number) {
  const queryClient = useQueryClient();
  const sync = useCallback(async () => {
    const result = await syncOutbox(userId);
    if (result.sent > 0 || result.failed > 0)
      await queryClient.invalidateQueries({ queryKey: [...MY_TASKS_KEY, userId] });
    return result;
  }, [userId, queryClient]);

  useEffect(() => {
    void pruneSent(userId);
    void sync();
    const onOnline = () => void sync();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => {
      if (navigator.onLine) void sync();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [userId, sync]);

  return sync;
}
