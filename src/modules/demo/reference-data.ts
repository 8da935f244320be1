/**
 * Reads the reference files the generator draws from: the Kemendagri region codes (the
 * kabupaten's own kecamatan and desa, the neighbouring kabupaten/kota people move from, and
 * East Javanese place names for dusun) and the name lists. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { faker } from '@faker-js/faker/locale/id_ID';
import { parse } from 'csv-parse/sync';
import type { NameSources } from './names.ts';

const REGIONS_CSV = join(
  import.meta.dirname,
  '..',
  'regions',
  'data',
  'wilayah_kemendagri_2025_indonesia.csv',
);
const NAMES_DIR = join(import.meta.dirname, 'name-lists');

/**
 * Where people of Kabupaten Madiun move from and to: Kota Madiun (the city the kabupaten
 * surrounds) and the bordering kabupaten, with their share of those moves.
 */
const NEIGHBOURS: ReadonlyArray<readonly [code: string, share: number]> = [
  ['35.77', 0.3],
  ['35.02', 0.18],
  ['35.20', 0.15],
  ['35.21', 0.15],
  ['35.18', 0.12],
  ['35.22', 0.1],
];

export interface DesaRef {
  code: string;
  name: string;
  kecamatanCode: string;
  kecamatanName: string;
  isKelurahan: boolean;
}

export interface NeighbourRef {
  code: string;
  /** Short name as written for a birth place ('Ponorogo', 'Madiun'). */
  placeName: string;
  share: number;
  kecamatanCodes: string[];
  desaCodes: string[];
}

export interface ReferenceData {
  kabupatenCode: string;
  kabupatenName: string;
  /** Birth place written for people born in the kabupaten. */
  placeName: string;
  desa: DesaRef[];
  neighbours: NeighbourRef[];
  /** Desa names from elsewhere in the province, which dusun names resemble. */
  dusunNames: string[];
  names: NameSources;
  /** Spelling-variant groups of name_variants.json, canonical spelling first. */
  variantGroups: string[][];
}

const cache = new Map<string, ReferenceData>();

export function loadReferenceData(kabupatenCode = '35.19'): ReferenceData {
  const cached = cache.get(kabupatenCode);
  if (cached) return cached;
  const data = { ...readRegions(kabupatenCode), ...readNames() };
  cache.set(kabupatenCode, data);
  return data;
}

interface RegionRow {
  kode: string;
  nama: string;
  level: string;
  jenis: string;
}

function readRegions(kabupatenCode: string) {
  const province = kabupatenCode.slice(0, 2);
  // Only the province's rows are parsed: a tenth of the national file.
  const lines = readFileSync(REGIONS_CSV, 'utf8').split('\n');
  const provinceLines = lines.filter((line) => line.startsWith(`${province}.`));
  const rows: RegionRow[] = parse([lines[0], ...provinceLines].join('\n'), { columns: true });
  const byCode = new Map(rows.map((row) => [row.kode, row]));

  const kabupaten = byCode.get(kabupatenCode);
  if (!kabupaten) throw new Error(`Kabupaten ${kabupatenCode} is not in ${REGIONS_CSV}`);
  const desa: DesaRef[] = rows
    .filter((row) => row.level === 'desa_kelurahan' && row.kode.startsWith(`${kabupatenCode}.`))
    .map((row) => {
      const kecamatanCode = row.kode.slice(0, 8);
      return {
        code: row.kode,
        name: row.nama,
        kecamatanCode,
        kecamatanName: byCode.get(kecamatanCode)?.nama ?? kecamatanCode,
        isKelurahan: row.jenis === 'kelurahan',
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  if (desa.length === 0) throw new Error(`No desa of ${kabupatenCode} in ${REGIONS_CSV}`);

  const neighbours: NeighbourRef[] = NEIGHBOURS.filter(
    ([code]) => code !== kabupatenCode && byCode.has(code),
  ).map(([code, share]) => ({
    code,
    placeName: placeName(byCode.get(code)?.nama ?? code),
    share,
    kecamatanCodes: rows
      .filter((row) => row.level === 'kecamatan' && row.kode.startsWith(`${code}.`))
      .map((r) => r.kode),
    desaCodes: rows
      .filter((row) => row.level === 'desa_kelurahan' && row.kode.startsWith(`${code}.`))
      .map((r) => r.kode),
  }));
  const ownNames = new Set(desa.map((d) => d.name));
  const dusunNames = [
    ...new Set(
      rows
        .filter(
          (row) => row.level === 'desa_kelurahan' && !ownNames.has(row.nama) && /^[A-Za-z ]+$/.test(row.nama),
        )
        .map((row) => row.nama),
    ),
  ].sort();
  return {
    kabupatenCode,
    kabupatenName: kabupaten.nama,
    placeName: placeName(kabupaten.nama),
    desa,
    neighbours,
    dusunNames,
  };
}

function placeName(regionName: string): string {
  return regionName.replace(/^(Kabupaten|Kota) /, '');
}

function readNames(): { names: NameSources; variantGroups: string[][] } {
  const list = (file: string) =>
    readFileSync(join(NAMES_DIR, file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const person = faker.rawDefinitions.person;
  const variants = JSON.parse(readFileSync(join(NAMES_DIR, 'name_variants.json'), 'utf8')) as {
    given_name_variant_groups: string[][];
  };
  return {
    names: {
      firstMale: list('mutiawsr_first_male.txt'),
      firstFemale: list('mutiawsr_first_female.txt'),
      firstNeutral: list('mutiawsr_first_neutral.txt'),
      lastMale: list('mutiawsr_last_male.txt'),
      lastFemale: list('mutiawsr_last_female.txt'),
      lastNeutral: list('mutiawsr_last_neutral.txt'),
      fakerFirstMale: person?.first_name?.male ?? [],
      fakerFirstFemale: person?.first_name?.female ?? [],
      fakerLastMale: person?.last_name?.male ?? [],
      fakerLastFemale: person?.last_name?.female ?? [],
    },
    variantGroups: variants.given_name_variant_groups,
  };
}
