import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useRegionDirectory } from '../../regions/useRegions.ts';

interface AssignResult {
  assigned: number;
  without_member: { task_id: number; desa_code: string }[];
}

/**
 * The Dinas's bulk steps: a task for every open finding (given at once, by default, to a member of
 * its desa), and every open task still waiting to a member of its desa.
 */
export function TaskActions() {
  const { t } = useTranslation();
  const regions = useRegionDirectory();
  const queryClient = useQueryClient();
  const [dueDate, setDueDate] = useState('');
  const [assignNow, setAssignNow] = useState(true);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['pillars', 'tasks'] });
  const fromFindings = useMutation({
    mutationFn: () =>
      api<{ created: number } & Partial<AssignResult>>('/api/pillars/tasks/from-findings', {
        method: 'POST',
        json: { assign: assignNow, ...(dueDate ? { due_date: dueDate } : {}) },
      }),
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
  // The last bulk step's assignment: the assign button's, or that of tasks from findings made assigned.
  const assigned =
    assign.data ?? (fromFindings.data?.without_member ? (fromFindings.data as AssignResult) : undefined);
  const uncovered = [...new Set(assigned?.without_member.map((w) => regions.name(w.desa_code)) ?? [])];

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <Stack gap={4}>
          <Button
            variant="light"
            onClick={() => {
              assign.reset();
              fromFindings.mutate();
            }}
            loading={fromFindings.isPending}
          >
            {t('fieldwork.tasks.fromFindings')}
          </Button>
          <Checkbox
            size="xs"
            label={t('fieldwork.tasks.assignNow')}
            checked={assignNow}
            onChange={(event) => setAssignNow(event.currentTarget.checked)}
          />
        </Stack>
        <DateField label={t('fieldwork.tasks.dueDate')} value={dueDate} onChange={setDueDate} />
        <Button
          onClick={() => {
            fromFindings.reset();
            assign.mutate();
          }}
          loading={assign.isPending}
        >
          {t('fieldwork.tasks.autoAssign')}
        </Button>
      </Group>
      {fromFindings.data ? (
        <Text size="sm" role="status">
          {t('fieldwork.tasks.fromFindingsDone', { count: fromFindings.data.created })}
        </Text>
      ) : null}
      {assigned ? (
        <Alert color={uncovered.length ? 'yellow' : 'green'} role="status">
          {t('fieldwork.tasks.autoAssignDone', {
            assigned: assigned.assigned,
            without: assigned.without_member.length,
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
