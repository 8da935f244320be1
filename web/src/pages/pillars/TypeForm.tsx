import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { PillarType } from './types.ts';

/** Adds a district's own pillar type; its name is given in both languages. */
export function TypeForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const [hasOrganisation, setHasOrganisation] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api<PillarType>('/api/pillars/types', {
        method: 'POST',
        json: {
          code: code.trim(),
          label: label.trim(),
          label_en: labelEn.trim(),
          has_organisation: hasOrganisation,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['pillar-types'] });
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('pillars.types.code')}
          description={t('pillars.types.codeHint')}
          required
          pattern="[a-z][a-z0-9_]{1,39}"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <TextInput
          label={t('pillars.types.label')}
          required
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
        />
        <TextInput
          label={t('pillars.types.labelEn')}
          required
          value={labelEn}
          onChange={(event) => setLabelEn(event.currentTarget.value)}
        />
        <Switch
          label={t('pillars.types.hasOrganisation')}
          description={t('pillars.types.hasOrganisationHint')}
          checked={hasOrganisation}
          onChange={(event) => setHasOrganisation(event.currentTarget.checked)}
        />
        {add.error ? <ErrorAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('statusChange.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('statusChange.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
