import { Button, Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { useSession } from '../auth/session.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { fieldRoutes } from '../pages/field/routes.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { pillarsRoutes } from '../pages/pillars/routes.tsx';
import { tasksRoutes } from '../pages/tasks/routes.tsx';
import { lazyPage } from './lazyPage.ts';
import { Shell } from './Shell.tsx';

const loadHome = () => import('../pages/home/HomePage.tsx');
// Most visits start at Beranda: its code is fetched while the session is asked for.
if (window.location.pathname === '/') void loadHome();
const HomePage = lazyPage(loadHome, 'HomePage');
const SearchPage = lazyPage(() => import('../pages/registry/SearchPage.tsx'), 'SearchPage');
const HouseholdPage = lazyPage(() => import('../pages/registry/HouseholdPage.tsx'), 'HouseholdPage');
const ImportsPage = lazyPage(() => import('../pages/imports/ImportsPage.tsx'), 'ImportsPage');
const ImportDetailPage = lazyPage(() => import('../pages/imports/ImportDetailPage.tsx'), 'ImportDetailPage');
const DiffPage = lazyPage(() => import('../pages/imports/DiffPage.tsx'), 'DiffPage');
const UsersPage = lazyPage(() => import('../pages/users/UsersPage.tsx'), 'UsersPage');
const AuditPage = lazyPage(() => import('../pages/audit/AuditPage.tsx'), 'AuditPage');
const TokensPage = lazyPage(() => import('../pages/tokens/TokensPage.tsx'), 'TokensPage');
const FindingsPage = lazyPage(() => import('../pages/findings/FindingsPage.tsx'), 'FindingsPage');
const FindingPage = lazyPage(() => import('../pages/findings/FindingPage.tsx'), 'FindingPage');
const DuplicatesPage = lazyPage(() => import('../pages/duplicates/DuplicatesPage.tsx'), 'DuplicatesPage');
const DuplicateReviewPage = lazyPage(
  () => import('../pages/duplicates/DuplicateReviewPage.tsx'),
  'DuplicateReviewPage',
);

export function App() {
  const { t } = useTranslation();
  const { me, loading, error } = useSession();
  const queryClient = useQueryClient();

  if (loading) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480}>
          <ErrorAlert error={error} />
          <Button onClick={() => queryClient.resetQueries({ queryKey: ['me'] })}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  // Any URL shows the login page until the user logs in, then the page they asked for.
  if (!me) return <LoginPage />;

  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<HomePage />} />
        <Route path="registry" element={<SearchPage />} />
        <Route path="registry/households/:id" element={<HouseholdPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="imports/:id" element={<ImportDetailPage />} />
        <Route path="diff" element={<DiffPage />} />
        <Route path="findings" element={<FindingsPage />} />
        <Route path="findings/:id" element={<FindingPage />} />
        <Route path="duplicates" element={<DuplicatesPage />} />
        <Route path="duplicates/:findingId" element={<DuplicateReviewPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="tokens" element={<TokensPage />} />
        {tasksRoutes}
        {pillarsRoutes}
        {fieldRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
