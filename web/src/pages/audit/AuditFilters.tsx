import { Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';

/** Actions the server writes (docs/security.md). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.csrf_rejected',
  'auth.token_rejected',
  'auth.password_changed',
  'user.create',
  'user.update',
  'user.password_reset',
  'user.unlock',
  'token.create',
  'token.revoke',
  'record.read',
  'record.reveal',
  'record.status_change',
  'registry.import',
  'export.import_rejects',
  'export.audit',
] as const;

export interface AuditFilter {
  action: string;
  actor: string;
  subject_type: string;
  subject_id: string;
  /** Calendar days (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilter = {
  action: '',
  actor: '',
  subject_type: '',
  subject_id: '',
  from: '',
  to: '',
};

/** The filter as the API's query: days become the instants that bound them in the user's time zone. */
export function auditQuery(filter: AuditFilter): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['action', 'actor', 'subject_type', 'subject_id'] as const) {
    if (filter[key].trim()) query[key] = filter[key].trim();
  }
  if (filter.from) query.from = new Date(`${filter.from}T00:00:00`).toISOString();
  if (filter.to) query.to = new Date(`${filter.to}T23:59:59.999`).toISOString();
  return query;
}

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange(next: AuditFilter): void }) {
  const { t } = useTranslation();
  const set = (key: keyof AuditFilter) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <Paper withBorder p="md" role="search" aria-label={t('audit.filter')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Select
          label={t('audit.action')}
          placeholder={t('search.all')}
          clearable
          searchable
          data={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
          value={value.action || null}
          onChange={(action) => set('action')(action ?? '')}
        />
        <TextInput
          label={t('audit.actor')}
          description={t('audit.actorHint')}
          value={value.actor}
          onChange={(event) => set('actor')(event.currentTarget.value)}
        />
        <Select
          label={t('audit.subjectType')}
          placeholder={t('search.all')}
          clearable
          data={['person', 'household', 'user', 'import', 'token'].map((type) => ({
            value: type,
            label: t(`audit.subjects.${type}`),
          }))}
          value={value.subject_type || null}
          onChange={(type) => set('subject_type')(type ?? '')}
        />
        <TextInput
          label={t('audit.subjectId')}
          value={value.subject_id}
          onChange={(event) => set('subject_id')(event.currentTarget.value)}
        />
        <DateField label={t('audit.from')} value={value.from} onChange={set('from')} />
        <DateField label={t('audit.to')} value={value.to} onChange={set('to')} />
      </SimpleGrid>
    </Paper>
  );
}
