import { householdRows } from '../../src/modules/registry/import/test-fixtures.ts';
import type { ImportRow } from '../../src/modules/registry/index.ts';

export const TAMBAKMAS = '35.19.01.2001';
export const TANJUNGREJO = '35.19.01.2002';

/** Names of the small district the browser tests look at: household number -> head, wife, child. */
const FAMILIES: Record<number, [string, string, string]> = {
  1: ['Sukirman', 'Painem', 'Bagus Prasetyo'],
  2: ['Wagiman', 'Sri Wahyuni', 'Dewi Lestari'],
  3: ['Suparno', 'Siti Aminah', 'Rudi Hartono'],
  4: ['Karyadi', 'Tumini', 'Eko Saputro'],
  5: ['Slamet Riyadi', 'Sumarni', 'Agus Setiawan'],
  6: ['Mulyono', 'Warsini', 'Nur Hidayah'],
};

/**
 * Six households of three people: four in Tambakmas (desil 1, 2, 4, 7) and two in Tanjungrejo
 * (desil 1 and 9), both desa of Kecamatan Kebonsari.
 */
export function districtRows(): ImportRow[] {
  const plan: [number, string, string][] = [
    [1, TAMBAKMAS, '1'],
    [2, TAMBAKMAS, '2'],
    [3, TAMBAKMAS, '4'],
    [4, TAMBAKMAS, '7'],
    [5, TANJUNGREJO, '1'],
    [6, TANJUNGREJO, '9'],
  ];
  return plan.flatMap(([n, desa, desil]) =>
    householdRows(n, { kode_desa: desa, desil }).map((row, i) => ({
      ...row,
      nama: FAMILIES[n]?.[i] ?? row.nama,
    })),
  );
}
