import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ApiToken, NewApiToken } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { NewTokenSecret } from './NewTokenSecret.tsx';
import { permissionLabel } from './permissionLabel.ts';
import { RevokeTokenButton } from './RevokeTokenButton.tsx';
import { TokenForm } from './TokenForm.tsx';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken): TokenState {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && new Date(token.expires_at).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const STATE_COLOR: Record<TokenState, string> = { active: 'teal', revoked: 'gray', expired: 'orange' };

/** The user's API tokens for other programs: list, create (the secret shown once) and revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api<ApiToken[]>('/api/tokens') });

  const columns = useMemo<ColumnDef<ApiToken, unknown>[]>(
    () => [
      { header: t('tokens.name'), accessorKey: 'name' },
      {
        header: t('tokens.permissions'),
        cell: ({ row }) => (
          <Group gap={4}>
            {row.original.permissions.map((permission) => (
              <Badge key={permission} variant="light" size="sm" tt="none">
                {permissionLabel(t, permission)}
              </Badge>
            ))}
          </Group>
        ),
      },
      { header: t('tokens.createdAt'), cell: ({ row }) => format.dateTime(row.original.created_at) },
      {
        header: t('tokens.expiresAt'),
        cell: ({ row }) =>
          row.original.expires_at ? format.dateTime(row.original.expires_at) : t('tokens.never'),
      },
      {
        header: t('tokens.lastUsed'),
        cell: ({ row }) => (row.original.last_used_at ? format.dateTime(row.original.last_used_at) : '–'),
      },
      {
        header: t('common.status'),
        cell: ({ row }) => {
          const state = stateOf(row.original);
          return (
            <Badge color={STATE_COLOR[state]} variant="light">
              {t(`tokens.state.${state}`)}
            </Badge>
          );
        },
      },
      {
        header: t('household.actions'),
        cell: ({ row }) =>
          stateOf(row.original) === 'active' ? <RevokeTokenButton token={row.original} /> : null,
      },
    ],
    [t, format],
  );

  return (
    <Stack>
      <PageHeader title={t('tokens.title')} />
      <Text size="sm" c="dimmed" maw={720}>
        {t('tokens.intro')}
      </Text>
      {created ? <NewTokenSecret token={created} onClose={() => setCreated(null)} /> : null}
      <TokenForm onCreated={setCreated} />
      {tokens.error ? <ErrorAlert error={tokens.error} /> : null}
      <DataTable
        caption={t('tokens.caption')}
        columns={columns}
        data={tokens.data ?? []}
        rowKey={(token) => token.id}
        emptyText={tokens.isPending ? t('common.loading') : t('tokens.none')}
      />
    </Stack>
  );
}
