import { useEffect } from 'react';
import { Outlet, useOutletContext } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import type { SyncResult } from './offline/sync.ts';
import { useAutoSync } from './useOutbox.ts';

interface FieldContext {
  /** Sends the waiting visits, then fetches the task list again when any arrived or was refused. */
  sync(): Promise<SyncResult>;
}

/** The field app's pages; while any of them is open, saved visits are sent whenever they can be. */
export function FieldLayout() {
  const { me } = useSession();
  const sync = useAutoSync(me?.user.id ?? 0);
  // The signal can go between the task list and the visit form: the form's code is fetched now.
  useEffect(() => {
    void import('./VisitPage.tsx');
    void import('./FieldTasksPage.tsx');
  }, []);
  return <Outlet context={{ sync } satisfies FieldContext} />;
}

/** The layout's send, for a page that wants the visits out now ("send now", a visit just saved). */
export function useFieldSync(): FieldContext['sync'] {
  return useOutletContext<FieldContext>().sync;
}
