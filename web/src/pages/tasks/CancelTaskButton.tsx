import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Cancels a task that is no longer needed; the reason is kept with it. */
export function CancelTaskButton({ taskId }: { taskId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () =>
      api(`/api/pillars/tasks/${taskId}/cancel`, { method: 'POST', json: { reason: reason.trim() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pillars', 'tasks'] }),
  });
  return (
    <div>
      <Group align="flex-end" gap="sm">
        {asking ? (
          <TextInput
            label={t('fieldwork.tasks.cancelReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
          />
        ) : null}
        <Button
          color="red"
          variant="light"
          onClick={() => (asking ? cancel.mutate() : setAsking(true))}
          disabled={asking && !reason.trim()}
          loading={cancel.isPending}
        >
          {t('fieldwork.tasks.cancel')}
        </Button>
      </Group>
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
    </div>
  );
}
