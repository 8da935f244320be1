/**
 * A Dukcapil-style death register: one row per death certificate (akta kematian). Rows are
 * copied from civil registration, not from DTSEN, so they carry their own noise: a NIK left
 * empty or mistyped, the deceased marker Alm./Almh. before the name, a name spelled
 * differently, the desa where the death was reported rather than the home desa.
 */
import type { GeneratorContext } from './context.ts';
import {
  deceasedPrefix,
  nikDigitTypo,
  placeholderDate,
  spellingVariant,
  swapDayMonth,
  typoName,
} from './corruptions.ts';
import { civilDate, formatDay, pad2 } from './dates.ts';
import type { Sex } from './types.ts';

export const DEATH_REGISTER_COLUMNS = [
  'no_akta_kematian',
  'nik',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'tanggal_kematian',
  'kode_desa',
  'nama_ibu_kandung',
] as const;
export type DeathRegisterRow = Record<(typeof DEATH_REGISTER_COLUMNS)[number], string>;

/** Noise a register row may carry compared with the person's registry record. */
export type DeathNoise =
  | 'nik_missing'
  | 'nik_digit'
  | 'deceased_prefix'
  | 'name_typo'
  | 'name_variant'
  | 'date_swap'
  | 'date_placeholder'
  | 'other_desa'
  | 'mother_missing';

export interface Deceased {
  nik: string;
  name: string;
  sex: Sex;
  birthDay: number;
  birthPlace: string;
  motherName: string;
  desaCode: string;
}

/**
 * The register row of a death. `kabupatenDigits` is the registering kabupaten ('3519');
 * `otherDesaCode` is where the death was reported when that is not the home desa; `extractDay`
 * is the day the register was extracted (no certificate is later).
 */
export function deathRegisterRow(
  context: GeneratorContext,
  deceased: Deceased,
  deathDay: number,
  kabupatenDigits: string,
  otherDesaCode: () => string,
  extractDay: number,
): { row: DeathRegisterRow; noise: DeathNoise[] } {
  const random = context.random;
  const noise: DeathNoise[] = [];
  let nik = deceased.nik;
  const nikNoise = random.next();
  if (nik === '' || nikNoise < 0.05) {
    nik = '';
    noise.push('nik_missing');
  } else if (nikNoise < 0.11) {
    nik = nikDigitTypo(random, nik);
    noise.push('nik_digit');
  }
  let name = deceased.name;
  if (random.chance(0.06)) {
    name = typoName(random, name);
    noise.push('name_typo');
  } else if (random.chance(0.08)) {
    const variant = spellingVariant(random, name, context.reference.variantGroups);
    if (variant) {
      name = variant;
      noise.push('name_variant');
    }
  }
  if (random.chance(0.2)) {
    name = deceasedPrefix(name, deceased.sex);
    noise.push('deceased_prefix');
  }
  let birthDay = deceased.birthDay;
  if (random.chance(0.04)) {
    const swapped = random.chance(0.5) ? swapDayMonth(birthDay) : null;
    const changed = swapped ?? placeholderDate(birthDay);
    if (changed !== null) {
      birthDay = changed;
      noise.push(swapped === null ? 'date_placeholder' : 'date_swap');
    }
  }
  let desaCode = deceased.desaCode;
  if (random.chance(0.08)) {
    desaCode = otherDesaCode();
    noise.push('other_desa');
  }
  let mother = deceased.motherName;
  if (random.chance(0.3)) {
    mother = '';
    noise.push('mother_missing');
  }
  // Deaths are registered days to months after they happen; the certificate number carries that date.
  const registrationDay = Math.max(deathDay, Math.min(extractDay, deathDay + random.int(3, 120)));
  const { year, month, day } = civilDate(registrationDay);
  const serial = context.deathCertificates.next(`KM${kabupatenDigits}`, registrationDay, 0);
  return {
    row: {
      no_akta_kematian: `${kabupatenDigits}-KM-${pad2(day)}${pad2(month)}${year}-${String(serial).padStart(4, '0')}`,
      nik,
      nama: name,
      jenis_kelamin: deceased.sex,
      tempat_lahir: deceased.birthPlace,
      tanggal_lahir: formatDay(birthDay),
      tanggal_kematian: formatDay(deathDay),
      kode_desa: desaCode,
      nama_ibu_kandung: mother,
    },
    noise,
  };
}
