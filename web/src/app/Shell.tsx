import { AppShell, Badge, Burger, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { Navigation } from './Navigation.tsx';
import classes from './Shell.module.css';
import { UserCard } from './UserCard.tsx';

/** Header, navigation by module and the page; the navigation folds away below tablet width. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const role = me ? (i18n.language === 'en' ? me.role.label_en : me.role.label) : '';

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: { sm: 200, lg: 240 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
            />
            <Title order={1} size="h3">
              <Link to="/" className={classes.brand}>
                Sinergi
              </Link>
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge variant="outline" visibleFrom="sm" data-testid="header-role">
              {role}
            </Badge>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section pt="sm" className={classes.user}>
          <UserCard />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
