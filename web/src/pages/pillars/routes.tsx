import { Route } from 'react-router';
import { lazyPage } from '../../app/lazyPage.ts';

const MembersPage = lazyPage(() => import('./MembersPage.tsx'), 'MembersPage');
const TargetsPage = lazyPage(() => import('./TargetsPage.tsx'), 'TargetsPage');
const EventsPage = lazyPage(() => import('./EventsPage.tsx'), 'EventsPage');
const EventPage = lazyPage(() => import('./EventPage.tsx'), 'EventPage');
const EvaluationPage = lazyPage(() => import('./EvaluationPage.tsx'), 'EvaluationPage');

/** Routes of the pillar administration pages, placed inside the shell by App. */
export const pillarsRoutes = (
  <>
    <Route path="pillars/members" element={<MembersPage />} />
    <Route path="pillars/targets" element={<TargetsPage />} />
    <Route path="pillars/events" element={<EventsPage />} />
    <Route path="pillars/events/:id" element={<EventPage />} />
    <Route path="pillars/evaluation" element={<EvaluationPage />} />
  </>
);
