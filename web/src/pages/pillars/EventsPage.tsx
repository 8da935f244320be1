import { Anchor, Badge, Button, Modal, Stack } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { EventForm } from './EventForm.tsx';
import type { PillarEvent } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

const PAGE_SIZE = 50;

/** Capacity-building events, newest first; the Dinas creates one here. */
export function EventsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const { label } = usePillarTypes();
  const [page, setPage] = useState(0);
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const events = useQuery({
    queryKey: ['pillar-events'],
    queryFn: () => api<PillarEvent[]>('/api/pillars/events'),
  });
  const all = events.data ?? [];
  // The server lists every event (a few a month); the table shows them a page at a time.
  const rows = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const columns = useMemo<ColumnDef<PillarEvent, unknown>[]>(
    () => [
      { header: t('pillars.events.date'), cell: ({ row }) => format.date(row.original.event_date) },
      {
        header: t('pillars.events.title'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/pillars/events/${row.original.id}`} size="sm">
            {row.original.title}
          </Anchor>
        ),
      },
      { header: t('pillars.events.kind'), cell: ({ row }) => t(`pillars.events.kinds.${row.original.kind}`) },
      { header: t('pillars.events.place'), accessorKey: 'place' },
      {
        header: t('pillars.events.invited'),
        cell: ({ row }) => row.original.invited_types.map(label).join(', '),
      },
      {
        header: t('pillars.events.attendees'),
        cell: ({ row }) => format.number(row.original.attendees),
      },
      {
        header: t('pillars.events.countsShort'),
        cell: ({ row }) =>
          row.original.counts_toward_targets ? (
            <Badge variant="light" color="teal" miw="max-content">
              {t('pillars.events.countsYes')}
            </Badge>
          ) : (
            '–'
          ),
      },
    ],
    [t, format, label],
  );

  return (
    <Stack>
      <PageHeader title={t('nav.events')}>
        {can(PERMISSIONS.pillarsManage) ? (
          <Button
            leftSection={<IconCalendarPlus size={16} />}
            onClick={() => {
              setOpened(true);
              setOpenings((n) => n + 1);
            }}
          >
            {t('pillars.events.create')}
          </Button>
        ) : null}
      </PageHeader>
      {events.error ? <ErrorAlert error={events.error} /> : null}
      <DataTable
        caption={t('pillars.events.caption')}
        columns={columns}
        data={rows}
        rowKey={(event) => event.id}
        emptyText={events.isPending ? t('common.loading') : t('pillars.events.none')}
        pagination={{ page, pageSize: PAGE_SIZE, total: all.length, onPageChange: setPage }}
      />
      <Modal opened={opened} onClose={() => setOpened(false)} size="lg" title={t('pillars.events.create')}>
        <EventForm key={openings} onDone={() => setOpened(false)} />
      </Modal>
    </Stack>
  );
}
