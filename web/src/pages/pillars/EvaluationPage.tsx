import { Button, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { EvaluationTables } from './EvaluationTables.tsx';
import { MetricNotes } from './MetricNotes.tsx';
import { QuarterSelect, useQuarterParam } from './QuarterSelect.tsx';
import type { Evaluation } from './types.ts';
import { useEvaluation } from './useEvaluation.ts';
import { usePillarTypes } from './usePillarTypes.ts';

type MemberRow = Evaluation['members'][number];
type TypeRow = Evaluation['pillar_types'][number];
type KecamatanRow = Evaluation['kecamatan'][number];

/** The quarter's targets against achievement and the visit quality, per member, pillar type and kecamatan. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const regions = useRegionDirectory();
  const { label } = usePillarTypes();
  const [quarter, setQuarter] = useQuarterParam();
  const [search, setSearch] = useState('');
  const evaluation = useEvaluation(quarter);
  const data = evaluation.data;

  const memberColumns = useMemo<ColumnDef<MemberRow, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('common.name'),
        cell: ({ row }) => (
          <div>
            <Text size="sm">{row.original.name}</Text>
            <Text size="xs" c="dimmed">
              {[
                label(row.original.pillar_type),
                row.original.organisation,
                ...row.original.kecamatan_codes.map(regions.name),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
        ),
      },
    ],
    [t, label, regions],
  );
  const typeColumns = useMemo<ColumnDef<TypeRow, unknown>[]>(
    () => [
      { id: 'type', header: t('pillars.type'), cell: ({ row }) => label(row.original.pillar_type) },
      {
        id: 'members',
        header: t('pillars.evaluation.members'),
        cell: ({ row }) => format.number(row.original.members),
      },
    ],
    [t, label, format],
  );
  const kecamatanColumns = useMemo<ColumnDef<KecamatanRow, unknown>[]>(
    () => [
      { id: 'kecamatan', header: t('common.kecamatan'), accessorKey: 'kecamatan_name' },
      {
        id: 'members',
        header: t('pillars.evaluation.members'),
        cell: ({ row }) => format.number(row.original.members),
      },
    ],
    [t, format],
  );

  const needle = search.trim().toLowerCase();
  const members = data?.members.filter((m) => !needle || m.name.toLowerCase().includes(needle)) ?? [];
  return (
    <Stack>
      <PageHeader title={t('nav.evaluation')}>
        <Group align="flex-end">
          <QuarterSelect value={quarter} onChange={setQuarter} />
          <Button
            component="a"
            href={`/api/pillars/evaluation.xlsx?quarter=${quarter}`}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('pillars.evaluation.download')}
          </Button>
        </Group>
      </PageHeader>
      {evaluation.error ? <ErrorAlert error={evaluation.error} /> : null}
      {!data && !evaluation.error ? <Text c="dimmed">{t('common.loading')}</Text> : null}
      {data ? (
        <Tabs defaultValue="members" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="members">{t('pillars.evaluation.perMember')}</Tabs.Tab>
            <Tabs.Tab value="types">{t('pillars.evaluation.perType')}</Tabs.Tab>
            <Tabs.Tab value="kecamatan">{t('pillars.evaluation.perKecamatan')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="members" pt="md">
            <Stack>
              <TextInput
                label={t('pillars.members.search')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                maw={360}
              />
              <EvaluationTables
                key={needle}
                caption={t('pillars.evaluation.perMember')}
                rows={members}
                rowKey={(row) => row.member_id}
                nameColumns={memberColumns}
                thresholds={data.thresholds}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="types" pt="md">
            <EvaluationTables
              caption={t('pillars.evaluation.perType')}
              rows={data.pillar_types}
              rowKey={(row) => row.pillar_type}
              nameColumns={typeColumns}
              thresholds={data.thresholds}
            />
          </Tabs.Panel>
          <Tabs.Panel value="kecamatan" pt="md">
            <EvaluationTables
              caption={t('pillars.evaluation.perKecamatan')}
              rows={data.kecamatan}
              rowKey={(row) => row.kecamatan_code}
              nameColumns={kecamatanColumns}
              thresholds={data.thresholds}
            />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('pillars.evaluation.groupTargets')}
      </Text>
      <MetricNotes />
    </Stack>
  );
}
