import { Button, FileInput, Group, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const PERIOD = /^\d{4}-Q[1-4]$/;

function currentQuarter(): string {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** Sends a quarterly CSV/XLSX file with its period; the server answers with the import's job. */
export function UploadForm({ onStarted }: { onStarted(jobId: number): void }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentQuarter);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ period?: string; file?: string }>({});
  const upload = useMutation({
    mutationFn: (input: { period: string; file: File }) => {
      const body = new FormData();
      // The server reads the period before the file, so it must come first.
      body.append('period', input.period);
      body.append('file', input.file);
      return api<{ job_id: number }>('/api/imports', { method: 'POST', body });
    },
    onSuccess: (response) => {
      setFile(null);
      onStarted(response.job_id);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!PERIOD.test(period.trim())) found.period = t('imports.periodInvalid');
    if (!file) found.file = t('imports.fileRequired');
    else if (!/\.(csv|xlsx)$/i.test(file.name)) found.file = t('imports.fileType');
    setErrors(found);
    if (file && Object.keys(found).length === 0) upload.mutate({ period: period.trim(), file });
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="upload-title">
      <Title id="upload-title" order={3} size="h4" mb="sm">
        {t('imports.upload')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('common.period')}
          description={t('imports.periodHint')}
          name="period"
          required
          value={period}
          error={errors.period}
          onChange={(event) => setPeriod(event.currentTarget.value)}
        />
        <FileInput
          label={t('imports.file')}
          description={t('imports.fileHint')}
          name="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} />}
          placeholder={t('imports.choose')}
          value={file}
          error={errors.file}
          onChange={setFile}
          clearable
        />
      </SimpleGrid>
      {upload.error ? <ErrorAlert error={upload.error} /> : null}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={16} />}>
          {t('imports.start')}
        </Button>
      </Group>
    </Paper>
  );
}
