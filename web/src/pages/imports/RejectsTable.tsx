import { Button, Group, List, Paper, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { RejectedRow } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/format.ts';

const PAGE = 50;

/** Rejected rows by line number with every reason, read a page at a time, and the CSV of all of them. */
export function RejectsTable({ importId, total }: { importId: number; total: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rejects = useInfiniteQuery({
    queryKey: ['rejects', importId],
    queryFn: ({ pageParam }) =>
      api<RejectedRow[]>(`/api/imports/${importId}/rejects?after=${pageParam}&limit=${PAGE}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]?.line_no : undefined),
  });
  const rows = useMemo(() => rejects.data?.pages.flat() ?? [], [rejects.data]);
  const english = i18n.language === 'en';

  const columns = useMemo<ColumnDef<RejectedRow, unknown>[]>(
    () => [
      { header: t('rejects.line'), accessorKey: 'line_no' },
      {
        header: t('rejects.reasons'),
        cell: ({ row }) => (
          <List size="sm" spacing={2}>
            {row.original.reasons.map((reason) => (
              <List.Item key={`${reason.field}-${reason.code}`}>
                {english ? reason.message_en : reason.message}
              </List.Item>
            ))}
          </List>
        ),
      },
      { header: t('common.name'), cell: ({ row }) => row.original.raw.nama || '–' },
      { header: t('common.nik'), cell: ({ row }) => <code>{row.original.raw.nik || '–'}</code> },
      { header: t('rejects.family'), cell: ({ row }) => row.original.raw.id_keluarga || '–' },
      { header: t('rejects.desaCode'), cell: ({ row }) => row.original.raw.kode_desa || '–' },
    ],
    [t, english],
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rejects-title">
      <Group justify="space-between" mb="xs">
        <Title id="rejects-title" order={3} size="h4">
          {t('rejects.title', { count: total, formatted: format.number(total) })}
        </Title>
        <Button
          component="a"
          href={`/api/imports/${importId}/rejects.csv`}
          download
          variant="light"
          leftSection={<IconDownload size={16} />}
        >
          {t('rejects.download')}
        </Button>
      </Group>
      {rejects.error ? <ErrorAlert error={rejects.error} /> : null}
      <DataTable
        caption={t('rejects.caption', { shown: format.number(rows.length), total: format.number(total) })}
        columns={columns}
        data={rows}
        rowKey={(row) => row.line_no}
        emptyText={rejects.isPending ? t('common.loading') : t('rejects.none')}
      />
      {rejects.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            loading={rejects.isFetchingNextPage}
            onClick={() => rejects.fetchNextPage()}
          >
            {t('rejects.more')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
