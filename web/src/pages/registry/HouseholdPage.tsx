import { Alert, Anchor, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { HouseholdDetail } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { RequestVisitButton } from '../tasks/RequestVisitButton.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { HouseholdFacts } from './HouseholdFacts.tsx';
import { MembersTable } from './MembersTable.tsx';
import { RevealButton } from './RevealButton.tsx';
import { SnapshotsTable } from './SnapshotsTable.tsx';
import { StatusChangeButton } from './StatusChangeButton.tsx';

/** One household: its facts, members, status history and its snapshot in each period. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [revealed, setRevealed] = useState<HouseholdDetail | null>(null);
  const query = useQuery({
    queryKey: ['household', id],
    queryFn: () => api<HouseholdDetail>(`/api/households/${id}`),
  });
  const detail = revealed?.household.id === id ? revealed : query.data;
  const masked = !can(PERMISSIONS.readIdentity);
  const changeable = can(PERMISSIONS.changeStatus);

  return (
    <Stack>
      <Anchor component={Link} to="/registry" size="sm">
        ← {t('household.back')}
      </Anchor>
      <PageHeader
        title={
          detail ? t('household.title', { id: detail.household.family_id }) : t('household.titleLoading')
        }
      >
        {detail ? (
          <Group gap="sm">
            <StatusBadge status={detail.household.status} />
            {changeable ? (
              <StatusChangeButton
                type="household"
                id={id}
                householdId={id}
                current={detail.household.status}
                name={t('household.title', { id: detail.household.family_id })}
              />
            ) : null}
            {can(PERMISSIONS.pillarsTasks) ? <RequestVisitButton householdId={id} /> : null}
            {masked && can(PERMISSIONS.reveal) && detail !== revealed ? (
              <RevealButton id={id} onRevealed={setRevealed} />
            ) : null}
          </Group>
        ) : null}
      </PageHeader>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {detail === revealed && revealed ? (
        <Alert color="orange" variant="light" icon={<IconShieldCheck />} role="status">
          {t('household.revealed')}
        </Alert>
      ) : null}
      {detail ? (
        <>
          <Paper withBorder p="md">
            <HouseholdFacts household={detail.household} />
          </Paper>
          <Section title={t('household.members', { count: detail.members.length })}>
            <MembersTable members={detail.members} householdId={id} changeable={changeable} />
          </Section>
          <Section title={t('household.history')}>
            <HistoryTable detail={detail} />
          </Section>
          <Section title={t('household.snapshots')}>
            <SnapshotsTable snapshots={detail.snapshots} />
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
