import { Anchor, Badge, Button, Card, Checkbox, Group, Image, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import type { ChangeRequest } from './types.ts';

const STATE_COLOR = { pending: 'yellow', approved: 'green', rejected: 'gray' } as const;

/**
 * One change a visit proposes, with what the approver needs to decide it: evidence, conflict,
 * actions. `onDecided` hears of a decision the server took (the list it leaves can say so).
 */
export function ChangeRequestCard({
  request,
  onDecided,
}: {
  request: ChangeRequest;
  onDecided?: (decision: 'approve' | 'reject') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [acknowledged, setAcknowledged] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const decidedBy = useActorNames([request.decided_by]);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      api(`/api/pillars/change-requests/${request.id}/${decision}`, {
        method: 'POST',
        json:
          decision === 'approve'
            ? { acknowledge_conflict: request.conflict !== null && acknowledged }
            : { note: note.trim() },
      }),
    onSuccess: (_, decision) => onDecided?.(decision),
    // A refusal too: a conflict that arose since the list was read is then shown on the card.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['pillars', 'change-requests'] }),
  });
  const change =
    request.kind === 'status'
      ? t('fieldwork.changes.setStatus', { status: t(`status.${request.new_status}`) })
      : t('fieldwork.changes.correct', {
          field: t(`evidence.key.${request.field}`, { defaultValue: request.field ?? '' }),
          from: request.baseline_value ?? '–',
          to: request.value ?? '–',
        });

  return (
    <Card withBorder component="article" aria-label={`#${request.id} ${request.subject_name ?? ''}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>
              #{request.id} · {request.subject_name ?? `#${request.subject_id}`}
            </Text>
            <Text size="sm" data-testid="change">
              {change}
            </Text>
          </div>
          <Badge color={STATE_COLOR[request.state]} variant="light">
            {t(`fieldwork.changes.state.${request.state}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('fieldwork.changes.reason')}: {request.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('fieldwork.changes.byMember', {
            member: request.member_name,
            time: format.dateTime(request.visited_at),
          })}
          {' · '}
          <Anchor component={Link} to={`/registry/households/${request.household_id}`} size="xs">
            {t('fieldwork.changes.openHousehold')}
          </Anchor>
          {' · '}
          <Anchor component={Link} to={`/pillars/tasks/${request.task_id}`} size="xs">
            {t('fieldwork.changes.openTask', { id: request.task_id })}
          </Anchor>
        </Text>
        {request.visit_notes ? (
          <Text size="sm">
            {t('fieldwork.changes.visitNotes')}: {request.visit_notes}
          </Text>
        ) : null}
        {request.visit_condition ? (
          <Text size="sm">
            {t('fieldwork.condition.label')}: {t(`fieldwork.condition.${request.visit_condition}`)}
          </Text>
        ) : null}
        {request.visit_has_photo ? (
          <Image
            src={`/api/pillars/visits/${request.visit_id}/photo`}
            alt={t('fieldwork.changes.photo')}
            mah={200}
            w="auto"
            fit="contain"
          />
        ) : null}
        {request.conflict ? <ConflictNotice conflict={request.conflict} /> : null}
        {request.state === 'pending' ? (
          <>
            {request.can_apply ? null : (
              <Text size="sm" c="dimmed">
                {t('fieldwork.changes.cannotApply')}
              </Text>
            )}
            {request.conflict && request.can_apply ? (
              <Checkbox
                label={t('fieldwork.changes.acknowledge')}
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.currentTarget.checked)}
              />
            ) : null}
            {rejecting ? (
              <Textarea
                label={t('fieldwork.changes.rejectNote')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                autosize
                required
              />
            ) : null}
            <Group gap="xs">
              {request.can_apply ? (
                <Button
                  color="green"
                  onClick={() => decide.mutate('approve')}
                  loading={decide.isPending && decide.variables === 'approve'}
                  disabled={request.conflict !== null && !acknowledged}
                >
                  {t('fieldwork.changes.approve')}
                </Button>
              ) : null}
              <Button
                variant="light"
                color="red"
                onClick={() => (rejecting ? decide.mutate('reject') : setRejecting(true))}
                loading={decide.isPending && decide.variables === 'reject'}
                disabled={rejecting && !note.trim()}
              >
                {t('fieldwork.changes.reject')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            {t('fieldwork.changes.decided', {
              state: t(`fieldwork.changes.state.${request.state}`),
              who: decidedBy(request.decided_by ?? ''),
              time: request.decided_at ? format.dateTime(request.decided_at) : '',
            })}
            {request.decision_note ? ` — ${request.decision_note}` : ''}
          </Text>
        )}
        {decide.error ? <ErrorAlert error={decide.error} /> : null}
      </Stack>
    </Card>
  );
}
