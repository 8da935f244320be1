import { Anchor, Badge, Checkbox, Group, Select, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TASK_KINDS } from '../../../../src/modules/pillars/vocabulary.ts';
import { api, queryString } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { TaskActions } from './TaskActions.tsx';
import { apiQuery, filterFromParams, filterToParams, TASK_STATUSES, type TaskFilter } from './taskFilter.ts';
import type { TaskRow } from './types.ts';

const PAGE_SIZE = 50;

/** The verification tasks of the caller's area: filtered, a page at a time, soonest due first. */
export function TasksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const page = Number(params.get('page') ?? 0) || 0;
  const query = apiQuery(filter);
  const tasks = useQuery({
    queryKey: ['pillars', 'tasks', query, page],
    queryFn: () =>
      api<Page<TaskRow>>(
        `/api/pillars/tasks${queryString({ ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const setFilter = (next: TaskFilter) => setParams(filterToParams(next), { replace: true });
  const setPage = (next: number) => {
    const copy = filterToParams(filter);
    if (next) copy.set('page', String(next));
    setParams(copy);
  };

  const columns = useMemo<ColumnDef<TaskRow, unknown>[]>(
    () => [
      {
        header: t('fieldwork.tasks.number'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/pillars/tasks/${row.original.id}`} size="sm">
            #{row.original.id}
          </Anchor>
        ),
      },
      { header: t('fieldwork.tasks.kind'), cell: ({ row }) => t(`fieldwork.kind.${row.original.kind}`) },
      {
        header: t('fieldwork.tasks.household'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/registry/households/${row.original.household_id}`} size="sm">
            {t('fieldwork.tasks.householdLink', { id: row.original.household_id })}
          </Anchor>
        ),
      },
      { header: t('common.desa'), cell: ({ row }) => row.original.desa_name },
      {
        header: t('fieldwork.tasks.member'),
        cell: ({ row }) => row.original.member_name ?? t('fieldwork.tasks.unassigned'),
      },
      {
        header: t('fieldwork.tasks.due'),
        cell: ({ row }) =>
          row.original.due_date ? (
            <Group gap={4} wrap="nowrap">
              {format.date(row.original.due_date)}
              {row.original.overdue ? <Badge color="red">{t('fieldwork.field.overdue')}</Badge> : null}
            </Group>
          ) : (
            '–'
          ),
      },
      {
        header: t('fieldwork.tasks.status'),
        cell: ({ row }) => t(`fieldwork.taskStatus.${row.original.status}`),
      },
    ],
    [t, format],
  );

  return (
    <Stack>
      <PageHeader title={t('fieldwork.tasks.title')} />
      <TaskActions />
      <Group align="flex-end" gap="sm" role="search" aria-label={t('fieldwork.tasks.filters')}>
        <Select
          label={t('fieldwork.tasks.status')}
          data={[
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(`fieldwork.taskStatus.${s}`) })),
            { value: 'all', label: t('fieldwork.tasks.all') },
          ]}
          value={filter.status}
          onChange={(value) => setFilter({ ...filter, status: value ?? 'open' })}
          allowDeselect={false}
        />
        <Select
          label={t('fieldwork.tasks.kind')}
          data={TASK_KINDS.map((k) => ({ value: k, label: t(`fieldwork.kind.${k}`) }))}
          value={filter.kind || null}
          onChange={(value) => setFilter({ ...filter, kind: value ?? '' })}
          placeholder={t('fieldwork.tasks.all')}
          clearable
        />
        <Checkbox
          label={t('fieldwork.tasks.overdueOnly')}
          checked={filter.overdue}
          onChange={(event) => setFilter({ ...filter, overdue: event.currentTarget.checked })}
        />
        <Checkbox
          label={t('fieldwork.tasks.unassignedOnly')}
          checked={filter.unassigned}
          onChange={(event) => setFilter({ ...filter, unassigned: event.currentTarget.checked })}
        />
      </Group>
      {tasks.error ? <ErrorAlert error={tasks.error} /> : null}
      <DataTable
        caption={t('fieldwork.tasks.caption')}
        columns={columns}
        data={tasks.data?.items ?? []}
        rowKey={(row) => row.id}
        emptyText={t('fieldwork.tasks.empty')}
        pagination={{ page, pageSize: PAGE_SIZE, total: tasks.data?.total ?? 0, onPageChange: setPage }}
      />
    </Stack>
  );
}
