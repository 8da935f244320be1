import { Alert, Anchor, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { ImportRecord } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';
import { RejectsTable } from './RejectsTable.tsx';

/** The result of one import: its counts and every rejected row with its reasons. */
export function ImportDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: ['import', id],
    queryFn: () => api<ImportRecord>(`/api/imports/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const record = query.data;
  const actorName = useActorNames([record?.created_by]);

  return (
    <Stack>
      <Anchor component={Link} to="/imports" size="sm">
        ← {t('imports.back')}
      </Anchor>
      <PageHeader title={t('imports.detailTitle', { id })}>
        {record ? <ImportStatusBadge status={record.status} /> : null}
      </PageHeader>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {record ? (
        <>
          <Alert
            color={record.status === 'failed' ? 'red' : 'teal'}
            variant="light"
            role="status"
            data-testid="import-summary"
          >
            {t(`imports.summary.${record.status}`, {
              period: record.period,
              persons: format.number(record.persons ?? 0),
              households: format.number(record.households ?? 0),
              rejected: format.number(record.rows_rejected ?? 0),
            })}
            {record.error ? ` ${record.error}` : ''}
          </Alert>
          <Paper withBorder p="md">
            <Facts
              items={[
                { label: t('common.period'), value: record.period },
                { label: t('imports.file'), value: record.file_name },
                { label: t('imports.rowsTotal'), value: format.number(record.rows_total ?? 0) },
                { label: t('imports.rowsAccepted'), value: format.number(record.rows_accepted ?? 0) },
                { label: t('imports.rowsRejected'), value: format.number(record.rows_rejected ?? 0) },
                { label: t('home.households'), value: format.number(record.households ?? 0) },
                { label: t('home.persons'), value: format.number(record.persons ?? 0) },
                { label: t('imports.started'), value: format.dateTime(record.started_at) },
                {
                  label: t('imports.finished'),
                  value: record.finished_at ? format.dateTime(record.finished_at) : '–',
                },
                { label: t('imports.by'), value: actorName(record.created_by) },
              ]}
            />
          </Paper>
          {record.status !== 'running' && (record.rows_rejected ?? 0) > 0 ? (
            <RejectsTable importId={id} total={record.rows_rejected ?? 0} />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
