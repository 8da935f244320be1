import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';

/** Achieved against target: the figures, and a bar (full at 100 %, green once reached) read out by screen readers. */
export function AchievementBar({
  achieved,
  target,
  label,
}: {
  achieved: number;
  target: number | null;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!target) {
    return (
      <Text size="sm">
        {format.number(achieved)}
        <Text span size="xs" c="dimmed">
          {' '}
          {t('pillars.noTarget')}
        </Text>
      </Text>
    );
  }
  const share = achieved / target;
  return (
    <div style={{ minWidth: 120 }}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm">
          {format.number(achieved)} / {format.number(target)}
        </Text>
        <Text size="xs" c="dimmed">
          {format.percent(share)}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, share * 100)}
        color={share >= 1 ? 'teal' : share >= 0.5 ? 'yellow' : 'red'}
        size="sm"
        aria-label={t('pillars.achievementOf', { label, percent: format.percent(share) })}
      />
    </div>
  );
}
