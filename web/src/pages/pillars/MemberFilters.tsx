import { Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAreaOptions } from './useAreaOptions.ts';
import { usePillarTypes } from './usePillarTypes.ts';

export interface MemberFilter {
  q: string;
  type: string | null;
  area: string | null;
  /** 'active': active today; null: every member. */
  active: string | null;
}

/** Name, pillar type, area (a member covering it or lying in it) and active today. */
export function MemberFilters({
  value,
  onChange,
}: {
  value: MemberFilter;
  onChange(next: MemberFilter): void;
}) {
  const { t } = useTranslation();
  const { types, label } = usePillarTypes();
  const areas = useAreaOptions();
  const set = (patch: Partial<MemberFilter>) => onChange({ ...value, ...patch });
  const common = { clearable: true, placeholder: t('search.all'), comboboxProps: { withinPortal: false } };
  return (
    <Paper withBorder p="md" role="search" aria-label={t('pillars.members.filter')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <TextInput
          label={t('pillars.members.search')}
          value={value.q}
          onChange={(event) => set({ q: event.currentTarget.value })}
        />
        <Select
          {...common}
          label={t('pillars.type')}
          data={types.map((type) => ({ value: type.code, label: label(type.code) }))}
          value={value.type}
          onChange={(type) => set({ type })}
        />
        <Select
          {...common}
          searchable
          label={t('pillars.area')}
          data={areas.options}
          value={value.area}
          onChange={(area) => set({ area })}
        />
        <Select
          {...common}
          label={t('common.status')}
          data={[{ value: 'active', label: t('pillars.members.activeToday') }]}
          value={value.active}
          onChange={(active) => set({ active })}
        />
      </SimpleGrid>
    </Paper>
  );
}
