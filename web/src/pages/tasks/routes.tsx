import { Route } from 'react-router';
import { lazyPage } from '../../app/lazyPage.ts';

const TasksPage = lazyPage(() => import('./TasksPage.tsx'), 'TasksPage');
const TaskPage = lazyPage(() => import('./TaskPage.tsx'), 'TaskPage');
const ChangeRequestsPage = lazyPage(() => import('./ChangeRequestsPage.tsx'), 'ChangeRequestsPage');

/** Routes of the operators' task and change-request pages, placed inside the shell by App. */
export const tasksRoutes = (
  <>
    <Route path="pillars/tasks" element={<TasksPage />} />
    <Route path="pillars/tasks/:id" element={<TaskPage />} />
    <Route path="pillars/changes" element={<ChangeRequestsPage />} />
  </>
);
