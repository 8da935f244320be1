import { Button, Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { useSession } from '../auth/session.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { AuditPage } from '../pages/audit/AuditPage.tsx';
import { DiffPage } from '../pages/imports/DiffPage.tsx';
import { ImportDetailPage } from '../pages/imports/ImportDetailPage.tsx';
import { ImportsPage } from '../pages/imports/ImportsPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { HouseholdPage } from '../pages/registry/HouseholdPage.tsx';
import { SearchPage } from '../pages/registry/SearchPage.tsx';
import { UsersPage } from '../pages/users/UsersPage.tsx';
import { Shell } from './Shell.tsx';

// Beranda carries ECharts, the largest library: other pages load without it.
const HomePage = lazy(() =>
  import('../pages/home/HomePage.tsx').then((module) => ({ default: module.HomePage })),
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
        <Route
          index
          element={
            <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
              <HomePage />
            </Suspense>
          }
        />
        <Route path="registry" element={<SearchPage />} />
        <Route path="registry/households/:id" element={<HouseholdPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="imports/:id" element={<ImportDetailPage />} />
        <Route path="diff" element={<DiffPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
