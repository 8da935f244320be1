import { Anchor, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { ImportRecord } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { JobProgress } from './JobProgress.tsx';
import { UploadForm } from './UploadForm.tsx';

const RECENT = 50;

/** Upload a quarterly file, follow its progress, and the list of earlier imports. */
export function ImportsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const jobId = Number(params.get('job')) || undefined;
  const imports = useQuery({
    queryKey: ['imports'],
    queryFn: () => api<ImportRecord[]>(`/api/imports?limit=${RECENT}`),
  });

  const actorName = useActorNames(
    useMemo(() => (imports.data ?? []).map((r) => r.created_by), [imports.data]),
  );

  const done = useCallback(
    (importId: number) => {
      queryClient.invalidateQueries({ queryKey: ['imports'] });
      queryClient.invalidateQueries({ queryKey: ['registry-summary'] });
      navigate(`/imports/${importId}`, { replace: true });
    },
    [navigate, queryClient],
  );

  const columns = useMemo<ColumnDef<ImportRecord, unknown>[]>(
    () => [
      {
        header: t('imports.number'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/imports/${row.original.id}`}>
            #{row.original.id}
          </Anchor>
        ),
      },
      { header: t('common.period'), accessorKey: 'period' },
      { header: t('imports.file'), accessorKey: 'file_name' },
      { header: t('common.status'), cell: ({ row }) => <ImportStatusBadge status={row.original.status} /> },
      {
        header: t('imports.rowsAccepted'),
        cell: ({ row }) => format.number(row.original.rows_accepted ?? 0),
      },
      {
        header: t('imports.rowsRejected'),
        cell: ({ row }) => format.number(row.original.rows_rejected ?? 0),
      },
      { header: t('imports.started'), cell: ({ row }) => format.dateTime(row.original.started_at) },
      { header: t('imports.by'), cell: ({ row }) => actorName(row.original.created_by) },
    ],
    [t, format, actorName],
  );

  return (
    <Stack>
      <PageHeader title={t('imports.title')} />
      <UploadForm onStarted={(id) => setParams({ job: String(id) })} />
      {jobId ? <JobProgress jobId={jobId} onDone={done} /> : null}
      {imports.error ? <ErrorAlert error={imports.error} /> : null}
      <DataTable
        caption={t('imports.recent', { count: RECENT })}
        columns={columns}
        data={imports.data ?? []}
        rowKey={(record) => record.id}
        emptyText={imports.isPending ? t('common.loading') : t('imports.none')}
      />
    </Stack>
  );
}
