import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { forgetFieldSession, rememberedFieldSession, rememberFieldSession } from './offlineSession.ts';

interface Session {
  /** The logged-in user, or null on the login page. */
  me: Me | null;
  loading: boolean;
  /** Set when the server could not be asked who is logged in. */
  error: unknown;
  /** The server ended the session (idle or absolute expiry, logout elsewhere): the login page says so. */
  ended: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/me');
    rememberFieldSession(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberFieldSession(null);
      return null;
    }
    // No connection: a pilar goes on with the field app as the last known user.
    if (!(error instanceof ApiError)) {
      const remembered = rememberedFieldSession();
      if (remembered) return remembered;
    }
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: fetchMe,
    staleTime: Number.POSITIVE_INFINITY,
    // Asked even without a connection, so a pilar's field app opens from what the phone remembers.
    networkMode: 'always',
  });
  const me = meQuery.data ?? null;
  const [ended, setEnded] = useState(false);

  useEffect(() => setCsrfToken(me?.csrf_token ?? null), [me]);

  /** Forgets every other user's data and sets who is logged in now (null: nobody). */
  const become = useCallback(
    (next: Me | null) => {
      setCsrfToken(next?.csrf_token ?? null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queryClient.setQueryData(['me'], next);
    },
    [queryClient],
  );

  // A session that ends (idle timeout, logout elsewhere) sends the user back to the login page.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (!queryClient.getQueryData(['me'])) return;
        rememberFieldSession(null);
        setEnded(true);
        become(null);
      }),
    [queryClient, become],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await api<Me>('/api/auth/login', { method: 'POST', json: { username, password } });
      rememberFieldSession(next);
      become(next);
      setEnded(false);
    },
    [become],
  );

  const logout = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' });
    await forgetFieldSession(me);
    become(null);
  }, [become, me]);

  const session = useMemo<Session>(
    () => ({
      me,
      loading: meQuery.isPending,
      error: meQuery.error,
      ended,
      login,
      logout,
      can: (permission) => Boolean(me?.permissions.includes(permission)),
    }),
    [me, meQuery.isPending, meQuery.error, ended, login, logout],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
