import { Badge, Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { headOf, subjectOf } from './household.ts';
import type { FieldTask } from './types.ts';

/** One task in the pilar's list: what to ask, of whom, where, by when. */
export function TaskCard({ task, saved }: { task: FieldTask; saved: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const subject = subjectOf(task);
  const household = task.household;
  return (
    <Card withBorder padding="sm" component="article" aria-label={subject?.name ?? `#${task.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{subject?.name ?? headOf(task)?.name ?? `#${task.household_id}`}</Text>
          <Text size="sm">{t(`fieldwork.kind.${task.kind}`)}</Text>
          <Text size="xs" c="dimmed">
            {[
              household?.address,
              household?.rt && `RT ${household.rt}`,
              household?.rw && `RW ${household.rw}`,
            ]
              .filter(Boolean)
              .join(', ')}
            {' · '}
            {task.desa_name}
          </Text>
          {task.due_date ? (
            <Text size="xs" c={task.overdue ? 'red' : 'dimmed'}>
              {t('fieldwork.field.due', { date: format.date(task.due_date) })}
            </Text>
          ) : null}
        </div>
        <Group gap={4} wrap="nowrap">
          {task.overdue ? <Badge color="red">{t('fieldwork.field.overdue')}</Badge> : null}
          {saved ? (
            <Badge color="yellow" variant="light">
              {t('fieldwork.field.savedOnPhone')}
            </Badge>
          ) : (
            <Button component={Link} to={`/field/tasks/${task.id}`} size="xs">
              {t('fieldwork.field.visit')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
