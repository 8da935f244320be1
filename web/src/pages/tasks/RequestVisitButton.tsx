import { Button, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const HOUSEHOLD_KINDS = ['recheck', 'household_exists', 'desil_plausible'] as const;

/** The Dinas or a desa operator asks for a household to be checked in the field: a task for a pillar. */
export function RequestVisitButton({ householdId }: { householdId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [kind, setKind] = useState<string>('recheck');
  const [question, setQuestion] = useState('');
  const [dueDate, setDueDate] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api<{ task: { id: number } }>('/api/pillars/tasks', {
        method: 'POST',
        json: {
          kind,
          household_id: householdId,
          ...(question.trim() ? { question: question.trim() } : {}),
          ...(dueDate ? { due_date: dueDate } : {}),
        },
      }),
    onSuccess: async (made) => {
      await queryClient.invalidateQueries({ queryKey: ['pillars', 'tasks'] });
      navigate(`/pillars/tasks/${made.task.id}`);
    },
  });

  return (
    <>
      <Button variant="light" size="xs" onClick={open}>
        {t('fieldwork.tasks.request')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('fieldwork.tasks.request')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Stack>
            <Select
              label={t('fieldwork.tasks.requestKind')}
              data={HOUSEHOLD_KINDS.map((k) => ({ value: k, label: t(`fieldwork.kind.${k}`) }))}
              value={kind}
              onChange={(value) => setKind(value ?? 'recheck')}
              allowDeselect={false}
            />
            <Textarea
              label={t('fieldwork.tasks.requestQuestion')}
              value={question}
              onChange={(event) => setQuestion(event.currentTarget.value)}
              maxLength={1000}
              autosize
            />
            <DateField label={t('fieldwork.tasks.requestDue')} value={dueDate} onChange={setDueDate} />
            {create.error ? <ErrorAlert error={create.error} /> : null}
            <Button type="submit" loading={create.isPending}>
              {t('fieldwork.tasks.requestSubmit')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
