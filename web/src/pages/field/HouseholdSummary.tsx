import { Badge, Card, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useVocabulary } from '../../i18n/vocabulary.ts';
import type { FieldPerson, FieldTask } from './types.ts';

/** The household as the registry had it when the task list was downloaded, the person asked about marked. */
export function HouseholdSummary({ task }: { task: FieldTask }) {
  const { t } = useTranslation();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const household = task.household;
  const person = (member: FieldPerson, marked: boolean) => (
    <List.Item key={member.id}>
      <Text size="sm" span fw={marked ? 700 : undefined}>
        {member.name}
      </Text>
      <Text size="xs" c="dimmed" span>
        {' · '}
        {vocabulary('hubungan_keluarga', member.relationship)}
        {member.birth_date ? ` · ${format.date(member.birth_date)}` : ''}
        {` · ${member.nik}`}
      </Text>
      {marked ? (
        <Badge size="xs" ml={6} variant="light">
          {t('fieldwork.visit.subject')}
        </Badge>
      ) : null}
      {member.status !== 'aktif' ? (
        <Badge size="xs" ml={6} color="gray">
          {t(`status.${member.status}`)}
        </Badge>
      ) : null}
    </List.Item>
  );

  return (
    <Card withBorder component="section" aria-label={t('fieldwork.visit.household')}>
      {household ? (
        <>
          <Text size="sm">
            {t('common.kk')}: {household.kk} · {t('common.desil')}: {household.desil ?? '–'}
          </Text>
          <Text size="sm">
            {t('fieldwork.field.address')}:{' '}
            {[
              household.address,
              household.rt && `RT ${household.rt}`,
              household.rw && `RW ${household.rw}`,
              household.dusun,
            ]
              .filter(Boolean)
              .join(', ')}
            , {household.desa_name}
          </Text>
        </>
      ) : null}
      <Text size="sm" fw={600} mt="xs">
        {t('fieldwork.visit.members')}
      </Text>
      <List spacing={2}>{task.members.map((m) => person(m, m.id === task.person_id))}</List>
      {task.related_person ? (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('fieldwork.visit.related')}
          </Text>
          <List>{person(task.related_person, false)}</List>
        </>
      ) : null}
    </Card>
  );
}
