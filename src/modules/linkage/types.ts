/**
 * A person as any source records them. Every field but id may be empty; values are read leniently
 * (see docs/linkage.md): sex L/P, dates YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY, NIK and KK 16 digits,
 * area_code a dotted or plain Kemendagri desa code.
 */
export interface PersonRecord {
  id: string;
  name?: string;
  nik?: string;
  kk?: string;
  sex?: string;
  birth_date?: string;
  birth_place?: string;
  mother_name?: string;
  area_code?: string;
  address?: string;
}

export const PERSON_FIELDS = [
  'id',
  'name',
  'nik',
  'kk',
  'sex',
  'birth_date',
  'birth_place',
  'mother_name',
  'area_code',
  'address',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A person's decision on a pair: the same person or not. In link mode `a` is from source A. */
export interface PairDecision {
  a: string;
  b: string;
  same: boolean;
}

/** Dedupe compares records of one source; link compares only records of A with records of B. */
export type LinkMode = 'dedupe' | 'link';
