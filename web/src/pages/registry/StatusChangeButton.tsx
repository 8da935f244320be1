import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { RecordStatus } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const STATUSES: RecordStatus[] = ['aktif', 'meninggal', 'pindah', 'ganda', 'tidak_ditemukan', 'tidak_layak'];

interface StatusChangeButtonProps {
  type: 'household' | 'person';
  id: number;
  /** The household page to refresh afterwards. */
  householdId: number;
  current: RecordStatus;
  /** Whose status it is, for the dialog's title and the button's accessible name. */
  name: string;
}

/** Changes a record's status with a reason; the record is kept and the change joins its history. */
export function StatusChangeButton({ type, id, householdId, current, name }: StatusChangeButtonProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [status, setStatus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api(`/api/${type === 'household' ? 'households' : 'persons'}/${id}/status`, {
        method: 'POST',
        json: { status, reason: reason.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['household', householdId] });
      queryClient.invalidateQueries({ queryKey: ['persons'] });
      close();
      setStatus(null);
      setReason('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (status && reason.trim()) change.mutate();
  }

  return (
    <>
      <Button variant="default" size="xs" onClick={open} aria-label={t('statusChange.buttonFor', { name })}>
        {t('statusChange.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('statusChange.title', { name })}>
        <form onSubmit={submit}>
          <Stack>
            <Select
              label={t('statusChange.newStatus')}
              required
              data={STATUSES.filter((s) => s !== current).map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={status}
              onChange={setStatus}
              comboboxProps={{ withinPortal: false }}
            />
            <Textarea
              label={t('statusChange.reason')}
              description={t('statusChange.reasonHint')}
              required
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            {change.error ? <ErrorAlert error={change.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('statusChange.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending} disabled={!status || !reason.trim()}>
                {t('statusChange.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
