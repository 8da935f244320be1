import { Stack, Text } from '@mantine/core';
import { useMetrics } from './useMetrics.ts';

/** Why some metrics count 0 for now (their source module does not exist yet), under the tables that show them. */
export function MetricNotes() {
  const metrics = useMetrics();
  const pending = metrics.metrics.filter((m) => m.pending);
  if (pending.length === 0) return null;
  return (
    <Stack gap={2}>
      {pending.map((m) => (
        <Text key={m.code} size="xs" c="dimmed">
          {metrics.label(m.code)}: {metrics.note(m.code)}
        </Text>
      ))}
    </Stack>
  );
}
