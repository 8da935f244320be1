import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { NAVIGATION } from './navigation.ts';

export function Navigation({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { pathname } = useLocation();
  const groups = NAVIGATION.map((group) => ({
    ...group,
    items: group.items.filter((item) => !item.permission || can(item.permission)),
  })).filter((group) => group.items.length > 0);

  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap="md">
        {groups.map((group) => (
          <div key={group.module}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
              {t(group.module)}
            </Text>
            {group.items.map((item) => {
              const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={18} stroke={1.6} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </nav>
  );
}
