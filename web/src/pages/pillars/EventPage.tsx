import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { AttendanceForm } from './AttendanceForm.tsx';
import { CheckinCode } from './CheckinCode.tsx';
import type { PillarEventDetail } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

type Attendee = PillarEventDetail['attendance'][number];

/** One event: its facts and materials, who attended (from the list or by QR), marking attendance, the QR code. */
export function EventPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const { label } = usePillarTypes();
  const id = Number(useParams().id);
  const event = useQuery({
    queryKey: ['pillar-event', id],
    queryFn: () => api<PillarEventDetail>(`/api/pillars/events/${id}`),
  });
  const columns = useMemo<ColumnDef<Attendee, unknown>[]>(
    () => [
      { header: t('common.name'), accessorKey: 'name' },
      { header: t('pillars.type'), cell: ({ row }) => label(row.original.pillar_type) },
      {
        header: t('pillars.events.method'),
        cell: ({ row }) => t(`pillars.events.methods.${row.original.method}`),
      },
      {
        header: t('pillars.events.recordedAt'),
        cell: ({ row }) => format.dateTime(row.original.recorded_at),
      },
    ],
    [t, label, format],
  );

  if (event.error) return <ErrorAlert error={event.error} />;
  if (!event.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const data = event.data;
  const manage = can(PERMISSIONS.pillarsManage);
  return (
    <Stack>
      <PageHeader title={data.title}>
        <Anchor component={Link} to="/pillars/events" size="sm">
          {t('pillars.events.back')}
        </Anchor>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: manage ? 2 : 1 }}>
        <Paper withBorder p="md">
          <Facts
            items={[
              { label: t('pillars.events.kind'), value: t(`pillars.events.kinds.${data.kind}`) },
              { label: t('pillars.events.date'), value: format.date(data.event_date) },
              { label: t('pillars.events.place'), value: data.place },
              { label: t('pillars.events.invited'), value: data.invited_types.map(label).join(', ') },
              {
                label: t('pillars.events.countsShort'),
                value: data.counts_toward_targets ? (
                  <Badge variant="light" color="teal">
                    {t('pillars.events.countsYes')}
                  </Badge>
                ) : (
                  t('pillars.events.countsNo')
                ),
              },
            ]}
          />
          {data.agenda ? (
            <>
              <Title order={3} size="h5" mt="md">
                {t('pillars.events.agenda')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.agenda}
              </Text>
            </>
          ) : null}
          {data.materials.length > 0 ? (
            <>
              <Title order={3} size="h5" mt="md">
                {t('pillars.events.materials')}
              </Title>
              <List size="sm">
                {data.materials.map((material) => (
                  <List.Item key={`${material.title}|${material.url ?? ''}`}>
                    {material.url ? (
                      <Anchor href={material.url} target="_blank" rel="noreferrer">
                        {material.title}
                      </Anchor>
                    ) : (
                      material.title
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Paper>
        {manage ? <CheckinCode eventId={data.id} /> : null}
      </SimpleGrid>
      <Group gap="xs">
        <Title order={3} size="h4">
          {t('pillars.events.attendance')}
        </Title>
        <Badge variant="light">{format.number(data.attendance.length)}</Badge>
      </Group>
      <DataTable
        caption={t('pillars.events.attendanceCaption', { title: data.title })}
        columns={columns}
        data={data.attendance}
        rowKey={(row) => row.member_id}
        emptyText={t('pillars.events.noAttendance')}
      />
      {manage ? (
        <Paper withBorder p="md">
          <AttendanceForm event={data} />
        </Paper>
      ) : null}
    </Stack>
  );
}
