import { Route } from 'react-router';
import { lazyPage } from '../../app/lazyPage.ts';

const FieldLayout = lazyPage(() => import('./FieldLayout.tsx'), 'FieldLayout');
const FieldTasksPage = lazyPage(() => import('./FieldTasksPage.tsx'), 'FieldTasksPage');
const VisitPage = lazyPage(() => import('./VisitPage.tsx'), 'VisitPage');

/** Routes of the pilar's field app, placed inside the shell by App. */
export const fieldRoutes = (
  <Route path="field" element={<FieldLayout />}>
    <Route index element={<FieldTasksPage />} />
    <Route path="tasks/:id" element={<VisitPage />} />
  </Route>
);
