import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { OutboxVisit } from './offline/store.ts';
import { discardVisit, retryVisit, type SyncResult } from './offline/sync.ts';

const STATE_COLOR = { pending: 'yellow', sent: 'green', failed: 'red' } as const;

/** The visits saved on this phone: what waits for a signal, what arrived, what the server refused. */
export function OutboxPanel({
  visits,
  online,
  onSend,
}: {
  visits: OutboxVisit[];
  online: boolean;
  onSend(): Promise<SyncResult>;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SyncResult | null>(null);
  // Discarding is asked twice: the visit is the pilar's work and exists nowhere else.
  const [discarding, setDiscarding] = useState<string | null>(null);
  if (visits.length === 0) return null;
  const pending = visits.filter((v) => v.state === 'pending').length;

  const send = async () => {
    setSending(true);
    try {
      setResult(await onSend());
    } finally {
      setSending(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="outbox-title" data-testid="outbox">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="outbox-title">
          {t('fieldwork.outbox.title')}
        </Text>
        {pending > 0 ? (
          <Button size="xs" onClick={send} loading={sending} disabled={!online}>
            {t('fieldwork.outbox.sendNow')}
          </Button>
        ) : null}
      </Group>
      {pending > 0 ? (
        <Text size="sm" mb="xs" data-testid="outbox-pending">
          {t('fieldwork.outbox.pendingCount', { count: pending })}
        </Text>
      ) : null}
      {result ? (
        <Text size="xs" c="dimmed" mb="xs" role="status">
          {t('fieldwork.outbox.sendResult', { ...result })}
        </Text>
      ) : null}
      <Stack gap="xs">
        {visits.map((visit) => (
          // On a phone the row is narrow: the state badge sits beside the label, the actions below.
          <div key={visit.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text size="sm">{visit.label}</Text>
              <Badge
                color={STATE_COLOR[visit.state]}
                variant="light"
                style={{ flexShrink: 0 }}
                data-testid={`outbox-state-${visit.state}`}
              >
                {t(`fieldwork.outbox.${visit.state}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {visit.state === 'sent' && visit.sentAt
                ? `${t('fieldwork.outbox.sentAt', { time: format.dateTime(visit.sentAt) })} · ${t(
                    visit.taskStatus === 'closed'
                      ? 'fieldwork.outbox.taskClosed'
                      : 'fieldwork.outbox.taskVisited',
                  )}`
                : t('fieldwork.outbox.savedAt', { time: format.dateTime(visit.savedAt) })}
            </Text>
            {visit.state === 'failed' ? (
              <>
                {visit.error ? (
                  <Text size="xs" c="red">
                    {i18n.language === 'en' ? visit.error.en : visit.error.id}
                  </Text>
                ) : null}
                <Group gap="xs" mt={4}>
                  <Button size="compact-sm" variant="light" onClick={() => void retryVisit(visit.id)}>
                    {t('fieldwork.outbox.retry')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    onClick={() =>
                      discarding === visit.id ? void discardVisit(visit.id) : setDiscarding(visit.id)
                    }
                  >
                    {t(discarding === visit.id ? 'fieldwork.outbox.discardSure' : 'fieldwork.outbox.discard')}
                  </Button>
                </Group>
              </>
            ) : null}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
