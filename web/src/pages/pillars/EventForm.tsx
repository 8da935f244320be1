import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { districtToday } from './quarter.ts';
import { EVENT_KINDS, type EventKind, type EventMaterial, type PillarEventDetail } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

/** Creates a bimtek, dialog or FGD with the types invited and its materials (title and link), then opens it. */
export function EventForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { types, label } = usePillarTypes();
  const [kind, setKind] = useState<EventKind>('bimtek');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(districtToday());
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [counts, setCounts] = useState(true);
  const [materials, setMaterials] = useState<EventMaterial[]>([]);

  const create = useMutation({
    mutationFn: () =>
      api<PillarEventDetail>('/api/pillars/events', {
        method: 'POST',
        json: {
          kind,
          title: title.trim(),
          event_date: date,
          place: place.trim(),
          ...(agenda.trim() ? { agenda: agenda.trim() } : {}),
          invited_types: invited,
          counts_toward_targets: counts,
          materials: materials
            .filter((m) => m.title.trim())
            .map((m) => ({ title: m.title.trim(), ...(m.url?.trim() ? { url: m.url.trim() } : {}) })),
        },
      }),
    onSuccess: async (event) => {
      await queryClient.invalidateQueries({ queryKey: ['pillar-events'] });
      onDone();
      navigate(`/pillars/events/${event.id}`);
    },
  });
  const setMaterial = (index: number, patch: Partial<EventMaterial>) =>
    setMaterials((list) => list.map((m, i) => (i === index ? { ...m, ...patch } : m)));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('pillars.events.kind')}
            required
            allowDeselect={false}
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(`pillars.events.kinds.${k}`) }))}
            value={kind}
            onChange={(next) => next && setKind(next as EventKind)}
            comboboxProps={{ withinPortal: false }}
          />
          <DateField label={t('pillars.events.date')} required value={date} onChange={setDate} />
        </SimpleGrid>
        <TextInput
          label={t('pillars.events.title')}
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <TextInput
          label={t('pillars.events.place')}
          required
          value={place}
          onChange={(event) => setPlace(event.currentTarget.value)}
        />
        <Textarea
          label={t('pillars.events.agenda')}
          autosize
          minRows={2}
          value={agenda}
          onChange={(event) => setAgenda(event.currentTarget.value)}
        />
        <Checkbox.Group label={t('pillars.events.invited')} required value={invited} onChange={setInvited}>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs">
            {types.map((type) => (
              <Checkbox key={type.code} value={type.code} label={label(type.code)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Switch
          label={t('pillars.events.counts')}
          description={t('pillars.events.countsHint')}
          checked={counts}
          onChange={(event) => setCounts(event.currentTarget.checked)}
        />
        <Fieldset legend={t('pillars.events.materials')}>
          <Stack gap="xs">
            {materials.map((material, index) => (
              // Materials have no id until saved; their place in the list is their identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are added and removed in place
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('pillars.events.materialTitle', { n: index + 1 })}
                  required
                  style={{ flex: 1 }}
                  value={material.title}
                  onChange={(event) => setMaterial(index, { title: event.currentTarget.value })}
                />
                <TextInput
                  label={t('pillars.events.materialUrl', { n: index + 1 })}
                  type="url"
                  style={{ flex: 1 }}
                  value={material.url ?? ''}
                  onChange={(event) => setMaterial(index, { url: event.currentTarget.value })}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('pillars.events.removeMaterial', { n: index + 1 })}
                  onClick={() => setMaterials((list) => list.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setMaterials((list) => [...list, { title: '' }])}
              >
                {t('pillars.events.addMaterial')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('statusChange.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('statusChange.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
