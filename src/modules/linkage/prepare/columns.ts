/**
 * Records prepared for comparison: one typed array per attribute (columns), built once and shared
 * with the worker threads without copying (SharedArrayBuffer). Memory is a fixed number of bytes
 * per record plus one entry per distinct value.
 */

/** A name or free-text attribute: records point to distinct values, values to tokens. */
export interface TokenColumn {
  /** Per record: value id, -1 when empty. Equal ids mean equal clean text. */
  value: Int32Array;
  /** Per value: id of its canonical key (canonical tokens sorted). */
  key: Int32Array;
  /** Per value: start of its tokens in the token arrays (one extra entry at the end). */
  tokenStart: Int32Array;
  /** Token ids (into RecordColumns.tokens), as written and in canonical form, aligned. */
  cleanTokens: Int32Array;
  canonicalTokens: Int32Array;
  /** Per key: the share of non-empty records holding it (term frequency). */
  keyFrequency: Float64Array;
}

/** A 16-digit number (NIK, KK). */
export interface DigitsColumn {
  /** Per record: id of the number, -1 when empty or not 16 digits. */
  value: Int32Array;
  /** 16 digits per record (0 when empty). */
  digits: Uint8Array;
  /** Per record: the NIK's DDMMYY segment as a number, -1 when it is not a real date. */
  birthSegment: Int32Array;
}

export interface DateColumn {
  /** 0 when empty or not a real date. */
  year: Int16Array;
  month: Uint8Array;
  day: Uint8Array;
  /** Days since 1970-01-01. */
  dayNumber: Int32Array;
}

export interface AreaColumn {
  /** Ids of the desa (10 digits), kecamatan (6) and kabupaten (4) codes; -1 when empty. */
  desa: Int32Array;
  kecamatan: Int32Array;
  kabupaten: Int32Array;
}

export interface RecordColumns {
  count: number;
  /** Records [0, split) are source A and [split, count) source B; split = count when deduplicating. */
  split: number;
  tokens: string[];
  name: TokenColumn;
  mother_name: TokenColumn;
  birth_place: TokenColumn;
  address: TokenColumn;
  nik: DigitsColumn;
  kk: DigitsColumn;
  birth_date: DateColumn;
  /** 0 unknown, 1 L (male), 2 P (female). */
  sex: Uint8Array;
  area_code: AreaColumn;
  /** Per record: the DDMMYY its birth date and sex give a NIK, -1 when unknown (prepare/record-birth-segment.ts). */
  recordBirthSegment: Int32Array;
  /** Per record: the kecamatan code of its area (the first 6 digits, as a NIK's region part), -1 when unknown. */
  kecamatanCode: Int32Array;
  /** 1 when the name carried Alm./Almh.: the source says the person has died. */
  deathHint: Uint8Array;
}

/** Prepared records with their ids (the ids stay on the main thread). */
export interface PreparedRecords {
  columns: RecordColumns;
  ids: string[];
}

export type TokenColumnName = 'name' | 'mother_name' | 'birth_place' | 'address';
export type DigitsColumnName = 'nik' | 'kk';

type TypedArrayConstructor<T> = {
  new (buffer: SharedArrayBuffer, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
};

/** A typed array over shared memory, so that workers read it without a copy. */
export function sharedArray<T>(Type: TypedArrayConstructor<T>, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT), 0, length);
}

/** A shared copy of a plain array of numbers. */
export function sharedFrom<T extends { set(values: ArrayLike<number>): void }>(
  Type: TypedArrayConstructor<T>,
  values: ArrayLike<number>,
): T {
  const out = sharedArray(Type, values.length);
  out.set(values);
  return out;
}
