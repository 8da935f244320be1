import {
  Button,
  Fieldset,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AreaSelect } from '../users/AreaSelect.tsx';
import { districtToday } from './quarter.ts';
import type { PillarMember } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((code) => b.includes(code));

/**
 * Adds a member (no `member`) or changes one. A change sends only the fields that changed: the
 * server changes the member's login with them, which needs access.manage_users, and a masked NIK
 * must not be sent back.
 */
export function MemberForm({ member, onDone }: { member?: PillarMember; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { can } = useSession();
  const { types, label } = usePillarTypes();
  const [name, setName] = useState(member?.name ?? '');
  const [nik, setNik] = useState(member?.nik ?? '');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [type, setType] = useState<string | null>(member?.pillar_type ?? null);
  const [organisation, setOrganisation] = useState(member?.organisation ?? '');
  const [activeFrom, setActiveFrom] = useState(member?.active_from ?? districtToday());
  const [activeUntil, setActiveUntil] = useState(member?.active_until ?? '');
  const [areas, setAreas] = useState<string[]>(member?.areas.map((a) => a.code) ?? []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const needsOrganisation = types.find((item) => item.code === type)?.has_organisation ?? false;
  const offerLogin = !member && can(PERMISSIONS.manageUsers);

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        name: name.trim(),
        nik: nik.trim() || null,
        phone: phone.trim() || null,
        pillar_type: type,
        organisation: needsOrganisation ? organisation.trim() || null : null,
        active_from: activeFrom,
        active_until: activeUntil || null,
      };
      if (!member) {
        const login = offerLogin && username.trim() ? { username: username.trim(), password } : undefined;
        return api<PillarMember>('/api/pillars/members', {
          method: 'POST',
          json: { ...fields, areas, ...(login ? { login } : {}) },
        });
      }
      const changed = Object.fromEntries(
        Object.entries(fields).filter(
          ([key, value]) => (member[key as keyof PillarMember] ?? null) !== value,
        ),
      );
      const before = member.areas.map((a) => a.code);
      return api<PillarMember>(`/api/pillars/members/${member.id}`, {
        method: 'PATCH',
        json: { ...changed, ...(sameSet(before, areas) ? {} : { areas }) },
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['pillar-members'] });
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
          label={t('common.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('common.nik')}
            description={t('pillars.members.nikHint')}
            inputMode="numeric"
            maxLength={16}
            value={nik}
            onChange={(event) => setNik(event.currentTarget.value)}
          />
          <TextInput
            label={t('pillars.members.phone')}
            type="tel"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Select
          label={t('pillars.type')}
          required
          searchable
          data={types.map((item) => ({ value: item.code, label: label(item.code) }))}
          value={type}
          onChange={setType}
          comboboxProps={{ withinPortal: false }}
        />
        {needsOrganisation ? (
          <TextInput
            label={t('pillars.members.organisation')}
            description={t('pillars.members.organisationHint')}
            required
            value={organisation}
            onChange={(event) => setOrganisation(event.currentTarget.value)}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('pillars.members.activeFrom')}
            required
            value={activeFrom}
            onChange={setActiveFrom}
          />
          <DateField
            label={t('pillars.members.activeUntil')}
            description={t('pillars.members.activeUntilHint')}
            value={activeUntil}
            onChange={setActiveUntil}
          />
        </SimpleGrid>
        <AreaSelect value={areas} onChange={setAreas} desaOnly={false} />
        {offerLogin ? (
          <Fieldset legend={t('pillars.members.login')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('pillars.members.loginHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('users.username')}
                autoComplete="off"
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('users.password')}
                description={t('users.passwordHint')}
                required={Boolean(username.trim())}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
            </SimpleGrid>
          </Fieldset>
        ) : null}
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
