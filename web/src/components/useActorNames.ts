import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../api/client.ts';

/**
 * Names of who acted (`user:12` in histories, imports and the audit log), resolved by the server
 * (`GET /api/users/names`). `name(id)` gives the user's full name, or the id itself while the names
 * load, for the console (`cli:…`) and when the lookup is refused.
 */
export function useActorNames(ids: readonly (string | null | undefined)[]) {
  const wanted = useMemo(
    () =>
      [...new Set(ids.filter((id): id is string => Boolean(id?.startsWith('user:'))))].sort().slice(0, 200),
    [ids],
  );
  const names = useQuery({
    queryKey: ['actor-names', wanted],
    queryFn: () =>
      api<Record<string, string>>(
        `/api/users/names?${wanted.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`,
      ),
    enabled: wanted.length > 0,
    staleTime: 5 * 60_000,
  });
  const known = names.data;
  return useCallback((id: string) => known?.[id] ?? id, [known]);
}
