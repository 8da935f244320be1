import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { useAutoSync } from './useOutbox.ts';

/** The field app's pages; while any of them is open, saved visits are sent whenever they can be. */
export function FieldLayout() {
  const { me } = useSession();
  const userId = me?.user.id ?? 0;
  useAutoSync(userId);
  // The signal can go between the task list and the visit form: the form's code is fetched now.
  useEffect(() => {
    void import('./VisitPage.tsx');
    void import('./FieldTasksPage.tsx');
  }, []);
  return <Outlet />;
}
