/**
 * Code lists of the DTSEN-style import format (docs/import-format.md). The importer validates
 * against them and the demo generator draws from them, so both always agree.
 */
export const VOCABULARY = {
  hubungan_keluarga: [
    'kepala_keluarga',
    'istri_suami',
    'anak',
    'menantu',
    'cucu',
    'orang_tua',
    'mertua',
    'famili_lain',
    'lainnya',
  ],
  status_perkawinan: ['belum_kawin', 'kawin', 'cerai_hidup', 'cerai_mati'],
  pendidikan: ['tidak_sekolah', 'belum_tamat_sd', 'sd', 'smp', 'sma', 'diploma', 's1', 's2_s3'],
  disabilitas: [
    'tidak',
    'fisik',
    'intelektual',
    'mental',
    'sensorik_netra',
    'sensorik_rungu',
    'sensorik_wicara',
    'ganda',
  ],
  jenis_lantai: ['tanah', 'bambu', 'kayu_kualitas_rendah', 'semen', 'keramik', 'marmer_granit', 'lainnya'],
  jenis_dinding: [
    'bambu',
    'kayu',
    'anyaman',
    'plesteran_anyaman',
    'tembok_tanpa_plester',
    'tembok',
    'lainnya',
  ],
  jenis_atap: ['jerami_ijuk', 'bambu', 'seng', 'asbes', 'genteng', 'beton', 'lainnya'],
  sumber_air_minum: [
    'air_kemasan',
    'ledeng',
    'sumur_bor',
    'sumur_terlindung',
    'sumur_tak_terlindung',
    'mata_air',
    'sungai',
    'air_hujan',
    'lainnya',
  ],
  fasilitas_bab: ['sendiri', 'bersama', 'umum', 'tidak_ada'],
  sumber_penerangan: ['pln_meteran', 'pln_tanpa_meteran', 'non_pln', 'bukan_listrik'],
  bahan_bakar_memasak: [
    'listrik',
    'gas_elpiji',
    'minyak_tanah',
    'kayu_bakar',
    'arang',
    'tidak_memasak',
    'lainnya',
  ],
  status_kepemilikan_rumah: ['milik_sendiri', 'kontrak_sewa', 'bebas_sewa', 'dinas', 'lainnya'],
  aset: [
    'tabung_gas',
    'kulkas',
    'ac',
    'pemanas_air',
    'telepon_rumah',
    'televisi',
    'emas_perhiasan',
    'komputer',
    'sepeda',
    'sepeda_motor',
    'mobil',
    'perahu',
    'lahan',
    'rumah_lain',
  ],
  ternak: ['sapi', 'kerbau', 'kuda', 'babi', 'kambing_domba', 'unggas'],
} as const satisfies Record<string, readonly string[]>;

export type VocabularyField = keyof typeof VOCABULARY;

export const RECORD_STATUSES = [
  'aktif',
  'meninggal',
  'pindah',
  'ganda',
  'tidak_ditemukan',
  'tidak_layak',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
