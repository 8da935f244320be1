import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';
import { fieldStore } from './offline/store.ts';
import type { MyTasks } from './types.ts';

export interface FieldData {
  data: MyTasks;
  fetchedAt: string;
  /** Read from the phone because the server could not be reached. */
  fromDevice: boolean;
}

export const MY_TASKS_KEY = ['pillars', 'my-tasks'] as const;

/**
 * The pilar's open tasks: from the server when it answers (and then kept on the phone), otherwise
 * the copy the phone kept. A refusal from the server (not a member, session gone) is shown, not
 * hidden behind an old copy.
 */
export function useMyTasks(userId: number) {
  return useQuery({
    queryKey: [...MY_TASKS_KEY, userId],
    // Without a connection the query still runs, to read the phone's copy.
    networkMode: 'always',
    retry: false,
    queryFn: async (): Promise<FieldData> => {
      try {
        const data = await api<MyTasks>('/api/pillars/my/tasks');
        const fetchedAt = new Date().toISOString();
        await fieldStore.downloads.put({ userId, data, fetchedAt });
        return { data, fetchedAt, fromDevice: false };
      } catch (error) {
        if (error instanceof ApiError) throw error;
        const kept = await fieldStore.downloads.get(userId);
        if (!kept) throw error;
        return { data: kept.data, fetchedAt: kept.fetchedAt, fromDevice: true };
      }
    },
  });
}
