import { Alert, Paper, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Job } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Follows a running import job until it ends, then hands over the import's id. */
export function JobProgress({ jobId, onDone }: { jobId: number; onDone(importId: number): void }) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api<Job>(`/api/jobs/${jobId}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
    staleTime: 0,
  });
  const data = job.data;
  const importId = data?.status === 'succeeded' ? data.result?.importId : undefined;
  useEffect(() => {
    if (importId) onDone(importId);
  }, [importId, onDone]);

  if (job.error) return <ErrorAlert error={job.error} />;
  if (data?.status === 'failed') {
    return (
      <Alert color="red" title={t('imports.jobFailed')} role="alert">
        {data.error}
      </Alert>
    );
  }
  const total = data?.progress_total ?? 0;
  const share = total > 0 ? Math.min(100, (100 * (data?.progress_done ?? 0)) / total) : 0;
  const phase = data?.message ? t(`imports.phase.${data.message}`, { defaultValue: data.message }) : '';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600} id="job-progress-label">
          {t('imports.running', { id: jobId })}
        </Text>
        <Progress
          value={share}
          size="lg"
          animated
          aria-labelledby="job-progress-label"
          aria-valuetext={`${Math.round(share)}%`}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {phase} {Math.round(share)}%
        </Text>
      </Stack>
    </Paper>
  );
}
