import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { useRegionDirectory } from '../../regions/useRegions.ts';

export interface PersonCriteria {
  nik: string;
  kk: string;
  name: string;
  desa: string;
}

const DIGITS_16 = /^\d{16}$/;

/** Search by NIK, KK, name and desa; the desa list holds only the desa the user may see. */
export function SearchForm({
  initial,
  onSearch,
}: {
  initial: PersonCriteria;
  onSearch(c: PersonCriteria): void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const regions = useRegionDirectory();
  const [criteria, setCriteria] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonCriteria, string>>>({});
  const allowed = me?.scope.all ? null : new Set(me?.scope.desa_codes ?? []);
  // Desa grouped by kecamatan, only those the user may see.
  const desaOptions = regions.kecamatan
    .map((k) => ({
      group: k.name,
      items: regions
        .desaOf(k.code)
        .filter((d) => !allowed || allowed.has(d.code))
        // Desa names repeat across kecamatan: the label carries the kecamatan, also once chosen.
        .map((d) => ({ value: d.code, label: `${d.name} (${k.name})` })),
    }))
    .filter((group) => group.items.length > 0);
  const set = (field: keyof PersonCriteria) => (value: string) =>
    setCriteria((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      ...criteria,
      nik: criteria.nik.trim(),
      kk: criteria.kk.trim(),
      name: criteria.name.trim(),
    };
    const found: typeof errors = {};
    if (next.nik && !DIGITS_16.test(next.nik)) found.nik = t('search.digits16');
    if (next.kk && !DIGITS_16.test(next.kk)) found.kk = t('search.digits16');
    if (next.name && next.name.length < 2) found.name = t('search.nameTooShort');
    setErrors(found);
    if (Object.keys(found).length === 0) onSearch(next);
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} role="search" aria-label={t('search.form')}>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        <TextInput
          label={t('common.nik')}
          inputMode="numeric"
          maxLength={16}
          value={criteria.nik}
          error={errors.nik}
          onChange={(event) => set('nik')(event.currentTarget.value)}
        />
        <TextInput
          label={t('common.kk')}
          inputMode="numeric"
          maxLength={16}
          value={criteria.kk}
          error={errors.kk}
          onChange={(event) => set('kk')(event.currentTarget.value)}
        />
        <TextInput
          label={t('common.name')}
          maxLength={100}
          value={criteria.name}
          error={errors.name}
          onChange={(event) => set('name')(event.currentTarget.value)}
        />
        <Select
          label={t('common.desa')}
          placeholder={t('search.all')}
          searchable
          clearable
          nothingFoundMessage={t('search.noDesa')}
          data={desaOptions}
          value={criteria.desa || null}
          onChange={(value) => set('desa')(value ?? '')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button
          variant="default"
          onClick={() => {
            const empty = { nik: '', kk: '', name: '', desa: '' };
            setCriteria(empty);
            setErrors({});
            onSearch(empty);
          }}
        >
          {t('search.reset')}
        </Button>
        <Button type="submit" leftSection={<IconSearch size={16} />}>
          {t('search.submit')}
        </Button>
      </Group>
    </Paper>
  );
}
