import { isCalendarDate, isNikFormat } from './nik.ts';
import { VOCABULARY } from './vocabulary.ts';

/**
 * Which fields of a registry record can be corrected (resolving a validation finding, approving a
 * pillar's visit) and how a new value is checked. Keys, desa and status are not here: a record
 * keeps its DTSEN id, a move is the status `pindah`, and a status has its own change.
 */
type Check = (value: string) => string | null;

const oneOf =
  (list: readonly string[]): Check =>
  (value) =>
    list.includes(value) ? null : `must be one of ${list.join(', ')}`;

const sixteenDigits: Check = (value) => (isNikFormat(value) ? null : 'must be 16 digits');
const notEmpty: Check = (value) => (value.trim() ? null : 'must not be empty');
const anyText: Check = () => null;

const isoDate: Check = (value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'must be a date YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? null : 'is not a calendar date';
};

const desil: Check = (value) => (/^([1-9]|10)$/.test(value) ? null : 'must be a whole number 1-10');

export const CORRECTABLE_FIELDS = {
  person: {
    nik: sixteenDigits,
    name: notEmpty,
    sex: oneOf(['L', 'P']),
    birth_place: anyText,
    birth_date: isoDate,
    relationship: oneOf(VOCABULARY.hubungan_keluarga),
    mother_name: anyText,
    marital_status: oneOf(VOCABULARY.status_perkawinan),
    education: oneOf(VOCABULARY.pendidikan),
    occupation: notEmpty,
    disability: oneOf(VOCABULARY.disabilitas),
  },
  household: {
    kk: sixteenDigits,
    desil,
    address: anyText,
    rt: anyText,
    rw: anyText,
    dusun: anyText,
    floor_type: oneOf(VOCABULARY.jenis_lantai),
    wall_type: oneOf(VOCABULARY.jenis_dinding),
    roof_type: oneOf(VOCABULARY.jenis_atap),
    drinking_water: oneOf(VOCABULARY.sumber_air_minum),
    sanitation: oneOf(VOCABULARY.fasilitas_bab),
    lighting: oneOf(VOCABULARY.sumber_penerangan),
    cooking_fuel: oneOf(VOCABULARY.bahan_bakar_memasak),
    house_ownership: oneOf(VOCABULARY.status_kepemilikan_rumah),
  },
} as const satisfies Record<'person' | 'household', Record<string, Check>>;

export type CorrectableField<T extends 'person' | 'household'> = keyof (typeof CORRECTABLE_FIELDS)[T];

/** Why a correction cannot be made, in English; null when the field and value are acceptable. */
export function correctionProblem(type: 'person' | 'household', field: string, value: string): string | null {
  const checks: Record<string, Check> = CORRECTABLE_FIELDS[type];
  const check = Object.hasOwn(checks, field) ? checks[field] : undefined;
  if (!check) return `field "${field}" of a ${type} cannot be corrected`;
  const problem = check(value.trim());
  return problem === null ? null : `${field} ${problem}`;
}
