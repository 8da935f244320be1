import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { HouseholdSummary } from '../field/HouseholdSummary.tsx';
import type { FieldHousehold, FieldPerson } from '../field/types.ts';
import { AssignForm } from './AssignForm.tsx';
import { CancelTaskButton } from './CancelTaskButton.tsx';
import { ChangeRequestCard } from './ChangeRequestCard.tsx';
import type { ChangeRequest, TaskRow } from './types.ts';

interface Assignment {
  id: number;
  member_name: string;
  automatic: boolean;
  reason: string | null;
  due_date: string | null;
  assigned_by: string;
  assigned_at: string;
}

interface TaskDetail {
  task: TaskRow;
  household: FieldHousehold | null;
  members: FieldPerson[];
  related_person: FieldPerson | null;
  assignments: Assignment[];
}

/** One verification task: the household, who has it and had it, and what its visit proposes. */
export function TaskPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const id = Number(useParams().id);
  const detail = useQuery({
    queryKey: ['pillars', 'tasks', 'detail', id],
    queryFn: () => api<TaskDetail>(`/api/pillars/tasks/${id}`),
  });
  const changes = useQuery({
    queryKey: ['pillars', 'change-requests', 'task', id],
    queryFn: () => api<ChangeRequest[]>(`/api/pillars/change-requests?task_id=${id}`),
    enabled: can(PERMISSIONS.pillarsReview),
  });
  const data = detail.data;
  const names = useActorNames([
    data?.task.created_by,
    ...(data?.assignments.map((a) => a.assigned_by) ?? []),
  ]);
  const back = (
    <Anchor component={Link} to="/pillars/tasks" size="sm">
      {t('fieldwork.tasks.back')}
    </Anchor>
  );
  if (detail.error)
    return (
      <Stack>
        {back}
        <ErrorAlert error={detail.error} />
      </Stack>
    );
  if (!data) return null;
  const { task } = data;

  return (
    <Stack maw={960}>
      {back}
      <PageHeader title={t('fieldwork.tasks.detail', { id: task.id })}>
        <Badge size="lg" variant="light">
          {t(`fieldwork.taskStatus.${task.status}`)}
        </Badge>
      </PageHeader>
      <Card withBorder>
        <Text fw={600}>{t(`fieldwork.kind.${task.kind}`)}</Text>
        <Text size="sm">
          {t('fieldwork.tasks.source')}: {t(`fieldwork.source.${task.source}`)}
          {task.finding_id ? (
            <>
              {' · '}
              <Anchor component={Link} to={`/findings/${task.finding_id}`} size="sm">
                {t('fieldwork.tasks.finding', { id: task.finding_id })}
              </Anchor>
            </>
          ) : null}
        </Text>
        {task.question ? <Text size="sm">{task.question}</Text> : null}
        <Text size="sm">
          {t('fieldwork.tasks.member')}: {task.member_name ?? t('fieldwork.tasks.unassigned')}
          {task.due_date ? ` · ${t('fieldwork.tasks.due')}: ${format.date(task.due_date)}` : ''}
          {task.overdue ? ` · ${t('fieldwork.field.overdue')}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('fieldwork.tasks.createdAt', {
            time: format.dateTime(task.created_at),
            who: names(task.created_by),
          })}
        </Text>
      </Card>
      <HouseholdSummary
        task={{
          ...task,
          household: data.household,
          members: data.members,
          related_person: data.related_person,
        }}
      />
      {task.status === 'open' ? (
        <Group align="flex-end" justify="space-between">
          {can(PERMISSIONS.pillarsRead) ? <AssignForm task={task} /> : null}
          <CancelTaskButton taskId={task.id} />
        </Group>
      ) : null}
      <Title order={3} size="h4">
        {t('fieldwork.tasks.assignments')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fieldwork.tasks.assignedAt')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.tasks.assignedTo')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.tasks.assignedBy')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.tasks.due')}</Table.Th>
              <Table.Th scope="col">{t('fieldwork.tasks.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.assignments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{format.dateTime(a.assigned_at)}</Table.Td>
                <Table.Td>{a.member_name}</Table.Td>
                <Table.Td>{a.automatic ? t('fieldwork.tasks.automatic') : names(a.assigned_by)}</Table.Td>
                <Table.Td>{a.due_date ? format.date(a.due_date) : '–'}</Table.Td>
                <Table.Td>{a.reason ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {can(PERMISSIONS.pillarsReview) ? (
        <>
          <Title order={3} size="h4">
            {t('fieldwork.tasks.changes')}
          </Title>
          {changes.data?.length === 0 ? <Text c="dimmed">{t('fieldwork.tasks.noChanges')}</Text> : null}
          {changes.data?.map((request) => (
            <ChangeRequestCard key={request.id} request={request} />
          ))}
          {changes.error ? <ErrorAlert error={changes.error} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
