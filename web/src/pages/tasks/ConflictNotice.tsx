import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from './types.ts';

const shown = (value: unknown) =>
  value === null || value === undefined || value === '' ? '–' : String(value);

/** What changed in the record since the task was sent: never overwritten silently. */
export function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle />}
      title={t('fieldwork.changes.conflictTitle')}
      role="alert"
    >
      {conflict.reason === 'record_missing' ? t('fieldwork.changes.conflictMissing') : null}
      {conflict.same_field && conflict.reason !== 'record_missing'
        ? t('fieldwork.changes.conflictSameField')
        : null}
      <List size="sm" mt={4}>
        {conflict.changed_fields.map((change) => (
          <List.Item key={change.field}>
            {t('fieldwork.changes.conflictRow', {
              field: t(`evidence.key.${change.field}`, { defaultValue: change.field }),
              before: shown(change.at_task),
              now: shown(change.now),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
