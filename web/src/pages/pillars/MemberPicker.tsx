import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import type { PillarMember } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

/** One member, found by name on the server (the list may hold a thousand members). */
export function MemberPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange(id: string | null): void;
}) {
  const { t } = useTranslation();
  const { label } = usePillarTypes();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const members = useQuery({
    queryKey: ['pillar-members', 'pick', q],
    queryFn: () => api<PillarMember[]>(`/api/pillars/members${queryString({ q, limit: 20 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      label={t('pillars.targets.member')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={(members.data ?? []).map((m) => ({
        value: String(m.id),
        label: `${m.name} · ${label(m.pillar_type)}`,
      }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t('pillars.members.none')}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
