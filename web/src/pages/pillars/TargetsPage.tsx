import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AchievementBar } from './AchievementBar.tsx';
import { achievedFor } from './achievement.ts';
import { MetricNotes } from './MetricNotes.tsx';
import { QuarterSelect, useQuarterParam } from './QuarterSelect.tsx';
import { TargetForm } from './TargetForm.tsx';
import { TargetImport } from './TargetImport.tsx';
import type { PillarTarget } from './types.ts';
import { useEvaluation } from './useEvaluation.ts';
import { useMetrics } from './useMetrics.ts';
import { usePillarTypes } from './usePillarTypes.ts';

const PAGE_SIZE = 50;

/** A quarter's targets with the achievement so far; set one, or upload a sheet of them. */
export function TargetsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [quarter, setQuarter] = useQuarterParam();
  const metrics = useMetrics();
  const { label } = usePillarTypes();
  const [page, setPage] = useState(0);
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const targets = useQuery({
    queryKey: ['pillar-targets', quarter],
    queryFn: () => api<PillarTarget[]>(`/api/pillars/targets?quarter=${quarter}`),
    placeholderData: keepPreviousData,
  });
  const evaluation = useEvaluation(quarter);
  const all = targets.data ?? [];
  // The server gives a quarter's targets at once; the table shows them a page at a time.
  const rows = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const columns = useMemo<ColumnDef<PillarTarget, unknown>[]>(
    () => [
      { header: t('pillars.metric'), cell: ({ row }) => metrics.label(row.original.metric) },
      {
        header: t('pillars.targets.for'),
        cell: ({ row }) => {
          const target = row.original;
          if (target.member_id !== null) return target.member_name ?? `#${target.member_id}`;
          const area = target.area_code ? (target.area_name ?? target.area_code) : t('pillars.wholeDistrict');
          return `${label(target.pillar_type ?? '')} · ${area}`;
        },
      },
      ...(evaluation.data
        ? [
            {
              id: 'achievement',
              header: t('pillars.achievement'),
              cell: ({ row }: { row: { original: PillarTarget } }) => {
                const achieved = achievedFor(row.original, evaluation.data);
                return achieved === null ? (
                  <Text size="sm" c="dimmed">
                    {t('pillars.targets.desaNotCounted', { target: row.original.target })}
                  </Text>
                ) : (
                  <AchievementBar
                    achieved={achieved}
                    target={row.original.target}
                    label={metrics.label(row.original.metric)}
                  />
                );
              },
            },
          ]
        : [{ header: t('pillars.target'), accessorKey: 'target' }]),
    ],
    [t, metrics, label, evaluation.data],
  );

  return (
    <Stack>
      <PageHeader title={t('nav.targets')}>
        <Group align="flex-end">
          <QuarterSelect
            value={quarter}
            onChange={(next) => {
              setQuarter(next);
              setPage(0);
            }}
          />
          {can(PERMISSIONS.pillarsManage) ? (
            <Button
              leftSection={<IconTarget size={16} />}
              onClick={() => {
                setOpened(true);
                setOpenings((n) => n + 1);
              }}
            >
              {t('pillars.targets.set')}
            </Button>
          ) : null}
        </Group>
      </PageHeader>
      {targets.error ? <ErrorAlert error={targets.error} /> : null}
      {evaluation.error ? <ErrorAlert error={evaluation.error} /> : null}
      <DataTable
        caption={t('pillars.targets.caption', { quarter })}
        columns={columns}
        data={rows}
        rowKey={(target) => target.id}
        emptyText={targets.isPending ? t('common.loading') : t('pillars.targets.none')}
        pagination={{ page, pageSize: PAGE_SIZE, total: all.length, onPageChange: setPage }}
      />
      <MetricNotes />
      {can(PERMISSIONS.pillarsManage) ? <TargetImport /> : null}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('pillars.targets.set')}>
        <TargetForm key={openings} quarter={quarter} onDone={() => setOpened(false)} />
      </Modal>
    </Stack>
  );
}
