import { Button, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AreaSelect } from './AreaSelect.tsx';
import { useRoles } from './useRoles.ts';

export const PILLAR_TYPES = [
  'pkh',
  'tksk',
  'pendamping_rehsos',
  'tagana',
  'pordam',
  'slrt',
  'psm',
  'lks',
  'karang_taruna',
] as const;

/** Roles whose areas are desa only; other scoped roles may be given whole kecamatan too. */
const DESA_ONLY = new Set(['operator_desa']);

/** Adds a user (no `user`) or changes one; the server checks the role, areas and password policy. */
export function UserForm({ user, onDone }: { user?: User; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { roles, label } = useRoles();
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.full_name ?? '');
  const [role, setRole] = useState<string | null>(user?.role ?? null);
  const [password, setPassword] = useState('');
  const [areas, setAreas] = useState<string[]>(user?.areas.map((a) => a.code) ?? []);
  const [pillarType, setPillarType] = useState<string | null>(user?.pillar_type ?? null);
  const [agency, setAgency] = useState(user?.agency ?? '');
  const [active, setActive] = useState(user?.active ?? true);
  const scoped = roles.find((r) => r.name === role)?.scoped ?? false;

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        full_name: fullName.trim(),
        role,
        areas: scoped ? areas : [],
        pillar_type: role === 'pilar' ? pillarType : null,
        agency: role === 'opd' ? agency.trim() : null,
      };
      return user
        ? api<User>(`/api/users/${user.id}`, { method: 'PATCH', json: { ...fields, active } })
        : api<User>('/api/users', {
            method: 'POST',
            json: { ...fields, username: username.trim(), password },
          });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('users.username')}
          description={user ? undefined : t('users.usernameHint')}
          required
          disabled={Boolean(user)}
          autoComplete="off"
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <TextInput
          label={t('users.fullName')}
          required
          value={fullName}
          onChange={(event) => setFullName(event.currentTarget.value)}
        />
        <Select
          label={t('users.role')}
          required
          data={roles.map((r) => ({ value: r.name, label: label(r.name) }))}
          value={role}
          onChange={setRole}
          comboboxProps={{ withinPortal: false }}
        />
        {role === 'pilar' ? (
          <Select
            label={t('users.pillarType')}
            required
            data={PILLAR_TYPES.map((type) => ({ value: type, label: t(`users.pillar.${type}`) }))}
            value={pillarType}
            onChange={setPillarType}
            comboboxProps={{ withinPortal: false }}
          />
        ) : null}
        {role === 'opd' ? (
          <TextInput
            label={t('users.agency')}
            required
            value={agency}
            onChange={(event) => setAgency(event.currentTarget.value)}
          />
        ) : null}
        {scoped ? (
          <AreaSelect value={areas} onChange={setAreas} desaOnly={DESA_ONLY.has(role ?? '')} />
        ) : null}
        {user ? (
          <Switch
            label={t('users.active')}
            description={t('users.activeHint')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        ) : (
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
        )}
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('statusChange.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('statusChange.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
