import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegionDirectory } from '../../regions/useRegions.ts';

interface AreaSelectProps {
  value: string[];
  onChange(codes: string[]): void;
  /** Only desa (a desa operator); otherwise whole kecamatan may be chosen too. */
  desaOnly: boolean;
  error?: string;
}

/** The desa (and, for pillars and SLRT desks, kecamatan) a user may see, grouped by kecamatan. */
export function AreaSelect({ value, onChange, desaOnly, error }: AreaSelectProps) {
  const { t } = useTranslation();
  const regions = useRegionDirectory();
  const groups = regions.kecamatan.map((k) => ({
    group: t('users.kecamatanGroup', { name: k.name }),
    items: [
      ...(desaOnly ? [] : [{ value: k.code, label: t('users.wholeKecamatan', { name: k.name }) }]),
      // Desa names repeat across kecamatan: the label carries the kecamatan, also in the chosen pill.
      ...regions.desaOf(k.code).map((d) => ({ value: d.code, label: `${d.name} (${k.name})` })),
    ],
  }));
  return (
    <MultiSelect
      label={t('users.areas')}
      description={desaOnly ? t('users.areasDesaHint') : t('users.areasHint')}
      required
      searchable
      clearable
      data={groups}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={t('search.noDesa')}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
