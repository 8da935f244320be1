import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ChangeRequestCard } from './ChangeRequestCard.tsx';
import type { ChangeRequest } from './types.ts';

const PAGE_SIZE = 20;
const STATES = ['pending', 'approved', 'rejected'] as const;

/** The changes field visits propose for the caller's area, decided one by one with the evidence in view. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = STATES.find((s) => s === params.get('state')) ?? 'pending';
  const page = Number(params.get('page') ?? 0) || 0;
  const list = useQuery({
    queryKey: ['pillars', 'change-requests', state, page],
    queryFn: () =>
      api<ChangeRequest[]>(
        `/api/pillars/change-requests${queryString({ state, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const go = (next: { state?: string; page?: number }) => {
    const search = new URLSearchParams();
    search.set('state', next.state ?? state);
    if (next.page) search.set('page', String(next.page));
    setParams(search);
  };
  const rows = list.data ?? [];
  // The decided card leaves the pending list: this line says what became of it.
  const [decided, setDecided] = useState<{ request: ChangeRequest; decision: 'approve' | 'reject' }>();

  return (
    <Stack maw={900}>
      <PageHeader title={t('fieldwork.changes.title')} />
      <SegmentedControl
        aria-label={t('fieldwork.changes.stateFilter')}
        value={state}
        onChange={(value) => go({ state: value, page: 0 })}
        data={STATES.map((s) => ({ value: s, label: t(`fieldwork.changes.state.${s}`) }))}
        w="fit-content"
      />
      {decided ? (
        <Alert color={decided.decision === 'approve' ? 'green' : 'gray'} role="status">
          {t(
            decided.decision === 'approve'
              ? 'fieldwork.changes.approvedDone'
              : 'fieldwork.changes.rejectedDone',
            {
              id: decided.request.id,
              subject: decided.request.subject_name ?? `#${decided.request.subject_id}`,
            },
          )}
        </Alert>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && rows.length === 0 ? <Text c="dimmed">{t('fieldwork.changes.none')}</Text> : null}
      {rows.map((request) => (
        <ChangeRequestCard
          key={request.id}
          request={request}
          onDecided={(decision) => setDecided({ request, decision })}
        />
      ))}
      {page > 0 || rows.length === PAGE_SIZE ? (
        <Group>
          <Button variant="default" disabled={page === 0} onClick={() => go({ page: page - 1 })}>
            {t('fieldwork.changes.previous')}
          </Button>
          <Button variant="default" disabled={rows.length < PAGE_SIZE} onClick={() => go({ page: page + 1 })}>
            {t('fieldwork.changes.next')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
