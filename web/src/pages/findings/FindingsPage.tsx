import { Anchor, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../../api/client.ts';
import type { Finding, Page } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { BulkActionButton } from './BulkActionButton.tsx';
import { FindingStatusBadge, SeverityBadge } from './FindingBadges.tsx';
import { FindingFilters } from './FindingFilters.tsx';
import { apiFilter, type FindingFilter, filterFromParams, filterToParams } from './findingFilter.ts';
import { RuleCounts } from './RuleCounts.tsx';
import { useFindingsSummary } from './useFindingsSummary.ts';
import { useRules } from './useRules.ts';

const PAGE_SIZE = 50;

/** The findings queue of the user's area: filtered, a page at a time from the server, most severe first. */
export function FindingsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, can } = useSession();
  const regions = useRegionDirectory();
  const { title } = useRules();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const page = Number(params.get('page') ?? 0) || 0;
  const query = apiFilter(filter, me?.user.id);
  const findings = useQuery({
    queryKey: ['findings', query, page],
    queryFn: () =>
      api<Page<Finding>>(
        `/api/findings${queryString({ ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const summary = useFindingsSummary(query.area);
  const rows = findings.data?.items ?? [];
  const assigneeName = useActorNames(
    useMemo(() => rows.map((row) => (row.assignee_user_id ? `user:${row.assignee_user_id}` : null)), [rows]),
  );

  const setFilter = (next: FindingFilter) => setParams(filterToParams(next), { replace: true });
  const setPage = (next: number) => {
    const copy = filterToParams(filter);
    if (next) copy.set('page', String(next));
    setParams(copy);
  };

  const columns = useMemo<ColumnDef<Finding, unknown>[]>(
    () => [
      {
        header: t('findings.number'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/findings/${row.original.id}`} size="sm">
            #{row.original.id}
          </Anchor>
        ),
      },
      { header: t('findings.rule'), cell: ({ row }) => title(row.original.rule_id) },
      {
        header: t('findings.subject'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/findings/${row.original.id}`} size="sm">
            {row.original.subject_name ?? `#${row.original.subject_id}`}
          </Anchor>
        ),
      },
      { header: t('common.desa'), cell: ({ row }) => regions.name(row.original.desa_code) },
      {
        header: t('findings.severityLabel'),
        cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
      },
      { header: t('common.status'), cell: ({ row }) => <FindingStatusBadge status={row.original.status} /> },
      {
        header: t('findings.assignee'),
        cell: ({ row }) =>
          row.original.assignee_user_id ? assigneeName(`user:${row.original.assignee_user_id}`) : '–',
      },
      { header: t('findings.updated'), cell: ({ row }) => format.dateTime(row.original.updated_at) },
    ],
    [t, title, regions, format, assigneeName],
  );

  const { assignee_user_id: _, ...withoutAssignee } = query;
  const bulk = can(PERMISSIONS.findingsBulk) && filter.rule && filter.assignee === '';
  return (
    <Stack>
      <PageHeader title={t('findings.title')}>
        {bulk ? (
          <BulkActionButton
            filter={{ ...withoutAssignee, rule_id: filter.rule }}
            ruleTitle={title(filter.rule)}
          />
        ) : null}
      </PageHeader>
      <FindingFilters value={filter} onChange={setFilter} />
      {summary.data ? (
        <RuleCounts
          summary={summary.data}
          status={filter.status}
          rule={filter.rule}
          onRule={(rule) => setFilter({ ...filter, rule })}
        />
      ) : null}
      {can(PERMISSIONS.findingsBulk) && !filter.rule ? (
        <Text size="sm" c="dimmed">
          {t('findings.bulk.hint')}
        </Text>
      ) : null}
      {findings.error ? <ErrorAlert error={findings.error} /> : null}
      <DataTable
        caption={t('findings.caption')}
        columns={columns}
        data={rows}
        rowKey={(row) => row.id}
        emptyText={findings.isPending ? t('common.loading') : t('findings.none')}
        pagination={{
          page,
          pageSize: PAGE_SIZE,
          total: findings.data?.total ?? 0,
          onPageChange: setPage,
        }}
      />
    </Stack>
  );
}
