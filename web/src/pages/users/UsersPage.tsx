import { Badge, Button, Menu, Modal, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PasswordResetForm } from './PasswordResetForm.tsx';
import { UserForm } from './UserForm.tsx';
import { useRoles } from './useRoles.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

const locked = (user: User) => Boolean(user.locked_until && new Date(user.locked_until) > new Date());

/** Users with their role and areas: add, change role and areas, reset a password, deactivate, unlock. */
export function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { roles, label, error: rolesError } = useRoles();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>('true');
  // The dialog's content stays while it fades out; `opened` alone closes it.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opened, setOpened] = useState(false);
  // Each opening starts its form afresh.
  const [openings, setOpenings] = useState(0);
  const open = useCallback((next: Dialog) => {
    setDialog(next);
    setOpened(true);
    setOpenings((n) => n + 1);
  }, []);
  const [search] = useDebouncedValue(q.trim(), 300);
  const users = useQuery({
    queryKey: ['users', search, role, active],
    queryFn: () => api<User[]>(`/api/users${queryString({ q: search, role, active })}`),
    placeholderData: keepPreviousData,
  });
  const unlock = useMutation({
    mutationFn: (user: User) => api(`/api/users/${user.id}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });

  const columns = useMemo<ColumnDef<User, unknown>[]>(
    () => [
      { header: t('users.username'), accessorKey: 'username' },
      { header: t('users.fullName'), accessorKey: 'full_name' },
      {
        header: t('users.role'),
        cell: ({ row }) => {
          const { role, pillar_type, agency } = row.original;
          const detail = pillar_type ? t(`users.pillar.${pillar_type}`) : agency;
          return detail ? `${label(role)} (${detail})` : label(role);
        },
      },
      {
        header: t('users.areas'),
        cell: ({ row }) => row.original.areas.map((a) => a.name).join(', ') || '–',
      },
      {
        header: t('common.status'),
        cell: ({ row }) =>
          !row.original.active ? (
            <Badge color="gray" variant="light" miw="max-content">
              {t('users.inactive')}
            </Badge>
          ) : locked(row.original) ? (
            <Badge color="red" variant="light" miw="max-content">
              {t('users.locked')}
            </Badge>
          ) : (
            <Badge color="teal" variant="light" miw="max-content">
              {t('users.activeBadge')}
            </Badge>
          ),
      },
      {
        header: t('household.actions'),
        cell: ({ row }) => (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                size="xs"
                rightSection={<IconDots size={14} />}
                aria-label={t('users.actionsFor', { name: row.original.username })}
              >
                {t('household.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => open({ kind: 'edit', user: row.original })}>
                {t('users.edit')}
              </Menu.Item>
              <Menu.Item onClick={() => open({ kind: 'password', user: row.original })}>
                {t('users.resetPassword')}
              </Menu.Item>
              {locked(row.original) ? (
                <Menu.Item onClick={() => unlock.mutate(row.original)}>{t('users.unlock')}</Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        ),
      },
    ],
    [t, label, unlock, open],
  );

  const close = () => setOpened(false);
  return (
    <Stack>
      <PageHeader title={t('users.title')}>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => open({ kind: 'create' })}>
          {t('users.add')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md" role="search" aria-label={t('users.filter')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('users.search')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
          />
          <Select
            label={t('users.role')}
            placeholder={t('search.all')}
            clearable
            data={roles.map((r) => ({ value: r.name, label: label(r.name) }))}
            value={role}
            onChange={setRole}
          />
          <Select
            label={t('common.status')}
            placeholder={t('search.all')}
            clearable
            data={[
              { value: 'true', label: t('users.activeBadge') },
              { value: 'false', label: t('users.inactive') },
            ]}
            value={active}
            onChange={setActive}
          />
        </SimpleGrid>
      </Paper>
      {rolesError ? <ErrorAlert error={rolesError} /> : null}
      {users.error ? <ErrorAlert error={users.error} /> : null}
      {unlock.error ? <ErrorAlert error={unlock.error} /> : null}
      <DataTable
        caption={t('users.caption')}
        columns={columns}
        data={users.data ?? []}
        rowKey={(user) => user.id}
        emptyText={users.isPending ? t('common.loading') : t('users.none')}
      />
      <Modal
        opened={opened}
        onClose={close}
        title={
          dialog?.kind === 'create'
            ? t('users.add')
            : dialog?.kind === 'edit'
              ? t('users.editTitle', { name: dialog.user.username })
              : dialog
                ? t('users.resetTitle', { name: dialog.user.username })
                : ''
        }
      >
        {dialog?.kind === 'create' ? <UserForm key={openings} onDone={close} /> : null}
        {dialog?.kind === 'edit' ? <UserForm key={openings} user={dialog.user} onDone={close} /> : null}
        {dialog?.kind === 'password' ? (
          <PasswordResetForm key={openings} user={dialog.user} onDone={close} />
        ) : null}
      </Modal>
    </Stack>
  );
}
