import { Group, Paper, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { DiffCounts, PeriodInfo } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { type DiffKind, DiffList } from './DiffList.tsx';
import classes from './DiffPage.module.css';

const HOUSEHOLD_CHANGES = ['entered', 'left', 'desil_changed', 'moved_desa'] as const;
const PERSON_CHANGES = ['entered', 'left', 'moved_desa'] as const;

/** What changed between two quarterly snapshots, as counts and, for readers of records, as lists. */
export function DiffPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const periods = useQuery({ queryKey: ['periods'], queryFn: () => api<PeriodInfo[]>('/api/periods') });
  const names = (periods.data ?? []).map((p) => p.period);
  const from = params.get('from') ?? names[names.length - 2];
  const to = params.get('to') ?? names[names.length - 1];
  const kind = (params.get('kind') as DiffKind | null) ?? undefined;
  const change = params.get('change') ?? undefined;
  const counts = useQuery({
    queryKey: ['diff', from, to],
    queryFn: () => api<DiffCounts>(`/api/diffs/${from}/${to}`),
    enabled: Boolean(from && to),
  });
  const update = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [key, value] of Object.entries({ from, to, kind, change, ...next })) {
      if (value) merged[key] = value;
    }
    setParams(merged);
  };

  const card = (cardKind: DiffKind, cardChange: string, value: number) => {
    const selected = kind === cardKind && change === cardChange;
    const content = (
      <>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t(`diff.${cardKind}.${cardChange}`)}
        </Text>
        <Text size="xl" fw={700}>
          {format.number(value)}
        </Text>
      </>
    );
    return (
      <Paper
        key={`${cardKind}-${cardChange}`}
        withBorder
        p="sm"
        className={selected ? classes.selected : undefined}
      >
        {can(PERMISSIONS.read) ? (
          <UnstyledButton
            className={classes.card}
            aria-pressed={selected}
            onClick={() => update({ kind: cardKind, change: cardChange, page: undefined })}
          >
            {content}
          </UnstyledButton>
        ) : (
          content
        )}
      </Paper>
    );
  };

  const options = names.map((name) => ({ value: name, label: name }));
  return (
    <Stack>
      <PageHeader title={t('diff.title')} />
      {periods.error ? <ErrorAlert error={periods.error} /> : null}
      {periods.data && names.length < 2 ? <Text>{t('diff.needTwo')}</Text> : null}
      <Group>
        <Select
          label={t('diff.from')}
          data={options}
          value={from ?? null}
          onChange={(v) => v && update({ from: v })}
        />
        <Select
          label={t('diff.to')}
          data={options}
          value={to ?? null}
          onChange={(v) => v && update({ to: v })}
        />
      </Group>
      {counts.error ? <ErrorAlert error={counts.error} /> : null}
      {counts.data ? (
        <>
          <Text fw={600}>{t('diff.householdsTitle')}</Text>
          <div className={classes.grid}>
            {HOUSEHOLD_CHANGES.map((c) => card('households', c, counts.data.households[c]))}
          </div>
          <Text fw={600}>{t('diff.personsTitle')}</Text>
          <div className={classes.grid}>
            {PERSON_CHANGES.map((c) => card('persons', c, counts.data.persons[c]))}
          </div>
        </>
      ) : null}
      {counts.data && kind && change && from && to ? (
        <DiffList
          from={from}
          to={to}
          kind={kind}
          change={change}
          total={(counts.data[kind] as Record<string, number>)[change] ?? 0}
          page={Number(params.get('page') ?? 0)}
          onPageChange={(page) => update({ page: String(page) })}
        />
      ) : null}
    </Stack>
  );
}
