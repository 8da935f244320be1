import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TargetProblems, targetProblems } from './TargetProblems.tsx';

/** Uploads a target sheet (XLSX); the server saves all rows or none and names each bad row. */
export function TargetImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (sheet: File) => {
      const body = new FormData();
      body.append('file', sheet);
      return api<{ saved: number }>('/api/pillars/targets/import', { method: 'POST', body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['pillar-targets'] });
      await queryClient.invalidateQueries({ queryKey: ['pillar-evaluation'] });
    },
  });
  const problems = targetProblems(upload.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="target-import-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} size="h4" id="target-import-title">
            {t('pillars.targets.importTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pillars.targets.importHint')}
          </Text>
          <Group align="flex-end">
            <FileInput
              label={t('pillars.targets.file')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} />}
              clearable
              required
              value={file}
              onChange={(next) => {
                setFile(next);
                upload.reset();
              }}
              w={320}
              maw="100%"
            />
            <Button
              type="submit"
              leftSection={<IconUpload size={16} />}
              loading={upload.isPending}
              disabled={!file}
            >
              {t('pillars.targets.upload')}
            </Button>
          </Group>
          {upload.data ? (
            <Alert color="teal" variant="light" role="status">
              {t('pillars.targets.imported', { count: upload.data.saved })}
            </Alert>
          ) : null}
          {upload.error ? <ErrorAlert error={upload.error} /> : null}
          <TargetProblems problems={problems} caption={t('pillars.targets.problemsCaption')} />
        </Stack>
      </form>
    </Paper>
  );
}
