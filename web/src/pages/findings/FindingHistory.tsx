import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { FindingDetail, FindingEvent, FindingResolution } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { FindingStatusBadge } from './FindingBadges.tsx';

/** Everything that happened to the finding (decisions with their reasons, assignments, comments), and a comment box. */
export function FindingHistory({ finding, canComment }: { finding: FindingDetail; canComment: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const resolutionText = useResolutionText();
  const ids = useMemo(
    () =>
      finding.events.flatMap((event) => [
        event.actor_id,
        ...(event.kind === 'assign' && typeof event.details?.to_user_id === 'number'
          ? [`user:${event.details.to_user_id}`]
          : []),
      ]),
    [finding.events],
  );
  const actorName = useActorNames(ids);
  const columns = useMemo<ColumnDef<FindingEvent, unknown>[]>(
    () => [
      { header: t('history.when'), cell: ({ row }) => format.dateTime(row.original.at) },
      { header: t('findings.event'), cell: ({ row }) => <EventKind event={row.original} /> },
      {
        header: t('findings.note'),
        cell: ({ row }) => {
          const event = row.original;
          if (event.kind === 'assign') {
            const to = event.details?.to_user_id;
            return typeof to === 'number'
              ? t('findings.assignedTo', { name: actorName(`user:${to}`) })
              : t('findings.unassigned');
          }
          const resolution = event.details as FindingResolution | null;
          return (
            <>
              {event.text}
              {event.kind === 'status' && resolution?.action ? (
                <Text size="xs" c="dimmed">
                  {resolutionText(resolution)}
                </Text>
              ) : null}
            </>
          );
        },
      },
      { header: t('history.by'), cell: ({ row }) => actorName(row.original.actor_id) },
    ],
    [t, format, actorName, resolutionText],
  );
  return (
    <Stack>
      <DataTable
        caption={t('findings.historyCaption')}
        columns={columns}
        data={finding.events}
        rowKey={(event) => event.id}
        emptyText={t('findings.noHistory')}
      />
      {canComment ? <CommentForm findingId={finding.id} /> : null}
    </Stack>
  );
}

function EventKind({ event }: { event: FindingEvent }) {
  const { t } = useTranslation();
  if (event.kind === 'status' && event.to_status) {
    return (
      <Group gap={4} wrap="nowrap">
        {event.from_status ? <FindingStatusBadge status={event.from_status} /> : null}→
        <FindingStatusBadge status={event.to_status} />
      </Group>
    );
  }
  return <>{t(`findings.eventKind.${event.kind}`)}</>;
}

/** What a resolution did to the registry, in words. */
export function useResolutionText() {
  const { t } = useTranslation();
  return (resolution: FindingResolution) => {
    const action = t(`findings.resolution.${resolution.action}`);
    if (resolution.action === 'ganda' && resolution.related_id)
      return `${action} (${t('findings.resolution.keeps', { id: resolution.related_id })})`;
    if (resolution.action === 'correct') return `${action}: ${resolution.field} = ${resolution.value}`;
    return action;
  };
}

function CommentForm({ findingId }: { findingId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api(`/api/findings/${findingId}/comments`, { method: 'POST', json: { text: text.trim() } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['finding', findingId] });
      setText('');
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) add.mutate();
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label={t('findings.comment')}
          minRows={2}
          maxLength={2000}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {add.error ? <ErrorAlert error={add.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={add.isPending} disabled={!text.trim()}>
            {t('findings.addComment')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
