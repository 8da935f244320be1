import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ApiToken } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Revokes a token after a confirmation: programs using it are refused from then on. */
export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useMutation({
    mutationFn: () => api(`/api/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      close();
    },
  });
  return (
    <>
      <Button
        variant="default"
        color="red"
        size="xs"
        onClick={open}
        aria-label={t('tokens.revokeFor', { name: token.name })}
      >
        {t('tokens.revoke')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('tokens.revokeTitle', { name: token.name })}>
        <Stack>
          <Text size="sm">{t('tokens.revokeText')}</Text>
          {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('statusChange.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
