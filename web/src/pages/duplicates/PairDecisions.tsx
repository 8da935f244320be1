import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';

interface PairDecision {
  id: number;
  same: boolean;
  reason: string | null;
  decided_by: string;
  decided_at: string;
}

/** Earlier decisions on the same two people, newest first: a later decision supersedes them. */
export function PairDecisions({ personA, personB }: { personA: number; personB: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decisions = useQuery({
    queryKey: ['pair-decisions', personA, personB],
    queryFn: () =>
      api<PairDecision[]>(`/api/validation/pair-decisions?person_a=${personA}&person_b=${personB}`),
  });
  const rows = decisions.data ?? [];
  const name = useActorNames(useMemo(() => rows.map((row) => row.decided_by), [rows]));
  if (rows.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mt="md" mb={4}>
        {t('duplicates.earlier')}
      </Text>
      <List size="sm" spacing={2} data-testid="pair-decisions">
        {rows.map((row) => (
          <List.Item key={row.id}>
            {format.dateTime(row.decided_at)} · {name(row.decided_by)} ·{' '}
            <b>{row.same ? t('duplicates.same') : t('duplicates.notSame')}</b>
            {row.reason ? ` · ${row.reason}` : ''}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
