/**
 * People who appear on the external lists (death register, civil servant list) but not in the
 * district's registry: residents of the neighbouring kabupaten/kota, or people registered in the
 * kabupaten who have since left. Their NIKs come from the same serial counters as the
 * registry's, so they never collide with a registry NIK by accident.
 */
import type { GeneratorContext } from './context.ts';
import { yearOf, yearsBefore } from './dates.ts';
import { motherName, personName } from './names.ts';
import type { Sex } from './types.ts';

export interface Outsider {
  nik: string;
  name: string;
  sex: Sex;
  birthDay: number;
  birthPlace: string;
  motherName: string;
  /** Desa of residence: in a neighbouring kabupaten/kota, or in the kabupaten for those registered there. */
  desaCode: string;
  /** Digits of the kabupaten/kota the person belongs to ('3577'). */
  kabupatenDigits: string;
}

export function outsider(
  context: GeneratorContext,
  age: number,
  onDay: number,
  fromKabupaten: boolean,
): Outsider {
  const random = context.random;
  const sex: Sex = random.chance(0.5) ? 'L' : 'P';
  const birthDay = random.int(yearsBefore(onDay, age + 1) + 1, yearsBefore(onDay, age));
  const birthYear = yearOf(birthDay);
  let kecamatanCode: string;
  let desaCode: string;
  let birthPlace: string;
  if (fromKabupaten) {
    const desa = random.pick(context.desa);
    kecamatanCode = desa.kecamatanCode;
    desaCode = desa.code;
    birthPlace = context.reference.placeName;
  } else {
    const neighbour = context.neighbour();
    kecamatanCode = random.pick(neighbour.kecamatanCodes);
    desaCode = random.pick(neighbour.desaCodes.filter((code) => code.startsWith(`${kecamatanCode}.`)));
    birthPlace = neighbour.placeName;
  }
  return {
    nik: context.nik(kecamatanCode, birthDay, sex),
    name: personName(random, context.pools, sex, birthYear),
    sex,
    birthDay,
    birthPlace,
    motherName: motherName(random, context.pools, birthYear),
    desaCode,
    kabupatenDigits: kecamatanCode.slice(0, 5).replace('.', ''),
  };
}
