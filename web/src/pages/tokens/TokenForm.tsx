import { Button, Checkbox, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { NewApiToken } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { permissionLabel } from './permissionLabel.ts';

/** Creates a token with some of the user's own permissions; the secret comes back once. */
export function TokenForm({ onCreated }: { onCreated(token: NewApiToken): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const create = useMutation({
    mutationFn: () =>
      api<NewApiToken>('/api/tokens', {
        method: 'POST',
        json: {
          name: name.trim(),
          permissions,
          ...(typeof days === 'number' ? { expires_in_days: days } : {}),
        },
      }),
    onSuccess: (token) => {
      queryClient.invalidateQueries({ queryKey: ['tokens'] });
      setName('');
      setPermissions([]);
      onCreated(token);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() && permissions.length > 0) create.mutate();
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="token-form-title">
        <Stack>
          <Title order={3} size="h4" id="token-form-title">
            {t('tokens.create')}
          </Title>
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Checkbox.Group
            label={t('tokens.permissions')}
            description={t('tokens.permissionsHint')}
            required
            value={permissions}
            onChange={setPermissions}
          >
            <Stack gap={6} mt="xs">
              {(me?.permissions ?? []).map((permission) => (
                <Checkbox key={permission} value={permission} label={permissionLabel(t, permission)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <NumberInput
            label={t('tokens.expiresInDays')}
            description={t('tokens.expiresHint')}
            min={1}
            max={3650}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            maw={240}
          />
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!name.trim() || permissions.length === 0}
            >
              {t('tokens.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
