import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useRegionDirectory } from '../../regions/useRegions.ts';

interface AssignResult {
  assigned: number;
  without_member: { task_id: number; desa_code: string }[];
}

/** The Dinas's two bulk steps: a task for every open finding, then every open task to a member of its desa. */
export function TaskActions() {
  const { t } = useTranslation();
  const regions = useRegionDirectory();
  const queryClient = useQueryClient();
  const [dueDate, setDueDate] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['pillars', 'tasks'] });
  const fromFindings = useMutation({
    mutationFn: () =>
      api<{ created: number }>('/api/pillars/tasks/from-findings', { method: 'POST', json: {} }),
    onSuccess: refresh,
  });
  const assign = useMutation({
    mutationFn: () =>
      api<AssignResult>('/api/pillars/tasks/assign', {
        method: 'POST',
        json: dueDate ? { due_date: dueDate } : {},
      }),
    onSuccess: refresh,
  });
  const uncovered = [...new Set(assign.data?.without_member.map((w) => regions.name(w.desa_code)) ?? [])];

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <Button variant="light" onClick={() => fromFindings.mutate()} loading={fromFindings.isPending}>
          {t('fieldwork.tasks.fromFindings')}
        </Button>
        <TextInput
          type="date"
          label={t('fieldwork.tasks.dueDate')}
          value={dueDate}
          onChange={(event) => setDueDate(event.currentTarget.value)}
        />
        <Button onClick={() => assign.mutate()} loading={assign.isPending}>
          {t('fieldwork.tasks.autoAssign')}
        </Button>
      </Group>
      {fromFindings.data ? (
        <Text size="sm" role="status">
          {t('fieldwork.tasks.fromFindingsDone', { count: fromFindings.data.created })}
        </Text>
      ) : null}
      {assign.data ? (
        <Alert color={uncovered.length ? 'yellow' : 'green'} role="status">
          {t('fieldwork.tasks.autoAssignDone', {
            assigned: assign.data.assigned,
            without: assign.data.without_member.length,
          })}
          {uncovered.length ? (
            <Text size="sm">{t('fieldwork.tasks.withoutMember', { desa: uncovered.join(', ') })}</Text>
          ) : null}
        </Alert>
      ) : null}
      {fromFindings.error ? <ErrorAlert error={fromFindings.error} /> : null}
      {assign.error ? <ErrorAlert error={assign.error} /> : null}
    </Stack>
  );
}
