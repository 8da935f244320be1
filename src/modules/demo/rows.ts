/**
 * CSV text of the generated files. Values are quoted only when they hold a comma, a quote or a
 * line break, as a spreadsheet writes them. Household and person column text is cached on the
 * record: a household's columns repeat on every member's row and in every period.
 */
import { HOUSEHOLD_COLUMNS, IMPORT_COLUMNS, PERSON_COLUMNS } from '../registry/import-format.ts';
import { formatDay } from './dates.ts';
import type { Household, Person } from './types.ts';
import { assetList } from './welfare.ts';

export const DTSEN_HEADER = IMPORT_COLUMNS.join(',');

/** Columns whose text is not generated from a fixed list and may need quoting. */
const FREE_TEXT = new Set(['alamat', 'dusun', 'nama', 'tempat_lahir', 'nama_ibu_kandung', 'pekerjaan']);

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** The household's rows of the import file, one per member. */
export function householdRows(household: Household): string {
  const shared = householdCsv(household);
  let text = '';
  for (const person of household.members) text += `${shared},${personCsv(person)}\n`;
  return text;
}

function householdCsv(household: Household): string {
  if (household.csv !== null) return household.csv;
  const values: Record<(typeof HOUSEHOLD_COLUMNS)[number], string> = {
    id_keluarga: household.id,
    no_kk: household.kk,
    kode_desa: household.desa.code,
    alamat: household.address,
    rt: household.rt,
    rw: household.rw,
    dusun: household.dusun,
    desil: String(household.desil),
    ...household.housing,
    aset: assetList(household.desil, household.assetDraws, household.housing),
    ternak: household.livestock,
  };
  household.csv = HOUSEHOLD_COLUMNS.map((column) => field(column, values[column])).join(',');
  return household.csv;
}

function personCsv(person: Person): string {
  if (person.csv !== null) return person.csv;
  const values: Record<(typeof PERSON_COLUMNS)[number], string> = {
    id_individu: person.id,
    nik: person.nik,
    nama: person.name,
    jenis_kelamin: person.sex,
    tempat_lahir: person.birthPlace,
    tanggal_lahir: formatDay(person.birthDay),
    hubungan_keluarga: person.relation,
    nama_ibu_kandung: person.motherName,
    status_perkawinan: person.marital,
    pendidikan: person.education,
    pekerjaan: person.occupation,
    disabilitas: person.disability,
  };
  person.csv = PERSON_COLUMNS.map((column) => field(column, values[column])).join(',');
  return person.csv;
}

function field(column: string, value: string): string {
  return FREE_TEXT.has(column) ? csvField(value) : value;
}
