import { useTranslation } from 'react-i18next';
import { useRegionDirectory } from '../../regions/useRegions.ts';

/** Kecamatan and their desa as grouped options of a single-choice area filter. */
export function useAreaOptions() {
  const { t } = useTranslation();
  const regions = useRegionDirectory();
  const options = regions.kecamatan.map((k) => ({
    group: t('users.kecamatanGroup', { name: k.name }),
    items: [
      { value: k.code, label: t('users.wholeKecamatan', { name: k.name }) },
      ...regions.desaOf(k.code).map((d) => ({ value: d.code, label: `${d.name} (${k.name})` })),
    ],
  }));
  return { options, name: regions.name };
}
