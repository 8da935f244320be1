import { Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AchievementBar } from '../pillars/AchievementBar.tsx';
import { currentQuarter } from '../pillars/quarter.ts';
import { useMetrics } from '../pillars/useMetrics.ts';

interface MyEvaluation {
  quarter: string;
  metrics: { metric: string; target: number | null; achieved: number }[];
}

/** The pilar's own quarter: each target the Dinas set and what their recorded work has reached. */
export function MyTargetsCard({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const quarter = currentQuarter();
  const { label } = useMetrics();
  const mine = useQuery({
    queryKey: ['pillars', 'my-evaluation', quarter],
    queryFn: () => api<MyEvaluation>(`/api/pillars/my/evaluation?quarter=${quarter}`),
    enabled: online,
  });
  const targeted = mine.data?.metrics.filter((m) => m.target !== null) ?? [];
  if (!online && !mine.data) return null;

  return (
    <Card withBorder component="section" aria-labelledby="my-targets-title">
      <Text fw={600} id="my-targets-title" mb="xs">
        {t('fieldwork.field.targets', { quarter })}
      </Text>
      {mine.error ? <ErrorAlert error={mine.error} /> : null}
      {mine.data && targeted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fieldwork.field.noTargets')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {targeted.map((m) => (
          <div key={m.metric}>
            <Text size="sm">{label(m.metric)}</Text>
            <AchievementBar achieved={m.achieved} target={m.target} label={label(m.metric)} />
          </div>
        ))}
      </Stack>
    </Card>
  );
}
