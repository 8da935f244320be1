import { compileFields } from '../compare/compile.ts';
import { PERSON_SETTINGS } from '../person-settings.ts';
import { prepareRecords } from '../prepare/records-builder.ts';
import type { FieldSettings, LinkageSettings } from '../settings.ts';
import type { PersonRecord } from '../types.ts';

/** The label of the level two records reach on one field of the settings ('missing' when absent). */
export function levelOf(
  field: string,
  a: Omit<PersonRecord, 'id'>,
  b: Omit<PersonRecord, 'id'>,
  settings: LinkageSettings = PERSON_SETTINGS,
): string {
  const prepared = prepareRecords([
    { id: 'a', ...a },
    { id: 'b', ...b },
  ]);
  const f = settings.fields.findIndex((candidate) => candidate.name === field);
  const level = compileFields(prepared.columns, settings).comparators[f]?.(0, 1) ?? -1;
  return level < 0 ? 'missing' : ((settings.fields[f] as FieldSettings).levels[level]?.label ?? '');
}

const GIVEN = [
  'Slamet',
  'Sri',
  'Siti',
  'Budi',
  'Joko',
  'Tukiman',
  'Suparmi',
  'Wahyuni',
  'Sukirman',
  'Muhammad',
];
const SECOND = [
  'Riyadi',
  'Aminah',
  'Santoso',
  'Wahyudi',
  'Lestari',
  'Hidayat',
  'Rahayu',
  'Yusuf',
  'Purnomo',
  '',
];
const MOTHERS = ['Painem', 'Tumini', 'Katini', 'Sutinah', 'Poniyem', 'Suwarni'];

/**
 * A small district: `people` persons, and for every fifth a second record with one of the
 * differences real registers show. Returns the records and the true pairs. Deterministic.
 */
export function smallDistrict(
  people: number,
  seed: number,
): { records: PersonRecord[]; truth: [string, string][] } {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const records: PersonRecord[] = [];
  const truth: [string, string][] = [];
  for (let p = 0; p < people; p++) {
    const female = next() < 0.5;
    const year = 1940 + Math.floor(next() * 70);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const dd = String(female ? day + 40 : day).padStart(2, '0');
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const desa = `35.19.0${1 + Math.floor(next() * 3)}.200${1 + Math.floor(next() * 5)}`;
    const record: PersonRecord = {
      id: `P${p}`,
      name: `${pick(GIVEN)} ${pick(SECOND)}`.trim(),
      nik: `351901${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${digits(4)}`,
      kk: `3519${digits(12)}`,
      sex: female ? 'P' : 'L',
      birth_date: date,
      birth_place: pick(['Madiun', 'Ngawi', 'Magetan']),
      mother_name: pick(MOTHERS),
      area_code: desa,
    };
    records.push(record);
    if (p % 5 !== 0) continue;
    const copy: PersonRecord = { ...record, id: `P${p}-2` };
    switch (p % 4) {
      case 0:
        copy.name = `H. ${record.name}`;
        copy.nik = `${record.nik?.slice(0, 15)}${(Number(record.nik?.[15]) + 1) % 10}`;
        break;
      case 1:
        copy.birth_date = `${year}-01-01`;
        copy.kk = `3519${digits(12)}`;
        break;
      case 2:
        copy.nik = '';
        copy.name = (record.name ?? '').split(' ').reverse().join(' ');
        break;
      default:
        copy.mother_name = '';
        copy.area_code = '35.19.04.2009';
    }
    records.push(copy);
    truth.push([record.id, copy.id]);
  }
  return { records, truth };
}

/** Settings for small fixtures: fewer sampled pairs, so that tests stay fast. */
export const SMALL_SETTINGS: LinkageSettings = {
  ...PERSON_SETTINGS,
  uSampleSize: 20_000,
  trainingPairLimit: 20_000,
};
