import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS, type ImportRow } from '../import-format.ts';

/** A valid import row; tests override the fields they care about. */
export function importRow(overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    id_keluarga: 'KEL-0001',
    no_kk: '3519010101200001',
    kode_desa: '35.19.01.2001',
    alamat: 'Jl. Mawar 3',
    rt: '001',
    rw: '002',
    dusun: 'Krajan',
    desil: '2',
    jenis_lantai: 'tanah',
    jenis_dinding: 'bambu',
    jenis_atap: 'genteng',
    sumber_air_minum: 'sumur_terlindung',
    fasilitas_bab: 'bersama',
    sumber_penerangan: 'pln_meteran',
    bahan_bakar_memasak: 'kayu_bakar',
    status_kepemilikan_rumah: 'milik_sendiri',
    aset: 'sepeda;televisi',
    ternak: 'unggas:5',
    id_individu: 'IND-0001',
    nik: '3519011208850003',
    nama: 'Sukirman',
    jenis_kelamin: 'L',
    tempat_lahir: 'Madiun',
    tanggal_lahir: '1985-08-12',
    hubungan_keluarga: 'kepala_keluarga',
    nama_ibu_kandung: 'Painem',
    status_perkawinan: 'kawin',
    pendidikan: 'sd',
    pekerjaan: 'petani',
    disabilitas: 'tidak',
    ...overrides,
  };
}

/** A household of a head, a wife and `children` children, all in one desa. */
export function householdRows(n: number, overrides: Partial<ImportRow> = {}, children = 1): ImportRow[] {
  const family = `KEL-${String(n).padStart(4, '0')}`;
  const kk = `35190101012${String(n).padStart(5, '0')}`;
  const base = { id_keluarga: family, no_kk: kk, ...overrides };
  const rows = [
    importRow({ ...base, id_individu: `${family}-1`, nik: nik(n, 1, 12, 'L'), nama: `Kepala ${n}` }),
    importRow({
      ...base,
      id_individu: `${family}-2`,
      nik: nik(n, 2, 15, 'P'),
      nama: `Istri ${n}`,
      jenis_kelamin: 'P',
      tanggal_lahir: '1988-03-15',
      hubungan_keluarga: 'istri_suami',
    }),
  ];
  for (let c = 0; c < children; c++) {
    rows.push(
      importRow({
        ...base,
        id_individu: `${family}-${3 + c}`,
        nik: nik(n, 3 + c, 1 + c, 'L'),
        nama: `Anak ${n}-${c}`,
        tanggal_lahir: `2010-05-${String(1 + c).padStart(2, '0')}`,
        hubungan_keluarga: 'anak',
      }),
    );
  }
  return rows;
}

function nik(household: number, member: number, day: number, sex: 'L' | 'P'): string {
  const dd = String(sex === 'P' ? day + 40 : day).padStart(2, '0');
  return `351901${dd}0885${String((household * 10 + member) % 10000).padStart(4, '0')}`;
}

export function writeCsv(
  path: string,
  rows: readonly Partial<ImportRow>[],
  columns: readonly string[] = IMPORT_COLUMNS,
): string {
  writeFileSync(path, stringify(rows as Record<string, string>[], { header: true, columns: [...columns] }));
  return path;
}
