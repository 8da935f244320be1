import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { AuditFilters, auditQuery, NO_FILTER } from './AuditFilters.tsx';

const PAGE = 100;

/** What the record holds beyond who, what and when, as compact JSON. */
function extra(entry: AuditEntry): string {
  const parts = { before: entry.before, after: entry.after, details: entry.details };
  const present = Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== null));
  return Object.keys(present).length ? JSON.stringify(present) : '';
}

/** The append-only audit log for auditors: newest first, filtered, a page at a time, and as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const regions = useRegionDirectory();
  const [filter, setFilter] = useState(NO_FILTER);
  const [debounced] = useDebouncedValue(filter, 300);
  const query = auditQuery(debounced);
  const entries = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) =>
      api<AuditEntry[]>(`/api/audit${queryString({ ...query, before: pageParam, limit: PAGE })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]?.id : undefined),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => entries.data?.pages.flat() ?? [], [entries.data]);
  // Who acted, and users who were acted upon (user.create, user.update, ...), by their full names.
  const actorName = useActorNames(
    useMemo(
      () =>
        rows.flatMap((row) => [
          row.actor_id,
          row.subject_type === 'user' && row.subject_id ? `user:${row.subject_id}` : null,
        ]),
      [rows],
    ),
  );

  const subjectLabel = useCallback(
    (entry: AuditEntry) => {
      const id = `#${entry.subject_id}`;
      if (entry.subject_type !== 'user') return id;
      const name = actorName(`user:${entry.subject_id}`);
      return name.startsWith('user:') ? id : `${name} (${id})`;
    },
    [actorName],
  );

  const columns = useMemo<ColumnDef<AuditEntry, unknown>[]>(
    () => [
      { header: t('history.when'), cell: ({ row }) => format.dateTime(row.original.at) },
      {
        header: t('audit.actor'),
        cell: ({ row }) => (
          <>
            <Text size="sm">
              {row.original.actor_id ? actorName(row.original.actor_id) : row.original.actor_name}
            </Text>
            <Text size="xs" c="dimmed">
              {[row.original.actor_name, row.original.actor_role].filter(Boolean).join(' · ')}
            </Text>
          </>
        ),
      },
      {
        header: t('audit.action'),
        cell: ({ row }) => t(`audit.actions.${row.original.action}`, { defaultValue: row.original.action }),
      },
      {
        header: t('audit.subject'),
        cell: ({ row }) =>
          row.original.subject_type
            ? `${t(`audit.subjects.${row.original.subject_type}`, { defaultValue: row.original.subject_type })} ${subjectLabel(row.original)}`
            : '–',
      },
      { header: t('common.desa'), cell: ({ row }) => regions.name(row.original.desa_code) || '–' },
      { header: 'IP', cell: ({ row }) => row.original.ip ?? '–' },
      {
        header: t('audit.details'),
        cell: ({ row }) => {
          const text = extra(row.original);
          return text ? <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{text}</Code> : '–';
        },
      },
    ],
    [t, format, regions, subjectLabel, actorName],
  );

  return (
    <Stack>
      <PageHeader title={t('audit.title')}>
        <Button
          component="a"
          href={`/api/audit.csv${queryString(query)}`}
          download
          variant="light"
          leftSection={<IconDownload size={16} />}
        >
          {t('rejects.download')}
        </Button>
      </PageHeader>
      <AuditFilters value={filter} onChange={setFilter} />
      {entries.error ? <ErrorAlert error={entries.error} /> : null}
      <DataTable
        caption={t('audit.caption', { shown: format.number(rows.length) })}
        columns={columns}
        data={rows}
        rowKey={(entry) => entry.id}
        emptyText={entries.isPending ? t('common.loading') : t('audit.none')}
      />
      {entries.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={entries.isFetchingNextPage}
            onClick={() => entries.fetchNextPage()}
          >
            {t('rejects.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
