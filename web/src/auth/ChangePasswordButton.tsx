import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

/** Changes one's own password; the server ends the user's other sessions. */
export function ChangePasswordButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api('/api/me/password', { method: 'POST', json: { current_password: current, new_password: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const mismatch = repeat.length > 0 && repeat !== next;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!mismatch) change.mutate();
  }

  function openFresh() {
    change.reset();
    open();
  }

  return (
    <>
      <Button variant="subtle" size="xs" leftSection={<IconKey size={16} />} onClick={openFresh}>
        {t('password.change')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('password.change')}>
        {change.isSuccess ? (
          <Stack>
            <Alert color="teal" variant="light" role="status">
              {t('password.changed')}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close}>{t('password.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <PasswordInput
                label={t('password.current')}
                required
                autoComplete="current-password"
                value={current}
                onChange={(event) => setCurrent(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('password.new')}
                description={t('users.passwordHint')}
                required
                autoComplete="new-password"
                value={next}
                onChange={(event) => setNext(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('password.repeat')}
                required
                autoComplete="new-password"
                value={repeat}
                error={mismatch ? t('password.mismatch') : undefined}
                onChange={(event) => setRepeat(event.currentTarget.value)}
              />
              {change.error ? <ErrorAlert error={change.error} /> : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('statusChange.cancel')}
                </Button>
                <Button type="submit" loading={change.isPending}>
                  {t('statusChange.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
