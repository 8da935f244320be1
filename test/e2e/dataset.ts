import { householdRows, importRow } from '../../src/modules/registry/import/test-fixtures.ts';
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

/** The NIK `householdRows` gives member `member` (1 head, 2 wife, 3 child) of household `n`, born in 1985. */
const headNik = (n: number) => `351901120885${String(n * 10 + 1).padStart(4, '0')}`;

/**
 * The district the findings pages are tested on: households 1-6 as `districtRows`; household 7 in
 * Tambakmas whose head is Sukirman of household 1 recorded a second time (same NIK, name and birth
 * date on another family card); and 40 households of Tanjungrejo, twelve of whose heads are recorded
 * again on a family card of their own: the linkage engine learns from them and finds duplicate pairs.
 */
export function districtForFindings(): ImportRow[] {
  const seventh = householdRows(7, { kode_desa: TAMBAKMAS, desil: '3' }).map((row, i) => ({
    ...row,
    nama: ['Sukirman', 'Marsini', 'Joko Susilo'][i] ?? row.nama,
    ...(i === 0 ? { nik: headNik(1) } : {}),
  }));
  const others = neighbours(40);
  return [...districtRows(), ...seventh, ...others, ...recordedAgain(others, 12)];
}

/**
 * The heads of the first `count` neighbour households recorded a second time, alone on a new family
 * card, as a second registration usually looks: the same NIK, name and birth date.
 */
function recordedAgain(rows: ImportRow[], count: number): ImportRow[] {
  return rows
    .filter((row) => row.hubungan_keluarga === 'kepala_keluarga')
    .slice(0, count)
    .map((row, i) => ({
      ...row,
      id_keluarga: `KEL-${300 + i}`,
      no_kk: `351901010513${String(300 + i).padStart(4, '0')}`,
      id_individu: `KEL-${300 + i}-1`,
    }));
}

const MEN = ['Ahmad', 'Budi', 'Darmaji', 'Gunawan', 'Hadi', 'Joko', 'Kusnadi', 'Marno', 'Paijo', 'Sutrisno'];
const WOMEN = [
  'Aminah',
  'Dwi',
  'Endang',
  'Kartini',
  'Lestari',
  'Murni',
  'Ngatini',
  'Rukmini',
  'Sulastri',
  'Yuni',
];
const FAMILY = ['Santoso', 'Wibowo', 'Purnomo', 'Susanto', 'Hidayat', 'Nugroho', 'Prasetyo', 'Rahayu'];
const PLACES = ['Madiun', 'Ngawi', 'Ponorogo', 'Magetan', 'Surabaya', 'Caruban', 'Nganjuk'];

/**
 * `count` households of Tanjungrejo with distinct names, birth dates, birth places and mothers
 * (NIK agreeing with each), so the linkage engine has a population to learn from: on a handful of
 * look-alike records it would learn nothing and find no pair.
 */
function neighbours(count: number): ImportRow[] {
  const rows: ImportRow[] = [];
  for (let h = 0; h < count; h++) {
    const n = 100 + h;
    const family = FAMILY[h % FAMILY.length] as string;
    const people = [
      { nama: `${MEN[h % MEN.length]} ${family}`, sex: 'L', year: 1960 + (h % 30), rel: 'kepala_keluarga' },
      {
        nama: `${WOMEN[(h * 3) % WOMEN.length]} ${FAMILY[(h + 3) % FAMILY.length]}`,
        sex: 'P',
        year: 1963 + (h % 28),
        rel: 'istri_suami',
      },
      {
        nama: `${MEN[(h * 7 + 3) % MEN.length]} ${family} ${h}`,
        sex: 'L',
        year: 1995 + (h % 20),
        rel: 'anak',
      },
    ];
    people.forEach((person, i) => {
      const month = ((h * 5 + i * 4) % 12) + 1;
      const day = ((h * 11 + i * 7) % 28) + 1;
      const dd = String(person.sex === 'P' ? day + 40 : day).padStart(2, '0');
      const mm = String(month).padStart(2, '0');
      rows.push(
        importRow({
          id_keluarga: `KEL-${n}`,
          no_kk: `351901010512${String(n).padStart(4, '0')}`,
          kode_desa: TANJUNGREJO,
          desil: String((h % 10) + 1),
          id_individu: `KEL-${n}-${i + 1}`,
          nik: `351901${dd}${mm}${String(person.year % 100).padStart(2, '0')}${String(n * 10 + i).padStart(4, '0')}`,
          nama: person.nama,
          jenis_kelamin: person.sex,
          tanggal_lahir: `${person.year}-${mm}-${String(day).padStart(2, '0')}`,
          tempat_lahir: PLACES[(h + i) % PLACES.length] as string,
          nama_ibu_kandung: `${WOMEN[(h + i * 5) % WOMEN.length]} ${FAMILY[(h * 3 + i) % FAMILY.length]}`,
          hubungan_keluarga: person.rel,
        }),
      );
    });
  }
  return rows;
}

/**
 * A Dukcapil death register naming the heads of household 4 (Karyadi, Tambakmas) and household 6
 * (Mulyono, Tanjungrejo) with their NIK, name and birth date: one death finding in each desa.
 */
export function deathRegisterCsv(): string {
  const header =
    'no_akta_kematian,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,tanggal_kematian,kode_desa,nama_ibu_kandung';
  return [
    header,
    `3519-KM-2025-0001,${headNik(4)},Karyadi,L,Madiun,1985-08-12,2025-04-02,${TAMBAKMAS},Painem`,
    `3519-KM-2025-0002,${headNik(6)},Mulyono,L,Madiun,1985-08-12,2025-05-17,${TANJUNGREJO},Painem`,
  ].join('\n');
}
