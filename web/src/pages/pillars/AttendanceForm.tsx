import {
  Alert,
  Button,
  Checkbox,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { PillarEventDetail, PillarMember } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

/** Members of one invited type the list shows at most; a name search finds the others. */
const PER_TYPE = 200;

/** Marks attendance from the sign-in sheet: the active members of the invited types, ticked off by name. */
export function AttendanceForm({ event }: { event: PillarEventDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { label } = usePillarTypes();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<string[]>([]);
  const lists = useQueries({
    queries: event.invited_types.map((type) => ({
      queryKey: ['pillar-members', 'invited', type, event.event_date, q],
      queryFn: () =>
        api<PillarMember[]>(
          `/api/pillars/members${queryString({ type, q, active_on: event.event_date, limit: PER_TYPE })}`,
        ),
    })),
  });
  const members = lists.flatMap((list) => list.data ?? []).sort((a, b) => a.name.localeCompare(b.name));
  const attended = new Set(event.attendance.map((a) => String(a.member_id)));
  const error = lists.find((list) => list.error)?.error;

  const record = useMutation({
    mutationFn: () =>
      api<{ added: number; already_recorded: number }>(`/api/pillars/events/${event.id}/attendance`, {
        method: 'POST',
        json: { member_ids: chosen.map(Number) },
      }),
    onSuccess: async () => {
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: ['pillar-event', event.id] });
      await queryClient.invalidateQueries({ queryKey: ['pillar-events'] });
      await queryClient.invalidateQueries({ queryKey: ['pillar-evaluation'] });
    },
  });

  function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    if (chosen.length > 0) record.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby="attendance-form-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="attendance-form-title">
          {t('pillars.events.markTitle')}
        </Title>
        <TextInput
          label={t('pillars.members.search')}
          value={search}
          onChange={(changeEvent) => setSearch(changeEvent.currentTarget.value)}
          maw={360}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <ScrollArea.Autosize mah={360} type="auto">
          {/* Members already present stay ticked and cannot be unticked: attendance is never removed. */}
          <Checkbox.Group
            label={t('pillars.events.markLabel')}
            value={[...attended, ...chosen]}
            onChange={(next) => setChosen(next.filter((id) => !attended.has(id)))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {members.map((member) => (
                <Checkbox
                  key={member.id}
                  value={String(member.id)}
                  disabled={attended.has(String(member.id))}
                  label={member.name}
                  description={`${label(member.pillar_type)}${attended.has(String(member.id)) ? ` · ${t('pillars.events.alreadyPresent')}` : ''}`}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </ScrollArea.Autosize>
        {members.length === 0 && !lists.some((list) => list.isPending) ? (
          <Text size="sm" c="dimmed">
            {t('pillars.events.noInvitedMembers')}
          </Text>
        ) : null}
        {record.data ? (
          <Alert color="teal" variant="light" role="status">
            {t('pillars.events.recorded', { count: record.data.added })}
          </Alert>
        ) : null}
        {record.error ? <ErrorAlert error={record.error} /> : null}
        <Group>
          <Button type="submit" disabled={chosen.length === 0} loading={record.isPending}>
            {t('pillars.events.saveAttendance', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
