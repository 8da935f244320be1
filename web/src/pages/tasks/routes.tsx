import { Route } from 'react-router';
import { lazyPage } from '../../app/lazyPage.ts';

const ChangeRequestsPage = lazyPage(() => import('./ChangeRequestsPage.tsx'), 'ChangeRequestsPage');

/** Routes of the operators' task and change-request pages, placed inside the shell by App. */
export const tasksRoutes = (
  <>
    <Route path="pillars/changes" element={<ChangeRequestsPage />} />
  </>
);
