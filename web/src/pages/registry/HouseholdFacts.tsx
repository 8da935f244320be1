import { useTranslation } from 'react-i18next';
import type { Household } from '../../api/types.ts';
import { Facts } from '../../components/Facts.tsx';
import { useVocabulary } from '../../i18n/vocabulary.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';

export function HouseholdFacts({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const regions = useRegionDirectory();
  const address = [h.address, h.rt && `RT ${h.rt}`, h.rw && `RW ${h.rw}`].filter(Boolean).join(', ');
  const livestock = Object.entries(h.livestock)
    .map(([kind, count]) => `${vocabulary('ternak', kind)}: ${count}`)
    .join(', ');
  return (
    <Facts
      items={[
        { label: t('common.kk'), value: <code data-testid="household-kk">{h.kk}</code> },
        { label: t('common.desil'), value: h.desil ?? '–' },
        { label: t('household.members_short'), value: h.members },
        { label: t('common.desa'), value: regions.name(h.desa_code) },
        { label: t('common.kecamatan'), value: regions.name(h.desa_code.slice(0, 8)) },
        { label: t('household.address'), value: address || '–' },
        { label: t('household.dusun'), value: h.dusun ?? '–' },
        { label: t('household.periods'), value: `${h.first_period} – ${h.last_period}` },
        { label: t('household.floor'), value: vocabulary('jenis_lantai', h.floor_type) },
        { label: t('household.wall'), value: vocabulary('jenis_dinding', h.wall_type) },
        { label: t('household.roof'), value: vocabulary('jenis_atap', h.roof_type) },
        { label: t('household.water'), value: vocabulary('sumber_air_minum', h.drinking_water) },
        { label: t('household.sanitation'), value: vocabulary('fasilitas_bab', h.sanitation) },
        { label: t('household.lighting'), value: vocabulary('sumber_penerangan', h.lighting) },
        { label: t('household.cookingFuel'), value: vocabulary('bahan_bakar_memasak', h.cooking_fuel) },
        { label: t('household.ownership'), value: vocabulary('status_kepemilikan_rumah', h.house_ownership) },
        {
          label: t('household.assets'),
          value: h.assets.length ? h.assets.map((a) => vocabulary('aset', a)).join(', ') : '–',
        },
        { label: t('household.livestock'), value: livestock || '–' },
      ]}
    />
  );
}
