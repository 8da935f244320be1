import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, queryString } from '../../api/client.ts';
import type { Finding, Page } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { FindingStatusBadge, SeverityBadge } from '../findings/FindingBadges.tsx';
import { DUPLICATE_RULE } from './nextPair.ts';

const PAGE_SIZE = 50;

/** The possible duplicate people still to decide, most certain first; each opens its side-by-side review. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const regions = useRegionDirectory();
  const finished = Boolean((useLocation().state as { finished?: boolean } | null)?.finished);
  const [page, setPage] = useState(0);
  const pairs = useQuery({
    queryKey: ['findings', { rule_id: DUPLICATE_RULE, status: 'open' }, page],
    queryFn: () =>
      api<Page<Finding>>(
        `/api/findings${queryString({ rule_id: DUPLICATE_RULE, status: 'open', limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const rows = pairs.data?.items ?? [];
  const columns = useMemo<ColumnDef<Finding, unknown>[]>(
    () => [
      {
        header: t('findings.number'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/duplicates/${row.original.id}`} size="sm">
            #{row.original.id}
          </Anchor>
        ),
      },
      {
        header: t('duplicates.later'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/duplicates/${row.original.id}`} size="sm">
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
      { header: t('findings.created'), cell: ({ row }) => format.dateTime(row.original.created_at) },
    ],
    [t, regions, format],
  );
  const first = rows[0];
  return (
    <Stack>
      <PageHeader title={t('duplicates.title')}>
        {first ? (
          <Button component={Link} to={`/duplicates/${first.id}`}>
            {t('duplicates.start')}
          </Button>
        ) : null}
      </PageHeader>
      <Text size="sm">{t('duplicates.intro')}</Text>
      {finished ? (
        <Alert color="teal" role="status">
          {t('duplicates.finished')}
        </Alert>
      ) : null}
      {pairs.error ? <ErrorAlert error={pairs.error} /> : null}
      <DataTable
        caption={t('duplicates.caption')}
        columns={columns}
        data={rows}
        rowKey={(row) => row.id}
        emptyText={pairs.isPending ? t('common.loading') : t('duplicates.none')}
        pagination={{ page, pageSize: PAGE_SIZE, total: pairs.data?.total ?? 0, onPageChange: setPage }}
      />
    </Stack>
  );
}
