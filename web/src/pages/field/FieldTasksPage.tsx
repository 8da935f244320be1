import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CheckinCard } from './CheckinCard.tsx';
import { useFieldSync } from './FieldLayout.tsx';
import { MyTargetsCard } from './MyTargetsCard.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';
import { TaskCard } from './TaskCard.tsx';
import { useMyTasks } from './useMyTasks.ts';
import { useOnline } from './useOnline.ts';
import { useOutbox } from './useOutbox.ts';

/** The pilar's field app: their open tasks (kept on the phone) and the visits waiting for a signal. */
export function FieldTasksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const userId = me?.user.id ?? 0;
  const online = useOnline();
  const tasks = useMyTasks(userId);
  const outbox = useOutbox(userId);
  const sync = useFieldSync();
  // A task whose visit waits on the phone (or was just sent) is not visited a second time.
  const saved = new Set(outbox.filter((v) => v.state !== 'failed').map((v) => v.taskId));

  return (
    <Stack maw={720}>
      <PageHeader title={t('fieldwork.field.title')}>
        <Badge color={online ? 'green' : 'gray'} variant="dot" data-testid="connection">
          {t(online ? 'fieldwork.field.online' : 'fieldwork.field.offline')}
        </Badge>
      </PageHeader>
      {!online ? (
        <Alert icon={<IconWifiOff size={18} />} color="gray">
          {t('fieldwork.field.offlineHint')}
        </Alert>
      ) : null}
      <OutboxPanel visits={outbox} online={online} onSend={sync} />
      {tasks.error ? <ErrorAlert error={tasks.error} /> : null}
      {tasks.data ? (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="fetched-at">
              {t('fieldwork.field.fetchedAt', { time: format.dateTime(tasks.data.fetchedAt) })}
              {tasks.data.fromDevice ? ` (${t('fieldwork.field.fromDevice')})` : ''}
            </Text>
            <Button size="xs" variant="light" onClick={() => tasks.refetch()} loading={tasks.isFetching}>
              {t('fieldwork.field.refresh')}
            </Button>
          </Group>
          {tasks.data.data.tasks.length === 0 ? <Text c="dimmed">{t('fieldwork.field.noTasks')}</Text> : null}
          {tasks.data.data.tasks.map((task) => (
            <TaskCard key={task.id} task={task} saved={saved.has(task.id)} />
          ))}
        </>
      ) : null}
      <MyTargetsCard online={online} />
      <CheckinCard online={online} />
    </Stack>
  );
}
