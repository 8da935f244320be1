import type { VOCABULARY } from '../registry/vocabulary.ts';

export type Sex = 'L' | 'P';
type Code<F extends keyof typeof VOCABULARY> = (typeof VOCABULARY)[F][number];
export type Relation = Code<'hubungan_keluarga'>;
export type Marital = Code<'status_perkawinan'>;
export type Education = Code<'pendidikan'>;
export type Disability = Code<'disabilitas'>;

/** Why a person may not be changed by the period events: their record is part of a ground truth. */
export type ProblemRole = 'duplicate' | 'dead' | 'asn' | 'nik_inconsistent';

export interface Person {
  id: string;
  /** Empty when the record lacks a NIK (the importer rejects such rows). */
  nik: string;
  name: string;
  sex: Sex;
  birthPlace: string;
  /** Birth date as recorded, in day numbers (dates.ts). */
  birthDay: number;
  relation: Relation;
  motherName: string;
  marital: Marital;
  education: Education;
  occupation: string;
  disability: Disability;
  role: ProblemRole | null;
  /** Cached CSV text of the person columns; cleared when a column changes. */
  csv: string | null;
}

export interface Desa {
  code: string;
  name: string;
  kecamatanCode: string;
  kecamatanName: string;
  isKelurahan: boolean;
  /** Poverty pocket effect on the welfare score (negative: poorer). */
  welfareEffect: number;
  dusun: readonly string[];
  /** Number of RW per dusun (or in the kelurahan) and RT per RW. */
  rwCount: number;
  rtPerRw: number;
}

export interface Housing {
  jenis_lantai: string;
  jenis_dinding: string;
  jenis_atap: string;
  sumber_air_minum: string;
  fasilitas_bab: string;
  sumber_penerangan: string;
  bahan_bakar_memasak: string;
  status_kepemilikan_rumah: string;
}

export interface Household {
  id: string;
  kk: string;
  desa: Desa;
  address: string;
  rt: string;
  rw: string;
  dusun: string;
  desil: number;
  housing: Housing;
  /** One uniform draw per asset: an asset is owned when its draw is below the desil's probability. */
  assetDraws: number[];
  livestock: string;
  members: Person[];
  /** Holds a ground-truth record: never leaves, moves or splits, so the truth holds in every period. */
  pinned: boolean;
  csv: string | null;
}
