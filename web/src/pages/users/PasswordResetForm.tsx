import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Sets a new password for a user; the server ends their sessions. */
export function PasswordResetForm({ user, onDone }: { user: User; onDone(): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api(`/api/users/${user.id}/password`, { method: 'POST', json: { password } }),
    onSuccess: onDone,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate();
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('users.resetText', { name: user.full_name })}</Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.passwordHint')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {reset.error ? <ErrorAlert error={reset.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('statusChange.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('statusChange.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
