import { Button } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { HouseholdDetail } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Shows one household's NIK and KK in full: a deliberate request the server writes to the audit log. */
export function RevealButton({ id, onRevealed }: { id: number; onRevealed(detail: HouseholdDetail): void }) {
  const { t } = useTranslation();
  const reveal = useMutation({
    mutationFn: () => api<HouseholdDetail>(`/api/households/${id}/reveal`, { method: 'POST' }),
    onSuccess: onRevealed,
  });
  return (
    <>
      <Button
        variant="light"
        color="orange"
        leftSection={<IconEye size={16} />}
        loading={reveal.isPending}
        onClick={() => reveal.mutate()}
        title={t('household.revealHint')}
      >
        {t('household.reveal')}
      </Button>
      {reveal.error ? <ErrorAlert error={reveal.error} /> : null}
    </>
  );
}
