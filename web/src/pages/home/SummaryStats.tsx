import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegistrySummary } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { poorShare } from './useSummary.ts';

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

export function SummaryStats({ summary }: { summary: RegistrySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { totals, period } = summary;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="summary-stats">
      <Stat label={t('home.households')} value={format.number(totals.households)} />
      <Stat label={t('home.persons')} value={format.number(totals.persons)} />
      <Stat
        label={t('home.poorHouseholds')}
        value={format.number(totals.households_desil_1_2)}
        note={t('home.poorShare', { share: format.percent(poorShare(totals)) })}
      />
      <Stat
        label={t('home.lastImport')}
        value={period?.period ?? t('home.noImport')}
        note={period ? format.dateTime(period.committed_at) : undefined}
      />
    </SimpleGrid>
  );
}
