import { Button, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordButton } from '../auth/ChangePasswordButton.tsx';
import { useSession } from '../auth/session.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** Who is logged in, their role and area, and the way out. */
export function UserCard() {
  const { t, i18n } = useTranslation();
  const { me, logout } = useSession();
  const [error, setError] = useState<unknown>(null);
  if (!me) return null;
  const role = i18n.language === 'en' ? me.role.label_en : me.role.label;
  const area = me.scope.all ? t('user.wholeDistrict') : me.areas.map((a) => a.name).join(', ');

  return (
    <Stack gap={6} data-testid="user-card">
      <Text fw={600} size="sm">
        {me.user.full_name}
      </Text>
      <Text size="xs" fw={700} c="teal.8" tt="uppercase">
        {role}
      </Text>
      <Text size="xs" c="dimmed">
        {t('user.area')}: {area || t('user.noArea')}
      </Text>
      {error ? <ErrorAlert error={error} /> : null}
      <ChangePasswordButton />
      <Button
        variant="default"
        size="xs"
        leftSection={<IconLogout size={16} />}
        onClick={() => logout().catch(setError)}
      >
        {t('user.logout')}
      </Button>
    </Stack>
  );
}
