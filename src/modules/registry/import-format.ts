/**
 * The flat DTSEN-style import format: one row per person, the household's columns repeated on
 * every member's row. docs/import-format.md documents it for operators.
 */
export const HOUSEHOLD_COLUMNS = [
  'id_keluarga',
  'no_kk',
  'kode_desa',
  'alamat',
  'rt',
  'rw',
  'dusun',
  'desil',
  'jenis_lantai',
  'jenis_dinding',
  'jenis_atap',
  'sumber_air_minum',
  'fasilitas_bab',
  'sumber_penerangan',
  'bahan_bakar_memasak',
  'status_kepemilikan_rumah',
  'aset',
  'ternak',
] as const;

export const PERSON_COLUMNS = [
  'id_individu',
  'nik',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'hubungan_keluarga',
  'nama_ibu_kandung',
  'status_perkawinan',
  'pendidikan',
  'pekerjaan',
  'disabilitas',
] as const;

export const IMPORT_COLUMNS = [...HOUSEHOLD_COLUMNS, ...PERSON_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ImportRow = Record<ImportColumn, string>;

/** A row is rejected when any of these is empty. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'id_keluarga',
  'no_kk',
  'kode_desa',
  'desil',
  'id_individu',
  'nik',
  'nama',
  'jenis_kelamin',
  'tanggal_lahir',
  'hubungan_keluarga',
];
